package io.reelsmith.app.money;

import io.reelsmith.app.money.BudgetPolicy.Kind;
import io.reelsmith.app.money.BudgetPolicy.Limit;
import io.reelsmith.google.ChainPlan;
import io.reelsmith.google.CostEstimate;
import io.reelsmith.google.GoogleConfig;
import io.reelsmith.google.VideoBackend;
import io.reelsmith.google.VideoMode;
import io.reelsmith.kernel.JobSpec;
import io.reelsmith.kernel.TakePlan;
import io.reelsmith.kernel.Workspace;
import io.reelsmith.kernel.WorkspaceFile;
import io.reelsmith.script.Script;
import io.reelsmith.script.ScriptJson;
import io.reelsmith.video.ParallelTake;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a google job will do and cost, known before anything is spent: shown by {@code make --dry-run}, by the
 * confirmation prompt and by the API. A character image or script already in the workspace is not paid again;
 * a supplied script decides the number of blocks.
 */
public record GooglePlan(
        GoogleConfig config,
        SpendLimits limits,
        int blocks,
        String language,
        boolean needsCharacterImage,
        boolean needsScript,
        CostEstimate estimate,
        TakePlan plan,
        PlanComparison plans,
        List<Integer> words) {

    /** The plan of the take the spec chose; a parallel plan the video model cannot film is refused here, before any call. */
    public static GooglePlan of(GoogleConfig config, SpendLimits limits, JobSpec spec, Workspace ws)
            throws IOException {
        int images = 0; // one image call per cast member whose image is not supplied
        for (int i = 0; i < spec.cast().size(); i++) if (!Files.exists(ws.character(i))) images++;
        boolean script = !Files.exists(ws.file(WorkspaceFile.SCRIPT));
        Script written = script ? null : ScriptJson.read(ws.file(WorkspaceFile.SCRIPT));
        int blocks = script ? spec.blocks() : written.blocks().size();
        List<Integer> words = written == null ? null : ParallelTake.words(written); // sizes the parallel plan's clips
        PlanComparison plans = PlanComparison.of(config, blocks, images, script, words);
        String refusal = plans.of(spec.plan()).refusal();
        if (refusal != null) throw new IllegalArgumentException(refusal);
        return new GooglePlan(
                config,
                limits,
                blocks,
                spec.language(),
                images > 0,
                script,
                new CostEstimator(config).estimate(blocks, images, script, spec.plan(), words),
                spec.plan(),
                plans,
                words);
    }

    /** Refuses (before spending) a plan above the configured budgets, given what the user already spent. */
    public GooglePlan checkBudget(BigDecimal userSpent) {
        BudgetPolicy.check(
                "the estimated cost",
                estimate.totalUsd(),
                Limit.of(Kind.PER_VIDEO, limits.perVideo(), BigDecimal.ZERO),
                Limit.of(Kind.PER_USER, limits.perUser(), userSpent));
        return this;
    }

    /** True when the CLI must ask before starting (estimate above reelsmith.confirm.above.usd). */
    public boolean needsConfirmation() {
        return limits.confirmAbove() != null && estimate.totalUsd().compareTo(limits.confirmAbove()) > 0;
    }

    /** How the configured video model films {@code blocks} blocks on the configured surface: chains, restarts, billed seconds. */
    public static ChainPlan chains(GoogleConfig config, int blocks) {
        return ChainPlan.of(Script.blockSeconds(blocks), config.video(), config.surface());
    }

    /** Empty for Veo's interpolation mode, which films no chains. */
    public Optional<ChainPlan> chains() {
        return filmsChains(config) ? Optional.of(chains(config, blocks)) : Optional.empty();
    }

    public static boolean filmsChains(GoogleConfig config) {
        return config.backend() == VideoBackend.OMNI || config.videoMode() == VideoMode.EXTEND;
    }

    public double takeSeconds() {
        if (plan == TakePlan.PARALLEL)
            return ParallelPlan.of(config, blocks, words).takeSeconds();
        return chains().map(ChainPlan::takeSeconds).orElse(8.0 * blocks);
    }

    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append("Plan (google: ").append(config.describe()).append(")\n");
        sb.append("  character image  ")
                .append(needsCharacterImage ? config.imageModel() + ", 9:16" : "supplied, not generated")
                .append('\n');
        sb.append("  script           ")
                .append(
                        needsScript
                                ? config.textModel() + ", " + blocks + " blocks, " + language
                                : "supplied, " + blocks + " blocks")
                .append('\n');
        if (plan == TakePlan.PARALLEL) {
            ParallelPlan pp = ParallelPlan.of(config, blocks, words);
            sb.append(String.format(
                    Locale.ROOT,
                    "  keyframes        %d by %s (keyframe k opens block k, the last ends block %d), %d round%s of image calls%n",
                    pp.keyframes(),
                    config.imageModel(),
                    blocks,
                    pp.imageRounds(),
                    pp.imageRounds() == 1 ? "" : "s"));
            sb.append(String.format(
                    Locale.ROOT,
                    "  video            %s: %d clips between keyframes, all submitted at once (%s%.0f s billed)%n",
                    config.videoModel(),
                    blocks,
                    words == null ? "at most " : "",
                    pp.billedSeconds()));
            if (words == null) {
                sb.append("    (each clip is sized by its block's lines once the script is written: the shortest"
                        + " length that holds them and keeps the take on time)\n");
                List<Integer> budget = ParallelPlan.wordBudget(config, blocks);
                double kept = ParallelPlan.of(config, blocks, budget).billedSeconds();
                if (kept < pp.billedSeconds())
                    sb.append(String.format(
                            Locale.ROOT,
                            "    (the script writer is told at most %s words a block: a script that keeps them is"
                                    + " filmed in %.0f s)%n",
                            budget.stream().map(String::valueOf).collect(Collectors.joining("/")),
                            kept));
            }
            for (int i = 0; i < blocks; i++) {
                sb.append(String.format(
                        Locale.ROOT,
                        "    block %-2d       %d s from keyframe %d to keyframe %d%n",
                        i + 1,
                        pp.clipSeconds().get(i),
                        i + 1,
                        i + 2));
            }
        } else if (chains().isPresent()) {
            ChainPlan plan = chains().get();
            sb.append("  video            ").append(plan.describe()).append('\n');
            List<String> steps = plan.steps();
            for (int i = 0; i < steps.size(); i++)
                sb.append(String.format(Locale.ROOT, "    block %-2d       %s%n", i + 1, steps.get(i)));
        } else {
            sb.append(String.format(
                    Locale.ROOT,
                    "  blocks 1-%d       %s: 8 s each between %d first/last frames (%s)%n",
                    blocks,
                    config.videoModel(),
                    blocks + 1,
                    config.imageModel()));
        }
        sb.append(String.format(
                Locale.ROOT,
                "  take             %.0f s, upscaled to 1080x1920 with burned subtitles (local, free)%n",
                takeSeconds()));
        sb.append(plans.describe(plan));
        sb.append("Cost of the ")
                .append(plan.id())
                .append(" plan (US$, from the price table; see docs/google.md)\n")
                .append(estimate.describe());
        return sb.toString();
    }
}
