package io.reelsmith.google;

import com.google.genai.types.Candidate;
import com.google.genai.types.GenerateContentResponse;
import io.reelsmith.kernel.Purchase;
import io.reelsmith.kernel.SpendLedger;
import io.reelsmith.kernel.SpendStatus;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Gemini's safety refusals of a text or image call, as a readable failure instead of "no image"/"no text": the
 * prompt blocked ({@code promptFeedback.blockReason}) or the answer stopped for safety ({@code finishReason}).
 * Google does not bill a blocked output, so the call is recorded as NOT_CHARGED.
 */
public final class SafetyBlocks {
    private static final Set<String> SAFETY_FINISH = Set.of(
            "SAFETY",
            "PROHIBITED_CONTENT",
            "BLOCKLIST",
            "SPII",
            "RECITATION",
            "IMAGE_SAFETY",
            "IMAGE_PROHIBITED_CONTENT",
            "IMAGE_RECITATION",
            "MODEL_ARMOR");

    private SafetyBlocks() {}

    /** Throws {@link SafetyFilteredException} (after recording the call as not charged) when Gemini refused for safety. */
    public static void check(
            GenerateContentResponse r, String what, String model, String step, SpendLedger.Recorder spend)
            throws SafetyFilteredException {
        Optional<String> reason = reason(r);
        if (reason.isEmpty()) return;
        Purchase refused = new Purchase(model, what.contains("image") ? "image" : "text", 1, "call", BigDecimal.ZERO);
        spend.record(new SpendLedger.Charge(step, refused, SpendStatus.NOT_CHARGED, null));
        throw new SafetyFilteredException(what + " was blocked by Gemini's safety filter (" + reason.get()
                + "); not charged." + " Rephrase the theme or the character description and run again.");
    }

    public static Optional<String> reason(GenerateContentResponse r) {
        var feedback = r.promptFeedback();
        if (feedback.isPresent() && feedback.get().blockReason().isPresent()) {
            String msg = feedback.get().blockReasonMessage().orElse("");
            return Optional.of(
                    "prompt blocked: " + feedback.get().blockReason().get() + (msg.isBlank() ? "" : ", " + msg));
        }
        List<Candidate> candidates = r.candidates().orElse(List.of());
        if (candidates.isEmpty()) return Optional.empty();
        Candidate c = candidates.get(0);
        String finish = c.finishReason().map(Object::toString).orElse("STOP");
        if (!SAFETY_FINISH.contains(finish)) return Optional.empty();
        String msg = c.finishMessage().orElse("");
        return Optional.of("finishReason " + finish + (msg.isBlank() ? "" : ", " + msg));
    }
}
