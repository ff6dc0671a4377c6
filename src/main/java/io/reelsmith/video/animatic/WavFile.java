package io.reelsmith.video.animatic;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** 16-bit PCM WAV: read the samples of one, write one, join several of the same format without any resampling. */
record WavFile(int sampleRate, int channels, byte[] pcm) {

    double seconds() {
        return pcm.length / 2.0 / channels / sampleRate;
    }

    static WavFile read(Path file) throws IOException {
        byte[] b = Files.readAllBytes(file);
        Format f = format(b, file);
        byte[] pcm = new byte[f.dataLength];
        System.arraycopy(b, f.dataOffset, pcm, 0, f.dataLength);
        return new WavFile(f.rate, f.channels, pcm);
    }

    void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(header(sampleRate, channels, pcm.length));
            out.write(pcm);
        }
    }

    /**
     * Joins WAVs sample for sample into {@code out}: the take's audio is then exactly the blocks' audio one
     * after the other, with no codec padding between them. All inputs must share rate and channels.
     */
    static double concat(List<Path> parts, Path out) throws IOException {
        Format first = null;
        long total = 0;
        for (Path p : parts) {
            Format f = format(headerBytes(p), p);
            if (first == null) first = f;
            else if (f.rate != first.rate || f.channels != first.channels)
                throw new IOException(p.getFileName() + " is " + f.rate + " Hz/" + f.channels + " ch, not " + first.rate
                        + " Hz/" + first.channels + " ch like " + parts.get(0).getFileName());
            total += f.dataLength;
        }
        if (first == null) throw new IOException("no audio to join");
        if (total > Integer.MAX_VALUE - 64) throw new IOException("the take's audio is too long for one WAV");
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (OutputStream os = Files.newOutputStream(out)) {
            os.write(header(first.rate, first.channels, (int) total));
            for (Path p : parts) {
                Format f = format(headerBytes(p), p);
                try (InputStream in = Files.newInputStream(p)) {
                    in.skipNBytes(f.dataOffset);
                    long left = f.dataLength;
                    byte[] buf = new byte[1 << 16];
                    while (left > 0) {
                        int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                        if (n < 0) throw new IOException(p.getFileName() + " is shorter than its header says");
                        os.write(buf, 0, n);
                        left -= n;
                    }
                }
            }
        }
        return total / 2.0 / first.channels / first.rate;
    }

    private record Format(int rate, int channels, int dataOffset, int dataLength) {}

    private static byte[] headerBytes(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            return in.readNBytes(4096);
        }
    }

    /** Walks the RIFF chunks (FFmpeg writes a LIST chunk before data) to the fmt and data chunks. */
    private static Format format(byte[] b, Path file) throws IOException {
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        if (b.length < 12 || !"RIFF".equals(ascii(b, 0)) || !"WAVE".equals(ascii(b, 8)))
            throw new IOException(file.getFileName() + " is not a WAV file");
        int rate = 0, channels = 0, bits = 0;
        for (int at = 12; at + 8 <= b.length; ) {
            String id = ascii(b, at);
            int size = bb.getInt(at + 4);
            if (id.equals("fmt ")) {
                channels = bb.getShort(at + 10);
                rate = bb.getInt(at + 12);
                bits = bb.getShort(at + 22);
            } else if (id.equals("data")) {
                if (bits != 16) throw new IOException(file.getFileName() + " is " + bits + "-bit; 16-bit PCM expected");
                long fileSize = Files.size(file);
                int length = (int) Math.min(size & 0xffffffffL, fileSize - at - 8);
                return new Format(rate, channels, at + 8, length - length % (2 * channels));
            }
            at += 8 + size + (size & 1);
        }
        throw new IOException(file.getFileName() + " has no audio data chunk");
    }

    private static String ascii(byte[] b, int at) {
        return new String(b, at, 4, StandardCharsets.US_ASCII);
    }

    static byte[] header(int rate, int channels, int dataLength) {
        ByteBuffer h = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        h.put("RIFF".getBytes(StandardCharsets.US_ASCII))
                .putInt(36 + dataLength)
                .put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII))
                .putInt(16)
                .putShort((short) 1)
                .putShort((short) channels)
                .putInt(rate)
                .putInt(rate * 2 * channels)
                .putShort((short) (2 * channels))
                .putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII))
                .putInt(dataLength);
        return h.array();
    }
}
