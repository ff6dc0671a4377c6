package io.reelsmith.kernel;

import java.math.BigDecimal;

/**
 * What one billable call bought and its price (e.g. 7 seconds of veo-3.1-generate-001 for $2.80). {@code kind} is what
 * was bought (image, text, generate, extend, interpolate, interaction, transcribe, vision). Held by a {@link
 * SpendLedger.Charge} and by the {@link SpendEntry} it becomes; stored and shown flat, next to the entry's other fields.
 */
public record Purchase(String model, String kind, double quantity, String unit, BigDecimal usd) {
    public Purchase {
        if (kind == null) kind = "";
    }
}
