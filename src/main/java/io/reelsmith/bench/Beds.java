package io.reelsmith.bench;

import java.util.Random;

/**
 * Background sounds that speech in a generated video competes with, synthesised so the benchmark needs no
 * audio files: a music loop (chords, bass, hi-hat), pink noise, and sound effects (slams, whooshes, chirps,
 * footsteps). Mono samples in [-1, 1]; {@link #mixAtSnr} scales a bed to a chosen speech-to-bed ratio.
 */
final class Beds {
    enum Kind {
        NONE,
        MUSIC,
        NOISE,
        EFFECTS
    }

    private Beds() {}

    static double[] make(Kind kind, int samples, int rate, long seed) {
        return switch (kind) {
            case NONE -> new double[samples];
            case MUSIC -> music(samples, rate, seed);
            case NOISE -> pinkNoise(samples, new Random(seed));
            case EFFECTS -> effects(samples, rate, new Random(seed));
        };
    }

    /** speech + bed × g where g gives 10·log10(P(speech) / P(g·bed)) = snrDb over the whole clip. */
    static double[] mixAtSnr(double[] speech, double[] bed, double snrDb) {
        return mix(speech, bed, snrDb, power(speech));
    }

    /** As {@link #mixAtSnr}, with the speech's power given: measured over the speech alone, not its lead-in and silences after. */
    static double[] mix(double[] speech, double[] bed, double snrDb, double ps) {
        double pb = power(bed);
        double gain = pb == 0 ? 0 : Math.sqrt(ps / (pb * Math.pow(10, snrDb / 10)));
        double[] out = new double[speech.length];
        double peak = 0;
        for (int i = 0; i < out.length; i++) {
            out[i] = speech[i] + gain * bed[i];
            peak = Math.max(peak, Math.abs(out[i]));
        }
        if (peak > 0.99) for (int i = 0; i < out.length; i++) out[i] *= 0.99 / peak; // no clipping
        return out;
    }

    static double power(double[] x) {
        double s = 0;
        for (double v : x) s += v * v;
        return x.length == 0 ? 0 : s / x.length;
    }

    private static double[] music(int n, int rate, long seed) {
        double[][] chords = {{261.6, 329.6, 392.0}, {196.0, 246.9, 293.7}, {220.0, 261.6, 329.6}, {174.6, 220.0, 261.6}
        };
        double beat = 60.0 / (100 + seed % 20);
        Random rnd = new Random(seed);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double t = i / (double) rate;
            int bar = (int) (t / (4 * beat));
            double[] chord = chords[bar % chords.length];
            double inBeat = (t % beat) / beat;
            double env = 0.35 + 0.65 * Math.exp(-4 * inBeat);
            double v = 0;
            for (double f : chord)
                v += (Math.sin(2 * Math.PI * f * t)
                                + 0.4 * Math.sin(4 * Math.PI * f * t)
                                + 0.2 * Math.sin(6 * Math.PI * f * t))
                        / 3;
            v += 0.8 * Math.sin(2 * Math.PI * chord[0] / 2 * t) * Math.exp(-3 * inBeat); // bass on the beat
            double inHalf = (t % (beat / 2)) / (beat / 2);
            if (inHalf < 0.08) v += 0.5 * (rnd.nextDouble() * 2 - 1) * (1 - inHalf / 0.08); // hi-hat
            out[i] = 0.3 * env * v;
        }
        return out;
    }

    /** Paul Kellet's economy pink-noise filter over white noise. */
    private static double[] pinkNoise(int n, Random rnd) {
        double b0 = 0, b1 = 0, b2 = 0;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double white = rnd.nextGaussian();
            b0 = 0.99765 * b0 + white * 0.0990460;
            b1 = 0.96300 * b1 + white * 0.2965164;
            b2 = 0.57000 * b2 + white * 1.0526913;
            out[i] = 0.1 * (b0 + b1 + b2 + white * 0.1848);
        }
        return out;
    }

    /** A sound effect every 0.6–1.8 s, so several land on words. */
    private static double[] effects(int n, int rate, Random rnd) {
        double[] out = new double[n];
        double[] low = pinkNoise(n, rnd);
        int at = (int) (0.2 * rate);
        while (at < n) {
            int kind = rnd.nextInt(4);
            int len = (int) (rate
                    * switch (kind) {
                        case 0 -> 0.35;
                        case 1 -> 0.9;
                        case 2 -> 0.15;
                        default -> 0.08;
                    });
            double f0 = 2000 + rnd.nextInt(2000);
            for (int k = 0; k < len && at + k < n; k++) {
                double u = k / (double) len, t = k / (double) rate;
                double v = switch (kind) {
                    case 0 -> 3 * low[at + k] * Math.exp(-12 * u); // slam
                    case 1 -> 1.5 * low[at + k] * Math.sin(Math.PI * u); // whoosh
                    case 2 -> 0.6 * Math.sin(2 * Math.PI * (f0 + 3000 * u) * t) * Math.sin(Math.PI * u); // chirp
                    default -> (rnd.nextDouble() * 2 - 1) * Math.exp(-40 * u); // footstep
                };
                out[at + k] += v;
            }
            at += (int) (rate * (0.6 + 1.2 * rnd.nextDouble()));
        }
        return out;
    }
}
