package io.reelsmith.video.animatic;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * One figure on screen: its image scaled to fit a box (even pixel sizes, as yuv420 wants), where its feet
 * stand, and how it moves. The scaled size is computed here from the image header so FFmpeg's overlay can
 * anchor the feet exactly.
 */
record Figure(Path image, int width, int height, int centerX, int feetY, CharacterMotion motion, Path sprites) {

    static Figure fit(Path image, int boxWidth, int boxHeight, int centerX, int feetY, CharacterMotion motion)
            throws IOException {
        int[] wh = size(image);
        double k = Math.min(boxWidth / (double) wh[0], boxHeight / (double) wh[1]);
        return new Figure(image, even(wh[0] * k), even(wh[1] * k), centerX, feetY, motion, null);
    }

    /** This figure drawn at its tilts in a sprite sheet (see {@link SpriteSheet}), written to {@code dir} if new. */
    Figure withSprites(Path dir) throws IOException {
        return new Figure(image, width, height, centerX, feetY, motion, SpriteSheet.of(this, dir));
    }

    /** The canvas the rotated figure needs so its corners are never cut off at the largest tilt. */
    int rotatedWidth() {
        double a = CharacterMotion.maxAngle();
        return even(width * Math.cos(a) + height * Math.sin(a) + 4);
    }

    int rotatedHeight() {
        double a = CharacterMotion.maxAngle();
        return even(width * Math.sin(a) + height * Math.cos(a) + 4);
    }

    private static int even(double v) {
        int i = (int) Math.round(v);
        return Math.max(2, i + (i & 1));
    }

    private static int[] size(Path image) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(image.toFile())) {
            if (in == null) throw new IOException("cannot open " + image);
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext())
                throw new IOException(image.getFileName() + " is not an image Java can read (use PNG or JPEG)");
            ImageReader r = readers.next();
            try {
                r.setInput(in);
                return new int[] {r.getWidth(0), r.getHeight(0)};
            } finally {
                r.dispose();
            }
        }
    }
}
