package io.reelsmith.script.gemini;

import com.google.genai.types.Content;
import com.google.genai.types.GenerateContentConfig;
import com.google.genai.types.GenerateContentResponse;
import com.google.genai.types.Part;
import io.reelsmith.google.FirstLastPlan;
import io.reelsmith.google.GeminiCalls;
import io.reelsmith.kernel.CharacterProfile;
import io.reelsmith.kernel.Purchase;
import io.reelsmith.kernel.SpendLedger;
import io.reelsmith.kernel.SpendStatus;
import io.reelsmith.kernel.Step;
import io.reelsmith.script.Script;
import io.reelsmith.script.ScriptException;
import io.reelsmith.script.ScriptJson;
import io.reelsmith.script.ScriptRequest;
import io.reelsmith.script.ScriptWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The script with Gemini's text model, asked for structured output: the JSON schema of {@code script.json}
 * (exactly the requested number of blocks, the requested language). The answer is parsed and validated like a
 * user's script; an invalid answer is asked for once more, then refused with the validator's message. No
 * temperature/top_p/top_k is sent: current models (Gemini 3.6 Flash on) deprecate the sampling parameters.
 */
public record GeminiScriptWriter(GeminiCalls gemini) implements ScriptWriter {
    private static final int ATTEMPTS = 2;

    @Override
    public Script write(ScriptRequest req) throws IOException {
        GenerateContentConfig cfg = GenerateContentConfig.builder()
                .responseMimeType("application/json")
                .responseJsonSchema(schema(req))
                .build();
        Content prompt = Content.fromParts(Part.fromText(prompt(req)));
        ScriptException last = null;
        for (int i = 0; i < ATTEMPTS; i++) {
            GenerateContentResponse r = gemini.generateUnblocked(
                    "script", Step.SCRIPT.text(), gemini.config().textModel(), prompt, cfg);
            Purchase calls = new Purchase(
                    gemini.config().textModel(),
                    "text",
                    i + 1,
                    "call",
                    gemini.config().prices().scripts(i + 1));
            gemini.spend().record(new SpendLedger.Charge(Step.SCRIPT, calls, SpendStatus.CHARGED, null));
            String text = r.text();
            try {
                if (text == null || text.isBlank()) throw new ScriptException("the model returned no text");
                Script s = ScriptJson.parse(text);
                if (s.blocks().size() != req.blocks())
                    throw new ScriptException("the model wrote " + s.blocks().size() + " blocks, not " + req.blocks());
                return s.validatedFor(req.castNames());
            } catch (ScriptException e) {
                last = e;
            }
        }
        throw new ScriptException(gemini.config().textModel() + " did not write a usable script: " + last.getMessage());
    }

    static String prompt(ScriptRequest r) {
        boolean fr = r.language().equals("fr");
        var c = r.character();
        String who = r.cast().size() == 1
                ? "Main character: " + describe(c) + ".\n"
                : "Cast (" + r.cast().size()
                        + " recurring characters; every one of them speaks, and every dialogue line is spoken by one of them, "
                        + "the speaker being exactly its name):\n"
                        + String.join(
                                "\n",
                                r.cast().stream().map(m -> "- " + describe(m)).toList()) + "\n";
        String speakers = r.cast().size() == 1
                ? "spoken mostly by " + c.name()
                : "each spoken by one of " + String.join(", ", r.castNames());
        return "Write the script of a vertical short video (TikTok/Reels) on the theme: \"" + r.theme() + "\".\n"
                + who
                + "Exactly " + r.blocks() + " blocks, numbered 1.." + r.blocks()
                + (r.wordBudget() == null
                        ? ". Block 1 lasts 8 seconds, every later block 7 seconds, and all blocks form one continuous take"
                        : ". Each block is filmed as its own clip, and the clips join into one continuous video")
                + " with the same " + (r.cast().size() == 1 ? "character" : "characters") + ".\n"
                + "For each block: dialogue (1 or 2 short lines, "
                + (r.wordBudget() == null
                        ? "at most " + FirstLastPlan.MAX_WORDS + " words in total"
                        : "at most the block's word budget below in total")
                + ", " + speakers
                + "; the exact words to say), visual (what is seen: actions, camera), sound (ambient sounds and effects).\n"
                + budget(r)
                + "Language of the dialogue: "
                + (fr ? "French (language: fr); written in French" : "English (language: en)") + ".\n"
                + "No stage directions inside the dialogue text; no quotation marks inside it.";
    }

    /**
     * The plan's word budget, one line: each block is filmed as its own clip, and a clip the surface films shorter holds
     * fewer words (FirstLastPlan.wordBudget); empty when the plan sets none.
     */
    static String budget(ScriptRequest r) {
        if (r.wordBudget() == null) return "";
        List<String> each = new ArrayList<>();
        for (int k = 0; k < r.blocks(); k++)
            each.add("block " + (k + 1) + " at most " + r.wordBudget().get(k) + " words");
        return "Word budget of the dialogue (each block is filmed as its own clip, and a shorter clip holds fewer words; "
                + "keep to it): " + String.join(", ", each) + ".\n";
    }

    private static String describe(CharacterProfile c) {
        return c.name() + (c.description().isEmpty() ? "" : " - " + c.description()) + " (" + c.style() + " style)";
    }

    static Map<String, Object> schema(ScriptRequest r) {
        Map<String, Object> line = Map.of(
                "type",
                "object",
                // a cast names its speakers: the model may not invent one
                "properties",
                Map.of(
                        "speaker",
                        r.cast().size() == 1
                                ? Map.of("type", "string")
                                : Map.of("type", "string", "enum", r.castNames()),
                        "text",
                        Map.of("type", "string")),
                "required",
                List.of("speaker", "text"));
        Map<String, Object> block = Map.of(
                "type",
                "object",
                "properties",
                Map.of(
                        "number", Map.of("type", "integer"),
                        "dialogue", Map.of("type", "array", "items", line, "minItems", 1, "maxItems", 3),
                        "visual", Map.of("type", "string"),
                        "sound", Map.of("type", "string")),
                "required",
                List.of("number", "dialogue", "visual", "sound"));
        return Map.of(
                "type",
                "object",
                "properties",
                Map.of(
                        "title", Map.of("type", "string"),
                        "language", Map.of("type", "string", "enum", List.of(r.language())),
                        "blocks",
                                Map.of(
                                        "type",
                                        "array",
                                        "items",
                                        block,
                                        "minItems",
                                        r.blocks(),
                                        "maxItems",
                                        r.blocks())),
                "required",
                List.of("title", "language", "blocks"));
    }
}
