package io.reelsmith.video;

import io.reelsmith.kernel.Step;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Port: does a finished block still show the recurring character? Given a few frames of the block and the
 * reference image(s) of the cast (one today; a list so that several characters plug in), it answers a score from
 * 0 (someone else) to 1 (the same character) and a short reason. Adapters: {@code animatic.PaletteDriftCheck}
 * (local, a colour measure) and {@code gemini.GeminiDriftCheck} (a Gemini vision call). {@link DriftGuard} uses it.
 */
public interface DriftCheck {
    /** The answer: {@code value} within 0..1. */
    record Score(double value, String reason) {
        public Score {
            if (Double.isNaN(value)) throw new IllegalArgumentException("drift score is not a number");
            value = Math.max(0, Math.min(1, value));
            reason = reason == null ? "" : reason.strip();
        }
    }

    /** {@code step}: the block (or its retake), for what a paid adapter records in the spend ledger. */
    Score compare(Step step, List<Path> frames, List<Path> references) throws IOException;
}
