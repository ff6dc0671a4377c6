package io.reelsmith.subtitle.align;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PronouncerTest {
    @Test
    void inventedNamesGetEspeakPronunciationsInArpabet() throws Exception {
        Pronouncer en = Pronouncer.forLanguage(Pocketsphinx.DEFAULT_MODEL.resolve("cmudict-en-us.dict"), "en");

        assertThat(en.pronounce("treasure")).contains("T R EH ZH ER");
        assertThat(en.pronounce("kwirlo")).containsExactly("K W ER L OW");
        assertThat(en.pronounce("branxtella")).containsExactly("B R AE NG K S T EH L AH");
    }

    @Test
    void aForeignWordInFrenchLosesEspeaksLanguageSwitchMarks() throws Exception {
        Pronouncer fr = Pronouncer.forLanguage(Pocketsphinx.DEFAULT_MODEL.resolve("cmudict-en-us.dict"), "fr");

        assertThat(IpaToArpabet.convert("(en)k_w_ˈɒ_ŋ_k(fr)")).isEqualTo("K W AA NG K");
        assertThat(fr.pronounce("quonk").get(0)).doesNotContain("F R").startsWith("K");
        assertThat(fr.pronounce("trésor").get(0)).isEqualTo("T R EY Z AO R");
    }
}
