package io.reelsmith.subtitle;

import java.util.List;
import java.util.Locale;

/**
 * How captions look and break. Sizes are in pixels of the 1080x1920 frame (the ASS PlayRes), colours are
 * ASS {@code &HAABBGGRR}. {@code marginV} keeps the text in the lower third but above the bottom ~20 %
 * where TikTok/Reels/Shorts draw their buttons and captions.
 */
public record CaptionStyle(
        String name,
        String font,
        int size,
        boolean bold,
        String spokenColour,
        String unspokenColour,
        String outlineColour,
        int outline,
        int shadow,
        int marginV,
        int marginH,
        int maxWords,
        int maxCharsPerRow,
        double pauseBreak) {
    public static final int WIDTH = 1080, HEIGHT = 1920;

    /** Bold, outlined, the spoken word turns yellow: the usual look of shorts. */
    public static final CaptionStyle SHORTS = new CaptionStyle(
            "shorts", "DejaVu Sans", 78, true, "&H0000E5FF", "&H00FFFFFF", "&H00000000", 6, 2, 470, 90, 5, 18, 0.6);

    /** Plain white captions with a thin outline. */
    public static final CaptionStyle PLAIN = new CaptionStyle(
            "plain", "DejaVu Sans", 60, false, "&H00FFFFFF", "&H00FFFFFF", "&H00000000", 3, 0, 470, 90, 7, 26, 0.6);

    public static final List<String> PRESETS = List.of("shorts", "plain");
    /** Average advance of a Latin glyph in DejaVu Sans (Bold), in ems: sizes the rows to the safe width. */
    private static final double GLYPH_EM = 0.62;
    /** Platforms draw their own buttons over the top ~15 % and bottom ~20 % of a short. */
    public static final int SAFE_TOP = 288, SAFE_BOTTOM = 384;

    public static CaptionStyle named(String name) {
        return switch (name == null ? "shorts" : name) {
            case "shorts" -> SHORTS;
            case "plain" -> PLAIN;
            default ->
                throw new IllegalArgumentException("unknown caption style '" + name + "' (known: shorts, plain)");
        };
    }

    /**
     * This style with some settings replaced (null keeps the preset's). Colours are #RRGGBB; position is
     * bottom, middle or top. Rows are narrowed so that they fit the safe width at the chosen size, and the
     * two rows of a caption stay inside the safe area whatever the position.
     */
    public CaptionStyle with(
            String font,
            Integer size,
            String spoken,
            String unspoken,
            String outlineColour,
            Integer outline,
            String position,
            Integer maxWords) {
        int sz = size == null ? this.size : size;
        if (sz < 24 || sz > 140) throw new IllegalArgumentException("caption size must be 24-140 px, not " + sz);
        if (outline != null && (outline < 0 || outline > 20))
            throw new IllegalArgumentException("outline must be 0-20 px, not " + outline);
        if (maxWords != null && (maxWords < 1 || maxWords > 12))
            throw new IllegalArgumentException("max words must be 1-12, not " + maxWords);
        int safeWidth = WIDTH - 2 * marginH;
        int chars = Math.max(
                6, Math.min(size == null ? maxCharsPerRow : Integer.MAX_VALUE, (int) (safeWidth / (GLYPH_EM * sz))));
        int twoRows = (int) Math.ceil(2 * 1.25 * sz) + 2 * (outline == null ? this.outline : outline);
        int v = switch (position == null ? "keep" : position.toLowerCase(Locale.ROOT)) {
            case "keep" -> marginV;
            case "bottom" -> 470;
            case "middle" -> (HEIGHT - twoRows) / 2;
            case "top" -> HEIGHT - SAFE_TOP - twoRows;
            default ->
                throw new IllegalArgumentException("position must be bottom, middle or top, not '" + position + "'");
        };
        v = Math.max(
                SAFE_BOTTOM, Math.min(v, HEIGHT - SAFE_TOP - twoRows)); // text is bottom-aligned at HEIGHT - marginV
        return new CaptionStyle(
                name,
                font == null || font.isBlank() ? this.font : font,
                sz,
                bold,
                spoken == null ? spokenColour : assColour(spoken),
                unspoken == null ? unspokenColour : assColour(unspoken),
                outlineColour == null ? this.outlineColour : assColour(outlineColour),
                outline == null ? this.outline : outline,
                shadow,
                v,
                marginH,
                maxWords == null ? this.maxWords : maxWords,
                chars,
                pauseBreak);
    }

    /** "#FFE500" → "&H0000E5FF" (ASS is alpha, blue, green, red). */
    public static String assColour(String rgb) {
        String hex = rgb.startsWith("#") ? rgb.substring(1) : rgb;
        if (!hex.matches("[0-9a-fA-F]{6}"))
            throw new IllegalArgumentException("colour must be #RRGGBB, not '" + rgb + "'");
        hex = hex.toUpperCase(Locale.ROOT);
        return "&H00" + hex.substring(4, 6) + hex.substring(2, 4) + hex.substring(0, 2);
    }
}
