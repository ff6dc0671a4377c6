package io.reelsmith.video.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.genai.types.Content;
import com.google.genai.types.GenerateContentConfig;
import com.google.genai.types.GenerateContentResponse;
import com.google.genai.types.Part;
import io.reelsmith.google.GeminiCalls;
import io.reelsmith.google.GoogleException;
import io.reelsmith.google.ImageMime;
import io.reelsmith.google.PriceTable;
import io.reelsmith.kernel.Purchase;
import io.reelsmith.kernel.SpendLedger;
import io.reelsmith.kernel.SpendStatus;
import io.reelsmith.kernel.Step;
import io.reelsmith.video.DriftCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The google drift check: one Gemini vision call (the text model of the catalogue, which reads images) with the
 * reference image(s) first and a few frames of the block after, asking for structured output {@code {score, reason}}.
 * Priced by {@link PriceTable#perDriftCheck} (a token call of small frames and the reference in, a sentence out) and
 * recorded in the spend ledger as kind {@value #KIND}.
 */
public record GeminiDriftCheck(GeminiCalls gemini) implements DriftCheck {
    public static final String KIND = "drift-check";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Score compare(Step step, List<Path> frames, List<Path> references) throws IOException {
        List<Part> parts = new ArrayList<>();
        parts.add(Part.fromText(prompt(references.size(), frames.size())));
        for (Path r : references) parts.add(image(r));
        for (Path f : frames) parts.add(image(f));
        GenerateContentConfig cfg = GenerateContentConfig.builder()
                .responseMimeType("application/json")
                .responseJsonSchema(schema())
                .build();
        Content content = Content.builder().role("user").parts(parts).build();
        String model = gemini.config().textModel();
        GenerateContentResponse r =
                gemini.generateUnblocked("drift check of " + step, step.text(), model, content, cfg);
        // One entry per step and check: the retake's check is its own ("block-2.retake"), a resumed run's replaces it.
        Purchase check =
                new Purchase(model, KIND, 1, "call", gemini.config().prices().perDriftCheck());
        gemini.spend().record(new SpendLedger.Charge(step, check, SpendStatus.CHARGED, KIND + ":" + step.text()));
        return parse(r.text(), model);
    }

    static Score parse(String text, String model) throws GoogleException {
        JsonNode n;
        try {
            n = JSON.readTree(text == null ? "" : text);
        } catch (IOException e) {
            throw new GoogleException(model + " answered the drift check with something that is not JSON: " + text);
        }
        if (n == null || !n.path("score").isNumber())
            throw new GoogleException(model + " answered the drift check without a score: " + text);
        return new Score(n.get("score").asDouble(), n.path("reason").asText(""));
    }

    static String prompt(int references, int frames) {
        return "The first "
                + (references == 1
                        ? "image is the reference of the recurring character"
                        : references + " images are the references of the recurring characters")
                + " of a video series. The next " + frames + " images are frames of one block of a new video. "
                + "Is the character in the frames the same character as in the reference (same face, body, colours, outfit, style)? "
                + "Answer a score from 0 (a different character) to 1 (exactly the same character) and a one-sentence reason.";
    }

    static Map<String, Object> schema() {
        return Map.of(
                "type",
                "object",
                "properties",
                Map.of(
                        "score",
                        Map.of("type", "number", "minimum", 0, "maximum", 1),
                        "reason",
                        Map.of("type", "string")),
                "required",
                List.of("score", "reason"));
    }

    private static Part image(Path file) throws IOException {
        byte[] b = Files.readAllBytes(file);
        return Part.fromBytes(b, ImageMime.of(b));
    }
}
