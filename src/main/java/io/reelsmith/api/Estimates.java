package io.reelsmith.api;

import io.reelsmith.google.CostEstimator;
import io.reelsmith.google.GoogleConfig;
import io.reelsmith.script.Script;

import java.math.BigDecimal;

/**
 * What a planned video will cost with its provider. The local animatic is free; google is priced by its
 * CostEstimator from the configured price table (the character image counted, the script already written).
 */
final class Estimates {
    private Estimates() { }

    static BigDecimal usd(String provider, Script script) {
        if ("local".equals(provider)) return BigDecimal.ZERO;
        if ("google".equals(provider)) return new CostEstimator(GoogleConfig.fromEnv()).estimate(script, true).totalUsd();
        return null;
    }
}
