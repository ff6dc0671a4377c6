package io.reelsmith.google;

import com.google.genai.Client;
import com.google.genai.types.Content;
import com.google.genai.types.GenerateContentConfig;
import com.google.genai.types.GenerateContentResponse;
import io.reelsmith.kernel.SpendLedger;

/**
 * One {@code generateContent} call as every Gemini adapter (character image, script, transcription) makes it:
 * through the shared SDK client, retried on transient failures by {@link ApiCalls}, and, where the answer can be
 * a refusal, checked by {@link SafetyBlocks} so that the refused call is in the spend ledger and the error names it.
 */
public record GeminiCalls(Client client, GoogleConfig config, ApiCalls calls, SpendLedger.Recorder spend) {

    public GeminiCalls(Client client, GoogleConfig config, SpendLedger.Recorder spend) {
        this(client, config, new ApiCalls(config), spend);
    }

    /** The model's answer, retried on 429/5xx; {@code what} names the call in errors ("script", "character image"). */
    public GenerateContentResponse generate(String what, String model, Content content, GenerateContentConfig cfg)
            throws GoogleException {
        return calls.call(what + " (" + model + ")", () -> client.models.generateContent(model, content, cfg));
    }

    /** As {@link #generate}, and a safety refusal becomes a {@link SafetyFilteredException} recorded under {@code step}. */
    public GenerateContentResponse generateUnblocked(
            String what, String step, String model, Content content, GenerateContentConfig cfg) throws GoogleException {
        GenerateContentResponse r = generate(what, model, content, cfg);
        SafetyBlocks.check(r, what, model, step, spend);
        return r;
    }
}
