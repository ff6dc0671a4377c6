package io.reelsmith.kernel;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One billable call of one step of one job (e.g. step "block-2": 7 seconds of veo-3.1-generate-001 at $0.40/s).
 * {@code kind} is what was bought (image, text, generate, extend, interpolate, interaction, transcribe, vision);
 * {@code status} says whether Google bills it; {@code operationId} names the operation or interaction, when any.
 */
public record SpendEntry(
        String jobId,
        String user,
        String step,
        String model,
        String kind,
        double quantity,
        String unit,
        BigDecimal usd,
        SpendStatus status,
        String operationId,
        Instant at) {
    public SpendEntry {
        if (status == null) status = SpendStatus.CHARGED;
        if (kind == null) kind = "";
    }

    /** What counts against a budget: charged and uncertain calls (an uncertain one may have been billed). */
    public boolean counts() {
        return status != SpendStatus.NOT_CHARGED;
    }
}
