package io.reelsmith.google;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The one price function: what Google charges for each kind of call, in US dollars, taken from the model catalogue
 * ({@link GoogleModels}, the one place prices live) and overridable by configuration. Every paid adapter prices
 * its charges here, and so do the estimate and the budget gate ({@code app.money.StepCosts}), so the three can
 * never disagree on a rate. The video model bills per second of generated video (an extension bills its new
 * seconds; 720p, the resolution we ask for); the image model per image; the script is one structured text call of
 * about {@link #SCRIPT_INPUT_TOKENS} in and {@link #SCRIPT_OUTPUT_TOKENS} out; a drift check one vision call of
 * about {@link #DRIFT_INPUT_TOKENS} in and {@link #DRIFT_OUTPUT_TOKENS} out; a transcription per audio minute.
 */
public record PriceTable(
        BigDecimal videoPerSecond,
        BigDecimal perImage,
        BigDecimal perScript,
        BigDecimal perDriftCheck,
        BigDecimal perTranscribedMinute) {
    public static final int SCRIPT_INPUT_TOKENS = 2_000, SCRIPT_OUTPUT_TOKENS = 3_000;
    public static final int DRIFT_INPUT_TOKENS = 3_000, DRIFT_OUTPUT_TOKENS = 300;
    /** Used when the catalogue has no published figure: counted high, so budgets stay on the safe side. */
    static final BigDecimal UNPRICED_PER_SECOND = new BigDecimal("0.60"),
            UNPRICED_IMAGE = new BigDecimal("0.24"),
            UNPRICED_SCRIPT = new BigDecimal("0.10");
    /** Where no source gave Google's price of a transcribed minute: an assumption on the high side (see docs/google.md). */
    public static final BigDecimal ASSUMED_PER_MINUTE = new BigDecimal("0.01");

    /** The catalogue's prices of these models ({@code transcribeModel} may be null: none is used). */
    public static PriceTable fromCatalogue(
            GoogleModels catalogue, String textModel, String imageModel, String videoModel, String transcribeModel) {
        return fromCatalogue(catalogue, textModel, imageModel, videoModel, transcribeModel, null, null, null, null);
    }

    /**
     * The same with configured prices where given (null: the catalogue's); a drift check the catalogue cannot price
     * costs what a script call does.
     */
    public static PriceTable fromCatalogue(
            GoogleModels catalogue,
            String textModel,
            String imageModel,
            String videoModel,
            String transcribeModel,
            BigDecimal videoPerSecond,
            BigDecimal perImage,
            BigDecimal perScript,
            BigDecimal perTranscribedMinute) {
        BigDecimal video = videoPerSecond != null
                ? videoPerSecond
                : catalogue.find(videoModel).map(m -> m.perSecond("720p")).orElse(UNPRICED_PER_SECOND);
        BigDecimal image = perImage != null
                ? perImage
                : catalogue.find(imageModel).map(m -> m.prices().perImage()).orElse(UNPRICED_IMAGE);
        BigDecimal script = perScript != null
                ? perScript
                : catalogue
                        .find(textModel)
                        .map(m -> tokenCall(m, SCRIPT_INPUT_TOKENS, SCRIPT_OUTPUT_TOKENS))
                        .orElse(UNPRICED_SCRIPT);
        BigDecimal drift = catalogue
                .find(textModel)
                .map(m -> tokenCall(m, DRIFT_INPUT_TOKENS, DRIFT_OUTPUT_TOKENS))
                .orElse(script);
        BigDecimal minute = perTranscribedMinute != null
                ? perTranscribedMinute
                : transcribeModel == null
                        ? ASSUMED_PER_MINUTE
                        : catalogue
                                .find(transcribeModel)
                                .map(m -> m.prices().perAudioMinute())
                                .orElse(ASSUMED_PER_MINUTE);
        return new PriceTable(video, image, script, drift, minute);
    }

    /** {@code quantity} units at {@code unitUsd}: the one multiplication every charge and estimate line makes. */
    public static BigDecimal cost(BigDecimal unitUsd, double quantity) {
        return unitUsd.multiply(BigDecimal.valueOf(quantity));
    }

    public BigDecimal video(double seconds) {
        return cost(videoPerSecond, seconds);
    }

    /** {@code calls} script calls (a retried script pays for both). */
    public BigDecimal scripts(int calls) {
        return cost(perScript, calls);
    }

    /** A transcription of {@code minutes} of audio, rounded up to the ledger's 4 decimals like every other charge. */
    public BigDecimal transcription(double minutes) {
        return cost(perTranscribedMinute, minutes).setScale(4, RoundingMode.UP);
    }

    /** One text call of about {@code inputTokens} in and {@code outputTokens} out; null when the model has no token prices. */
    public static BigDecimal tokenCall(GoogleModels.Model m, int inputTokens, int outputTokens) {
        BigDecimal in = m.prices().perMillionInputTokens(), out = m.prices().perMillionOutputTokens();
        if (in == null || out == null) return null;
        return in.multiply(BigDecimal.valueOf(inputTokens))
                .add(out.multiply(BigDecimal.valueOf(outputTokens)))
                .divide(BigDecimal.valueOf(1_000_000), 4, RoundingMode.UP);
    }
}
