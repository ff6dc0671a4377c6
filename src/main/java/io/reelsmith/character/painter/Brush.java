package io.reelsmith.character.painter;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Area;
import java.awt.geom.Rectangle2D;

/** Fills and outlines a shape the way the render style wants (flat, cel-shaded, gradient, soft line). */
record Brush(Graphics2D g, RenderStyle style) {
    static final Color INK = new Color(0x2A2030);

    /** Fills with the colour and its style's shading, then outlines. */
    void paint(Shape s, Color c) {
        Rectangle2D b = s.getBounds2D();
        switch (style) {
            case SOFT -> {
                float r = (float) Math.max(b.getWidth(), b.getHeight()) * 0.75f;
                g.setPaint(new RadialGradientPaint(
                        (float) (b.getX() + b.getWidth() * 0.35),
                        (float) (b.getY() + b.getHeight() * 0.3),
                        r,
                        new float[] {0f, 0.55f, 1f},
                        new Color[] {lighter(c, 0.35), c, darker(c, 0.35)}));
                g.fill(s);
            }
            case ANIME -> {
                g.setColor(c);
                g.fill(s);
                // Cel shade: the lower-right part of the shape one tone darker, with a hard edge.
                Area shade = new Area(s);
                shade.subtract(new Area(AffineTransform.getTranslateInstance(-b.getWidth() * 0.12, -b.getHeight() * 0.1)
                        .createTransformedShape(s)));
                g.setColor(darker(c, 0.18));
                g.fill(shade);
            }
            default -> {
                g.setColor(c);
                g.fill(s);
            }
        }
        outline(s);
    }

    /** A flat fill with no shading (pupils, highlights, small details). */
    void flat(Shape s, Color c) {
        g.setColor(c);
        g.fill(s);
    }

    void outline(Shape s) {
        if (style.outline <= 0) return;
        g.setColor(style == RenderStyle.WATERCOLOR ? new Color(0x5A4A42) : INK);
        g.setStroke(new BasicStroke(style.outline, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(s);
    }

    /** A drawn line (whiskers, mouth, brows), at least as thick as the outline so it survives pixelation. */
    void line(Shape s, Color c, float width) {
        g.setColor(c);
        g.setStroke(new BasicStroke(
                Math.max(width, style == RenderStyle.PIXEL ? 12 : width),
                BasicStroke.CAP_ROUND,
                BasicStroke.JOIN_ROUND));
        g.draw(s);
    }

    static Color darker(Color c, double amount) {
        return new Color(
                (int) (c.getRed() * (1 - amount)),
                (int) (c.getGreen() * (1 - amount)),
                (int) (c.getBlue() * (1 - amount)),
                c.getAlpha());
    }

    static Color lighter(Color c, double amount) {
        return new Color(
                (int) (c.getRed() + (255 - c.getRed()) * amount),
                (int) (c.getGreen() + (255 - c.getGreen()) * amount),
                (int) (c.getBlue() + (255 - c.getBlue()) * amount),
                c.getAlpha());
    }
}
