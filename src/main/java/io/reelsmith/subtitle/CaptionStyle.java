package io.reelsmith.subtitle;

/**
 * How captions look and break. Sizes are in pixels of the 1080x1920 frame (the ASS PlayRes), colours are
 * ASS {@code &HAABBGGRR}. {@code marginV} keeps the text in the lower third but above the bottom ~20 %
 * where TikTok/Reels/Shorts draw their buttons and captions.
 */
public record CaptionStyle(String name, String font, int size, boolean bold,
                           String spokenColour, String unspokenColour, String outlineColour, int outline, int shadow,
                           int marginV, int marginH, int maxWords, int maxCharsPerRow, double pauseBreak) {
    public static final int WIDTH = 1080, HEIGHT = 1920;

    /** Bold, outlined, the spoken word turns yellow: the usual look of shorts. */
    public static final CaptionStyle SHORTS = new CaptionStyle("shorts", "DejaVu Sans", 78, true,
            "&H0000E5FF", "&H00FFFFFF", "&H00000000", 6, 2, 470, 90, 5, 18, 0.6);

    /** Plain white captions with a thin outline. */
    public static final CaptionStyle PLAIN = new CaptionStyle("plain", "DejaVu Sans", 60, false,
            "&H00FFFFFF", "&H00FFFFFF", "&H00000000", 3, 0, 470, 90, 7, 26, 0.6);

    public static CaptionStyle named(String name) {
        return switch (name == null ? "shorts" : name) {
            case "shorts" -> SHORTS;
            case "plain" -> PLAIN;
            default -> throw new IllegalArgumentException("unknown caption style '" + name + "' (known: shorts, plain)");
        };
    }
}
