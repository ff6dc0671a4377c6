package io.reelsmith.render;

import io.reelsmith.kernel.MediaException;
import io.reelsmith.kernel.Ffmpeg;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Loudness for the short-video platforms: integrated −14 LUFS, true peak under −1 dBTP (TikTok, Reels and
 * Shorts all turn louder uploads down and leave quieter ones quiet). EBU R128 two-pass {@code loudnorm}:
 * the first pass reads only the audio (a fraction of a second for a minute of sound), the second runs
 * inside the final encode. With the measured figures the filter applies one linear gain when that keeps
 * the peaks under the ceiling, and falls back to its dynamic mode otherwise.
 */
public record Loudness(double integrated, double truePeak, double range, double threshold, double offset) {
    public static final double TARGET_LUFS = -14, TARGET_TRUE_PEAK = -1.5, MAX_RANGE = 20;
    /** AAC adds a few tenths of a dB of peak; −1.5 before encoding keeps the file under −1 dBTP. */
    private static final String TARGET = String.format(Locale.ROOT, "I=%.1f:TP=%.1f:LRA=%.1f", TARGET_LUFS, TARGET_TRUE_PEAK, MAX_RANGE);

    /** Measures {@code media}'s audio; null when it is silent (nothing to normalise). */
    public static Loudness measure(Path media) throws IOException {
        String log = Ffmpeg.command().input(media).args("-vn", "-sn").audioFilter("loudnorm=" + TARGET + ":print_format=json").analyse();
        int start = log.lastIndexOf('{'), end = log.lastIndexOf('}');
        if (start < 0 || end < start) throw new MediaException("no loudness measured for " + media.getFileName() + ": " + log.strip());
        JsonNode j = new ObjectMapper().readTree(log.substring(start, end + 1));
        double i = number(j, "input_i");
        if (Double.isInfinite(i) || i < -70) return null;
        return new Loudness(i, number(j, "input_tp"), number(j, "input_lra"), number(j, "input_thresh"), number(j, "target_offset"));
    }

    /** The second pass, ending at 48 kHz stereo (loudnorm works at 192 kHz inside). */
    public String filter() {
        return String.format(Locale.ROOT, "loudnorm=%s:measured_I=%.2f:measured_TP=%.2f:measured_LRA=%.2f:measured_thresh=%.2f:offset=%.2f:linear=true,aresample=48000,aformat=channel_layouts=stereo",
                TARGET, integrated, truePeak, Math.min(range, 99), threshold, offset);
    }

    private static double number(JsonNode j, String field) {
        String v = j.path(field).asText("").strip();
        if (v.equals("-inf")) return Double.NEGATIVE_INFINITY;
        if (v.equals("inf")) return Double.POSITIVE_INFINITY;
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
