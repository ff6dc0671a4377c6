package io.reelsmith.render;

import io.reelsmith.kernel.MediaException;
import io.reelsmith.kernel.MediaInfo;
import java.io.IOException;
import java.nio.file.Path;

/** Facts about a video's frames that ffprobe reports per stream. */
public final class Frames {
    private Frames() {}

    /** How long the first video stream lasts (not the container, whose audio may run a few ms longer). */
    public static double videoSeconds(Path video) throws IOException {
        return videoSeconds(MediaInfo.probe(video), video); // the one ffprobe reading
    }

    /** The same, from a reading of {@code video} already made. */
    public static double videoSeconds(MediaInfo info, Path video) throws MediaException {
        if (info.videoCodec() == null) throw new MediaException("ffprobe found no video stream in " + video);
        return info.videoSeconds();
    }
}
