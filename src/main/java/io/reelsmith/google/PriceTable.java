package io.reelsmith.google;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What Google charges for one job's calls, in US dollars, taken from the model catalogue ({@link GoogleModels},
 * the one place prices live) and overridable by configuration. The video model bills per second of generated
 * video (an extension bills its new seconds; 720p, the resolution we ask for); the image model per image; the
 * script is one structured text call of about {@link #SCRIPT_INPUT_TOKENS} in and {@link #SCRIPT_OUTPUT_TOKENS} out.
 */
public record PriceTable(BigDecimal videoPerSecond, BigDecimal perImage, BigDecimal perScript, BigDecimal transcribePerMinute) {
    public static final int SCRIPT_INPUT_TOKENS = 2_000, SCRIPT_OUTPUT_TOKENS = 3_000;
    /** Used when the catalogue has no published figure: counted high, so budgets stay on the safe side. */
    static final BigDecimal UNPRICED_PER_SECOND = new BigDecimal("0.60"), UNPRICED_IMAGE = new BigDecimal("0.24"),
            UNPRICED_SCRIPT = new BigDecimal("0.10");
    /** No source gave Google's price of a transcribed minute: an assumption on the high side (see docs/google.md). */
    public static final BigDecimal ASSUMED_TRANSCRIBE_PER_MINUTE = new BigDecimal("0.01");

    /** {@code transcribeModel}: null when the take is not transcribed. */
    public static PriceTable fromCatalogue(GoogleModels catalogue, String textModel, String imageModel, String videoModel, String transcribeModel) {
        BigDecimal video = catalogue.find(videoModel).map(m -> m.perSecond("720p")).orElse(null);
        BigDecimal image = catalogue.find(imageModel).map(m -> m.prices().perImage()).orElse(null);
        BigDecimal script = catalogue.find(textModel).map(PriceTable::scriptCall).orElse(null);
        BigDecimal minute = transcribeModel == null ? null : catalogue.find(transcribeModel).map(m -> m.prices().perAudioMinute()).orElse(null);
        return new PriceTable(video == null ? UNPRICED_PER_SECOND : video, image == null ? UNPRICED_IMAGE : image,
                script == null ? UNPRICED_SCRIPT : script, minute == null ? ASSUMED_TRANSCRIBE_PER_MINUTE : minute);
    }

    private static BigDecimal scriptCall(GoogleModels.Model m) {
        return tokenCall(m, SCRIPT_INPUT_TOKENS, SCRIPT_OUTPUT_TOKENS);
    }

    /** One text call of about {@code inputTokens} in and {@code outputTokens} out; null when the model has no token prices. */
    public static BigDecimal tokenCall(GoogleModels.Model m, int inputTokens, int outputTokens) {
        BigDecimal in = m.prices().perMillionInputTokens(), out = m.prices().perMillionOutputTokens();
        if (in == null || out == null) return null;
        BigDecimal usd = in.multiply(BigDecimal.valueOf(inputTokens)).add(out.multiply(BigDecimal.valueOf(outputTokens)))
                .divide(BigDecimal.valueOf(1_000_000), 4, RoundingMode.UP);
        return usd;
    }
}
