package io.reelsmith.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.reelsmith.google.FirstLastPlan;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The emulator's script writer keeps the word budget its prompt states, short or filling each block up to it. */
class ContentFakerWordsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The shape GeminiScriptWriter asks for: blocks of 1 to 3 dialogue lines. */
    private static final String SCHEMA = """
            {"type":"object","properties":{"title":{"type":"string"},"blocks":{"type":"array","minItems":3,"maxItems":3,
             "items":{"type":"object","properties":{"number":{"type":"integer"},"visual":{"type":"string"},
              "dialogue":{"type":"array","minItems":1,"maxItems":3,"items":{"type":"object",
               "properties":{"speaker":{"type":"string"},"text":{"type":"string"}}}}}}}}}
            """;

    private static List<Integer> words(String prompt, EmulatorOptions.Words fill) throws Exception {
        JsonNode script = new ContentFaker(prompt, fill).fill(JSON.readTree(SCHEMA));
        List<Integer> out = new ArrayList<>();
        for (JsonNode b : script.get("blocks")) {
            int n = 0;
            for (JsonNode l : b.get("dialogue"))
                n += FirstLastPlan.words(l.get("text").asText());
            out.add(n);
        }
        return out;
    }

    private static final String THEME = "Write the script on the theme: \"a treasure hunt in the park\".\n";

    @Test
    void fullBlocksFillEachBlocksOwnBudgetShortOnesStayWithinIt() throws Exception {
        String prompt = THEME + "dialogue (at most the block's word budget below in total)\n"
                + "Word budget of the dialogue: block 1 at most 15 words, block 2 at most 12 words, block 3 at most 6 words.";
        assertThat(words(prompt, EmulatorOptions.Words.FULL)).containsExactly(15, 12, 6);
        assertThat(words(prompt, EmulatorOptions.Words.SHORT)).containsExactly(8, 8, 6);
    }

    @Test
    void aBudgetInTotalHoldsForEveryBlockAndIsSharedByACastsLines() throws Exception {
        String one = THEME + "dialogue (1 or 2 short lines, at most 15 words in total, spoken mostly by Nano)";
        assertThat(words(one, EmulatorOptions.Words.FULL)).containsOnly(15);
        assertThat(words(one, EmulatorOptions.Words.SHORT)).containsOnly(8);
        String cast = THEME
                + "Cast (2 recurring characters):\n- Ann - a girl (cartoon style)\n- Bob - a dog (cartoon style)\n"
                + "dialogue (at most 15 words in total)";
        assertThat(words(cast, EmulatorOptions.Words.SHORT)).containsOnly(15); // 8 + 7: two lines within 15
        assertThat(words(cast, EmulatorOptions.Words.FULL)).containsOnly(15);
    }

    @Test
    void withoutABudgetABlockHasItsShortLine() throws Exception {
        assertThat(words(THEME, EmulatorOptions.Words.FULL)).containsOnly(8);
    }
}
