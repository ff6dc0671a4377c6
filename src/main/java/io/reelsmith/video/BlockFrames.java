package io.reelsmith.video;

import io.reelsmith.kernel.AtomicFiles;
import io.reelsmith.kernel.Ffmpeg;
import io.reelsmith.kernel.MediaInfo;
import io.reelsmith.script.Script;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Small PNG frames of a block whose file is a video: spread over what the block added, i.e. its last
 * {@link Script#EXTENSION_SECONDS} seconds (a block's file holds its own seconds; block 1's first second is left out,
 * as a later block's would be). What the drift check looks at and the block's poster is cut from.
 */
public final class BlockFrames {
    /** Frames are this wide (9:16): enough for a colour measure or a vision model, cheap to cut and send. */
    public static final int WIDTH = 180, HEIGHT = 320;

    private BlockFrames() {}

    /**
     * {@code count} frames spread over the last seconds of {@code video}, in one decoding pass (one FFmpeg run per
     * block, not one per frame: the parallel plan checks every block at about the same time).
     */
    public static List<Path> cut(Path video, int count, Path dir) throws IOException {
        Files.createDirectories(dir);
        MediaInfo info = MediaInfo.probe(video);
        double end = info.seconds(), fps = info.fps() > 0 ? info.fps() : 24;
        double start = Math.max(0, end - Script.EXTENSION_SECONDS);
        StringBuilder select = new StringBuilder();
        for (int i = 0; i < count; i++) {
            long n = Math.round((end - start) * (i + 0.5) / count * fps); // frames are counted from the seek point
            select.append(i == 0 ? "" : "+").append("eq(n\\,").append(n).append(')');
        }
        // the frames side by side in one picture (one output FFmpeg writes atomically), then cut apart
        Path strip = dir.resolve("frames.png");
        Ffmpeg.command()
                .input(video, "-ss", String.format(Locale.ROOT, "%.3f", start))
                .args(
                        "-vf",
                        "select='" + select + "',scale=" + WIDTH + ":" + HEIGHT + ",tile=" + count + "x1",
                        "-frames:v",
                        "1")
                .output(strip)
                .run();
        BufferedImage all = ImageIO.read(strip.toFile());
        Files.delete(strip);
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(all.getSubimage(i * WIDTH, 0, WIDTH, HEIGHT), "png", png);
            Path frame = dir.resolve("frame-" + (i + 1) + ".png");
            AtomicFiles.writeAtomically(frame, png.toByteArray());
            out.add(frame);
        }
        return out;
    }
}
