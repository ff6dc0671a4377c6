package io.reelsmith.render;

import io.reelsmith.kernel.Ffmpeg;
import io.reelsmith.kernel.MediaException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loudness for the short-video platforms: integrated −14 LUFS, true peak under −1 dBTP (TikTok, Reels and
 * Shorts all turn louder uploads down and leave quieter ones quiet). Measured first with FFmpeg's EBU R128 meter
 * ({@code ebur128}: integrated loudness and sample peak, in the pass that reads the take, {@link TakeFacts}), then
 * applied inside the final encode at the take's own rate:
 * <ul>
 * <li>one linear gain when the sample peaks stay at or under {@link #LIMIT_DBFS} with it — exact, nothing else
 * changes;</li>
 * <li>otherwise the gain and a peak limiter. A limiter lowers the loudness a little (more the more it limits), so
 * a second audio-only pass measures the limited sound at a few gains and the one that lands on the target is
 * interpolated; where even the highest falls short (sound that is nearly all peaks), {@code loudnorm}'s dynamic
 * mode, as before.</li>
 * </ul>
 * {@code loudnorm} for every take cost a 192 kHz resampling inside the encode and a second one in its analysis
 * pass, about 6 % of a 1080x1920 encode's CPU (docs/benchmarks.md, "Render stage").
 *
 * <p>Both ways hold the sample peaks 0.5 dB under {@link #TARGET_TRUE_PEAK} (1 dB under the −1 dBTP ceiling) for
 * the peaks between samples and AAC's overshoot, so the meter reads sample peaks: its true-peak mode (4× oversampling)
 * cost ≈ 0.07 CPU s per 29 s take and decided nothing the limiter path does not already decide on sample peaks.
 */
public record Loudness(double integrated, double samplePeak, double range, double threshold) {
    public static final double TARGET_LUFS = -14, MAX_RANGE = 20;
    /** AAC adds a few tenths of a dB of peak; −1.5 dBTP before encoding keeps the file under −1 dBTP. */
    public static final double TARGET_TRUE_PEAK = -1.5;
    /** Sample peaks stay here (a gain alone, or the limiter): below the true-peak ceiling, for the peaks between samples. */
    static final double LIMIT_DBFS = -2.0;
    /** The meter: integrated loudness, range and sample peak; its per-100 ms lines only at verbose level (not read). */
    static final String METER = "ebur128=peak=sample:framelog=verbose";
    /** The limited sound is measured at the gain plus each of these (dB): the limiter's loss is interpolated. */
    static final double[] STEPS = {0, 1.5, 3};

    private static final Pattern SUMMARY = Pattern.compile("\\[Parsed_ebur128_(\\d+) @ [^]]+] Summary:");
    private static final Pattern INTEGRATED = Pattern.compile("I:\\s+(-?[0-9.]+|-inf) LUFS");
    private static final Pattern THRESHOLD = Pattern.compile("Threshold:\\s+(-?[0-9.]+|-inf) LUFS");
    private static final Pattern RANGE = Pattern.compile("LRA:\\s+(-?[0-9.]+) LU");
    private static final Pattern PEAK = Pattern.compile("Sample peak:\\s+Peak:\\s+(-?[0-9.]+|-inf) dBFS");

    /** Measures {@code media}'s audio (a sound file: a take is read by {@link TakeFacts}); null when it is silent. */
    public static Loudness measure(Path media) throws IOException {
        String log = Ffmpeg.command()
                .label("loudness")
                .input(media)
                .args("-vn", "-sn")
                .audioFilter(METER)
                .analyse();
        return fromLog(log, media);
    }

    /** What {@link #METER} printed in {@code log}; null when the sound is silent (nothing to normalise). */
    static Loudness fromLog(String log, Path media) throws MediaException {
        String summary = summaries(log, media).firstEntry().getValue();
        double i = number(INTEGRATED, summary, media);
        if (i <= -70) return null; // the meter's floor: silence
        return new Loudness(
                i, number(PEAK, summary, media), number(RANGE, summary, media), number(THRESHOLD, summary, media));
    }

    /** The gain that brings the integrated loudness to the target. */
    public double gain() {
        return TARGET_LUFS - integrated;
    }

    /** True when that gain alone keeps the sample peaks at or under {@link #LIMIT_DBFS}, where the limiter holds them. */
    public boolean linear() {
        return samplePeak + gain() <= LIMIT_DBFS;
    }

    /** The filter for the final encode (at the take's rate; the encoder resamples to 48 kHz after it). */
    public String filter(Path media) throws IOException {
        if (linear()) return volume(gain());
        double gain = limitedGain(media);
        return Double.isNaN(gain) ? loudnorm() : volume(gain) + "," + limiter();
    }

    /** The gain that, through the limiter, lands on the target; NaN when none of {@link #STEPS} reaches it. */
    double limitedGain(Path media) throws IOException {
        StringBuilder g = new StringBuilder("[0:a]asplit=").append(STEPS.length);
        for (int k = 0; k < STEPS.length; k++) g.append("[s").append(k).append("]");
        List<String> outputs = new ArrayList<>();
        for (int k = 0; k < STEPS.length; k++) {
            g.append(";[s")
                    .append(k)
                    .append("]")
                    .append(volume(gain() + STEPS[k]))
                    .append(",")
                    .append(limiter())
                    .append(",ebur128=framelog=verbose[o")
                    .append(k)
                    .append("]");
            outputs.addAll(List.of("-map", "[o" + k + "]", "-f", "null", "-"));
        }
        outputs.subList(outputs.size() - 3, outputs.size()).clear(); // analyse() writes the last one to the null muxer
        String log = Ffmpeg.command()
                .label("loudness through the limiter")
                .input(media)
                .filterComplex(g.toString())
                .args(outputs.toArray(String[]::new))
                .analyse();
        List<Double> measured = new ArrayList<>();
        for (String summary : summaries(log, media).values()) measured.add(number(INTEGRATED, summary, media));
        if (measured.size() != STEPS.length)
            throw new MediaException("expected " + STEPS.length + " loudness readings for " + media.getFileName()
                    + ", got " + measured.size());
        return interpolate(measured);
    }

    /** Where the readings (loudness at gain + each step, rising) cross the target; NaN when they never reach it. */
    double interpolate(List<Double> readings) {
        if (readings.get(0) >= TARGET_LUFS) return gain();
        for (int k = 1; k < STEPS.length; k++) {
            double lo = readings.get(k - 1), hi = readings.get(k);
            if (hi >= TARGET_LUFS && hi > lo)
                return gain() + STEPS[k - 1] + (STEPS[k] - STEPS[k - 1]) * (TARGET_LUFS - lo) / (hi - lo);
        }
        return Double.NaN;
    }

    static String volume(double db) {
        return String.format(Locale.ROOT, "volume=%.2fdB", db);
    }

    /** Sample-peak lookahead limiter at {@link #LIMIT_DBFS}, its delay compensated (the sound stays in sync). */
    static String limiter() {
        return String.format(
                Locale.ROOT, "alimiter=limit=%.4f:level=disabled:latency=1", Math.pow(10, LIMIT_DBFS / 20));
    }

    /**
     * Sound that is nearly all peaks: EBU R128 {@code loudnorm} in its dynamic mode (works at 192 kHz inside). Its
     * measured_TP gets the sample peak; that sound is far over the ceiling, so loudnorm runs dynamic either way.
     */
    String loudnorm() {
        return String.format(
                Locale.ROOT,
                "loudnorm=I=%.1f:TP=%.1f:LRA=%.1f:measured_I=%.2f:measured_TP=%.2f:measured_LRA=%.2f:measured_thresh=%.2f",
                TARGET_LUFS,
                TARGET_TRUE_PEAK,
                MAX_RANGE,
                integrated,
                samplePeak,
                Math.min(range, 99),
                threshold);
    }

    /** Each meter's summary in the log, by the filter's index in its graph (the graph's order). */
    private static TreeMap<Integer, String> summaries(String log, Path media) throws MediaException {
        TreeMap<Integer, String> out = new TreeMap<>();
        Matcher m = SUMMARY.matcher(log);
        List<int[]> found = new ArrayList<>(); // filter index, where its summary's header starts and ends
        while (m.find()) found.add(new int[] {Integer.parseInt(m.group(1)), m.start(), m.end()});
        for (int k = 0; k < found.size(); k++) {
            int end = k + 1 < found.size() ? found.get(k + 1)[1] : log.length();
            out.put(found.get(k)[0], log.substring(found.get(k)[2], end));
        }
        if (out.isEmpty())
            throw new MediaException("no loudness measured for " + media.getFileName() + ": " + log.strip());
        return out;
    }

    private static double number(Pattern p, String summary, Path media) throws MediaException {
        Matcher m = p.matcher(summary);
        if (!m.find())
            throw new MediaException("no " + p.pattern() + " in the loudness summary of " + media.getFileName() + ": "
                    + summary.strip());
        return m.group(1).equals("-inf") ? Double.NEGATIVE_INFINITY : Double.parseDouble(m.group(1));
    }
}
