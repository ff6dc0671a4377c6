package io.reelsmith.subtitle.align;

import io.reelsmith.kernel.Word;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * How long a stretch of a file sounds like speech: 20 ms frames whose power is within 6 dB of the median aligned
 * word's (as {@link EdgeWords} tells a word from a bed). A stretch the decoder called silence that is this loud holds
 * speech it did not match — an added sentence it put into silence and fillers instead of the phone loop.
 */
final class SpeechLevel {
    static final double FRAME = 0.02, DB_BELOW = 6;
    /** Running sum of squared samples: the power of any stretch in constant time. */
    private final double[] energy;

    private final double threshold;

    private SpeechLevel(double[] energy, double threshold) {
        this.energy = energy;
        this.threshold = threshold;
    }

    /** Levels of {@code wav}, with speech as loud as the median of {@code words} (none: nothing counts as speech). */
    static SpeechLevel of(Path wav, List<Word> words) throws IOException {
        float[] samples = SpeechAudio.samples(wav);
        double[] energy = new double[samples.length + 1];
        for (int i = 0; i < samples.length; i++) energy[i + 1] = energy[i] + samples[i] * (double) samples[i];
        SpeechLevel raw = new SpeechLevel(energy, Double.MAX_VALUE);
        double[] db = words.stream()
                .mapToDouble(w -> raw.decibels(w.start(), w.end()))
                .sorted()
                .toArray();
        return new SpeechLevel(energy, db.length == 0 ? Double.MAX_VALUE : db[db.length / 2] - DB_BELOW);
    }

    /** Seconds of [from, to) in 20 ms frames as loud as speech in this file. */
    double seconds(double from, double to) {
        double s = 0;
        for (double t = from; t + FRAME <= to + 1e-9; t += FRAME) if (decibels(t, t + FRAME) >= threshold) s += FRAME;
        return s;
    }

    /** Mean power of a stretch, in dB. */
    double decibels(double start, double end) {
        int a = Math.max(0, Math.min(energy.length - 1, (int) (start * SpeechAudio.RATE)));
        int b = Math.max(a, Math.min(energy.length - 1, (int) (end * SpeechAudio.RATE)));
        return 10 * Math.log10((energy[b] - energy[a]) / Math.max(1, b - a) + 1e-12);
    }
}
