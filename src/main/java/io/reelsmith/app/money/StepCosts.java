package io.reelsmith.app.money;

import io.reelsmith.google.ChainPlan;
import io.reelsmith.google.GoogleConfig;
import io.reelsmith.google.PriceTable;
import io.reelsmith.kernel.Step;
import io.reelsmith.kernel.TakePlan;
import io.reelsmith.script.Script;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * What each step of a google video pays for: every billable call the plan makes (the same plans the video adapters
 * follow: the model's {@link ChainPlan}, or interpolation's frames), tagged with its step and priced by the one
 * price function ({@link PriceTable}). The estimate ({@link CostEstimator}) is these calls gathered into lines, the
 * budget's gate before a step is that step's calls: the two cannot disagree.
 * <ul>
 *   <li>character: one image per cast member still to draw; script: one text call when it is still to write;</li>
 *   <li>block k (and its retake, which makes it again): its seconds of video (its call in the chain plan: a new clip,
 *       an extension or a restart from a last frame; interpolation: 8 s and the frame images it draws) and one
 *       drift check;</li>
 *   <li>the parallel plan ({@link ParallelPlan}): keyframe k one image; block k its clip between two keyframes and one
 *       drift check;</li>
 *   <li>subtitles: the transcription of the take, where a transcription model is served; render: nothing.</li>
 * </ul>
 */
public final class StepCosts {
    /** One billable call of a step; {@code group} gathers like calls into one line of the estimate. */
    public record Call(Step step, String group, String model, double quantity, String unit, BigDecimal unitUsd) {
        public BigDecimal usd() {
            return PriceTable.cost(unitUsd, quantity);
        }
    }

    /** The group of a chain plan's calls of one kind ({@code ChainPlan.Kind} follows). */
    static final String CHAIN = "chain:";

    private final GoogleConfig config;
    private final List<Call> calls = new ArrayList<>();

    /** {@code characterImages}: cast images still to draw; {@code needsScript}: the script is still to write. */
    public StepCosts(GoogleConfig config, int blocks, int characterImages, boolean needsScript) {
        this(config, blocks, characterImages, needsScript, TakePlan.CONTINUOUS);
    }

    /** The same for a take filmed with {@code plan}. */
    public StepCosts(GoogleConfig config, int blocks, int characterImages, boolean needsScript, TakePlan plan) {
        this(config, blocks, characterImages, needsScript, plan, null);
    }

    /** {@code words}: each block's dialogue words when the script is written (the parallel plan sizes its clips by them). */
    public StepCosts(
            GoogleConfig config,
            int blocks,
            int characterImages,
            boolean needsScript,
            TakePlan plan,
            List<Integer> words) {
        if (blocks < 1 || blocks > Script.MAX_BLOCKS)
            throw new IllegalArgumentException("blocks must be 1.." + Script.MAX_BLOCKS);
        this.config = config;
        PriceTable p = config.prices();
        if (characterImages > 0)
            calls.add(new Call(Step.CHARACTER, "images", config.imageModel(), characterImages, "image", p.perImage()));
        if (needsScript) calls.add(new Call(Step.SCRIPT, "script", config.textModel(), 1, "call", p.perScript()));
        if (plan == TakePlan.PARALLEL) addParallel(blocks, words);
        else addVideo(blocks);
        // every block's frames are compared with the character once (a retake, when one is needed, is not planned)
        for (int i = 0; i < blocks; i++)
            calls.add(new Call(Step.block(i), "drift", config.textModel(), 1, "call", p.perDriftCheck()));
        if (config.transcribeModel() != null) {
            double take = calls.stream()
                    .filter(c -> c.unit().equals("second"))
                    .mapToDouble(Call::quantity)
                    .sum();
            calls.add(new Call(
                    Step.SUBTITLES,
                    "transcription",
                    config.transcribeModel(),
                    Math.ceil(take / 60.0 * 1000) / 1000,
                    "minute",
                    p.perTranscribedMinute()));
        }
    }

    /** The steps of a service video's run: its character images and script were made when it was planned. */
    public static StepCosts ofRun(GoogleConfig config, int blocks) {
        return ofRun(config, blocks, TakePlan.CONTINUOUS);
    }

    public static StepCosts ofRun(GoogleConfig config, int blocks, TakePlan plan) {
        return new StepCosts(config, blocks, 0, false, plan);
    }

    /** The parallel plan: its n+1 keyframes (one image each), then a clip between two keyframes per block. */
    private void addParallel(int blocks, List<Integer> words) {
        ParallelPlan pp = ParallelPlan.of(config, blocks, words);
        for (int k = 0; k < pp.keyframes(); k++)
            calls.add(new Call(
                    Step.keyframe(k),
                    "keyframes",
                    config.imageModel(),
                    1,
                    "image",
                    config.prices().perImage()));
        for (int i = 0; i < blocks; i++) {
            calls.add(new Call(
                    Step.block(i),
                    "between",
                    config.videoModel(),
                    pp.clipSeconds().get(i),
                    "second",
                    config.prices().videoPerSecond()));
        }
    }

    private void addVideo(int blocks) {
        BigDecimal perSecond = config.prices().videoPerSecond();
        String model = config.videoModel();
        if (GooglePlan.filmsChains(config)) {
            for (ChainPlan.Call c : GooglePlan.chains(config, blocks).calls()) {
                calls.add(new Call(Step.block(c.block()), CHAIN + c.kind(), model, c.seconds(), "second", perSecond));
            }
        } else {
            // an interpolated block draws its end frame (and block 1 its start frame too), then 8 s of video
            for (int i = 0; i < blocks; i++) {
                calls.add(new Call(
                        Step.block(i),
                        "frames",
                        config.imageModel(),
                        i == 0 ? 2 : 1,
                        "image",
                        config.prices().perImage()));
                calls.add(new Call(Step.block(i), "interpolated", model, 8, "second", perSecond));
            }
        }
    }

    public GoogleConfig config() {
        return config;
    }

    /** Every call, in the order the video makes them (grouped by kind: images, script, video, drift checks, transcription). */
    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** What a step pays for (a retake: what its block does); zero for a step with no billable call. */
    public BigDecimal usd(Step step) {
        Step priced = step instanceof Step.Retake r ? r.block() : step;
        return calls.stream()
                .filter(c -> c.step().equals(priced))
                .map(Call::usd)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal usd(Collection<? extends Step> steps) {
        return steps.stream().map(this::usd).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
