package io.reelsmith.character.painter;

import io.reelsmith.character.painter.FigureDrawer.Face;
import io.reelsmith.character.painter.PortraitTraits.Accessory;
import io.reelsmith.character.painter.PortraitTraits.Kind;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.QuadCurve2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;

/** Eyes, mouth, nose and the accessories worn on the head and neck, placed from a {@link Face}. */
record FaceDrawer(Brush b, PortraitTraits t) {
    void draw(Face f) {
        double s = f.scale(), x = f.cx(), y = f.cy();
        if (t.accessories().contains(Accessory.HEADPHONES)) headphonesBand(f);
        if (t.kind() == Kind.ROBOT) robotFace(x, y);
        else {
            cheeks(x, y, s);
            if (!t.accessories().contains(Accessory.SUNGLASSES))
                for (int side : new int[] {-1, 1}) eye(x + side * 85 * s, y, s);
            brows(x, y, s);
            nose(x, y, s);
            if (t.accessories().contains(Accessory.BEARD)) beard(x, y, s);
            if (t.kind() == Kind.BIRD) beak(x, y, s);
            else mouth(x, y + 115 * s, s);
            if (t.accessories().contains(Accessory.MUSTACHE)) mustache(x, y + 85 * s, s);
        }
        new AccessoryDrawer(b, t).draw(f);
    }

    private void eye(double x, double y, double s) {
        if (t.style() == RenderStyle.ANIME) {
            b.paint(new Ellipse2D.Double(x - 42 * s, y - 62 * s, 84 * s, 118 * s), Color.WHITE);
            b.g().setPaint(new GradientPaint(
                    (float) x,
                    (float) (y - 50 * s),
                    Brush.darker(t.eyes().equals(new Color(0x3B2A20)) ? new Color(0x5A7FD8) : t.eyes(), 0.35),
                    (float) x,
                    (float) (y + 50 * s),
                    Brush.lighter(t.eyes().equals(new Color(0x3B2A20)) ? new Color(0x5A7FD8) : t.eyes(), 0.3)));
            b.g().fill(new Ellipse2D.Double(x - 32 * s, y - 44 * s, 64 * s, 96 * s));
            b.flat(new Ellipse2D.Double(x - 16 * s, y - 14 * s, 32 * s, 46 * s), new Color(0x1A1424));
            b.flat(new Ellipse2D.Double(x - 26 * s, y - 36 * s, 26 * s, 26 * s), Color.WHITE);
            b.flat(new Ellipse2D.Double(x + 8 * s, y + 18 * s, 12 * s, 12 * s), Color.WHITE);
            b.line(new Arc2D.Double(x - 48 * s, y - 66 * s, 96 * s, 90 * s, 20, 140, Arc2D.OPEN), Brush.INK, (float)
                    (12 * s));
        } else {
            b.paint(new Ellipse2D.Double(x - 38 * s, y - 48 * s, 76 * s, 96 * s), Color.WHITE);
            b.flat(new Ellipse2D.Double(x - 21 * s, y - 18 * s, 42 * s, 50 * s), t.eyes());
            b.flat(new Ellipse2D.Double(x - 9 * s, y - 8 * s, 18 * s, 18 * s), Color.WHITE);
        }
    }

    private void brows(double x, double y, double s) {
        Color c = t.kind() == Kind.HUMAN ? Brush.darker(t.hair(), 0.25) : Brush.INK;
        for (int side : new int[] {-1, 1}) {
            b.line(
                    new QuadCurve2D.Double(
                            x + side * 50 * s,
                            y - 78 * s,
                            x + side * 85 * s,
                            y - 100 * s,
                            x + side * 120 * s,
                            y - 80 * s),
                    c,
                    (float) (10 * s));
        }
    }

    private void cheeks(double x, double y, double s) {
        for (int side : new int[] {-1, 1})
            b.flat(
                    new Ellipse2D.Double(x + side * 135 * s - 32 * s, y + 50 * s, 64 * s, 36 * s),
                    new Color(242, 120, 140, 110));
    }

    private void nose(double x, double y, double s) {
        switch (t.kind()) {
            case CAT, BUNNY -> {
                b.paint(
                        FigureDrawer.triangle(x - 18 * s, y + 45 * s, x + 18 * s, y + 45 * s, x, y + 65 * s),
                        new Color(0xF28CA0));
                if (t.kind() == Kind.CAT)
                    for (int side : new int[] {-1, 1})
                        for (int k = -1; k <= 1; k++) {
                            b.line(
                                    new Line2D.Double(
                                            x + side * 60 * s,
                                            y + (75 + k * 14) * s,
                                            x + side * 190 * s,
                                            y + (65 + k * 32) * s),
                                    Brush.INK,
                                    (float) (4 * s));
                        }
            }
            case DOG, BEAR -> {
                b.flat(new Ellipse2D.Double(x - 85 * s, y + 30 * s, 170 * s, 130 * s), Brush.lighter(t.main(), 0.45));
                b.paint(new Ellipse2D.Double(x - 30 * s, y + 35 * s, 60 * s, 40 * s), new Color(0x2A2030));
            }
            case HUMAN ->
                b.line(
                        new QuadCurve2D.Double(x - 8 * s, y + 40 * s, x + 12 * s, y + 62 * s, x - 6 * s, y + 70 * s),
                        Brush.darker(t.skin(), 0.3),
                        (float) (6 * s));
            default -> {}
        }
    }

    private void mouth(double x, double y, double s) {
        Path2D m = new Path2D.Double();
        m.moveTo(x - 55 * s, y - 12 * s);
        m.quadTo(x, y - 2 * s, x + 55 * s, y - 12 * s);
        m.quadTo(x + 40 * s, y + 55 * s, x, y + 55 * s);
        m.quadTo(x - 40 * s, y + 55 * s, x - 55 * s, y - 12 * s);
        m.closePath();
        b.paint(m, new Color(0x8E2232));
        b.flat(new Ellipse2D.Double(x - 26 * s, y + 22 * s, 52 * s, 30 * s), new Color(0xF27D8C));
        b.outline(m);
    }

    private void beak(double x, double y, double s) {
        b.paint(
                FigureDrawer.triangle(x - 45 * s, y + 50 * s, x + 45 * s, y + 50 * s, x, y + 120 * s),
                new Color(0xF2A33A));
    }

    private void mustache(double x, double y, double s) {
        Color c = Brush.darker(t.hair(), 0.1);
        for (int side : new int[] {-1, 1}) {
            Path2D p = new Path2D.Double();
            p.moveTo(x, y);
            p.curveTo(x + side * 40 * s, y - 25 * s, x + side * 90 * s, y - 10 * s, x + side * 105 * s, y + 20 * s);
            p.curveTo(x + side * 70 * s, y + 10 * s, x + side * 30 * s, y + 25 * s, x, y + 12 * s);
            p.closePath();
            b.paint(p, c);
        }
    }

    private void beard(double x, double y, double s) {
        Path2D p = new Path2D.Double();
        p.moveTo(x - 200 * s, y + 20 * s);
        p.curveTo(x - 190 * s, y + 260 * s, x + 190 * s, y + 260 * s, x + 200 * s, y + 20 * s);
        p.curveTo(x + 120 * s, y + 120 * s, x - 120 * s, y + 120 * s, x - 200 * s, y + 20 * s);
        p.closePath();
        b.paint(p, t.hair());
    }

    private void robotFace(double x, double y) {
        Color glow = t.eyes().equals(new Color(0x3B2A20)) ? new Color(0x5FF2E8) : t.eyes();
        for (int side : new int[] {-1, 1}) {
            b.flat(
                    new Ellipse2D.Double(x + side * 90 - 52, y - 62, 104, 104),
                    new Color(glow.getRed(), glow.getGreen(), glow.getBlue(), 90));
            b.flat(new Ellipse2D.Double(x + side * 90 - 36, y - 46, 72, 72), glow);
            b.flat(new Ellipse2D.Double(x + side * 90 - 14, y - 30, 22, 22), Color.WHITE);
        }
        b.flat(new RoundRectangle2D.Double(x - 80, y + 70, 160, 40, 16, 16), glow);
        for (int i = 1; i < 4; i++)
            b.flat(new Rectangle2D.Double(x - 80 + i * 40 - 3, y + 70, 6, 40), new Color(0x233040));
    }

    private void headphonesBand(Face f) {
        b.line(
                new Arc2D.Double(
                        f.cx() - f.headHalfWidth() - 20,
                        f.headTop() - 30,
                        2 * f.headHalfWidth() + 40,
                        2 * (f.cy() - f.headTop()) + 60,
                        0,
                        180,
                        Arc2D.OPEN),
                Brush.INK,
                26);
    }
}
