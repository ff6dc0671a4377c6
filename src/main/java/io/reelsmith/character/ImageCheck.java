package io.reelsmith.character;

import io.reelsmith.kernel.Ffmpeg;
import io.reelsmith.kernel.MediaException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Checks a user-supplied character image by its content, never by its name, and normalises it to PNG.
 * Accepts PNG, JPEG and WebP (ImageIO cannot read WebP: FFmpeg converts it). Width and height are read from the
 * header before anything is decoded and capped ({@link #MAX_SIDE} a side, {@link #MAX_PIXELS} in all), so a small
 * file that decodes to 8000x8000 (a decompression bomb) is refused before a pixel is allocated. Decoding itself takes
 * its pixels from one budget shared by every upload ({@link #DECODING_PIXELS}): parallel uploads wait for each other
 * instead of together filling the heap (a 16 MP image is 64 MB decoded).
 */
public final class ImageCheck {
    public static final long MAX_BYTES = 20L * 1024 * 1024;
    public static final int MIN_SIDE = 64, MAX_SIDE = 4096;
    public static final long MAX_PIXELS = 16L * 1024 * 1024;
    /** Pixels being decoded at once, all uploads together: two of the largest images. */
    static final int DECODING_PIXELS = (int) (2 * MAX_PIXELS);

    private static final Semaphore DECODING = new Semaphore(DECODING_PIXELS, true);

    static {
        ImageIO.setUseCache(false); // decode in memory (bounded above), not through temporary files
    }

    public enum Format {
        PNG,
        JPEG,
        WEBP
    }

    /** The reason an image was refused, worded for the person who uploaded it. */
    public static final class BadImageException extends IOException {
        public BadImageException(String message) {
            super(message);
        }
    }

    private ImageCheck() {}

    /** Reads, checks and converts the file; messages name it by its file name. */
    public static byte[] toPng(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_BYTES)
            throw new BadImageException(file.getFileName() + " is " + size / (1024 * 1024) + " MB; the limit is "
                    + MAX_BYTES / (1024 * 1024) + " MB");
        return toPng(Files.readAllBytes(file), file.getFileName().toString());
    }

    /** Checks and converts uploaded bytes; {@code name} is only used in messages. */
    public static byte[] toPng(byte[] bytes, String name) throws IOException {
        if (bytes.length == 0) throw new BadImageException(name + " is empty");
        if (bytes.length > MAX_BYTES)
            throw new BadImageException(name + " is " + bytes.length / (1024 * 1024) + " MB; the limit is "
                    + MAX_BYTES / (1024 * 1024) + " MB");
        Format format = detect(bytes, name);
        int[] size = format == Format.WEBP ? webpSize(bytes) : headerSize(bytes, name, format);
        if (size == null) throw new BadImageException(name + " is a damaged WebP (no image header)");
        checkSize(size[0], size[1], name);
        int pixels = size[0] * size[1];
        try {
            if (!DECODING.tryAcquire(pixels, 60, TimeUnit.SECONDS))
                throw new BadImageException("the server is busy reading other images; upload " + name + " again");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BadImageException("the upload of " + name + " was interrupted");
        }
        try {
            BufferedImage img = format == Format.WEBP ? decodeWebp(bytes, name) : decode(bytes, name, format);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } finally {
            DECODING.release(pixels);
        }
    }

    /** Width and height from a PNG's or JPEG's header, read without decoding a pixel. */
    private static int[] headerSize(byte[] bytes, String name, Format format) throws IOException {
        return withReader(bytes, name, format, r -> new int[] {r.getWidth(0), r.getHeight(0)});
    }

    private interface ReaderStep<T> {
        T apply(ImageReader reader) throws IOException;
    }

    /** Runs one step with ImageIO's reader of the bytes; what the reader cannot read is a damaged image. */
    private static <T> T withReader(byte[] bytes, String name, Format format, ReaderStep<T> step) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) throw new BadImageException(name + " cannot be read as " + format);
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return step.apply(reader);
            } finally {
                reader.dispose();
            }
        } catch (BadImageException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new BadImageException(name + " is a damaged " + format + "; upload it again");
        }
    }

    /** The format the bytes really are; a clear refusal for anything else. */
    public static Format detect(byte[] b, String name) throws BadImageException {
        if (startsWith(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) return Format.PNG;
        if (startsWith(b, 0, 0xFF, 0xD8, 0xFF)) return Format.JPEG;
        if (startsWith(b, 0, 'R', 'I', 'F', 'F') && startsWith(b, 8, 'W', 'E', 'B', 'P')) return Format.WEBP;
        if (startsWith(b, 0, 'G', 'I', 'F', '8'))
            throw new BadImageException(name + " is a GIF; use PNG, JPEG or WebP");
        if (looksLikeText(b))
            throw new BadImageException(
                    name + " is a text file, not an image (its name does not make it one); use PNG, JPEG or WebP");
        throw new BadImageException(name + " is not a PNG, JPEG or WebP image (unknown content)");
    }

    /** Decodes a PNG or JPEG whose size from its header was checked. */
    private static BufferedImage decode(byte[] bytes, String name, Format format) throws IOException {
        if (format == Format.PNG && !containsIend(bytes))
            throw new BadImageException(name + " is a truncated PNG (it ends before its last chunk); upload it again");
        if (format == Format.JPEG && !endsWithJpegEnd(bytes))
            throw new BadImageException(name + " is a truncated JPEG (it has no end marker); upload it again");
        return withReader(bytes, name, format, r -> r.read(0));
    }

    /** WebP goes through FFmpeg to a temporary PNG (its size was checked from its VP8, VP8L or VP8X header). */
    private static BufferedImage decodeWebp(byte[] bytes, String name) throws IOException {
        Path dir = Files.createTempDirectory("reelsmith-webp");
        Path in = dir.resolve("in.webp"), out = dir.resolve("out.png");
        try {
            Files.write(in, bytes);
            Ffmpeg.command()
                    .input(in)
                    .args("-frames:v", "1")
                    .output(out)
                    .timeout(60)
                    .run();
            BufferedImage img = ImageIO.read(out.toFile());
            if (img == null) throw new BadImageException(name + " is a damaged WebP");
            return img;
        } catch (MediaException e) {
            throw new BadImageException(name + " is a damaged or unsupported WebP ("
                    + e.getMessage().lines().findFirst().orElse("") + ")");
        } finally {
            Files.deleteIfExists(in);
            Files.deleteIfExists(out);
            Files.deleteIfExists(dir);
        }
    }

    static int[] webpSize(byte[] b) {
        if (b.length < 30) return null;
        String chunk = new String(b, 12, 4, StandardCharsets.US_ASCII);
        return switch (chunk) {
            case "VP8 " -> new int[] {u16(b, 26) & 0x3FFF, u16(b, 28) & 0x3FFF};
            case "VP8L" -> {
                int bits = (b[21] & 0xff) | (b[22] & 0xff) << 8 | (b[23] & 0xff) << 16 | (b[24] & 0xff) << 24;
                yield new int[] {(bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1};
            }
            case "VP8X" -> new int[] {u24(b, 24) + 1, u24(b, 27) + 1};
            default -> null;
        };
    }

    private static void checkSize(int w, int h, String name) throws BadImageException {
        if (w < MIN_SIDE || h < MIN_SIDE)
            throw new BadImageException(
                    name + " is " + w + "x" + h + " px; at least " + MIN_SIDE + "x" + MIN_SIDE + " is needed");
        if (w > MAX_SIDE || h > MAX_SIDE)
            throw new BadImageException(name + " is " + w + "x" + h + " px; at most " + MAX_SIDE + " px per side");
        if ((long) w * h > MAX_PIXELS)
            throw new BadImageException(
                    name + " is " + w + "x" + h + " px; at most " + MAX_PIXELS / (1024 * 1024) + " megapixels");
    }

    private static boolean startsWith(byte[] b, int at, int... expected) {
        if (b.length < at + expected.length) return false;
        for (int i = 0; i < expected.length; i++) if ((b[at + i] & 0xff) != expected[i]) return false;
        return true;
    }

    private static boolean looksLikeText(byte[] b) {
        int n = Math.min(b.length, 512), printable = 0;
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xff;
            if (c == 0) return false;
            if (c >= 0x20 || c == '\n' || c == '\r' || c == '\t') printable++;
        }
        return printable == n;
    }

    private static boolean containsIend(byte[] b) {
        for (int i = b.length - 8; i >= Math.max(8, b.length - 64); i--) {
            if (b[i] == 'I' && b[i + 1] == 'E' && b[i + 2] == 'N' && b[i + 3] == 'D') return true;
        }
        return false;
    }

    private static boolean endsWithJpegEnd(byte[] b) {
        // Some cameras append bytes after the end marker: look in the last 4 KB.
        for (int i = b.length - 2; i >= Math.max(2, b.length - 4096); i--)
            if ((b[i] & 0xff) == 0xFF && (b[i + 1] & 0xff) == 0xD9) return true;
        return false;
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
    }

    private static int u24(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16;
    }
}
