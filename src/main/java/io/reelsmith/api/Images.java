package io.reelsmith.api;

import io.reelsmith.render.Ffmpeg;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Character images as the pipeline wants them: PNG. The format is decided by the bytes, never by a file name
 * or a declared content type. PNG and JPEG decode with ImageIO; WebP goes through FFmpeg.
 * TODO(#3): switch to character.ImageCheck once it is in main (same rules, one place).
 */
final class Images {
    static final int MAX_SIDE = 8192;

    private Images() { }

    static byte[] toPng(byte[] bytes) throws IOException {
        String format = sniff(bytes);
        if (format == null) throw ApiError.badRequest("invalid_image", "the image is not a PNG, JPEG or WebP file (checked by its content)");
        BufferedImage img = format.equals("webp") ? decodeWebp(bytes) : decode(bytes);
        if (img == null) throw ApiError.badRequest("invalid_image", "the " + format + " image cannot be decoded (truncated or corrupt)");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    static String sniff(byte[] b) {
        if (b.length > 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') return "png";
        if (b.length > 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) return "jpeg";
        if (b.length > 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') return "webp";
        return null;
    }

    /** Reads the size first, so a small file claiming a gigantic image is refused before it is decoded. */
    private static BufferedImage decode(byte[] bytes) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            var readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) return null;
            ImageReader r = readers.next();
            try {
                r.setInput(in);
                if (r.getWidth(0) > MAX_SIDE || r.getHeight(0) > MAX_SIDE)
                    throw ApiError.badRequest("invalid_image", "the image is larger than " + MAX_SIDE + " pixels on a side");
                return r.read(0);
            } catch (IOException e) {
                return null;
            } finally {
                r.dispose();
            }
        }
    }

    private static BufferedImage decodeWebp(byte[] bytes) throws IOException {
        Path dir = Files.createTempDirectory("reelsmith-webp");
        try {
            Path in = dir.resolve("in.webp"), out = dir.resolve("out.png");
            Files.write(in, bytes);
            try {
                Ffmpeg.command().input(in).args("-frames:v", "1").timeout(60).output(out).run();
            } catch (IOException e) {
                return null;
            }
            return decode(Files.readAllBytes(out));
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) Files.deleteIfExists(p);
            }
            Files.deleteIfExists(dir);
        }
    }
}
