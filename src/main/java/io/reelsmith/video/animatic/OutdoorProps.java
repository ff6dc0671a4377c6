package io.reelsmith.video.animatic;

import static io.reelsmith.video.animatic.ScenePainter.HEIGHT;
import static io.reelsmith.video.animatic.ScenePainter.HORIZON;
import static io.reelsmith.video.animatic.ScenePainter.WIDTH;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.Random;

/** Ground and landmarks of outdoor settings: hills and trees, buildings, sea and sand, peaks, dunes, planets. */
record OutdoorProps(Graphics2D g, Random rnd, Scene s) {
    void paint() {
        switch (s.setting()) {
            case FOREST -> forest();
            case CITY -> city(HORIZON, true);
            case ROOFTOP -> rooftop();
            case BEACH -> beach();
            case SPACE -> space();
            case MOUNTAIN, SNOW -> mountains();
            case DESERT -> desert();
            default -> meadow();
        }
    }

    private Color shade(Color c) {
        if (s.night()) return blend(c, new Color(0x141A3A), 0.6);
        if (s.sunset()) return blend(c, new Color(0x6A3A5A), 0.25);
        if (s.rain()) return blend(c, new Color(0x505A64), 0.35);
        return c;
    }

    static Color blend(Color a, Color b, double t) {
        return new Color(
                (int) (a.getRed() * (1 - t) + b.getRed() * t), (int) (a.getGreen() * (1 - t) + b.getGreen() * t), (int)
                        (a.getBlue() * (1 - t) + b.getBlue() * t));
    }

    private void ground(Color top, Color bottom) {
        g.setPaint(new GradientPaint(0, HORIZON, shade(top), 0, HEIGHT, shade(bottom)));
        g.fillRect(0, HORIZON, WIDTH, HEIGHT - HORIZON);
    }

    private void hills(int baseY, int amplitude, Color c) {
        Path2D p = new Path2D.Double();
        p.moveTo(0, HEIGHT);
        double phase = rnd.nextDouble() * 6;
        for (int x = 0; x <= WIDTH; x += 30) p.lineTo(x, baseY - amplitude * (0.5 + 0.5 * Math.sin(phase + x / 170.0)));
        p.lineTo(WIDTH, HEIGHT);
        p.closePath();
        g.setColor(shade(c));
        g.fill(p);
    }

    private void meadow() {
        hills(HORIZON - 40, 120, new Color(0x7FBF6A));
        hills(HORIZON + 20, 80, new Color(0x5DA552));
        ground(new Color(0x5DA552), new Color(0x3E8A3E));
        flowers();
    }

    private void forest() {
        hills(HORIZON - 60, 100, new Color(0x6FA877));
        for (int i = 0; i < 9; i++) tree(rnd.nextInt(WIDTH), HORIZON - 30, 0.7, new Color(0x4E8C5A));
        ground(new Color(0x4C9A4A), new Color(0x2F6E33));
        for (int i = 0; i < 6; i++)
            tree(i * 170 + rnd.nextInt(60) - 20, HORIZON + 110 + rnd.nextInt(60), 1.3, new Color(0x2F7A3D));
        flowers();
    }

    private void tree(double x, double base, double k, Color leaves) {
        g.setColor(shade(new Color(0x6B4A2E)));
        g.fill(new Rectangle2D.Double(x - 14 * k, base - 170 * k, 28 * k, 175 * k));
        Color c = shade(leaves);
        if (rnd.nextBoolean()) {
            for (int i = 0; i < 3; i++) {
                double w = (150 - i * 30) * k, top = base - (150 + i * 80) * k;
                Path2D p = new Path2D.Double();
                p.moveTo(x - w, top + 130 * k);
                p.lineTo(x, top - 40 * k);
                p.lineTo(x + w, top + 130 * k);
                p.closePath();
                g.setColor(i == 1 ? c.brighter() : c);
                g.fill(p);
            }
        } else {
            g.setColor(c);
            g.fill(new Ellipse2D.Double(x - 110 * k, base - 330 * k, 220 * k, 200 * k));
            g.setColor(c.brighter());
            g.fill(new Ellipse2D.Double(x - 70 * k, base - 320 * k, 110 * k, 90 * k));
        }
    }

    private void flowers() {
        Color[] petals = {new Color(0xF2C230), new Color(0xF25C8C), Color.WHITE, new Color(0x9B7BF2)};
        for (int i = 0; i < 40; i++) {
            g.setColor(shade(petals[rnd.nextInt(petals.length)]));
            double x = rnd.nextInt(WIDTH), y = HORIZON + 60 + rnd.nextInt(HEIGHT - HORIZON - 60);
            g.fill(new Ellipse2D.Double(x, y, 12, 12));
        }
    }

    private void city(int street, boolean withStreet) {
        Color[] walls = {new Color(0x3A4A6A), new Color(0x5A4A6A), new Color(0x4A5A5A), new Color(0x6A5040)};
        for (int layer = 0; layer < 2; layer++) {
            for (int x = -40; x < WIDTH; ) {
                int w = 110 + rnd.nextInt(110), h = (layer == 0 ? 500 : 320) + rnd.nextInt(300);
                Color wall = shade(
                        layer == 0
                                ? blend(walls[rnd.nextInt(walls.length)], new Color(0x8899BB), 0.35)
                                : walls[rnd.nextInt(walls.length)]);
                g.setColor(wall);
                g.fill(new Rectangle2D.Double(x, street - h, w, h));
                for (int wy = street - h + 30; wy < street - 40; wy += 56) {
                    for (int wx = x + 18; wx < x + w - 30; wx += 40) {
                        boolean lit = s.night() ? rnd.nextInt(10) < 6 : rnd.nextInt(10) < 2;
                        g.setColor(lit ? new Color(0xFFD98A) : blend(wall, Color.BLACK, 0.35));
                        g.fill(new Rectangle2D.Double(wx, wy, 22, 32));
                    }
                }
                x += w + 8;
            }
        }
        if (s.night()) {
            Color[] neon = {new Color(0xFF3FA4), new Color(0x3FF2FF), new Color(0xB45CFF), new Color(0xFFE14F)};
            g.setStroke(new BasicStroke(8));
            for (int i = 0; i < 5; i++) {
                Color c = neon[rnd.nextInt(neon.length)];
                RoundRectangle2D sign = new RoundRectangle2D.Double(
                        rnd.nextInt(WIDTH - 160), street - 520 + rnd.nextInt(300), 120 + rnd.nextInt(60), 50, 20, 20);
                g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 70));
                g.fill(sign);
                g.setColor(c);
                g.draw(sign);
            }
        }
        if (!withStreet) return;
        ground(new Color(0x5A5E66), new Color(0x3A3D44));
        g.setColor(shade(new Color(0x8A8E96)));
        g.fill(new Rectangle2D.Double(0, street, WIDTH, 60));
        g.setColor(new Color(0xF2E6B0));
        for (int x = 20; x < WIDTH; x += 160) g.fill(new Rectangle2D.Double(x, street + 280, 90, 16));
        for (int x = 120; x < WIDTH; x += 420) lamp(x, street + 20);
    }

    private void lamp(double x, double base) {
        g.setColor(new Color(0x2A2E36));
        g.fill(new Rectangle2D.Double(x - 6, base - 380, 12, 380));
        g.fill(new RoundRectangle2D.Double(x - 30, base - 400, 60, 26, 10, 10));
        if (s.night()) {
            g.setPaint(new RadialGradientPaint((float) x, (float) base - 370, 160, new float[] {0f, 1f}, new Color[] {
                new Color(255, 220, 140, 120), new Color(255, 220, 140, 0)
            }));
            g.fill(new Ellipse2D.Double(x - 160, base - 530, 320, 320));
        }
    }

    private void rooftop() {
        city(HORIZON + 60, false);
        g.setColor(shade(new Color(0x6A4E44)));
        g.fill(new Rectangle2D.Double(0, HORIZON + 60, WIDTH, HEIGHT));
        g.setColor(shade(new Color(0x8A6A5A)));
        g.fill(new Rectangle2D.Double(0, HORIZON + 40, WIDTH, 40));
        g.setColor(shade(new Color(0x5A5E66)));
        g.fill(new Rectangle2D.Double(620, HORIZON - 80, 140, 130));
    }

    private void beach() {
        Color sea = shade(new Color(0x2E8BC0));
        g.setPaint(new GradientPaint(0, HORIZON - 160, sea.brighter(), 0, HORIZON + 140, sea));
        g.fillRect(0, HORIZON - 160, WIDTH, 320);
        g.setStroke(new BasicStroke(5, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(new Color(255, 255, 255, 150));
        for (int i = 0; i < 14; i++) {
            double x = rnd.nextInt(WIDTH), y = HORIZON - 130 + rnd.nextInt(250);
            g.draw(new Arc2D.Double(x, y, 70, 24, 20, 140, Arc2D.OPEN));
        }
        g.setPaint(
                new GradientPaint(0, HORIZON + 140, shade(new Color(0xF2DDA4)), 0, HEIGHT, shade(new Color(0xE0C080))));
        g.fillRect(0, HORIZON + 140, WIDTH, HEIGHT);
        g.setColor(new Color(255, 255, 255, 190));
        g.fill(new Ellipse2D.Double(-100, HORIZON + 120, WIDTH + 200, 50));
        // A palm on the right edge.
        g.setColor(shade(new Color(0x8A6A3A)));
        Path2D trunk = new Path2D.Double();
        trunk.moveTo(800, HORIZON + 300);
        trunk.quadTo(760, HORIZON - 100, 820, HORIZON - 420);
        trunk.lineTo(845, HORIZON - 410);
        trunk.quadTo(790, HORIZON - 100, 840, HORIZON + 300);
        trunk.closePath();
        g.fill(trunk);
        g.setColor(shade(new Color(0x3E9A4A)));
        for (int i = 0; i < 6; i++) {
            double a = Math.PI * (0.9 + i * 0.25);
            g.fill(frond(830, HORIZON - 420, a, 230));
        }
    }

    /** A palm leaf: a thin curved lens from the crown outwards. */
    private static Path2D frond(double x, double y, double angle, double len) {
        double ex = x + Math.cos(angle) * len, ey = y + Math.sin(angle) * len * 0.6 + 60;
        double mx = x + Math.cos(angle) * len * 0.5, my = y + Math.sin(angle) * len * 0.3 - 40;
        Path2D p = new Path2D.Double();
        p.moveTo(x, y);
        p.quadTo(mx, my - 30, ex, ey);
        p.quadTo(mx, my + 30, x, y);
        p.closePath();
        return p;
    }

    private void space() {
        for (int i = 0; i < 3; i++) {
            Color neb = new Color[] {
                        new Color(150, 60, 200, 60), new Color(40, 120, 220, 50), new Color(230, 80, 140, 40)
                    }
                    [i];
            g.setPaint(new RadialGradientPaint(
                    rnd.nextInt(WIDTH), rnd.nextInt(HORIZON), 350, new float[] {0f, 1f}, new Color[] {
                        neb, new Color(0, 0, 0, 0)
                    }));
            g.fillRect(0, 0, WIDTH, HEIGHT);
        }
        g.setPaint(new GradientPaint(560, 200, new Color(0xF2A65A), 760, 420, new Color(0x8A3A5A)));
        g.fill(new Ellipse2D.Double(540, 200, 240, 240));
        g.setStroke(new BasicStroke(10));
        g.setColor(new Color(240, 220, 190, 180));
        g.draw(new Ellipse2D.Double(480, 290, 360, 60));
        // A grey moon surface to stand on.
        g.setPaint(new GradientPaint(0, HORIZON, new Color(0x8A8A9A), 0, HEIGHT, new Color(0x4A4A5A)));
        Path2D surface = new Path2D.Double();
        surface.moveTo(0, HEIGHT);
        surface.lineTo(0, HORIZON + 40);
        surface.quadTo(WIDTH / 2.0, HORIZON - 60, WIDTH, HORIZON + 40);
        surface.lineTo(WIDTH, HEIGHT);
        surface.closePath();
        g.fill(surface);
        g.setColor(new Color(0x5A5A6A));
        for (int i = 0; i < 8; i++)
            g.fill(new Ellipse2D.Double(
                    rnd.nextInt(WIDTH), HORIZON + 80 + rnd.nextInt(HEIGHT - HORIZON - 100), 90, 30));
    }

    private void mountains() {
        boolean snowy = s.setting() == Scene.Setting.SNOW || s.snow();
        for (int layer = 0; layer < 2; layer++) {
            for (int i = 0; i < 4; i++) {
                double cx = i * 300 - 60 + rnd.nextInt(120) + layer * 120,
                        h = (layer == 0 ? 520 : 380) + rnd.nextInt(200),
                        w = 330 + rnd.nextInt(100);
                Path2D p = new Path2D.Double();
                p.moveTo(cx - w, HORIZON + 20);
                p.lineTo(cx, HORIZON - h);
                p.lineTo(cx + w, HORIZON + 20);
                p.closePath();
                g.setColor(shade(layer == 0 ? new Color(0x7A86A8) : new Color(0x5A6688)));
                g.fill(p);
                Path2D cap = new Path2D.Double();
                cap.moveTo(cx - w * 0.28, HORIZON - h * 0.72);
                cap.lineTo(cx, HORIZON - h);
                cap.lineTo(cx + w * 0.28, HORIZON - h * 0.72);
                cap.lineTo(cx, HORIZON - h * 0.78);
                cap.closePath();
                g.setColor(shade(new Color(0xF4F6FA)));
                g.fill(cap);
            }
        }
        ground(snowy ? new Color(0xE6EEF6) : new Color(0x6FA86A), snowy ? new Color(0xC6D2E0) : new Color(0x4A8A4A));
        for (int i = 0; i < 4; i++)
            tree(
                    rnd.nextInt(WIDTH),
                    HORIZON + 120 + rnd.nextInt(200),
                    1.0,
                    snowy ? new Color(0x3E6E5A) : new Color(0x2F7A3D));
    }

    private void desert() {
        for (int i = 0; i < 3; i++)
            hills(
                    HORIZON + i * 60,
                    90 - i * 20,
                    new Color[] {new Color(0xE8C48A), new Color(0xE0B070), new Color(0xD8A060)}[i]);
        ground(new Color(0xD8A060), new Color(0xC08850));
        g.setColor(shade(new Color(0x4E8C4A)));
        for (int i = 0; i < 2; i++) {
            double x = 140 + i * 560, base = HORIZON + 180 + i * 120;
            g.fill(new RoundRectangle2D.Double(x - 30, base - 260, 60, 260, 50, 50));
            g.fill(new RoundRectangle2D.Double(x - 95, base - 190, 40, 110, 40, 40));
            g.fill(new RoundRectangle2D.Double(x + 55, base - 220, 40, 120, 40, 40));
            g.fill(new Rectangle2D.Double(x - 80, base - 110, 60, 26));
            g.fill(new Rectangle2D.Double(x + 20, base - 130, 60, 26));
        }
    }
}
