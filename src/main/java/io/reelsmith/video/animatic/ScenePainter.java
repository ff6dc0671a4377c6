package io.reelsmith.video.animatic;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Random;

/**
 * Paints a block's background once, larger than the frame (900x1600 for a 720x1280 clip) so FFmpeg can pan
 * over it: sky or wall, ground or floor, the setting's props, then light and weather on top.
 */
public final class ScenePainter {
    public static final int WIDTH = 900, HEIGHT = 1600;
    /** Where the ground meets the sky (or the wall meets the floor). */
    static final int HORIZON = 1050;

    public BufferedImage paint(Scene scene) {
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            Random rnd = new Random(scene.seed());
            if (scene.setting().indoor) new IndoorProps(g, rnd, scene).paint();
            else {
                sky(g, scene, rnd);
                new OutdoorProps(g, rnd, scene).paint();
            }
            weather(g, scene, rnd);
            vignette(g);
        } finally {
            g.dispose();
        }
        return img;
    }

    static Color[] skyColours(Scene s) {
        if (s.setting() == Scene.Setting.SPACE) return new Color[] {new Color(0x05040F), new Color(0x1A1240)};
        if (s.night()) return new Color[] {new Color(0x0B1030), new Color(0x3A2A60)};
        if (s.sunset()) return new Color[] {new Color(0x3D4A8C), new Color(0xF59E6B)};
        if (s.rain()) return new Color[] {new Color(0x5A6470), new Color(0x9AA4AE)};
        if (s.setting() == Scene.Setting.DESERT) return new Color[] {new Color(0x4FA3E0), new Color(0xF6E3B4)};
        return new Color[] {new Color(0x4A9BE8), new Color(0xCDEBFF)};
    }

    private static void sky(Graphics2D g, Scene s, Random rnd) {
        Color[] c = skyColours(s);
        g.setPaint(new GradientPaint(0, 0, c[0], 0, HORIZON, c[1]));
        g.fillRect(0, 0, WIDTH, HORIZON + 50);
        if (s.night()) {
            for (int i = 0; i < 220; i++) {
                int size = rnd.nextInt(10) == 0 ? 5 : 2 + rnd.nextInt(2);
                g.setColor(new Color(255, 255, 240, 120 + rnd.nextInt(135)));
                g.fill(new Ellipse2D.Double(rnd.nextInt(WIDTH), rnd.nextInt(HORIZON - 100), size, size));
            }
            if (s.setting() != Scene.Setting.SPACE) {
                g.setPaint(new RadialGradientPaint(680, 230, 180, new float[] {0f, 1f}, new Color[] {
                    new Color(255, 250, 220, 90), new Color(255, 250, 220, 0)
                }));
                g.fillRect(480, 30, 400, 400);
                g.setColor(new Color(0xFFF6D8));
                g.fill(new Ellipse2D.Double(620, 170, 120, 120));
            }
        } else if (!s.rain()) {
            Color sun = s.sunset() ? new Color(0xFFD27A) : new Color(0xFFF4C0);
            int sy = s.sunset() ? HORIZON - 260 : 180;
            g.setPaint(new RadialGradientPaint(220, sy + 70, 260, new float[] {0f, 1f}, new Color[] {
                new Color(sun.getRed(), sun.getGreen(), sun.getBlue(), 140), new Color(255, 255, 255, 0)
            }));
            g.fillRect(0, sy - 200, 500, 540);
            g.setColor(sun);
            g.fill(new Ellipse2D.Double(150, sy, 140, 140));
        }
        if (!s.night()) {
            for (int i = 0; i < 5; i++)
                cloud(
                        g,
                        rnd.nextInt(WIDTH),
                        120 + rnd.nextInt(500),
                        0.6 + rnd.nextDouble() * 0.8,
                        s.rain() ? new Color(0x7A828C) : Color.WHITE);
        }
    }

    static void cloud(Graphics2D g, double x, double y, double k, Color c) {
        g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 220));
        g.fill(new Ellipse2D.Double(x - 90 * k, y - 20 * k, 180 * k, 60 * k));
        g.fill(new Ellipse2D.Double(x - 50 * k, y - 55 * k, 90 * k, 80 * k));
        g.fill(new Ellipse2D.Double(x - 5 * k, y - 45 * k, 80 * k, 70 * k));
    }

    private static void weather(Graphics2D g, Scene s, Random rnd) {
        if (s.fog()) {
            for (int i = 0; i < 4; i++) {
                int y = HORIZON - 350 + i * 140;
                g.setPaint(new GradientPaint(
                        0, y, new Color(235, 240, 245, 0), 0, y + 120, new Color(235, 240, 245, 110)));
                g.fillRect(0, y, WIDTH, 240);
            }
        }
        if (s.rain()) {
            g.setColor(new Color(40, 50, 70, 50));
            g.fillRect(0, 0, WIDTH, HEIGHT);
        }
        // Outdoors, rain and snow fall in the clip (WeatherLayer); indoors a few painted streaks hint at it.
        if (s.rain() && s.setting().indoor) {
            g.setStroke(new BasicStroke(2.5f));
            g.setColor(new Color(200, 215, 235, 90));
            for (int i = 0; i < 120; i++) {
                double x = rnd.nextInt(WIDTH + 200) - 100, y = rnd.nextInt(HEIGHT);
                g.draw(new Line2D.Double(x, y, x - 14, y + 48));
            }
        }
        if (s.snow() && s.setting().indoor) {
            g.setColor(new Color(255, 255, 255, 200));
            for (int i = 0; i < 260; i++) {
                double r = 3 + rnd.nextInt(6);
                g.fill(new Ellipse2D.Double(rnd.nextInt(WIDTH), rnd.nextInt(HEIGHT), r, r));
            }
        }
        if (s.night() && s.setting().indoor) {
            g.setColor(new Color(10, 15, 40, 90));
            g.fill(new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
        }
    }

    /** Darker corners pull the eye to the middle, where the character stands. */
    private static void vignette(Graphics2D g) {
        g.setPaint(new RadialGradientPaint(
                WIDTH / 2f, HEIGHT * 0.55f, HEIGHT * 0.75f, new float[] {0.55f, 1f}, new Color[] {
                    new Color(0, 0, 0, 0), new Color(0, 0, 0, 120)
                }));
        g.fillRect(0, 0, WIDTH, HEIGHT);
    }
}
