package io.reelsmith.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelsmith.kernel.CharacterProfile;
import io.reelsmith.script.offline.OfflineScriptWriter;
import org.junit.jupiter.api.Test;

class ScriptTextParserTest {
    static final String SEED_FR = """
            **BLOC 1 (Scènes 1-2):**
            - DIALOGUES:  Nano Banana murmure "Où est cette carte au trésor?"
            - VISUEL: Nano Banana cherche dans une vieille bibliothèque poussiéreuse
            - AUDIO: Planches de bois qui grincent, vent qui souffle à travers les fenêtres cassées

            **BLOC 2 (Scènes 3-4):**
            - DIALOGUES:
              - Nano Banana : « La voilà ! »
              - Pipo (excité) : "Vite, on y va !"
            - DESCRIPTION VISUELLE: Nano Banana brandit une carte jaunie
            - EFFETS SONORES: Papier froissé
            """;

    @Test
    void readsTheSeedFormatWithFrenchLabels() {
        Script s = ScriptTextParser.parse(SEED_FR, null);
        assertThat(s.language()).isEqualTo("fr");
        assertThat(s.blocks()).hasSize(2);
        Block b1 = s.blocks().get(0);
        assertThat(b1.dialogue()).containsExactly(new DialogueLine("Nano Banana", "Où est cette carte au trésor?"));
        assertThat(b1.visual()).isEqualTo("Nano Banana cherche dans une vieille bibliothèque poussiéreuse");
        assertThat(b1.sound()).startsWith("Planches de bois");
        Block b2 = s.blocks().get(1);
        assertThat(b2.dialogue())
                .containsExactly(
                        new DialogueLine("Nano Banana", "La voilà !"), new DialogueLine("Pipo", "Vite, on y va !"));
        assertThat(b2.visual()).isEqualTo("Nano Banana brandit une carte jaunie");
        assertThat(b2.sound()).isEqualTo("Papier froissé");
        assertThat(s.plannedSeconds()).isEqualTo(15.0);
    }

    @Test
    void readsEnglishLabelsAndSeveralQuotesOnOneLine() {
        String text = """
                # The lost map
                **BLOCK 1 (Scenes 1-2):**
                - DIALOGUE: Kwirlo whispers "Where is it?" and Branxtella answers "Right here."
                - VISUAL: Two friends in a dusty attic
                - SOUND: Creaking floor
                """;
        Script s = ScriptTextParser.parse(text, null);
        assertThat(s.title()).isEqualTo("The lost map");
        assertThat(s.language()).isEqualTo("en");
        assertThat(s.blocks().get(0).dialogue())
                .containsExactly(
                        new DialogueLine("Kwirlo", "Where is it?"), new DialogueLine("Branxtella", "Right here."));
        assertThat(s.speakers()).containsExactly("Kwirlo", "Branxtella");
    }

    @Test
    void errorsNameTheLine() {
        assertThatThrownBy(() -> ScriptTextParser.parse("Hello\n**BLOCK 1:**\n- VISUAL: x\n", null))
                .isInstanceOf(ScriptException.class)
                .hasMessageStartingWith("line 1: text before the first block header");
        assertThatThrownBy(() ->
                        ScriptTextParser.parse("**BLOCK 1:**\n- DIALOGUE: Kwirlo says hello\n- VISUAL: x\n", null))
                .hasMessageStartingWith("line 2: dialogue without quoted text");
        assertThatThrownBy(() -> ScriptTextParser.parse("**BLOCK 1:**\n- DIALOGUE: K \"Hi\"\n", null))
                .hasMessageContaining("block 1 (line 1) has no VISUEL/VISUAL line");
        assertThatThrownBy(() -> ScriptTextParser.parse("**BLOCK 1:**\nsomething odd\n", null))
                .hasMessageStartingWith("line 2: expected a DIALOGUES");
        assertThatThrownBy(() -> ScriptTextParser.parse(
                        "**BLOCK 1:**\n- DIALOGUE: K \"Hi\"\n- VISUAL: x\n**BLOCK 3:**\n- DIALOGUE: K \"Hi\"\n- VISUAL: y\n",
                        null))
                .hasMessageContaining("block 2 is numbered 3");
        assertThatThrownBy(() -> ScriptTextParser.parse("", null)).hasMessageContaining("no block");
    }

    @Test
    void jsonRoundTripAndErrors() {
        Script s = ScriptTextParser.parse(SEED_FR, null);
        assertThat(ScriptJson.parse(ScriptJson.toJson(s))).isEqualTo(s);
        assertThatThrownBy(() -> ScriptJson.parse("{\"blocks\": [ }"))
                .isInstanceOf(ScriptException.class)
                .hasMessageContaining("malformed script JSON at line 1");
        assertThatThrownBy(() -> ScriptJson.parse("{\"blocks\": [], \"oops\": 1}"))
                .hasMessageContaining("oops");
        assertThatThrownBy(
                        () -> ScriptJson.parse(
                                "{\"language\":\"de\",\"blocks\":[{\"number\":1,\"dialogue\":[{\"speaker\":\"A\",\"text\":\"Hallo\"}],\"visual\":\"x\"}]}"))
                .hasMessageContaining("language must be en or fr");
    }

    @Test
    void offlineWriterMakesAValidCoherentStoryInBothLanguages() {
        var hero = new CharacterProfile("Kwirlo", "a small blue robot with a red scarf", "cartoon");
        for (String lang : new String[] {"en", "fr"}) {
            Script s = new OfflineScriptWriter().write(new ScriptRequest("the lost treasure map", hero, 5, lang));
            assertThat(s.blocks()).hasSize(5);
            assertThat(s.language()).isEqualTo(lang);
            assertThat(s.blocks().get(0).spokenText()).contains("the lost treasure map");
            assertThat(s.blocks().get(4).spokenText()).contains("the lost treasure map");
            assertThat(s.speakers()).hasSize(2).first().isEqualTo("Kwirlo");
            // Re-parsing what we wrote gives the same script: the writer's output is a valid user script.
            assertThat(ScriptJson.parse(ScriptJson.toJson(s))).isEqualTo(s);
        }
    }
}
