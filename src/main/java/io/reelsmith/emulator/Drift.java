package io.reelsmith.emulator;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

/**
 * Character drift on demand: {@code POST /_emulator/drift {"videoCall": k}} makes the k-th video generation from
 * now (generate, extend, continue or an Omni interaction) draw a stranger instead of the reference: a green figure
 * on a magenta backdrop, a mark nobody else paints. The emulator's vision answer knows its own mark, so a drift
 * check of those frames scores low, and a test can find the mark in a take by its pixels.
 */
final class Drift {
    static final Color MARK = new Color(255, 0, 255);
    static final double LOW_SCORE = 0.15, HIGH_SCORE = 0.92;

    private int countdown;

    synchronized void schedule(int videoCall) {
        if (videoCall < 0) throw new IllegalArgumentException("videoCall must be 1 or more (0 clears)");
        countdown = videoCall;
    }

    /** Called once per video generation: true for the one scheduled. */
    synchronized boolean next() {
        if (countdown == 0) return false;
        return --countdown == 0;
    }

    /** The stranger: 9:16, a magenta backdrop, a green figure. */
    static byte[] stranger() throws IOException {
        BufferedImage img = new BufferedImage(576, 1024, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(MARK);
        g.fillRect(0, 0, 576, 1024);
        g.setColor(new Color(0, 160, 0));
        g.fillOval(200, 250, 176, 176);
        g.fillRect(190, 440, 196, 340);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    /** Whether a picture shows the mark: a quarter of it or more is magenta. */
    static boolean shows(byte[] image) {
        try {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(image));
            return img != null && markShare(img) >= 0.25;
        } catch (IOException e) {
            return false;
        }
    }

    static double markShare(BufferedImage img) {
        int hits = 0, n = 0;
        for (int y = 0; y < img.getHeight(); y += Math.max(1, img.getHeight() / 64)) {
            for (int x = 0; x < img.getWidth(); x += Math.max(1, img.getWidth() / 36)) {
                int rgb = img.getRGB(x, y), r = (rgb >> 16) & 0xFF, gr = (rgb >> 8) & 0xFF, b = rgb & 0xFF;
                if (r > 190 && b > 190 && gr < 90) hits++;
                n++;
            }
        }
        return n == 0 ? 0 : hits / (double) n;
    }
}
