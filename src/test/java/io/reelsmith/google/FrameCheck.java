package io.reelsmith.google;

import io.reelsmith.video.BlockClip;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What ffprobe/ffmpeg say about a take's frames: their times, how much each differs from the one before, and whether
 * each block's first frame in the take is that block's clip's.
 */
final class FrameCheck {
    private static final int W = 45, H = 80;

    private FrameCheck() {}

    /** Presentation times (s) of every video frame, in order. */
    static List<Double> videoPts(Path video) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(
                        "ffprobe",
                        "-v",
                        "error",
                        "-select_streams",
                        "v:0",
                        "-show_entries",
                        "frame=pts_time",
                        "-of",
                        "csv=p=0",
                        video.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IOException("ffprobe failed: " + out);
        List<Double> pts = new ArrayList<>();
        for (String line : out.split("\n"))
            if (!line.isBlank()) pts.add(Double.parseDouble(line.strip().replace(",", "")));
        return pts;
    }

    static double largestGap(List<Double> pts) {
        double gap = 0;
        for (int i = 1; i < pts.size(); i++) gap = Math.max(gap, pts.get(i) - pts.get(i - 1));
        return gap;
    }

    /** Frames {@code numbers} (in increasing order) of {@code video}, each a 45x80 grey thumbnail. */
    static byte[][] thumbnails(Path video, List<Integer> numbers, Path dir) throws IOException, InterruptedException {
        StringBuilder select = new StringBuilder();
        for (int n : numbers)
            select.append(select.length() == 0 ? "" : "+")
                    .append("eq(n\\,")
                    .append(n)
                    .append(')');
        byte[] raw = grey(video, select.toString(), dir);
        if (raw.length != numbers.size() * W * H)
            throw new IOException(
                    "expected " + numbers.size() + " frames of " + video + ", read " + raw.length / (W * H));
        byte[][] out = new byte[numbers.size()][];
        for (int i = 0; i < out.length; i++) out[i] = Arrays.copyOfRange(raw, i * W * H, (i + 1) * W * H);
        return out;
    }

    /** Mean absolute difference of two thumbnails, 0-255 grey levels. */
    static double difference(byte[] a, byte[] b) {
        long sum = 0;
        for (int i = 0; i < a.length; i++) sum += Math.abs((a[i] & 0xFF) - (b[i] & 0xFF));
        return (double) sum / a.length;
    }

    /**
     * For each block, how far the take's frame where the plan puts the block's start is from the first frame of the
     * new seconds Google made for it (in its answer, named by the block's {@code answerFact}; a new clip is its own
     * answer, and a restart's first frame, the one before it, is dropped by the join): a few grey levels of
     * re-encoding when every block is in its place, tens when a chain's start is repeated, a block missing or shifted.
     */
    static double[] blockStarts(Path take, List<BlockClip> blocks, ChainPlan plan, String answerFact, Path dir)
            throws IOException, InterruptedException {
        List<Integer> starts = new ArrayList<>();
        int at = 0;
        for (BlockClip b : blocks) {
            starts.add(at);
            at += plan.call(b.index()).seconds() * plan.fps() - (shares(plan, b) ? 1 : 0);
        }
        byte[][] inTake = thumbnails(take, starts, dir);
        double[] d = new double[blocks.size()];
        for (int i = 0; i < blocks.size(); i++) {
            BlockClip b = blocks.get(i);
            Path answer = b.file()
                    .resolveSibling(b.facts()
                            .getOrDefault(answerFact, b.file().getFileName().toString()));
            int firstNew =
                    videoPts(answer).size() - plan.call(b.index()).seconds() * plan.fps() + (shares(plan, b) ? 1 : 0);
            d[i] = difference(inTake[i], thumbnails(answer, List.of(firstNew), dir)[0]);
        }
        return d;
    }

    private static boolean shares(ChainPlan plan, BlockClip b) {
        return plan.call(b.index()).kind() == ChainPlan.Kind.FIRST_FRAME;
    }

    private static byte[] grey(Path video, String select, Path dir) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(
                        "ffmpeg",
                        "-v",
                        "error",
                        "-i",
                        video.toString(),
                        "-vf",
                        "select='" + select + "',scale=" + W + ":" + H + ",format=gray",
                        "-vsync",
                        "0",
                        "-f",
                        "rawvideo",
                        "-")
                .redirectError(dir.resolve("framecheck.err").toFile())
                .start();
        byte[] raw;
        try (InputStream in = p.getInputStream()) {
            raw = in.readAllBytes();
        }
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0)
            throw new IOException("ffmpeg failed reading frames of " + video);
        return raw;
    }

    /**
     * Mean absolute difference (0-255 grey levels, on a 45x80 thumbnail) between frame i and frame i+1, for
     * i = from .. to-1; element k is the difference between frames from+k and from+k+1.
     */
    static double[] consecutiveDiffs(Path video, int from, int to, Path dir) throws IOException, InterruptedException {
        byte[] raw = grey(video, "between(n\\," + from + "\\," + to + ")", dir);
        int frames = raw.length / (W * H);
        if (frames != to - from + 1) throw new IOException("expected " + (to - from + 1) + " frames, read " + frames);
        double[] d = new double[frames - 1];
        for (int f = 0; f + 1 < frames; f++) {
            long sum = 0;
            for (int i = 0; i < W * H; i++)
                sum += Math.abs((raw[f * W * H + i] & 0xFF) - (raw[(f + 1) * W * H + i] & 0xFF));
            d[f] = (double) sum / (W * H);
        }
        return d;
    }
}
