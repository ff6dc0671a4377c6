package io.reelsmith.mcp;

import io.modelcontextprotocol.server.McpServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;

/** The prompt "a short about…": walks an agent through character → script → price → make, with the tools' names. */
final class ShortPrompt {
    static final String NAME = "short_about";

    private ShortPrompt() {}

    static SyncPromptSpecification spec() {
        var prompt = new McpSchema.Prompt(
                NAME,
                "A short about…",
                "Make a vertical short video (1080x1920, subtitled) about a subject with a recurring character: character, script, price, make.",
                List.of(
                        new McpSchema.PromptArgument("subject", "what the short is about", true),
                        new McpSchema.PromptArgument(
                                "character",
                                "who stars in it: the name of one of your characters, or a description of a new one",
                                false),
                        new McpSchema.PromptArgument(
                                "maxSpendUsd",
                                "the most you allow it to spend, in US dollars (default: stay free, local)",
                                false)));
        return new SyncPromptSpecification(prompt, (exchange, request) -> {
            Map<String, Object> a = request.arguments() == null ? Map.of() : request.arguments();
            String subject = text(a.get("subject"), "something fun");
            String character = text(a.get("character"), null);
            String money = text(a.get("maxSpendUsd"), null);
            String steps = """
                    Make a short vertical video about: %s.

                    1. Character. Call list_characters. %s If none fits, call create_character with a name and what it looks like \
                    (or imageBase64 with a picture); keep its id.
                    2. Script and price. Call price_video for the number of blocks (4 blocks ≈ 30 s; each block is 8 s, then +7 s), \
                    then plan_video with the subject as theme and the character id%s. Read the script it wrote, and tell me the \
                    price per back end and what my budget has left before anything is paid.
                    3. Make. %s Call make_video with the videoId, maxSpendUsd and follow=true; it reports progress until the video \
                    is finished. If it is refused for the budget, tell me the sentence it returned and stop.
                    4. Results. Read the final video and its subtitles from the resources listed in the result \
                    (reelsmith://videos/<id>/final.mp4, cover.jpg, subtitles.srt|vtt|ass, script.json) and show me where they are.
                    """.formatted(
                    subject,
                    character == null
                            ? "Pick the character that suits the subject."
                            : "Use \"" + character + "\" if it is there.",
                    money == null ? " (provider local: free)" : "",
                    money == null
                            ? "Ask me before spending money; with provider local it is free (use maxSpendUsd 1)."
                            : "I allow at most $" + money + ": pass maxSpendUsd=" + money + " and do not go above it.");
            return new McpSchema.GetPromptResult(
                    "character → script → price → make",
                    List.of(new McpSchema.PromptMessage(McpSchema.Role.USER, new McpSchema.TextContent(steps))));
        });
    }

    private static String text(Object v, String fallback) {
        return v == null || v.toString().isBlank() ? fallback : v.toString().strip();
    }
}
