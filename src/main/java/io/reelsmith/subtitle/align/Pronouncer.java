package io.reelsmith.subtitle.align;

import io.reelsmith.speech.Espeak;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * ARPAbet pronunciations for the aligner: the CMU dictionary for English words it knows, espeak-ng's
 * letter-to-sound rules for everything else (invented names like "Branxtella", digits, French words).
 */
final class Pronouncer {
    private final Map<String, List<String>> cmu;
    private final String language;

    private Pronouncer(Map<String, List<String>> cmu, String language) {
        this.cmu = cmu;
        this.language = language;
    }

    /** English uses the CMU dictionary first; other languages go straight to espeak-ng's rules for that language. */
    static Pronouncer forLanguage(Path cmuDict, String language) throws IOException {
        return new Pronouncer("en".equals(language) ? CmuDict.load(cmuDict) : Map.of(), language);
    }

    /** Every known pronunciation of a word key, most common first; never empty. */
    List<String> pronounce(String key) {
        List<String> known = cmu.get(key);
        if (known != null) return known;
        if (key.contains("-")) {
            StringBuilder joined = new StringBuilder();
            for (String part : key.split("-+")) {
                List<String> p = part.isEmpty() ? null : cmu.get(part);
                if (p == null) {
                    joined = null;
                    break;
                }
                joined.append(joined.isEmpty() ? "" : " ").append(p.get(0));
            }
            if (joined != null && !joined.isEmpty()) return List.of(joined.toString());
        }
        String phones = IpaToArpabet.convert(
                String.join(" ", Espeak.get().phonemes(key.replace('-', ' '), espeakVoice(language))));
        if (phones.isBlank()) throw new WordTimingException("cannot pronounce the word '" + key + "' for alignment");
        return List.of(phones);
    }

    static String espeakVoice(String language) {
        return "en".equals(language) ? "en-us" : language;
    }

    /** The CMU dictionary read once per file: 135k lines take ~0.2 s. */
    private static final class CmuDict {
        private static final Map<Path, Map<String, List<String>>> CACHE = new HashMap<>();

        static synchronized Map<String, List<String>> load(Path file) throws IOException {
            Map<String, List<String>> cached = CACHE.get(file);
            if (cached != null) return cached;
            if (!Files.isRegularFile(file)) {
                throw new WordTimingException("pocketsphinx's English dictionary " + file
                        + " is missing (apt-get install pocketsphinx-en-us)");
            }
            Map<String, List<String>> dict = new HashMap<>(200_000);
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int sp = line.indexOf(' ');
                if (sp <= 0) continue;
                String word = line.substring(0, sp);
                int paren = word.indexOf('(');
                if (paren > 0) word = word.substring(0, paren);
                String phones = line.substring(sp + 1).strip();
                int hash = phones.indexOf('#'); // some entries carry comments
                if (hash >= 0) phones = phones.substring(0, hash).strip();
                dict.computeIfAbsent(word, w -> new ArrayList<>(1)).add(phones);
            }
            CACHE.put(file, dict);
            return dict;
        }
    }
}
