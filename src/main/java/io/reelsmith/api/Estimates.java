package io.reelsmith.api;

import io.reelsmith.app.ProviderRegistry;
import io.reelsmith.script.Script;

import java.math.BigDecimal;

/**
 * What a planned video will cost with its provider. The local animatic is free; google is priced by its
 * CostEstimator from the configured price table (the character image counted, the script already written).
 */
final class Estimates {
    private Estimates() { }

    static BigDecimal usd(String provider, Script script) {
        return new ProviderRegistry().estimateUsd(provider, script);
    }
}
