package io.reelsmith.script.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelsmith.kernel.CharacterProfile;
import io.reelsmith.script.ScriptRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the script prompt promises about the blocks' length follows the plan the take will be filmed by. */
class GeminiScriptPromptTest {
    private static final List<CharacterProfile> NANO =
            List.of(new CharacterProfile("Nano", "a cute banana with sunglasses", "cartoon"));

    @Test
    void theContinuousTakeAsksForItsBlockLengthsAndTheParallelPlanForItsWordBudget() {
        String continuous = GeminiScriptWriter.prompt(new ScriptRequest("a picnic", NANO, 3, "en"));
        assertThat(continuous).contains("every later block 7 seconds").doesNotContain("Word budget");

        String parallel = GeminiScriptWriter.prompt(
                new ScriptRequest("a picnic", NANO, 3, "en").withWordBudget(List.of(15, 12, 15)));
        assertThat(parallel)
                .doesNotContain("7 seconds") // its clips last 8, 6 or 4 s: the budget says what each holds
                .contains("filmed as its own clip")
                .contains("block 2 at most 12 words");
    }
}
