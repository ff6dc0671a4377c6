package io.reelsmith.render;

import io.reelsmith.kernel.MediaException;
import io.reelsmith.kernel.MediaInfo;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Would TikTok, Instagram Reels and YouTube Shorts take this file as it is? An ffprobe of the container and
 * streams against each platform's published upload limits (late 2026), plus the moov-before-mdat order that
 * lets a phone start playing before the download ends. {@link #problems} lists what breaks a limit, empty
 * when the file is publishable everywhere.
 */
public final class PublishCheck {
    /** One platform's limits: longest video, largest file, the smallest short side, the frame rates it keeps. */
    public record Platform(
            String name, double maxSeconds, long maxBytes, int minShortSide, double minFps, double maxFps) {}

    public static final List<Platform> PLATFORMS = List.of(
            // TikTok: uploads up to 10 min; 287.6 MB from iOS (72 MB Android; the web takes more); 540p minimum.
            new Platform("TikTok", 600, 287_600_000L, 540, 23, 60),
            // Instagram Reels: up to 3 min when uploaded as a reel, 4 GB, 23–60 fps.
            new Platform("Reels", 180, 4_000_000_000L, 540, 23, 60),
            // YouTube Shorts: up to 3 min and vertical or square; the upload limit is far above anything here.
            new Platform("Shorts", 180, 256_000_000_000L, 360, 1, 60));

    /** What was read from the file. */
    public record Facts(
            String container,
            String videoCodec,
            String pixelFormat,
            int width,
            int height,
            double fps,
            boolean constantFps,
            String audioCodec,
            int sampleRate,
            double seconds,
            long bytes,
            boolean moovFirst) {}

    private PublishCheck() {}

    public static Facts facts(Path file) throws IOException {
        MediaInfo m = MediaInfo.probe(file);
        return new Facts(
                m.container(),
                m.videoCodec(),
                m.pixelFormat(),
                m.width(),
                m.height(),
                m.fps(),
                m.constantFps(),
                m.audioCodec(),
                m.sampleRate(),
                m.seconds(),
                Files.size(file),
                moovBeforeMdat(file));
    }

    /** Everything that breaks a platform's limits or the common delivery format; empty = publishable. */
    public static List<String> problems(Path file) throws IOException {
        Facts f = facts(file);
        List<String> p = new ArrayList<>();
        if (!f.container().contains("mp4")) p.add("container is " + f.container() + ", not MP4");
        if (!f.moovFirst()) p.add("the index (moov) comes after the media data: not faststart");
        if (!"h264".equals(f.videoCodec())) p.add("video codec is " + f.videoCodec() + ", not H.264");
        if (!"yuv420p".equals(f.pixelFormat())) p.add("pixel format is " + f.pixelFormat() + ", not yuv420p");
        if (f.width() * 16 != f.height() * 9) p.add("frame is " + f.width() + "x" + f.height() + ", not 9:16");
        if (!f.constantFps()) p.add("frame rate is variable");
        if (!"aac".equals(f.audioCodec())) p.add("audio codec is " + f.audioCodec() + ", not AAC");
        else if (f.sampleRate() != 44100 && f.sampleRate() != 48000)
            p.add("audio sample rate is " + f.sampleRate() + " Hz");
        for (Platform pl : PLATFORMS) {
            if (f.seconds() > pl.maxSeconds())
                p.add(String.format(
                        Locale.ROOT, "%s: %.1f s is longer than %.0f s", pl.name(), f.seconds(), pl.maxSeconds()));
            if (f.bytes() > pl.maxBytes()) p.add(pl.name() + ": " + f.bytes() + " bytes is more than " + pl.maxBytes());
            if (Math.min(f.width(), f.height()) < pl.minShortSide())
                p.add(pl.name() + ": " + f.width() + "x" + f.height() + " is under " + pl.minShortSide() + "p");
            if (f.fps() < pl.minFps() || f.fps() > pl.maxFps())
                p.add(String.format(
                        Locale.ROOT,
                        "%s: %.2f fps is outside %.0f–%.0f",
                        pl.name(),
                        f.fps(),
                        pl.minFps(),
                        pl.maxFps()));
        }
        return p;
    }

    /** Reads the top-level MP4 boxes in order: true when {@code moov} comes before {@code mdat}. */
    public static boolean moovBeforeMdat(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
                DataInputStream in = new DataInputStream(raw)) {
            long remaining = Files.size(file);
            while (remaining >= 8) {
                long size = in.readInt() & 0xFFFFFFFFL;
                String type = new String(in.readNBytes(4), StandardCharsets.US_ASCII);
                long header = 8;
                if (size == 1) {
                    size = in.readLong();
                    header = 16;
                } else if (size == 0) {
                    size = remaining;
                }
                if (type.equals("moov")) return true;
                if (type.equals("mdat")) return false;
                if (size < header) throw new MediaException(file.getFileName() + " is not an MP4 (bad box size)");
                in.skipNBytes(size - header);
                remaining -= size;
            }
            return false;
        }
    }
}
