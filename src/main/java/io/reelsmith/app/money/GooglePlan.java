package io.reelsmith.app.money;

import io.reelsmith.app.money.BudgetPolicy.Kind;
import io.reelsmith.app.money.BudgetPolicy.Limit;
import io.reelsmith.google.CostEstimate;
import io.reelsmith.google.GoogleConfig;
import io.reelsmith.google.VideoBackend;
import io.reelsmith.google.VideoMode;
import io.reelsmith.video.omni.OmniMaker;
import io.reelsmith.video.omni.OmniPlan;
import io.reelsmith.video.veo.VeoTakePlan;
import io.reelsmith.kernel.JobSpec;
import io.reelsmith.kernel.Workspace;
import io.reelsmith.script.ScriptJson;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.Locale;

/**
 * What a google job will do and cost, known before anything is spent: shown by {@code make --dry-run}, by the
 * confirmation prompt and by the API. A character image or script already in the workspace is not paid again;
 * a supplied script decides the number of blocks.
 */
public record GooglePlan(GoogleConfig config, SpendLimits limits, int blocks, String language, boolean needsCharacterImage, boolean needsScript,
                         CostEstimate estimate) {

    public static GooglePlan of(GoogleConfig config, SpendLimits limits, JobSpec spec, Workspace ws) throws IOException {
        int images = 0; // one image call per cast member whose image is not supplied
        for (int i = 0; i < spec.cast().size(); i++) if (!Files.exists(ws.character(i))) images++;
        boolean script = !Files.exists(ws.script());
        int blocks = script ? spec.blocks() : ScriptJson.read(ws.script()).blocks().size();
        return new GooglePlan(config, limits, blocks, spec.language(), images > 0, script, new CostEstimator(config).estimate(blocks, images, script));
    }

    /** Refuses (before spending) a plan above the configured budgets, given what the user already spent. */
    public GooglePlan checkBudget(BigDecimal userSpent) {
        BudgetPolicy.check("the estimated cost", estimate.totalUsd(), Limit.of(Kind.PER_VIDEO, limits.perVideo(), BigDecimal.ZERO),
                Limit.of(Kind.PER_USER, limits.perUser(), userSpent));
        return this;
    }

    /** True when the CLI must ask before starting (estimate above reelsmith.confirm.above.usd). */
    public boolean needsConfirmation() {
        return limits.confirmAbove() != null && estimate.totalUsd().compareTo(limits.confirmAbove()) > 0;
    }

    public double takeSeconds() {
        if (config.backend() == VideoBackend.OMNI) return OmniMaker.plan(config, blocks).billedSeconds();
        return config.videoMode() == VideoMode.EXTEND ? VeoTakePlan.of(blocks, config.video()).takeSeconds() : 8.0 * blocks;
    }

    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append("Plan (google: ").append(config.describe()).append(")\n");
        sb.append("  character image  ").append(needsCharacterImage ? config.imageModel() + ", 9:16" : "supplied, not generated").append('\n');
        sb.append("  script           ").append(needsScript ? config.textModel() + ", " + blocks + " blocks, " + language : "supplied, " + blocks + " blocks").append('\n');
        if (config.backend() == VideoBackend.OMNI) {
            OmniPlan plan = OmniMaker.plan(config, blocks);
            sb.append("  video            ").append(plan.describe(config.videoModel())).append('\n');
            for (OmniPlan.Call c : plan.calls()) {
                String what = switch (c.kind()) {
                    case GENERATE -> c.seconds() + " s clip, 9:16 720p, character image as reference";
                    case EXTEND -> String.format(Locale.ROOT, "+%d s continuation of block %d (chain %d: %.0f s)", c.seconds(), c.block(), c.chain() + 1, c.chainSeconds());
                    case FIRST_FRAME -> String.format(Locale.ROOT, "chain %d: %d s from the last frame of block %d", c.chain() + 1, c.seconds(), c.block());
                };
                sb.append(String.format(Locale.ROOT, "    block %-2d       %s%n", c.block() + 1, what));
            }
        } else if (config.videoMode() == VideoMode.EXTEND) {
            VeoTakePlan plan = VeoTakePlan.of(blocks, config.video());
            sb.append(String.format(Locale.ROOT, "  video            %s (veo): %d segment%s, %d calls, %.0f s billed%n", config.videoModel(),
                    plan.segments(), plan.segments() == 1 ? "" : "s", plan.calls(), plan.billedSeconds()));
            for (VeoTakePlan.Step st : plan.steps()) {
                String what = st.block() == 0 ? "8 s clip, 9:16 720p, character image as reference"
                        : st.startsSegment() ? String.format(Locale.ROOT, "segment %d: 8 s from the last frame of segment %d", st.segment() + 1, st.segment())
                        : String.format(Locale.ROOT, "+%.0f s extension of a %.0f s source", st.billedSeconds(), st.sourceSeconds());
                sb.append(String.format(Locale.ROOT, "    block %-2d       %s%n", st.block() + 1, what));
            }
        } else {
            sb.append(String.format(Locale.ROOT, "  blocks 1-%d       %s: 8 s each between %d first/last frames (%s)%n",
                    blocks, config.videoModel(), blocks + 1, config.imageModel()));
        }
        sb.append(String.format(Locale.ROOT, "  take             %.0f s, upscaled to 1080x1920 with burned subtitles (local, free)%n", takeSeconds()));
        sb.append("Cost (US$, from the price table; see docs/google.md)\n").append(estimate.describe());
        return sb.toString();
    }
}
