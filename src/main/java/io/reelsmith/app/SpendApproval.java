package io.reelsmith.app;


import io.reelsmith.google.CostEstimate;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * The paid provider's gate in the CLI: prints the plan and its estimate, stops there for {@code --dry-run},
 * and above the confirmation threshold asks "Spend about $X? [y/N]" unless {@code --yes} answered it.
 * Without a terminal to ask on, it refuses and says to add {@code --yes}.
 */
public final class SpendApproval {
    public enum Decision { GO, DRY_RUN, DECLINED }

    private SpendApproval() { }

    public static Decision decide(GooglePlan plan, boolean dryRun, boolean yes, BufferedReader in, boolean interactive, PrintWriter out)
            throws IOException {
        out.println(plan.describe());
        out.flush();
        if (dryRun) {
            out.println("Dry run: nothing was sent, nothing was spent.");
            out.flush();
            return Decision.DRY_RUN;
        }
        if (!plan.needsConfirmation() || yes) return Decision.GO;
        String total = CostEstimate.usd(plan.estimate().totalUsd());
        if (!interactive) {
            throw new IllegalStateException("the estimate " + total + " is above the confirmation threshold of "
                    + CostEstimate.usd(plan.limits().confirmAbove()) + " (REELSMITH_CONFIRM_ABOVE_USD); add --yes to accept it");
        }
        out.print("Spend about " + total + " on Google? [y/N] ");
        out.flush();
        String answer = in.readLine();
        boolean go = answer != null && answer.strip().toLowerCase(Locale.ROOT).matches("y|yes|o|oui");
        return go ? Decision.GO : Decision.DECLINED;
    }
}
