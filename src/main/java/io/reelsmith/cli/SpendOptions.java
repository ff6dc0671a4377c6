package io.reelsmith.cli;

import java.math.BigDecimal;
import picocli.CommandLine.Option;

/** What {@code make} may spend: the batch's budget, and the answers to the plan and its cost (see {@link SpendApproval}). */
final class SpendOptions {
    @Option(
            names = "--budget-usd",
            description =
                    "With --themes: the most the whole batch may spend, in US dollars; it stops before a video whose estimate would cross it.")
    BigDecimal budgetUsd;

    @Option(names = "--dry-run", description = "Print the plan and its cost; spend nothing.")
    boolean dryRun;

    @Option(names = "--yes", description = "Answer yes to the cost confirmation (for scripts).")
    boolean yes;
}
