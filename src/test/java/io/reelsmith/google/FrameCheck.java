package io.reelsmith.google;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** What ffprobe/ffmpeg say about a take's frames: their times, and how much each differs from the one before. */
final class FrameCheck {
    private static final int W = 45, H = 80;

    private FrameCheck() { }

    /** Presentation times (s) of every video frame, in order. */
    static List<Double> videoPts(Path video) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries", "frame=pts_time",
                "-of", "csv=p=0", video.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IOException("ffprobe failed: " + out);
        List<Double> pts = new ArrayList<>();
        for (String line : out.split("\n")) if (!line.isBlank()) pts.add(Double.parseDouble(line.strip().replace(",", "")));
        return pts;
    }

    static double largestGap(List<Double> pts) {
        double gap = 0;
        for (int i = 1; i < pts.size(); i++) gap = Math.max(gap, pts.get(i) - pts.get(i - 1));
        return gap;
    }

    /**
     * Mean absolute difference (0-255 grey levels, on a 45x80 thumbnail) between frame i and frame i+1, for
     * i = from .. to-1; element k is the difference between frames from+k and from+k+1.
     */
    static double[] consecutiveDiffs(Path video, int from, int to, Path dir) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("ffmpeg", "-v", "error", "-i", video.toString(), "-vf",
                "select='between(n\\," + from + "\\," + to + ")',scale=" + W + ":" + H + ",format=gray", "-vsync", "0",
                "-f", "rawvideo", "-").redirectError(dir.resolve("framecheck.err").toFile()).start();
        byte[] raw;
        try (InputStream in = p.getInputStream()) {
            raw = in.readAllBytes();
        }
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IOException("ffmpeg failed reading frames of " + video);
        int frames = raw.length / (W * H);
        if (frames != to - from + 1) throw new IOException("expected " + (to - from + 1) + " frames, read " + frames);
        double[] d = new double[frames - 1];
        for (int f = 0; f + 1 < frames; f++) {
            long sum = 0;
            for (int i = 0; i < W * H; i++) sum += Math.abs((raw[f * W * H + i] & 0xFF) - (raw[(f + 1) * W * H + i] & 0xFF));
            d[f] = (double) sum / (W * H);
        }
        return d;
    }
}
