package io.reelsmith.video.animatic;

import io.reelsmith.kernel.AtomicFiles;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** The soft dark ellipse under each figure's feet: painted once per job folder, scaled by FFmpeg per figure. */
final class GroundShadow {
    private GroundShadow() {}

    static Path in(Path dir) throws IOException {
        Path file = dir.resolve("shadow.png");
        if (Files.exists(file)) return file;
        BufferedImage img = new BufferedImage(256, 64, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.scale(1, 0.25);
        g.setPaint(new RadialGradientPaint(128f, 128f, 128f, new float[] {0f, 0.6f, 1f}, new Color[] {
            new Color(0, 0, 0, 120), new Color(0, 0, 0, 70), new Color(0, 0, 0, 0)
        }));
        g.fillRect(0, 0, 256, 256);
        g.dispose();
        AtomicFiles.writeAtomically(file, tmp -> ImageIO.write(img, "png", tmp.toFile()));
        return file;
    }
}
