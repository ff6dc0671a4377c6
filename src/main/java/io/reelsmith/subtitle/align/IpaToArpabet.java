package io.reelsmith.subtitle.align;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns espeak-ng's IPA (phonemes separated by '_', words by spaces) into the ARPAbet phones of the
 * CMU en-us acoustic model. Only needed for words the CMU dictionary lacks: invented character names,
 * numbers written as digits, and the words of other languages (mapped to the nearest English phone).
 */
final class IpaToArpabet {
    private static final Map<String, String> PHONES = Map.ofEntries(
            // English vowels and r-coloured vowels
            Map.entry("aɪɚ", "AY ER"),
            Map.entry("aɪə", "AY AH"),
            Map.entry("aʊɚ", "AW ER"),
            Map.entry("aɪ", "AY"),
            Map.entry("aʊ", "AW"),
            Map.entry("ɔɪ", "OY"),
            Map.entry("eɪ", "EY"),
            Map.entry("oʊ", "OW"),
            Map.entry("əʊ", "OW"),
            Map.entry("iə", "IY AH"),
            Map.entry("eə", "EH AH"),
            Map.entry("əl", "AH L"),
            Map.entry("ɑɹ", "AA R"),
            Map.entry("ɔɹ", "AO R"),
            Map.entry("oɹ", "AO R"),
            Map.entry("ɛɹ", "EH R"),
            Map.entry("ɪɹ", "IH R"),
            Map.entry("ʊɹ", "UH R"),
            Map.entry("ɜɹ", "ER"),
            Map.entry("a", "AA"),
            Map.entry("æ", "AE"),
            Map.entry("ɐ", "AH"),
            Map.entry("ʌ", "AH"),
            Map.entry("ə", "AH"),
            Map.entry("ɑ", "AA"),
            Map.entry("ɒ", "AA"),
            Map.entry("ɔ", "AO"),
            Map.entry("ɛ", "EH"),
            Map.entry("e", "EY"),
            Map.entry("ɜ", "ER"),
            Map.entry("ɚ", "ER"),
            Map.entry("ɝ", "ER"),
            Map.entry("ɪ", "IH"),
            Map.entry("ᵻ", "IH"),
            Map.entry("i", "IY"),
            Map.entry("o", "OW"),
            Map.entry("ʊ", "UH"),
            Map.entry("u", "UW"),
            // French (and other) vowels: nearest English phone
            Map.entry("y", "UW"),
            Map.entry("ø", "ER"),
            Map.entry("œ", "ER"),
            Map.entry("ɨ", "IH"),
            // consonants
            Map.entry("dʒ", "JH"),
            Map.entry("tʃ", "CH"),
            Map.entry("b", "B"),
            Map.entry("d", "D"),
            Map.entry("f", "F"),
            Map.entry("ɡ", "G"),
            Map.entry("g", "G"),
            Map.entry("h", "HH"),
            Map.entry("k", "K"),
            Map.entry("l", "L"),
            Map.entry("ɫ", "L"),
            Map.entry("m", "M"),
            Map.entry("n", "N"),
            Map.entry("ŋ", "NG"),
            Map.entry("p", "P"),
            Map.entry("ɹ", "R"),
            Map.entry("r", "R"),
            Map.entry("ʁ", "R"),
            Map.entry("ɾ", "D"),
            Map.entry("s", "S"),
            Map.entry("ʃ", "SH"),
            Map.entry("t", "T"),
            Map.entry("θ", "TH"),
            Map.entry("ð", "DH"),
            Map.entry("v", "V"),
            Map.entry("w", "W"),
            Map.entry("ɥ", "W"),
            Map.entry("j", "Y"),
            Map.entry("z", "Z"),
            Map.entry("ʒ", "ZH"),
            Map.entry("x", "HH"),
            Map.entry("ç", "HH"),
            Map.entry("ʔ", "T"),
            Map.entry("ɲ", "N Y"),
            Map.entry("ʎ", "L Y"));
    /** Stress, length, syllabic and tie marks, nasal tildes: the English model has no phone for them. */
    private static final Pattern LANGUAGE_SWITCH = Pattern.compile("\\([a-z]{2,3}(-[a-z0-9]+)?\\)");

    private static final Pattern MARKS = Pattern.compile("[ˈˌːˑ\u0329\u0361\u035C\u0303\u200D']");

    private IpaToArpabet() {}

    /** "k_w_ˈɜː_l_oʊ" → "K W ER L OW"; empty when nothing maps. */
    static String convert(String ipa) {
        List<String> out = new ArrayList<>();
        // espeak-ng marks a switch of language inside a word it deems foreign: "(en)k_w_ˈɒ_ŋ_k(fr)"
        String phonemes = LANGUAGE_SWITCH.matcher(ipa).replaceAll("_");
        for (String segment : phonemes.split("[_\\s]+")) {
            String s = MARKS.matcher(Normalizer.normalize(segment, Normalizer.Form.NFD))
                    .replaceAll("");
            int i = 0;
            while (i < s.length()) {
                int matched = 0;
                for (int len = Math.min(3, s.length() - i); len > 0; len--) {
                    String phone = PHONES.get(s.substring(i, i + len));
                    if (phone != null) {
                        out.add(phone);
                        matched = len;
                        break;
                    }
                }
                i += Math.max(matched, 1); // an unknown symbol is skipped rather than failing the word
            }
        }
        return String.join(" ", out);
    }
}
