package io.reelsmith.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Single frames out of a video. */
public final class Frames {
    private Frames() { }

    /** Writes the very last frame of {@code video} to {@code png} (decoding its last half second; the last one written wins). */
    public static void last(Path video, Path png) throws IOException {
        Files.createDirectories(png.toAbsolutePath().getParent());
        Ffmpeg.command().input(video, "-sseof", "-0.5").args("-update", "1").output(png).timeout(60).run();
    }

    /** How long the first video stream lasts (not the container, whose audio may run a few ms longer). */
    public static double videoSeconds(Path video) throws IOException {
        String out = Ffmpeg.exec(List.of("ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries", "stream=duration",
                "-of", "csv=p=0", video.toString()), 60).strip();
        try {
            return Double.parseDouble(out);
        } catch (NumberFormatException e) {
            throw new MediaException("ffprobe found no video duration in " + video + ": " + out);
        }
    }
}
