package io.reelsmith.kernel;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;

/**
 * One billable call of one step of one job (e.g. step "block-2": 7 seconds of veo-3.1-generate-001 at $0.40/s).
 * {@code purchase} is written flat (model, kind, quantity, unit, usd) as the ledger's files always were;
 * {@code status} says whether Google bills it; {@code operationId} names the operation or interaction, when any.
 */
public record SpendEntry(
        String jobId,
        String user,
        String step,
        @JsonUnwrapped Purchase purchase,
        SpendStatus status,
        String operationId,
        Instant at) {
    public SpendEntry {
        if (status == null) status = SpendStatus.CHARGED;
    }

    /** What counts against a budget: charged and uncertain calls (an uncertain one may have been billed). */
    public boolean counts() {
        return status != SpendStatus.NOT_CHARGED;
    }
}
