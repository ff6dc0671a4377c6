package io.reelsmith.render;

import io.reelsmith.kernel.Ffmpeg;
import io.reelsmith.kernel.MediaException;
import java.io.IOException;
import java.nio.file.Path;

/** Facts about a video's frames that ffprobe reports per stream. */
public final class Frames {
    private Frames() {}

    /** How long the first video stream lasts (not the container, whose audio may run a few ms longer). */
    public static double videoSeconds(Path video) throws IOException {
        String out = Ffmpeg.probe(video, "-select_streams", "v:0", "-show_entries", "stream=duration", "-of", "csv=p=0")
                .strip();
        try {
            return Double.parseDouble(out);
        } catch (NumberFormatException e) {
            throw new MediaException("ffprobe found no video duration in " + video + ": " + out);
        }
    }
}
