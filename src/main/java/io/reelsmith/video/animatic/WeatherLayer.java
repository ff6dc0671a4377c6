package io.reelsmith.video.animatic;

import io.reelsmith.kernel.AtomicFiles;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Falling rain or snow for outdoor scenes: a transparent frame-sized tile that repeats vertically, stacked
 * twice so FFmpeg can scroll it down with a moving crop — the drops fall at no per-frame cost beyond one
 * overlay. Painted once per kind in the job folder.
 */
final class WeatherLayer {
    enum Kind {
        RAIN(1500),
        SNOW(110);

        /** How fast it falls, in pixels per second. */
        final int speed;

        Kind(int speed) {
            this.speed = speed;
        }
    }

    private WeatherLayer() {}

    /** What falls in this scene, or null. */
    static Kind of(Scene s) {
        if (s.setting().indoor) return null;
        return s.rain() ? Kind.RAIN : s.snow() ? Kind.SNOW : null;
    }

    /** The crop's y: scrolls the double-height tile down by {@code speed} px/s, wrapping every tile. */
    static String scrollY(Kind kind) {
        return BlockGraph.HEIGHT + "-mod(t*" + kind.speed + "," + BlockGraph.HEIGHT + ")";
    }

    static Path in(Kind kind, Path dir) throws IOException {
        Path file = dir.resolve("weather-" + kind.name().toLowerCase() + ".png");
        if (Files.exists(file)) return file;
        int w = BlockGraph.WIDTH, h = BlockGraph.HEIGHT;
        BufferedImage img = new BufferedImage(w, 2 * h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            Random rnd = new Random(kind.ordinal() + 7);
            int count = kind == Kind.RAIN ? 260 : 160;
            for (int i = 0; i < count; i++) {
                double x = rnd.nextInt(w + 40) - 20, y = rnd.nextInt(h);
                int alpha = 100 + rnd.nextInt(60);
                // Each drop is drawn in both halves and wrapped, so the tile repeats seamlessly.
                for (int copy = -1; copy <= 2; copy++) {
                    double yy = y + copy * h;
                    if (kind == Kind.RAIN) {
                        g.setStroke(new BasicStroke(2f));
                        g.setColor(new Color(210, 222, 240, alpha));
                        g.draw(new Line2D.Double(x, yy, x - 8, yy + 44));
                    } else {
                        double r = 4 + (i % 5);
                        g.setColor(new Color(255, 255, 255, 210));
                        g.fill(new Ellipse2D.Double(x, yy, r, r));
                    }
                }
            }
        } finally {
            g.dispose();
        }
        AtomicFiles.writeAtomically(file, tmp -> ImageIO.write(img, "png", tmp.toFile()));
        return file;
    }
}
