package io.reelsmith.video.animatic;

import io.reelsmith.kernel.AtomicFiles;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * A figure pre-rotated to a few angles, stacked in one tall PNG. FFmpeg picks the cell of the current angle
 * with a moving crop, which costs nothing per frame, where its {@code rotate} filter cost two thirds of a
 * block's encode. Sheets are named by the image's content and size, so every block reuses the first one.
 */
final class SpriteSheet {
    /** Cells on each side of upright: 2 * STEPS + 1 angles from -max to +max. */
    static final int STEPS = 6;

    private SpriteSheet() {}

    static int cells() {
        return 2 * STEPS + 1;
    }

    /** The crop's y offset expression: the cell nearest to the angle expression's value. */
    static String cellOffset(String angle, int cellHeight) {
        return cellHeight + "*(" + STEPS + "+round(" + STEPS + "*clip((" + angle + ")/" + CharacterMotion.maxAngle()
                + ",-1,1)))";
    }

    /** Writes (or finds) the sheet for {@code figure} in {@code dir}. */
    static Path of(Figure figure, Path dir) throws IOException {
        byte[] source = Files.readAllBytes(figure.image());
        Path file = dir.resolve("sprite-" + digest(source) + "-" + figure.width() + "x" + figure.height() + ".png");
        if (Files.exists(file)) return file;
        BufferedImage img = ImageIO.read(figure.image().toFile());
        if (img == null)
            throw new IOException(figure.image().getFileName() + " is not an image Java can read (use PNG or JPEG)");
        BufferedImage scaled = scaled(img, figure.width(), figure.height());
        int cw = figure.rotatedWidth(), ch = figure.rotatedHeight();
        BufferedImage sheet = new BufferedImage(cw, ch * cells(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = sheet.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            for (int i = 0; i < cells(); i++) {
                double angle = CharacterMotion.maxAngle() * (i - STEPS) / STEPS;
                var saved = g.getTransform();
                g.translate(cw / 2.0, ch * i + ch / 2.0);
                g.rotate(angle);
                g.drawImage(scaled, -figure.width() / 2, -figure.height() / 2, null);
                g.setTransform(saved);
            }
        } finally {
            g.dispose();
        }
        AtomicFiles.writeAtomically(file, tmp -> writeFastPng(sheet, tmp));
        return file;
    }

    /** Halves with bilinear filtering until close, then one last step: smooth, and far faster than area averaging. */
    private static BufferedImage scaled(BufferedImage src, int w, int h) {
        BufferedImage cur = src;
        do {
            int nw = Math.max(w, cur.getWidth() / 2), nh = Math.max(h, cur.getHeight() / 2);
            BufferedImage next = new BufferedImage(nw, nh, BufferedImage.TYPE_INT_ARGB);
            Graphics2D g = next.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(cur, 0, 0, nw, nh, null);
            g.dispose();
            cur = next;
        } while (cur.getWidth() != w || cur.getHeight() != h);
        return cur;
    }

    /** The sheet is read once by FFmpeg and thrown away: light compression writes it several times faster. */
    private static void writeFastPng(BufferedImage img, Path file) throws IOException {
        ImageWriter w = ImageIO.getImageWritersByFormatName("png").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            w.setOutput(out);
            ImageWriteParam p = w.getDefaultWriteParam();
            if (p.canWriteCompressed()) {
                p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                p.setCompressionQuality(0.9f);
            }
            w.write(null, new IIOImage(img, null, null), p);
        } finally {
            w.dispose();
        }
    }

    private static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
