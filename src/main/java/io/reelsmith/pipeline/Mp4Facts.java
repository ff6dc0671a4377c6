package io.reelsmith.pipeline;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the manifest says about {@code final.mp4} (length, picture size, codecs), read from the file's own index (its
 * {@code moov} box) instead of an ffprobe run: a process start costs about 60 ms of CPU on a machine where FFmpeg links
 * two hundred libraries, once per video for four numbers the index holds. ISO/IEC 14496-12 boxes: {@code mvhd} (time
 * scale, duration), per track {@code tkhd} (width, height in 16.16), {@code hdlr} (vide, soun), {@code stsd} (the
 * sample entry's code, e.g. avc1).
 */
record Mp4Facts(double seconds, String videoCodec, int width, int height, String audioCodec) {
    /** The sample entry codes ffprobe names otherwise. */
    private static final Map<String, String> CODECS =
            Map.of("avc1", "h264", "avc3", "h264", "hvc1", "hevc", "hev1", "hevc", "mp4a", "aac", "opus", "opus");

    static Mp4Facts read(Path file) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long at = 0, end = f.length();
            while (at + 8 <= end) {
                f.seek(at);
                long size = f.readInt() & 0xffffffffL;
                String type = fourcc(f.readInt());
                long header = 8;
                if (size == 1) {
                    size = f.readLong();
                    header = 16;
                } else if (size == 0) size = end - at;
                if (size < header) break;
                if (type.equals("moov")) {
                    if (size > 64 << 20) throw new IOException("moov box too large in " + file);
                    byte[] moov = new byte[(int) (size - header)];
                    f.readFully(moov);
                    return of(ByteBuffer.wrap(moov), file);
                }
                at += size;
            }
        }
        throw new IOException("no moov box in " + file + ": not an MP4 file");
    }

    private static Mp4Facts of(ByteBuffer moov, Path file) throws IOException {
        ByteBuffer mvhd = child(moov, "mvhd");
        if (mvhd == null) throw new IOException("no mvhd box in " + file);
        int version = mvhd.get(0);
        long scale = mvhd.getInt(version == 1 ? 20 : 12) & 0xffffffffL;
        long duration = version == 1 ? mvhd.getLong(24) : mvhd.getInt(16) & 0xffffffffL;
        String video = null, audio = null;
        int width = 0, height = 0;
        for (ByteBuffer trak : children(moov, "trak")) {
            ByteBuffer mdia = child(trak, "mdia");
            ByteBuffer hdlr = mdia == null ? null : child(mdia, "hdlr");
            ByteBuffer stbl = mdia == null ? null : path(mdia, "minf", "stbl");
            ByteBuffer stsd = stbl == null ? null : child(stbl, "stsd");
            if (hdlr == null || stsd == null || stsd.getInt(4) < 1) continue;
            String handler = fourcc(hdlr.getInt(8));
            String code = fourcc(stsd.getInt(12));
            String codec = CODECS.getOrDefault(code, code.strip().toLowerCase(Locale.ROOT));
            if (handler.equals("vide") && video == null) {
                video = codec;
                ByteBuffer tkhd = child(trak, "tkhd");
                if (tkhd != null) {
                    int base = tkhd.get(0) == 1 ? 88 : 76; // after the times, layer, volume and matrix
                    width = tkhd.getInt(base) >>> 16;
                    height = tkhd.getInt(base + 4) >>> 16;
                }
            } else if (handler.equals("soun") && audio == null) audio = codec;
        }
        return new Mp4Facts(scale == 0 ? 0 : duration / (double) scale, video, width, height, audio);
    }

    /** The content of the first child box of {@code type}, or null. */
    private static ByteBuffer child(ByteBuffer parent, String type) {
        List<ByteBuffer> all = children(parent, type);
        return all.isEmpty() ? null : all.get(0);
    }

    private static ByteBuffer path(ByteBuffer parent, String... types) {
        ByteBuffer b = parent;
        for (String t : types) if ((b = b == null ? null : child(b, t)) == null) return null;
        return b;
    }

    /** The contents of every child box of {@code type}, each as its own buffer from offset 0. */
    private static List<ByteBuffer> children(ByteBuffer parent, String type) {
        List<ByteBuffer> found = new ArrayList<>();
        int at = 0, end = parent.limit();
        while (at + 8 <= end) {
            long size = parent.getInt(at) & 0xffffffffL;
            int header = 8;
            if (size == 1) {
                size = parent.getLong(at + 8);
                header = 16;
            } else if (size == 0) size = end - at;
            if (size < header || at + size > end) break;
            if (fourcc(parent.getInt(at + 4)).equals(type)) found.add(parent.slice(at + header, (int) size - header));
            at += (int) size;
        }
        return found;
    }

    private static String fourcc(int code) {
        return new String(
                new byte[] {(byte) (code >>> 24), (byte) (code >>> 16), (byte) (code >>> 8), (byte) code},
                StandardCharsets.ISO_8859_1);
    }
}
