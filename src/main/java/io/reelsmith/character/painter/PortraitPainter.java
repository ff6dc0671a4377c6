package io.reelsmith.character.painter;

import io.reelsmith.character.CharacterImages;
import io.reelsmith.kernel.CharacterProfile;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

/**
 * The offline character image: a 1024x1024 portrait drawn with Java2D on a transparent background, so the
 * animatic can composite it over any scene. The same profile always gives the same PNG bytes (features the
 * description does not decide are seeded by the name); the description's words choose the kind of
 * character, its colours and what it wears; the style changes how it is drawn.
 */
public final class PortraitPainter implements CharacterImages {

    @Override
    public byte[] create(CharacterProfile profile) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(paint(profile), "png", out)) throw new IOException("no PNG writer in this Java runtime");
        return out.toByteArray();
    }

    /** The portrait as an image (ARGB), for callers that composite it themselves. */
    public BufferedImage paint(CharacterProfile profile) {
        PortraitTraits traits = PortraitTraits.from(profile);
        BufferedImage img = new BufferedImage(FigureDrawer.SIZE, FigureDrawer.SIZE, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            boolean smooth = traits.style() != RenderStyle.PIXEL;
            g.setRenderingHint(
                    RenderingHints.KEY_ANTIALIASING,
                    smooth ? RenderingHints.VALUE_ANTIALIAS_ON : RenderingHints.VALUE_ANTIALIAS_OFF);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            Brush brush = new Brush(g, traits.style());
            FigureDrawer.Face face = new FigureDrawer(brush, traits).draw();
            new FaceDrawer(brush, traits).draw(face);
        } finally {
            g.dispose();
        }
        return switch (traits.style()) {
            case PIXEL -> StyleFilters.pixelate(img, 96);
            case WATERCOLOR -> StyleFilters.watercolor(img, traits.seed());
            default -> img;
        };
    }
}
