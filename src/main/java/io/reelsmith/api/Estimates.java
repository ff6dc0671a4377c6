package io.reelsmith.api;

import io.reelsmith.script.Script;

import java.math.BigDecimal;

/**
 * What a planned video will cost with its provider. The local animatic is free; paid providers will plug
 * their estimator in here (the google provider's CostEstimator) — until then their estimate is unknown (null).
 */
final class Estimates {
    private Estimates() { }

    static BigDecimal usd(String provider, Script script) {
        return "local".equals(provider) ? BigDecimal.ZERO : null;
    }
}
