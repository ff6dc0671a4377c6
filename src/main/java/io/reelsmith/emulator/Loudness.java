package io.reelsmith.emulator;

import io.reelsmith.kernel.Ffmpeg;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A sound track's loudness, ten windows a second (dB of the mean square): how the emulator finds its own clips in a
 * take that was cut, joined and re-encoded (which changes every byte but not the shape of the sound: speech over a
 * random pink-noise bed is unlike any other clip's).
 */
final class Loudness {
    private static final int RATE = 8000, WINDOW = RATE / 10;

    private Loudness() {}

    /** The loudness of {@code media}'s first audio stream from {@code fromSeconds} on. */
    static double[] of(Path media, double fromSeconds) throws IOException {
        Path raw = Files.createTempFile("emulator-loudness", ".raw");
        try {
            Ffmpeg.command()
                    .input(media, "-ss", String.format(Locale.ROOT, "%.3f", fromSeconds))
                    .args("-map", "0:a:0", "-ac", "1", "-ar", String.valueOf(RATE), "-f", "s16le")
                    .output(raw)
                    .run();
            ByteBuffer pcm = ByteBuffer.wrap(Files.readAllBytes(raw)).order(ByteOrder.LITTLE_ENDIAN);
            double[] out = new double[pcm.remaining() / 2 / WINDOW];
            for (int w = 0; w < out.length; w++) {
                double sum = 0;
                for (int i = 0; i < WINDOW; i++) {
                    double v = pcm.getShort() / 32768.0;
                    sum += v * v;
                }
                out[w] = 10 * Math.log10(sum / WINDOW + 1e-9);
            }
            return out;
        } finally {
            Files.deleteIfExists(raw);
        }
    }

    /** Pearson correlation of {@code clip} with {@code take} from window {@code offset}: 1 when the shapes are the same. */
    static double match(double[] clip, double[] take, int offset) {
        int n = clip.length;
        double ma = 0, mb = 0;
        for (int i = 0; i < n; i++) {
            ma += clip[i];
            mb += take[offset + i];
        }
        ma /= n;
        mb /= n;
        double ab = 0, aa = 0, bb = 0;
        for (int i = 0; i < n; i++) {
            double a = clip[i] - ma, b = take[offset + i] - mb;
            ab += a * b;
            aa += a * a;
            bb += b * b;
        }
        return aa == 0 || bb == 0 ? 0 : ab / Math.sqrt(aa * bb);
    }
}
