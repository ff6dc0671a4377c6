package io.reelsmith.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

/**
 * The texts of the wider subtitle set ({@link SpeechSet}): passages of four sentences, each sentence with a word
 * that a clip may swap ({@code {script|spoken}}) and most with a phrase it may leave out ({@code [-phrase-]}; a
 * sentence without one is left out whole), and sentences a clip may add. Each group of 24 clips (A to E) has
 * passages, added sentences and names of its own, so nothing said in the held-out group was heard while tuning.
 * Names are invented (no dictionary has them) and never inside a swap, a phrase left out or an added sentence.
 *
 * <p>The texts are data, in the resource {@value #FILE} beside this class. Group A (clips 00–23) has been tuned on
 * since issue #26 began; group B (24–47) was held out for one run on 2026-12-07, studied after it and tuned on since;
 * so was group C (48–71), written after A and B had been tuned on, and group D (72–95), written after C's run, held
 * out for one run on 2026-12-07 and tuned on since; group E (96–119) is the held-out half, written on 2026-12-08
 * after D's run had been reported and before any aligner had run on E.
 */
final class SetTexts {
    private SetTexts() {}

    static final String FILE = "set-texts.json";

    /** One group of 24 clips' texts: English and French passages, and sentences a clip may add. */
    record Group(List<List<String>> en, List<List<String>> fr, List<String> addedEn, List<String> addedFr) {}

    /** The file's form: the invented names of all groups, and the groups A to E in clip order. */
    private record Texts(Set<String> names, List<Group> groups) {}

    private static final Texts TEXTS = read();

    static final Set<String> NAMES = Set.copyOf(TEXTS.names());

    /** Groups A (clips 00–23), B (24–47), C (48–71), D (72–95) and E (96–119), in clip order. */
    static final List<Group> GROUPS = List.copyOf(TEXTS.groups());

    private static Texts read() {
        try {
            return new ObjectMapper().readValue(BenchResource.text(FILE), Texts.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot read " + FILE, e);
        }
    }
}
