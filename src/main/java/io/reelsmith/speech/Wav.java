package io.reelsmith.speech;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes mono 16-bit PCM as a WAV file: what espeak-ng hands back, and what the benchmarks mix. */
public final class Wav {
    private Wav() {}

    public static void write(Path out, byte[] pcm16, int rate) throws IOException {
        Files.createDirectories(out.toAbsolutePath().getParent());
        ByteBuffer h = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        h.put("RIFF".getBytes(StandardCharsets.US_ASCII))
                .putInt(36 + pcm16.length)
                .put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII))
                .putInt(16)
                .putShort((short) 1)
                .putShort((short) 1)
                .putInt(rate)
                .putInt(rate * 2)
                .putShort((short) 2)
                .putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII))
                .putInt(pcm16.length);
        try (OutputStream os = Files.newOutputStream(out)) {
            os.write(h.array());
            os.write(pcm16);
        }
    }
}
