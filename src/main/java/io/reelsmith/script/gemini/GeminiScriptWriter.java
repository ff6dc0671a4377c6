package io.reelsmith.script.gemini;

import io.reelsmith.google.GeminiCalls;
import io.reelsmith.google.GoogleConfig;
import io.reelsmith.kernel.SpendLedger;
import com.google.genai.types.Content;
import com.google.genai.types.Part;
import com.google.genai.types.GenerateContentConfig;
import com.google.genai.types.GenerateContentResponse;
import io.reelsmith.script.Script;
import io.reelsmith.script.ScriptException;
import io.reelsmith.script.ScriptJson;
import io.reelsmith.script.ScriptRequest;
import io.reelsmith.script.ScriptWriter;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The script with Gemini's text model, asked for structured output: the JSON schema of {@code script.json}
 * (exactly the requested number of blocks, the requested language). The answer is parsed and validated like a
 * user's script; an invalid answer is asked for once more, then refused with the validator's message. No
 * temperature/top_p/top_k is sent: current models (Gemini 3.6 Flash on) deprecate the sampling parameters.
 */
public final class GeminiScriptWriter implements ScriptWriter {
    private static final int ATTEMPTS = 2;

    private final GeminiCalls gemini;
    private final GoogleConfig config;

    public GeminiScriptWriter(GeminiCalls gemini) {
        this.gemini = gemini;
        this.config = gemini.config();
    }

    @Override
    public Script write(ScriptRequest req) throws IOException {
        GenerateContentConfig cfg = GenerateContentConfig.builder()
                .responseMimeType("application/json")
                .responseJsonSchema(schema(req))
                .build();
        Content prompt = Content.fromParts(Part.fromText(prompt(req)));
        ScriptException last = null;
        for (int i = 0; i < ATTEMPTS; i++) {
            GenerateContentResponse r = gemini.generateUnblocked("script", "script", config.textModel(), prompt, cfg);
            gemini.spend().record(SpendLedger.Charge.charged("script", config.textModel(), "text", i + 1, "call",
                    config.prices().perScript().multiply(java.math.BigDecimal.valueOf(i + 1)), null));
            String text = r.text();
            try {
                if (text == null || text.isBlank()) throw new ScriptException("the model returned no text");
                Script s = ScriptJson.parse(text);
                if (s.blocks().size() != req.blocks()) throw new ScriptException("the model wrote " + s.blocks().size() + " blocks, not " + req.blocks());
                return s;
            } catch (ScriptException e) {
                last = e;
            }
        }
        throw new ScriptException(config.textModel() + " did not write a usable script: " + last.getMessage());
    }

    static String prompt(ScriptRequest r) {
        boolean fr = r.language().equals("fr");
        var c = r.character();
        return "Write the script of a vertical short video (TikTok/Reels) on the theme: \"" + r.theme() + "\".\n"
                + "Main character: " + c.name() + (c.description().isEmpty() ? "" : " - " + c.description()) + " (" + c.style() + " style).\n"
                + "Exactly " + r.blocks() + " blocks, numbered 1.." + r.blocks() + ". Block 1 lasts 8 seconds, every later block 7 seconds, "
                + "and all blocks form one continuous take with the same character.\n"
                + "For each block: dialogue (1 or 2 short lines, at most 15 words in total, spoken mostly by " + c.name()
                + "; the exact words to say), visual (what is seen: actions, camera), sound (ambient sounds and effects).\n"
                + "Language of the dialogue: " + (fr ? "French (language: fr); written in French" : "English (language: en)") + ".\n"
                + "No stage directions inside the dialogue text; no quotation marks inside it.";
    }

    static Map<String, Object> schema(ScriptRequest r) {
        Map<String, Object> line = Map.of("type", "object",
                "properties", Map.of("speaker", Map.of("type", "string"), "text", Map.of("type", "string")),
                "required", List.of("speaker", "text"));
        Map<String, Object> block = Map.of("type", "object",
                "properties", Map.of(
                        "number", Map.of("type", "integer"),
                        "dialogue", Map.of("type", "array", "items", line, "minItems", 1, "maxItems", 3),
                        "visual", Map.of("type", "string"),
                        "sound", Map.of("type", "string")),
                "required", List.of("number", "dialogue", "visual", "sound"));
        return Map.of("type", "object",
                "properties", Map.of(
                        "title", Map.of("type", "string"),
                        "language", Map.of("type", "string", "enum", List.of(r.language())),
                        "blocks", Map.of("type", "array", "items", block, "minItems", r.blocks(), "maxItems", r.blocks())),
                "required", List.of("title", "language", "blocks"));
    }
}
