package io.reelsmith.app;

import io.reelsmith.app.money.SpendLimits;
import io.reelsmith.google.GoogleConfig;
import io.reelsmith.kernel.JsonlSpendLedger;
import io.reelsmith.kernel.SpendEntry;
import io.reelsmith.kernel.JobSpec;
import io.reelsmith.pipeline.Stages;
import io.reelsmith.kernel.Workspace;
import io.reelsmith.render.FinalRenderer;
import io.reelsmith.subtitle.CaptionStyle;
import io.reelsmith.subtitle.WordTimer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code make --provider google} in one place: plan and estimate, budgets, {@code --dry-run}, the confirmation
 * prompt, then the google stages with spend written to the ledger ({@code REELSMITH_SPEND_LEDGER}, default
 * {@code ~/.reelsmith/spend.jsonl}). Use:
 * <pre>
 * Optional&lt;GoogleRun&gt; g = GoogleRun.open(spec, ws, dryRun, yes, out);
 * if (g.isEmpty()) return 0;                      // dry run, or the user said no
 * try (GoogleRun run = g.get()) { pipeline = new Pipeline(run.stages(timer, style, renderer)); … }
 * </pre>
 */
public final class GoogleRun implements AutoCloseable {
    private final GoogleProvider provider;
    private final JsonlSpendLedger ledger;
    private final String jobId;

    private GoogleRun(GoogleProvider provider, JsonlSpendLedger ledger, String jobId) {
        this.provider = provider;
        this.ledger = ledger;
        this.jobId = jobId;
    }

    /** Empty when nothing should run (dry run, declined); throws when a budget refuses it. */
    public static Optional<GoogleRun> open(ProviderRegistry registry, SpendLimits limits, Path ledgerFile, String user, JobSpec spec,
                                           Workspace ws, boolean dryRun, boolean yes, PrintWriter out) throws IOException {
        GoogleConfig config = registry.googleConfig(); // a retired or wrong-surface model is refused here, before any call
        JsonlSpendLedger ledger = new JsonlSpendLedger(ledgerFile);
        String jobId = ws.dir().toAbsolutePath().normalize().toString();
        GooglePlan plan = GooglePlan.of(config, limits, spec, ws);
        BigDecimal spentBefore = ledger.spentBy(user).subtract(spentOn(ledger, jobId)); // a resumed job's own spend is not "other"
        plan.checkBudget(spentBefore);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        SpendApproval.Decision d = SpendApproval.decide(plan, dryRun, yes, in, System.console() != null, out);
        if (d == SpendApproval.Decision.DRY_RUN) return Optional.empty();
        if (d == SpendApproval.Decision.DECLINED) {
            out.println("Not started: nothing was spent.");
            out.flush();
            return Optional.empty();
        }
        var job = ProviderRegistry.JobContext.of(CaptionStyle.SHORTS).withSpend(jobId, user, ledger.forJob(jobId, user));
        return Optional.of(new GoogleRun(registry.google(job), ledger, jobId));
    }

    public Stages stages(WordTimer wordTimer, CaptionStyle captionStyle, FinalRenderer renderer) {
        return provider.stages(wordTimer, captionStyle, renderer);
    }

    /** What this job has spent so far (for manifest.json's cost). */
    public BigDecimal spentUsd() {
        return spentOn(ledger, jobId);
    }

    /** What the google job of this folder has spent so far, from the ledger (a batch counts a failed video's spend too). */
    public static BigDecimal spentIn(Path ledgerFile, Workspace ws) throws IOException {
        return spentOn(new JsonlSpendLedger(ledgerFile), ws.dir().toAbsolutePath().normalize().toString());
    }

    private static BigDecimal spentOn(JsonlSpendLedger ledger, String jobId) {
        return ledger.entries(jobId).stream().map(SpendEntry::usd).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Override
    public void close() {
        provider.close();
    }
}
