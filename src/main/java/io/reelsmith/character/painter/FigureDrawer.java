package io.reelsmith.character.painter;

import io.reelsmith.character.painter.PortraitTraits.Accessory;
import io.reelsmith.character.painter.PortraitTraits.Kind;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.GeneralPath;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;

/**
 * Draws the body, the head and the hair of the character on a 1024x1024 canvas — a standing figure with a big
 * head (chibi proportions), feet near the bottom edge so the animatic can stand it on the ground — and says
 * where the face goes. Face and accessories are drawn by {@link FaceDrawer}.
 */
record FigureDrawer(Brush b, PortraitTraits t) {
    static final int SIZE = 1024;
    private static final int CX = SIZE / 2;

    /** Where the face sits: centre, scale of its features (1 = a human head), top and half width of the head. */
    record Face(double cx, double cy, double scale, double headTop, double headHalfWidth, double neckY) {}

    Face draw() {
        if (t.accessories().contains(Accessory.CAPE)) cape();
        return switch (t.kind()) {
            case BANANA -> banana();
            case ROUND_FRUIT -> roundFruit();
            case GHOST -> ghost();
            case BIRD -> bird();
            case ROBOT -> robot();
            default -> bust();
        };
    }

    private void cape() {
        Path2D p = new Path2D.Double();
        p.moveTo(CX - 120, 660);
        p.lineTo(CX - 260, 960);
        p.lineTo(CX + 260, 960);
        p.lineTo(CX + 120, 660);
        p.closePath();
        b.paint(p, Brush.darker(t.accent(), 0.15));
    }

    /** Humans, aliens and furry animals: legs, arms, torso, head, ears and hair. */
    private Face bust() {
        boolean human = t.kind() == Kind.HUMAN || t.kind() == Kind.ALIEN;
        Color skin = t.kind() == Kind.HUMAN ? t.skin() : t.main();
        Color clothes = t.kind() == Kind.HUMAN ? t.main() : t.kind() == Kind.ALIEN ? t.accent() : t.main();
        double cy = 420, rx = 215, ry = 225;
        if (t.kind() == Kind.HUMAN && t.hairStyle() == 2) hairBack(CX, cy, rx, ry);
        b.paint(new Rectangle2D.Double(CX - 50, cy + 150, 100, 110), Brush.darker(skin, 0.08));
        legsAndArms(human ? skin : t.main(), human ? Brush.darker(t.accent(), 0.35) : t.main());
        b.paint(torso(), clothes);
        if (!human) b.flat(new Ellipse2D.Double(CX - 95, 700, 190, 180), Brush.lighter(t.main(), 0.45));
        else emblem(CX, 780, 45);
        switch (t.kind()) {
            case CAT -> {
                for (int s : new int[] {-1, 1}) {
                    Path2D ear = triangle(CX + s * 190, 170, CX + s * 70, 260, CX + s * 205, 330);
                    b.paint(ear, t.main());
                    b.flat(triangle(CX + s * 175, 215, CX + s * 105, 270, CX + s * 180, 305), new Color(0xF2A7B5));
                }
            }
            case BUNNY -> {
                for (int s : new int[] {-1, 1}) {
                    Shape ear =
                            rotated(new Ellipse2D.Double(CX + s * 95 - 55, -10, 110, 330), s * 0.18, CX + s * 95, 300);
                    b.paint(ear, t.main());
                    b.flat(
                            rotated(new Ellipse2D.Double(CX + s * 95 - 28, 40, 56, 240), s * 0.18, CX + s * 95, 300),
                            new Color(0xF2A7B5));
                }
            }
            case BEAR -> {
                for (int s : new int[] {-1, 1}) {
                    b.paint(new Ellipse2D.Double(CX + s * 165 - 70, 190, 140, 140), t.main());
                    b.flat(new Ellipse2D.Double(CX + s * 165 - 38, 222, 76, 76), Brush.lighter(t.main(), 0.35));
                }
            }
            case ALIEN -> {
                for (int s : new int[] {-1, 1}) {
                    b.line(new Line2D.Double(CX + s * 70, 230, CX + s * 150, 90), Brush.INK, 10);
                    b.paint(new Ellipse2D.Double(CX + s * 150 - 30, 60, 60, 60), t.accent());
                }
            }
            default -> {}
        }
        Shape head = t.kind() == Kind.ALIEN ? alienHead(cy) : new Ellipse2D.Double(CX - rx, cy - ry, 2 * rx, 2 * ry);
        if (t.kind() == Kind.HUMAN)
            for (int s : new int[] {-1, 1}) b.paint(new Ellipse2D.Double(CX + s * rx - 30, cy - 10, 60, 80), skin);
        b.paint(head, skin);
        if (t.kind() == Kind.HUMAN) hairFront(cy, rx, ry);
        if (t.kind() == Kind.DOG) {
            for (int s : new int[] {-1, 1})
                b.paint(
                        rotated(new Ellipse2D.Double(CX + s * 205 - 60, 250, 120, 260), -s * 0.35, CX + s * 205, 260),
                        Brush.darker(t.main(), 0.3));
        }
        return new Face(CX, cy + 10, 1.0, cy - ry, rx, cy + 230);
    }

    /** A small standing body under the big head (chibi proportions): the figure has feet to stand on. */
    private Shape torso() {
        Path2D p = new Path2D.Double();
        p.moveTo(CX - 120, 650);
        p.quadTo(CX - 175, 660, CX - 170, 900);
        p.quadTo(CX, 925, CX + 170, 900);
        p.quadTo(CX + 175, 660, CX + 120, 650);
        p.closePath();
        return p;
    }

    /** Legs with shoes, and arms hanging from the shoulders with round hands; drawn behind the torso. */
    private void legsAndArms(Color hands, Color legs) {
        for (int s : new int[] {-1, 1}) {
            b.paint(new RoundRectangle2D.Double(CX + s * 70 - 40, 860, 80, 120, 30, 30), legs);
            b.paint(new Ellipse2D.Double(CX + s * 78 - 55 + s * 12, 955, 110, 56), new Color(0x3A3040));
            b.paint(
                    rotated(
                            new RoundRectangle2D.Double(CX + s * 160 - 32, 660, 64, 200, 40, 40),
                            s * -0.35,
                            CX + s * 160,
                            670),
                    Brush.darker(t.main(), 0.08));
            b.paint(new Ellipse2D.Double(CX + s * 225 - 36, 820, 72, 72), hands);
        }
    }

    private Shape alienHead(double cy) {
        Path2D p = new Path2D.Double();
        p.moveTo(CX, cy + 240);
        p.curveTo(CX - 150, cy + 240, CX - 290, cy - 40, CX - 250, cy - 170);
        p.curveTo(CX - 200, cy - 300, CX + 200, cy - 300, CX + 250, cy - 170);
        p.curveTo(CX + 290, cy - 40, CX + 150, cy + 240, CX, cy + 240);
        p.closePath();
        return p;
    }

    private void hairBack(double cx, double cy, double rx, double ry) {
        b.paint(new RoundRectangle2D.Double(cx - rx - 35, cy - ry - 20, 2 * rx + 70, 2 * ry + 250, 200, 200), t.hair());
    }

    /** The front of the hair: a cap over the top of the head, shaped by the hair style. */
    private void hairFront(double cy, double rx, double ry) {
        int style = t.style() == RenderStyle.ANIME && (t.hairStyle() == 0 || t.hairStyle() == 3) ? 1 : t.hairStyle();
        Area hair = new Area(new Ellipse2D.Double(CX - rx - 18, cy - ry - 25, 2 * rx + 36, 2 * ry + 36));
        hair.intersect(new Area(new Rectangle2D.Double(0, 0, SIZE, cy - 70)));
        // A side parting: the fringe dips on one side.
        hair.add(new Area(new Ellipse2D.Double(CX - rx + 10, cy - ry + 40, rx * 1.05, 150)));
        switch (style) {
            case 1 -> {
                for (int i = -3; i <= 3; i++) {
                    double x = CX + i * rx / 3.3;
                    hair.add(new Area(triangle(
                            x - 55,
                            cy - ry + 40,
                            x + 55,
                            cy - ry + 40,
                            x + 25 * Math.signum(i + 0.5),
                            cy - ry - 85 + Math.abs(i) * 18)));
                }
            }
            case 3 -> {
                for (int i = 0; i < 9; i++) {
                    double a = Math.PI * (1.05 + i * 0.9 / 8);
                    hair.add(new Area(new Ellipse2D.Double(
                            CX + Math.cos(a) * (rx + 10) - 55, cy + Math.sin(a) * (ry + 10) - 55, 110, 110)));
                }
            }
            case 4 -> hair.add(new Area(new Ellipse2D.Double(CX - 85, cy - ry - 120, 170, 160)));
            default -> {}
        }
        b.paint(hair, t.hair());
    }

    private Face banana() {
        limbs(CX + 10, 560, 200, 880);
        Path2D p = new Path2D.Double();
        p.moveTo(700, 120);
        p.curveTo(330, 230, 250, 830, 640, 900);
        p.curveTo(600, 760, 630, 360, 700, 120);
        p.closePath();
        b.paint(p, t.main());
        b.line(
                new GeneralPathBuilder().move(690, 170).curve(560, 400, 540, 700, 620, 870).path,
                Brush.darker(t.main(), 0.15),
                8);
        b.paint(new RoundRectangle2D.Double(680, 70, 40, 70, 14, 14), new Color(0x6B4A26));
        b.flat(new Ellipse2D.Double(620, 880, 34, 28), new Color(0x4A3520));
        return new Face(480, 470, 0.72, 190, 170, 760);
    }

    private Face roundFruit() {
        limbs(CX, 600, 270, 860);
        b.paint(new Ellipse2D.Double(CX - 320, 240, 640, 640), t.main());
        b.paint(new RoundRectangle2D.Double(CX - 14, 160, 28, 110, 12, 12), new Color(0x6B4A26));
        b.paint(rotated(new Ellipse2D.Double(CX + 10, 170, 150, 70), -0.4, CX + 10, 205), new Color(0x43A86B));
        return new Face(CX, 560, 1.0, 250, 300, 800);
    }

    private Face ghost() {
        Path2D p = new Path2D.Double();
        p.moveTo(CX - 300, 1000);
        p.lineTo(CX - 300, 480);
        p.curveTo(CX - 300, 60, CX + 300, 60, CX + 300, 480);
        p.lineTo(CX + 300, 1000);
        for (int i = 0; i < 4; i++) {
            double x0 = CX + 300 - i * 150;
            p.quadTo(x0 - 37, 940, x0 - 75, 990);
            p.quadTo(x0 - 112, 1030, x0 - 150, 1000);
        }
        p.closePath();
        b.paint(p, t.main());
        return new Face(CX, 450, 1.0, 170, 280, 700);
    }

    private Face bird() {
        for (int s : new int[] {-1, 1})
            b.paint(
                    rotated(new Ellipse2D.Double(CX + s * 300 - 70, 560, 140, 300), s * 0.5, CX + s * 300, 600),
                    Brush.darker(t.main(), 0.2));
        b.paint(new Ellipse2D.Double(CX - 310, 220, 620, 760), t.main());
        b.flat(new Ellipse2D.Double(CX - 190, 620, 380, 330), Brush.lighter(t.main(), 0.55));
        for (int i = -1; i <= 1; i++)
            b.paint(rotated(new Ellipse2D.Double(CX + i * 40 - 25, 140, 50, 130), i * 0.4, CX + i * 40, 250), t.main());
        return new Face(CX, 470, 1.0, 230, 300, 700);
    }

    private Face robot() {
        b.line(new Line2D.Double(CX, 200, CX, 90), Brush.INK, 12);
        b.paint(new Ellipse2D.Double(CX - 36, 50, 72, 72), t.accent());
        b.paint(new RoundRectangle2D.Double(CX - 60, 590, 120, 120, 20, 20), Brush.darker(t.main(), 0.25));
        for (int s : new int[] {-1, 1}) {
            b.paint(new RoundRectangle2D.Double(CX + s * 80 - 35, 880, 70, 100, 20, 20), Brush.darker(t.main(), 0.25));
            b.paint(new RoundRectangle2D.Double(CX + s * 85 - 60, 960, 120, 46, 20, 20), Brush.darker(t.main(), 0.45));
            b.line(new Line2D.Double(CX + s * 200, 730, CX + s * 250, 860), Brush.darker(t.main(), 0.3), 26);
            b.paint(new Ellipse2D.Double(CX + s * 250 - 34, 840, 68, 68), t.accent());
        }
        b.paint(new RoundRectangle2D.Double(CX - 210, 690, 420, 220, 70, 70), t.main());
        b.paint(new RoundRectangle2D.Double(CX - 130, 730, 260, 130, 30, 30), Brush.darker(t.main(), 0.3));
        for (int i = 0; i < 3; i++)
            b.paint(new Ellipse2D.Double(CX - 92 + i * 70, 775, 44, 44), i == 1 ? t.accent() : new Color(0xF25C54));
        for (int s : new int[] {-1, 1})
            b.paint(new RoundRectangle2D.Double(CX + s * 250 - 30, 330, 60, 130, 20, 20), Brush.darker(t.main(), 0.2));
        b.paint(new RoundRectangle2D.Double(CX - 245, 190, 490, 420, 110, 110), t.main());
        b.flat(new RoundRectangle2D.Double(CX - 195, 250, 390, 300, 80, 80), new Color(0x233040));
        return new Face(CX, 390, 1.0, 190, 245, 640);
    }

    /** Small arms and legs for fruit characters. */
    private void limbs(double cx, double armY, double halfSpan, double legTop) {
        for (int s : new int[] {-1, 1}) {
            b.line(
                    new Line2D.Double(cx + s * halfSpan * 0.6, armY, cx + s * (halfSpan + 70), armY + 150),
                    Brush.INK,
                    16);
            b.paint(new Ellipse2D.Double(cx + s * (halfSpan + 70) - 28, armY + 125, 56, 56), Color.WHITE);
            b.line(new Line2D.Double(cx + s * 60, legTop, cx + s * 75, 985), Brush.INK, 16);
            b.paint(new Ellipse2D.Double(cx + s * 75 - 20 + s * 22, 955, 96, 52), t.accent());
        }
    }

    /** A small seeded sign on the chest: another trait that keeps two characters apart. */
    private void emblem(double x, double y, double r) {
        Color c = t.accent().equals(t.main()) ? Color.WHITE : t.accent();
        Shape s = switch (t.emblem()) {
            case 0 -> star(x, y, r);
            case 1 -> heart(x, y, r);
            case 2 -> new Ellipse2D.Double(x - r * 0.7, y - r * 0.7, r * 1.4, r * 1.4);
            default -> bolt(x, y, r);
        };
        b.paint(s, c);
    }

    static Shape star(double x, double y, double r) {
        Path2D p = new Path2D.Double();
        for (int i = 0; i < 10; i++) {
            double a = -Math.PI / 2 + i * Math.PI / 5, rr = i % 2 == 0 ? r : r * 0.45;
            if (i == 0) p.moveTo(x + Math.cos(a) * rr, y + Math.sin(a) * rr);
            else p.lineTo(x + Math.cos(a) * rr, y + Math.sin(a) * rr);
        }
        p.closePath();
        return p;
    }

    private static Shape heart(double x, double y, double r) {
        Path2D p = new Path2D.Double();
        p.moveTo(x, y + r * 0.8);
        p.curveTo(x - r * 1.3, y - r * 0.1, x - r * 0.6, y - r * 1.1, x, y - r * 0.35);
        p.curveTo(x + r * 0.6, y - r * 1.1, x + r * 1.3, y - r * 0.1, x, y + r * 0.8);
        p.closePath();
        return p;
    }

    private static Shape bolt(double x, double y, double r) {
        return polygon(
                x + r * 0.2,
                y - r,
                x - r * 0.6,
                y + r * 0.15,
                x - r * 0.05,
                y + r * 0.15,
                x - r * 0.25,
                y + r,
                x + r * 0.6,
                y - r * 0.2,
                x + r * 0.05,
                y - r * 0.2);
    }

    static Path2D triangle(double x1, double y1, double x2, double y2, double x3, double y3) {
        return polygon(x1, y1, x2, y2, x3, y3);
    }

    static Path2D polygon(double... xy) {
        Path2D p = new Path2D.Double();
        p.moveTo(xy[0], xy[1]);
        for (int i = 2; i < xy.length; i += 2) p.lineTo(xy[i], xy[i + 1]);
        p.closePath();
        return p;
    }

    static Shape rotated(Shape s, double angle, double px, double py) {
        return AffineTransform.getRotateInstance(angle, px, py).createTransformedShape(s);
    }

    /** Tiny fluent path helper for open curves. */
    private static final class GeneralPathBuilder {
        final GeneralPath path = new GeneralPath();

        GeneralPathBuilder move(double x, double y) {
            path.moveTo(x, y);
            return this;
        }

        GeneralPathBuilder curve(double x1, double y1, double x2, double y2, double x3, double y3) {
            path.curveTo(x1, y1, x2, y2, x3, y3);
            return this;
        }
    }
}
