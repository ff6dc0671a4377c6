package io.reelsmith.video;

import io.reelsmith.kernel.Ffmpeg;
import io.reelsmith.kernel.MediaInfo;
import io.reelsmith.script.Script;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Small PNG frames of a block whose file is a video: spread over what the block added, i.e. its last
 * {@link Script#EXTENSION_SECONDS} seconds (a block's file holds its own seconds; block 1's first second is left out,
 * as a later block's would be). What the drift check looks at and the block's poster is cut from.
 */
public final class BlockFrames {
    /** Frames are this wide (9:16): enough for a colour measure or a vision model, cheap to cut and send. */
    public static final int WIDTH = 180, HEIGHT = 320;

    private BlockFrames() { }

    public static List<Path> cut(Path video, int count, Path dir) throws IOException {
        Files.createDirectories(dir);
        double end = MediaInfo.probe(video).seconds();
        double start = Math.max(0, end - Script.EXTENSION_SECONDS);
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double at = start + (end - start) * (i + 0.5) / count;
            Path png = dir.resolve("frame-" + (i + 1) + ".png");
            Ffmpeg.command().input(video, "-ss", String.format(Locale.ROOT, "%.3f", at))
                    .args("-frames:v", "1", "-vf", "scale=" + WIDTH + ":" + HEIGHT).output(png).run();
            out.add(png);
        }
        return out;
    }
}
