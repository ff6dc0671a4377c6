package io.reelsmith.character.painter;

import java.awt.Color;
import java.util.Map;

/** Colour names a user may write, in English and French (masculine, feminine and plural forms). */
final class ColorWords {
    private ColorWords() {}

    private static final Map<String, Color> COLOURS = Map.ofEntries(
            Map.entry("red", new Color(0xD93A2E)),
            Map.entry("rouge", new Color(0xD93A2E)),
            Map.entry("rouges", new Color(0xD93A2E)),
            Map.entry("blue", new Color(0x3C78D8)),
            Map.entry("bleu", new Color(0x3C78D8)),
            Map.entry("bleue", new Color(0x3C78D8)),
            Map.entry("bleus", new Color(0x3C78D8)),
            Map.entry("bleues", new Color(0x3C78D8)),
            Map.entry("green", new Color(0x43A86B)),
            Map.entry("vert", new Color(0x43A86B)),
            Map.entry("verte", new Color(0x43A86B)),
            Map.entry("verts", new Color(0x43A86B)),
            Map.entry("vertes", new Color(0x43A86B)),
            Map.entry("yellow", new Color(0xF7D33C)),
            Map.entry("jaune", new Color(0xF7D33C)),
            Map.entry("jaunes", new Color(0xF7D33C)),
            Map.entry("golden", new Color(0xE8B83A)),
            Map.entry("gold", new Color(0xE8B83A)),
            Map.entry("doré", new Color(0xE8B83A)),
            Map.entry("dorée", new Color(0xE8B83A)),
            Map.entry("orange", new Color(0xF39A2B)),
            Map.entry("oranges", new Color(0xF39A2B)),
            Map.entry("purple", new Color(0x8E5CC2)),
            Map.entry("violet", new Color(0x8E5CC2)),
            Map.entry("violette", new Color(0x8E5CC2)),
            Map.entry("pink", new Color(0xF28CB8)),
            Map.entry("rose", new Color(0xF28CB8)),
            Map.entry("roses", new Color(0xF28CB8)),
            Map.entry("black", new Color(0x24222A)),
            Map.entry("noir", new Color(0x24222A)),
            Map.entry("noire", new Color(0x24222A)),
            Map.entry("noirs", new Color(0x24222A)),
            Map.entry("noires", new Color(0x24222A)),
            Map.entry("white", new Color(0xF4F4F6)),
            Map.entry("blanc", new Color(0xF4F4F6)),
            Map.entry("blanche", new Color(0xF4F4F6)),
            Map.entry("blancs", new Color(0xF4F4F6)),
            Map.entry("blanches", new Color(0xF4F4F6)),
            Map.entry("grey", new Color(0x8D8D99)),
            Map.entry("gray", new Color(0x8D8D99)),
            Map.entry("gris", new Color(0x8D8D99)),
            Map.entry("grise", new Color(0x8D8D99)),
            Map.entry("silver", new Color(0xBFC6D0)),
            Map.entry("argent", new Color(0xBFC6D0)),
            Map.entry("argenté", new Color(0xBFC6D0)),
            Map.entry("brown", new Color(0x8B5A36)),
            Map.entry("marron", new Color(0x8B5A36)),
            Map.entry("brun", new Color(0x6B4426)),
            Map.entry("brune", new Color(0x6B4426)),
            Map.entry("blond", new Color(0xE9C66B)),
            Map.entry("blonde", new Color(0xE9C66B)),
            Map.entry("blonds", new Color(0xE9C66B)),
            Map.entry("ginger", new Color(0xC0562A)),
            Map.entry("roux", new Color(0xC0562A)),
            Map.entry("rousse", new Color(0xC0562A)),
            Map.entry("teal", new Color(0x2BB3B1)),
            Map.entry("turquoise", new Color(0x2FC6C0)),
            Map.entry("cyan", new Color(0x38C9E0)),
            Map.entry("navy", new Color(0x243C74)),
            Map.entry("beige", new Color(0xE3CFAE)),
            Map.entry("crimson", new Color(0xB3152E)),
            Map.entry("lime", new Color(0x9BDB3A)),
            Map.entry("mint", new Color(0x9FE3C4)),
            Map.entry("magenta", new Color(0xD23AA0)));

    /** The colour a word names, or null. */
    static Color colour(String word) {
        return COLOURS.get(word);
    }
}
