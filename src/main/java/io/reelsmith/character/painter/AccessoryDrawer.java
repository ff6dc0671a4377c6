package io.reelsmith.character.painter;

import io.reelsmith.character.painter.FigureDrawer.Face;
import io.reelsmith.character.painter.PortraitTraits.Accessory;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;

/** Glasses, hats, crowns, scarves…: what the description says the character wears. */
record AccessoryDrawer(Brush b, PortraitTraits t) {
    private static final Color GOLD = new Color(0xF2C230);

    void draw(Face f) {
        double s = f.scale(), x = f.cx(), y = f.cy(), top = f.headTop(), hw = f.headHalfWidth();
        for (Accessory a : t.accessories()) {
            switch (a) {
                case SUNGLASSES -> {
                    for (int side : new int[] {-1, 1}) {
                        RoundRectangle2D lens = new RoundRectangle2D.Double(
                                x + side * 88 * s - 65 * s, y - 45 * s, 130 * s, 90 * s, 40 * s, 40 * s);
                        b.paint(lens, new Color(0x1E1E28));
                        b.line(
                                new Line2D.Double(
                                        x + side * 88 * s - 40 * s, y - 25 * s, x + side * 88 * s - 10 * s, y - 35 * s),
                                new Color(255, 255, 255, 170),
                                (float) (8 * s));
                    }
                    b.line(
                            new Line2D.Double(x - 25 * s, y - 25 * s, x + 25 * s, y - 25 * s),
                            new Color(0x1E1E28),
                            (float) (10 * s));
                }
                case GLASSES -> {
                    for (int side : new int[] {-1, 1})
                        b.line(
                                new Ellipse2D.Double(x + side * 85 * s - 58 * s, y - 58 * s, 116 * s, 116 * s),
                                Brush.INK,
                                (float) (10 * s));
                    b.line(new Line2D.Double(x - 27 * s, y - 10 * s, x + 27 * s, y - 10 * s), Brush.INK, (float)
                            (10 * s));
                }
                case HAT -> {
                    b.paint(
                            new Ellipse2D.Double(x - hw - 70, top + 30, 2 * hw + 140, 90),
                            Brush.darker(t.accent(), 0.1));
                    b.paint(new RoundRectangle2D.Double(x - hw * 0.7, top - 110, hw * 1.4, 190, 60, 60), t.accent());
                    b.flat(
                            new Rectangle2D.Double(x - hw * 0.7 + 6, top + 20, hw * 1.4 - 12, 36),
                            Brush.darker(t.accent(), 0.45));
                }
                case CAP -> {
                    Path2D dome = new Path2D.Double();
                    dome.moveTo(x - hw - 5, top + 110);
                    dome.curveTo(x - hw, top - 70, x + hw, top - 70, x + hw + 5, top + 110);
                    dome.closePath();
                    b.paint(new Ellipse2D.Double(x - 30, top + 60, hw + 180, 70), Brush.darker(t.accent(), 0.2));
                    b.paint(dome, t.accent());
                }
                case WIZARD_HAT -> {
                    Color c = t.accent();
                    Path2D cone = new Path2D.Double();
                    cone.moveTo(x - hw * 0.8, top + 60);
                    cone.quadTo(x - 20, top - 150, x + 90, top - 300);
                    cone.quadTo(x + 40, top - 120, x + hw * 0.8, top + 60);
                    cone.closePath();
                    b.paint(cone, c);
                    b.paint(new Ellipse2D.Double(x - hw - 60, top + 20, 2 * hw + 120, 90), Brush.darker(c, 0.15));
                    b.flat(FigureDrawer.star(x - 10, top - 60, 34), GOLD);
                }
                case CROWN -> {
                    Path2D c = new Path2D.Double();
                    c.moveTo(x - 130, top + 40);
                    c.lineTo(x - 150, top - 90);
                    c.lineTo(x - 75, top - 20);
                    c.lineTo(x, top - 120);
                    c.lineTo(x + 75, top - 20);
                    c.lineTo(x + 150, top - 90);
                    c.lineTo(x + 130, top + 40);
                    c.closePath();
                    b.paint(c, GOLD);
                    for (int i = -1; i <= 1; i++)
                        b.flat(
                                new Ellipse2D.Double(x + i * 70 - 14, top, 28, 28),
                                i == 0 ? new Color(0xD93A2E) : new Color(0x3C78D8));
                }
                case SCARF -> {
                    double ny = f.neckY();
                    b.paint(
                            new RoundRectangle2D.Double(x - 190 * s, ny - 40 * s, 380 * s, 90 * s, 50 * s, 50 * s),
                            t.accent());
                    b.paint(
                            new RoundRectangle2D.Double(x + 60 * s, ny + 10 * s, 80 * s, 230 * s, 30 * s, 30 * s),
                            Brush.darker(t.accent(), 0.12));
                }
                case BOWTIE -> {
                    double ny = f.neckY() + 20;
                    b.paint(FigureDrawer.polygon(x, ny, x - 90 * s, ny - 50 * s, x - 90 * s, ny + 50 * s), t.accent());
                    b.paint(FigureDrawer.polygon(x, ny, x + 90 * s, ny - 50 * s, x + 90 * s, ny + 50 * s), t.accent());
                    b.paint(
                            new Ellipse2D.Double(x - 22 * s, ny - 22 * s, 44 * s, 44 * s),
                            Brush.darker(t.accent(), 0.2));
                }
                case HEADPHONES -> {
                    for (int side : new int[] {-1, 1})
                        b.paint(new RoundRectangle2D.Double(x + side * hw - 45, y - 80, 90, 150, 40, 40), t.accent());
                }
                case HAIR_BOW -> {
                    double bx = x + hw * 0.55, by = top + 40;
                    b.paint(FigureDrawer.polygon(bx, by, bx - 80, by - 55, bx - 80, by + 55), new Color(0xF25C8C));
                    b.paint(FigureDrawer.polygon(bx, by, bx + 80, by - 55, bx + 80, by + 55), new Color(0xF25C8C));
                    b.paint(new Ellipse2D.Double(bx - 22, by - 22, 44, 44), new Color(0xD93A6E));
                }
                default -> {} // cape, beard, mustache: drawn with the body and face
            }
        }
    }
}
