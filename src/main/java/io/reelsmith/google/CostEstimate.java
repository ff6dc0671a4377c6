package io.reelsmith.google;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

/** What a job will cost before it runs, line by line; {@link #describe()} is what the CLI and API show. */
public record CostEstimate(List<Line> lines) {
    /** {@code quantity} of {@code unit} ("second", "image", "call") of {@code model} at {@code unitUsd}. */
    public record Line(String item, String model, double quantity, String unit, BigDecimal unitUsd) {
        public BigDecimal usd() {
            return unitUsd.multiply(BigDecimal.valueOf(quantity)).setScale(4, RoundingMode.HALF_UP);
        }
    }

    public CostEstimate {
        lines = List.copyOf(lines);
    }

    public BigDecimal totalUsd() {
        return lines.stream()
                .map(Line::usd)
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2, RoundingMode.UP);
    }

    public double videoSeconds() {
        return lines.stream()
                .filter(l -> l.unit().equals("second"))
                .mapToDouble(Line::quantity)
                .sum();
    }

    public static String usd(BigDecimal amount) {
        return "$" + amount.setScale(2, RoundingMode.UP).toPlainString();
    }

    public String describe() {
        StringBuilder sb = new StringBuilder();
        for (Line l : lines) {
            sb.append(String.format(
                    Locale.ROOT,
                    "  %-28s %-32s %6.1f %-7s x $%s = %s%n",
                    l.item(),
                    l.model(),
                    l.quantity(),
                    l.unit() + (l.quantity() == 1 ? "" : "s"),
                    l.unitUsd().toPlainString(),
                    usd(l.usd())));
        }
        sb.append("  estimated total: ").append(usd(totalUsd()));
        return sb.toString();
    }
}
