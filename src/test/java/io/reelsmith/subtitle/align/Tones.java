package io.reelsmith.subtitle.align;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/** A synthetic sound for aligner tests: a 300 Hz tone over each span, −70 dB noise elsewhere. */
final class Tones {
    private Tones() {}

    /** 16 kHz mono 16-bit WAV with a 44-byte header, as {@link SpeechAudio} writes them. */
    static Path wav(Path file, double seconds, List<double[]> loud) throws IOException {
        int n = (int) (seconds * SpeechAudio.RATE);
        ByteBuffer b = ByteBuffer.allocate(44 + 2 * n).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + 2 * n).put("WAVEfmt ".getBytes()).putInt(16);
        b.putShort((short) 1).putShort((short) 1).putInt(SpeechAudio.RATE).putInt(2 * SpeechAudio.RATE);
        b.putShort((short) 2).putShort((short) 16).put("data".getBytes()).putInt(2 * n);
        Random rnd = new Random(1);
        for (int i = 0; i < n; i++) {
            double t = i / (double) SpeechAudio.RATE, s = rnd.nextGaussian() * 3e-4;
            for (double[] span : loud) if (t >= span[0] && t < span[1]) s += 0.3 * Math.sin(2 * Math.PI * 300 * t);
            b.putShort((short) Math.round(s * 32767));
        }
        Files.write(file, b.array());
        return file;
    }
}
