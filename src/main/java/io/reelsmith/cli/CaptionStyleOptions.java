package io.reelsmith.cli;

import io.reelsmith.subtitle.CaptionStyle;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Caption look on the command line: a named preset, then any of its settings overridden. */
public final class CaptionStyleOptions {
    @Mixin
    CaptionPreset preset = new CaptionPreset();

    @Option(names = "--font", description = "Font family (fontconfig falls back for missing glyphs, e.g. CJK).")
    String font;

    @Option(names = "--size", description = "Font size in pixels of the 1080x1920 frame.")
    Integer size;

    @Option(names = "--colour", description = "Colour of the spoken word, #RRGGBB.")
    String spokenColour;

    @Option(names = "--text-colour", description = "Colour of words not yet spoken, #RRGGBB.")
    String textColour;

    @Option(names = "--outline-colour", description = "Outline colour, #RRGGBB.")
    String outlineColour;

    @Option(names = "--outline", description = "Outline width in pixels.")
    Integer outline;

    @Option(names = "--position", description = "bottom, middle or top (always inside the 9:16 safe area).")
    String position;

    @Option(names = "--max-words", description = "At most this many words on screen at once.")
    Integer maxWords;

    public CaptionStyle resolve() {
        return preset.named().with(font, size, spokenColour, textColour, outlineColour, outline, position, maxWords);
    }
}
