package io.reelsmith.app.money;

import io.reelsmith.google.CostEstimate;
import io.reelsmith.google.GoogleConfig;
import io.reelsmith.kernel.TakePlan;
import io.reelsmith.limits.VeoLimits;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Both plans of one video side by side, before anything is spent: calls, billed video seconds, dollars, and the
 * expected wall time in call latencies (L: one video call; image calls are counted apart, they take seconds where a
 * video call takes minutes). The continuous take waits for each block before the next; the parallel plan draws its
 * keyframes in rounds, then runs its clips {@code concurrency} at a time (the project's quota, {@link VeoLimits}).
 */
public record PlanComparison(List<Figures> plans, int concurrency) {
    /** One plan's figures; {@code videoInARow}, {@code imagesInARow}: calls that wait for one another. */
    public record Figures(
            TakePlan plan,
            int videoCalls,
            int imageCalls,
            double billedSeconds,
            BigDecimal usd,
            int videoInARow,
            int imagesInARow,
            String refusal) {
        /** The expected wall time of the paid calls, e.g. "8 L" or "1 L + 2 image calls". */
        public String wall() {
            return videoInARow + " L"
                    + (imagesInARow == 0 ? "" : " + " + imagesInARow + " image call" + (imagesInARow == 1 ? "" : "s"));
        }
    }

    public PlanComparison {
        plans = List.copyOf(plans);
    }

    /**
     * Both plans of a video of {@code blocks} blocks ({@code characterImages} still to draw, a script to write or not);
     * a plan the video model cannot film carries its {@code refusal} instead of figures.
     */
    public static PlanComparison of(GoogleConfig config, int blocks, int characterImages, boolean needsScript) {
        return of(config, blocks, characterImages, needsScript, null);
    }

    /** {@code words}: each block's dialogue words once the script is written (else null: the parallel plan's upper bound). */
    public static PlanComparison of(
            GoogleConfig config, int blocks, int characterImages, boolean needsScript, List<Integer> words) {
        int concurrency = VeoLimits.of(config).maxConcurrent();
        CostEstimator estimator = new CostEstimator(config);
        List<Figures> out = new ArrayList<>();
        int continuousCalls = GooglePlan.filmsChains(config)
                ? GooglePlan.chains(config, blocks).calls().size()
                : blocks;
        CostEstimate c = estimator.estimate(blocks, characterImages, needsScript, TakePlan.CONTINUOUS);
        out.add(new Figures(
                TakePlan.CONTINUOUS,
                continuousCalls,
                characterImages,
                c.videoSeconds(),
                c.totalUsd(),
                continuousCalls,
                characterImages > 0 ? 1 : 0,
                null));
        try {
            ParallelPlan pp = ParallelPlan.of(config, blocks, words);
            CostEstimate p = estimator.estimate(blocks, characterImages, needsScript, TakePlan.PARALLEL, words);
            out.add(new Figures(
                    TakePlan.PARALLEL,
                    blocks,
                    characterImages + pp.keyframes(),
                    p.videoSeconds(),
                    p.totalUsd(),
                    pp.videoRounds(concurrency),
                    (characterImages > 0 ? 1 : 0) + pp.imageRounds(),
                    null));
        } catch (IllegalArgumentException e) {
            out.add(new Figures(TakePlan.PARALLEL, 0, 0, 0, BigDecimal.ZERO, 0, 0, e.getMessage()));
        }
        return new PlanComparison(out, concurrency);
    }

    public Figures of(TakePlan plan) {
        return plans.stream().filter(f -> f.plan() == plan).findFirst().orElseThrow();
    }

    /** The table {@code make --dry-run} and the confirmation print; {@code chosen} is marked. */
    public String describe(TakePlan chosen) {
        StringBuilder sb = new StringBuilder(String.format(
                Locale.ROOT, "Plans (make --plan continuous|parallel; L = one video call, %d at once)%n", concurrency));
        sb.append(String.format(Locale.ROOT, "  %-22s %-22s %8s %9s  %s%n", "plan", "calls", "billed", "cost", "wall"));
        for (Figures f : plans) {
            String name = f.plan().id() + (f.plan() == chosen ? " (chosen)" : "");
            if (f.refusal() != null) {
                sb.append(String.format(Locale.ROOT, "  %-22s not offered: %s%n", name, f.refusal()));
                continue;
            }
            String calls = f.videoCalls() + " video" + (f.imageCalls() == 0 ? "" : " + " + f.imageCalls() + " image");
            sb.append(String.format(
                    Locale.ROOT,
                    "  %-22s %-22s %7.0f s %9s  %s%n",
                    name,
                    calls,
                    f.billedSeconds(),
                    CostEstimate.usd(f.usd()),
                    f.wall()));
        }
        return sb.toString();
    }
}
