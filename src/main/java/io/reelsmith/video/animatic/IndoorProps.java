package io.reelsmith.video.animatic;

import static io.reelsmith.video.animatic.ScenePainter.HEIGHT;
import static io.reelsmith.video.animatic.ScenePainter.HORIZON;
import static io.reelsmith.video.animatic.ScenePainter.WIDTH;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.Random;

/** Walls, floors and furniture of indoor settings: bookshelves, a kitchen, a room, a cave. */
record IndoorProps(Graphics2D g, Random rnd, Scene s) {
    void paint() {
        switch (s.setting()) {
            case LIBRARY -> library();
            case KITCHEN -> kitchen();
            case CAVE -> cave();
            default -> room();
        }
    }

    private void wall(Color top, Color bottom) {
        g.setPaint(new GradientPaint(0, 0, top, 0, HORIZON, bottom));
        g.fillRect(0, 0, WIDTH, HORIZON);
    }

    private void woodFloor(Color c) {
        g.setPaint(new GradientPaint(0, HORIZON, c, 0, HEIGHT, OutdoorProps.blend(c, Color.BLACK, 0.35)));
        g.fillRect(0, HORIZON, WIDTH, HEIGHT - HORIZON);
        g.setColor(OutdoorProps.blend(c, Color.BLACK, 0.3));
        g.setStroke(new BasicStroke(3));
        for (int y = HORIZON + 40, step = 40; y < HEIGHT; y += step, step += 12) g.drawLine(0, y, WIDTH, y);
    }

    /** A window onto the sky, night or day. */
    private void window(double x, double y, double w, double h) {
        Color[] sky = ScenePainter.skyColours(s);
        g.setPaint(new GradientPaint(0, (float) y, sky[0], 0, (float) (y + h), sky[1]));
        g.fill(new Rectangle2D.Double(x, y, w, h));
        if (s.night()) {
            g.setColor(new Color(0xFFF6D8));
            g.fill(new Ellipse2D.Double(x + w * 0.6, y + h * 0.15, 50, 50));
        } else {
            ScenePainter.cloud(g, x + w * 0.4, y + h * 0.35, 0.5, Color.WHITE);
        }
        g.setColor(new Color(0xF2EDE4));
        g.setStroke(new BasicStroke(14));
        g.draw(new Rectangle2D.Double(x, y, w, h));
        g.drawLine((int) (x + w / 2), (int) y, (int) (x + w / 2), (int) (y + h));
        g.drawLine((int) x, (int) (y + h / 2), (int) (x + w), (int) (y + h / 2));
    }

    private void library() {
        wall(new Color(0x4A2E22), new Color(0x6A4632));
        Color[] spines = {
            new Color(0x8E2A2A),
            new Color(0x2A4E8E),
            new Color(0x2E7A4A),
            new Color(0xB8862E),
            new Color(0x5A2E6A),
            new Color(0x7A5A3A),
            new Color(0x3A6A6A)
        };
        for (int shelf = 0; shelf < 6; shelf++) {
            int y = 120 + shelf * 160;
            if (y + 150 > HORIZON) break;
            g.setColor(new Color(0x3A2218));
            g.fill(new Rectangle2D.Double(0, y + 140, WIDTH, 22));
            for (int x = 10; x < WIDTH - 20; ) {
                int w = 22 + rnd.nextInt(22), h = 95 + rnd.nextInt(45);
                if (rnd.nextInt(14) == 0) {
                    x += 40;
                    continue;
                } // a gap on the shelf
                Color c = spines[rnd.nextInt(spines.length)];
                g.setColor(c);
                g.fill(new Rectangle2D.Double(x, y + 140 - h, w, h));
                g.setColor(OutdoorProps.blend(c, new Color(0xE8C870), 0.5));
                g.fill(new Rectangle2D.Double(x, y + 140 - h + 16, w, 5));
                x += w + 2;
            }
        }
        woodFloor(new Color(0x7A5234));
        lampGlow(WIDTH * 0.2, 300, new Color(255, 200, 120));
        // A reading table in the foreground.
        g.setColor(new Color(0x5A3A24));
        g.fill(new RoundRectangle2D.Double(-60, HORIZON + 260, 320, 40, 10, 10));
        g.fill(new Rectangle2D.Double(20, HORIZON + 300, 24, 200));
    }

    private void kitchen() {
        wall(new Color(0xF2E8D8), new Color(0xE6D6BE));
        g.setColor(new Color(0xD6C6AE));
        for (int y = 520; y < HORIZON; y += 60)
            for (int x = (y / 60) % 2 * 30; x < WIDTH; x += 60) g.draw(new Rectangle2D.Double(x, y, 60, 60));
        window(300, 140, 300, 280);
        for (int i = 0; i < 3; i++) {
            g.setColor(new Color(0x5A8A9A));
            g.fill(new RoundRectangle2D.Double(i * 310 - 10, -20, 280, 100, 16, 16));
        }
        // Counter with cabinets and a stove carrying a pot.
        g.setColor(new Color(0x8A6A4A));
        g.fill(new Rectangle2D.Double(0, HORIZON - 200, WIDTH, 200));
        g.setColor(new Color(0xCFCFD6));
        g.fill(new Rectangle2D.Double(0, HORIZON - 220, WIDTH, 28));
        g.setColor(new Color(0x6A4E34));
        for (int x = 20; x < WIDTH; x += 220) g.draw(new Rectangle2D.Double(x, HORIZON - 180, 190, 160));
        g.setColor(new Color(0x3A3A44));
        g.fill(new RoundRectangle2D.Double(560, HORIZON - 330, 220, 120, 30, 30));
        g.fill(new Rectangle2D.Double(540, HORIZON - 345, 260, 20));
        g.setColor(new Color(255, 255, 255, 110));
        for (int i = 0; i < 3; i++) g.fill(new Ellipse2D.Double(600 + i * 50, HORIZON - 430 - i * 30, 50, 70));
        woodFloor(new Color(0xB08A5A));
    }

    private void room() {
        Color[] walls = {new Color(0xB8D4E6), new Color(0xF2D6B8), new Color(0xD6E6C4), new Color(0xE6C8D8)};
        Color wall = walls[rnd.nextInt(walls.length)];
        wall(OutdoorProps.blend(wall, Color.WHITE, 0.2), wall);
        window(480, 180, 320, 380);
        for (int i = 0; i < 2; i++) {
            g.setColor(new Color(0x6A4E3A));
            g.fill(new Rectangle2D.Double(80 + i * 180, 260 + i * 60, 140, 180));
            g.setColor(new Color[] {new Color(0x7AB8E0), new Color(0xF2B05A)}[i]);
            g.fill(new Rectangle2D.Double(94 + i * 180, 274 + i * 60, 112, 152));
        }
        woodFloor(new Color(0xA0764E));
        g.setColor(new Color(0xC0504A));
        g.fill(new Ellipse2D.Double(100, HORIZON + 220, 700, 200));
        g.setColor(new Color(0x3E7A4A));
        g.fill(new Ellipse2D.Double(30, HORIZON - 260, 150, 170));
        g.setColor(new Color(0xB0663A));
        g.fill(new RoundRectangle2D.Double(55, HORIZON - 110, 100, 120, 16, 16));
    }

    private void cave() {
        g.setPaint(new GradientPaint(0, 0, new Color(0x2E2622), 0, HEIGHT, new Color(0x5A4A3E)));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        // Boulders along both walls give the dark a shape.
        for (int i = 0; i < 16; i++) {
            double r = 120 + rnd.nextInt(160),
                    x = (i % 2 == 0 ? -r * 0.4 : WIDTH - r * 0.6) + rnd.nextInt(60),
                    y = 150 + rnd.nextInt(HORIZON);
            g.setColor(new Color(0x3E342C + rnd.nextInt(4) * 0x060504));
            g.fill(new Ellipse2D.Double(x - r / 2, y - r / 2, r, r * 0.8));
        }
        g.setColor(new Color(0x241E1A));
        for (int i = 0; i < 12; i++) {
            double x = rnd.nextInt(WIDTH), w = 40 + rnd.nextInt(60), h = 120 + rnd.nextInt(260);
            Path2D p = new Path2D.Double();
            p.moveTo(x - w, 0);
            p.lineTo(x, h);
            p.lineTo(x + w, 0);
            p.closePath();
            g.fill(p);
        }
        g.setColor(new Color(0x6A5A4A));
        g.fill(new Ellipse2D.Double(-200, HORIZON - 40, WIDTH + 400, 800));
        lampGlow(WIDTH * 0.78, HORIZON - 250, new Color(255, 190, 90));
        lampGlow(WIDTH * 0.5, HORIZON - 150, new Color(255, 170, 80));
        g.setColor(new Color(0x2A2A2A));
        g.fill(new RoundRectangle2D.Double(WIDTH * 0.78 - 30, HORIZON - 290, 60, 90, 14, 14));
        g.setColor(new Color(0xFFD27A));
        g.fill(new Ellipse2D.Double(WIDTH * 0.78 - 18, HORIZON - 275, 36, 50));
    }

    private void lampGlow(double x, double y, Color c) {
        g.setPaint(new RadialGradientPaint((float) x, (float) y, 420, new float[] {0f, 1f}, new Color[] {
            new Color(c.getRed(), c.getGreen(), c.getBlue(), 110), new Color(c.getRed(), c.getGreen(), c.getBlue(), 0)
        }));
        g.fill(new Ellipse2D.Double(x - 420, y - 420, 840, 840));
    }
}
