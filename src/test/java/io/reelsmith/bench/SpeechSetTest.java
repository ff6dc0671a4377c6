package io.reelsmith.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelsmith.subtitle.align.ScriptWords;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The wider set's description: what issue #26 asks of it, and a split that keeps the held-out half unheard. */
class SpeechSetTest {
    private final List<SpeechSet.Spec> specs = SpeechSet.specs();

    @Test
    void oneHundredTwentyClipsInFiveGroupsEachWithEveryEngineLanguageBedAndDeviation() {
        assertThat(specs).hasSize(120);
        assertThat(specs.stream().filter(SpeechSet.Spec::heldOut)).hasSize(24).allMatch(s -> s.id() >= 96);
        for (int g = 0; g < 5; g++) {
            int group = g;
            List<SpeechSet.Spec> half = specs.stream()
                    .filter(s -> s.id() / SpeechSet.GROUP == group)
                    .toList();
            assertThat(half).hasSize(24);
            assertThat(half)
                    .extracting(s -> s.voice().engine())
                    .contains(SetVoice.ESPEAK, SetVoice.FESTIVAL, SetVoice.FLITE);
            assertThat(half).extracting(s -> s.voice().language()).contains("en", "fr");
            assertThat(half.stream().filter(s -> s.voice().language().equals("fr")))
                    .hasSize(5);
            assertThat(half.stream().filter(s -> s.voice().engine().equals(SetVoice.ESPEAK)))
                    .hasSize(14);
            assertThat(half.stream().filter(s -> s.voice().engine().equals(SetVoice.FLITE)))
                    .hasSize(5);
            assertThat(half).extracting(SpeechSet.Spec::bed).contains(Beds.Kind.values());
            assertThat(half).extracting(SpeechSet.Spec::snr).contains(20.0, 17.0, 14.0, 11.0, 8.0);
            Set<String> deviations = half.stream()
                    .flatMap(s -> List.of(s.deviations().split(",")).stream())
                    .collect(Collectors.toSet());
            for (String d : List.of("A", "S", "D"))
                for (String at : List.of("start", "middle", "end"))
                    assertThat(deviations).contains(d + "-" + at);
            // each alone, in pairs and all three together
            Set<String> combos = half.stream()
                    .map(s -> s.deviations().replaceAll("-\\w+", ""))
                    .collect(Collectors.toSet());
            assertThat(combos).contains("A", "S", "D", "A,S", "A,D", "S,D", "A,S,D");
        }
    }

    @Test
    void theHeldOutHalfSharesNoSentenceNameOrEspeakVoiceWithTheTuningHalf() {
        Set<String> tune = new HashSet<>(), held = new HashSet<>();
        for (SpeechSet.Spec s : specs) {
            OffScript o = new OffScript(s.voice().language(), s.marked());
            for (String sentence : o.spoken().split("(?<=[.!?]) ")) (s.heldOut() ? held : tune).add(sentence);
        }
        assertThat(tune).doesNotContainAnyElementsOf(held);
        Set<String> tuneNames = names(false), heldNames = names(true);
        assertThat(tuneNames).isNotEmpty().doesNotContainAnyElementsOf(heldNames);
        assertThat(heldNames).hasSizeGreaterThanOrEqualTo(8);
        // espeak-ng voices by variant (m3, klatt2, Andy …): the held-out half hears none of the tuning half's
        List<String> tuneVariants = specs.stream()
                .filter(s -> !s.heldOut() && s.voice().engine().equals(SetVoice.ESPEAK))
                .map(s -> variant(s.voice()))
                .toList();
        assertThat(specs.stream()
                        .filter(s -> s.heldOut() && s.voice().engine().equals(SetVoice.ESPEAK))
                        .map(s -> variant(s.voice()))
                        .toList())
                .hasSize(14)
                .doesNotContainAnyElementsOf(tuneVariants);
    }

    @Test
    void theHeldOutHalfMeetsEachEngineAtPositionsAndSpeedsNoTuningGroupHas() {
        for (String kind : List.of(SetVoice.FESTIVAL, SetVoice.FLITE, "fr")) {
            Set<Integer> tune = positions(kind, false), held = positions(kind, true);
            assertThat(held).hasSize(5).doesNotContainAnyElementsOf(tune);
        }
        Set<String> tuneVoices = specs.stream()
                .filter(s -> !s.heldOut() && !s.voice().engine().equals(SetVoice.ESPEAK))
                .map(s -> s.voice().label())
                .collect(Collectors.toSet());
        assertThat(specs.stream()
                        .filter(s -> s.heldOut() && !s.voice().engine().equals(SetVoice.ESPEAK))
                        .map(s -> s.voice().label()))
                .hasSize(10)
                .doesNotContainAnyElementsOf(tuneVoices);
    }

    private Set<Integer> positions(String kind, boolean heldOut) {
        return specs.stream()
                .filter(s -> s.heldOut() == heldOut)
                .filter(s ->
                        s.voice().engine().equals(kind) || s.voice().language().equals(kind))
                .map(s -> s.id() % SpeechSet.GROUP)
                .collect(Collectors.toSet());
    }

    @Test
    void scriptAndSpeechDifferOnlyByTheChosenDeviations() {
        SpeechSet.Spec clean = specs.stream()
                .filter(s -> s.deviations().equals("S-middle"))
                .findFirst()
                .orElseThrow();
        OffScript o = new OffScript(clean.voice().language(), clean.marked());
        List<String> script = ScriptWords.split(o.script()).stream()
                .map(ScriptWords.ScriptWord::key)
                .toList();
        List<String> spoken = ScriptWords.split(o.spoken()).stream()
                .map(ScriptWords.ScriptWord::key)
                .toList();
        assertThat(spoken).hasSameSizeAs(script);
        int differing = 0;
        for (int i = 0; i < script.size(); i++) if (!script.get(i).equals(spoken.get(i))) differing++;
        assertThat(differing).isEqualTo(1);
    }

    private static String variant(SetVoice v) {
        return v.name().substring(v.name().indexOf('+') + 1);
    }

    private Set<String> names(boolean heldOut) {
        return specs.stream()
                .filter(s -> s.heldOut() == heldOut)
                .flatMap(s -> ScriptWords.split(new OffScript(s.voice().language(), s.marked()).script()).stream())
                .map(ScriptWords.ScriptWord::key)
                .filter(SetTexts.NAMES::contains)
                .collect(Collectors.toSet());
    }
}
