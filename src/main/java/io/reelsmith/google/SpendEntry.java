package io.reelsmith.google;

import java.math.BigDecimal;
import java.time.Instant;

/** Money actually spent by one step of one job (e.g. step "block-2": 7 seconds of veo-3.1 at $0.40). */
public record SpendEntry(String jobId, String user, String step, String model, double quantity, String unit, BigDecimal usd, Instant at) { }
