package io.reelsmith.google;

/** The MIME type of image bytes from their signature: a user's character image may be JPEG or WebP, not PNG. */
public final class ImageMime {
    private ImageMime() {}

    public static String of(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF)
            return "image/jpeg";
        if (b.length >= 12
                && b[0] == 'R'
                && b[1] == 'I'
                && b[2] == 'F'
                && b[3] == 'F'
                && b[8] == 'W'
                && b[9] == 'E'
                && b[10] == 'B'
                && b[11] == 'P') return "image/webp";
        return "image/png";
    }
}
