package io.reelsmith.character.painter;

import java.util.Locale;

/** How the portrait is drawn, from the profile's free-text style; unknown styles draw as cartoon. */
public enum RenderStyle {
    /** Thick dark outlines, flat colours. */
    CARTOON(12),
    /** Thin lines, cel shading, big glossy eyes, spiky hair. */
    ANIME(6),
    /** Drawn as cartoon, then reduced to a small grid of flat pixels. */
    PIXEL(14),
    /** Soft washed colours, darker pooled edges, paper grain, no hard outline. */
    WATERCOLOR(3),
    /** Rounded 3D-ish shading with gradients and no outline (clay, plush, "pixar"). */
    SOFT(0);

    public final int outline;

    RenderStyle(int outline) {
        this.outline = outline;
    }

    public static RenderStyle from(String style) {
        String s = style == null ? "" : style.toLowerCase(Locale.ROOT);
        if (s.contains("anime") || s.contains("manga") || s.contains("chibi")) return ANIME;
        if (s.contains("pixel")
                || s.contains("8-bit")
                || s.contains("8 bit")
                || s.contains("retro game")
                || s.contains("rétro")) return PIXEL;
        if (s.contains("water") || s.contains("aquarel") || s.contains("paint") || s.contains("peint"))
            return WATERCOLOR;
        if (s.contains("3d")
                || s.contains("clay")
                || s.contains("pixar")
                || s.contains("plush")
                || s.contains("realis")
                || s.contains("réalis")
                || s.contains("pâte")) return SOFT;
        return CARTOON;
    }
}
