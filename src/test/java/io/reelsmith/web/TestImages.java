package io.reelsmith.web;

import java.awt.Color;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** A small character drawn in code (a banana-yellow face with sunglasses, transparent around it), to upload. */
final class TestImages {
    private TestImages() {}

    static byte[] portrait(Color skin) {
        BufferedImage img = new BufferedImage(256, 256, BufferedImage.TYPE_INT_ARGB);
        var g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(skin);
        g.fillOval(48, 40, 160, 180);
        g.setColor(Color.BLACK);
        g.fillRoundRect(78, 100, 40, 22, 10, 10); // sunglasses
        g.fillRoundRect(138, 100, 40, 22, 10, 10);
        g.fillRect(116, 106, 24, 5);
        g.drawArc(98, 140, 60, 36, 200, 140);
        g.dispose();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
