package io.reelsmith.app.money;

import io.reelsmith.google.ChainPlan;
import io.reelsmith.google.CostEstimate;
import io.reelsmith.google.GoogleConfig;
import io.reelsmith.google.PriceTable;
import io.reelsmith.kernel.TakePlan;
import io.reelsmith.script.Script;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The estimate of a google video, before anything is spent: the calls of {@link StepCosts} gathered into lines (the
 * character image, the script call, the video seconds as the plan bills them, one drift check per block, the take's
 * transcription), each line's calls at the one price ({@link PriceTable}). Steps already done (a supplied character
 * image or script) are left out by the caller's counts.
 */
public final class CostEstimator {
    private final GoogleConfig config;

    public CostEstimator(GoogleConfig config) {
        this.config = config;
    }

    public CostEstimate estimate(int blocks, boolean needsCharacterImage, boolean needsScript) {
        return estimate(blocks, needsCharacterImage ? 1 : 0, needsScript);
    }

    /** {@code characterImages}: how many of the cast's images are still to draw (one image call each). */
    public CostEstimate estimate(int blocks, int characterImages, boolean needsScript) {
        return estimate(blocks, characterImages, needsScript, TakePlan.CONTINUOUS);
    }

    /** The same for a take filmed with {@code plan} (the parallel plan: its keyframes, then a clip per block). */
    public CostEstimate estimate(int blocks, int characterImages, boolean needsScript, TakePlan plan) {
        return estimate(blocks, characterImages, needsScript, plan, null);
    }

    /** {@code words}: each block's dialogue words once the script is written, else null. */
    public CostEstimate estimate(
            int blocks, int characterImages, boolean needsScript, TakePlan plan, List<Integer> words) {
        return estimate(new StepCosts(config, blocks, characterImages, needsScript, plan, words));
    }

    public CostEstimate estimate(Script script, boolean needsCharacterImage) {
        return estimate(script.blocks().size(), needsCharacterImage, false);
    }

    /** One line per group of like calls, in the order the video makes them. */
    static CostEstimate estimate(StepCosts costs) {
        Map<String, List<StepCosts.Call>> groups = new LinkedHashMap<>();
        for (StepCosts.Call c : costs.calls())
            groups.computeIfAbsent(c.group(), g -> new ArrayList<>()).add(c);
        List<CostEstimate.Line> lines = new ArrayList<>();
        for (var g : groups.entrySet()) {
            List<StepCosts.Call> calls = g.getValue();
            StepCosts.Call first = calls.get(0);
            double quantity =
                    calls.stream().mapToDouble(StepCosts.Call::quantity).sum();
            lines.add(new CostEstimate.Line(
                    label(g.getKey(), calls), first.model(), quantity, first.unit(), first.unitUsd()));
        }
        return new CostEstimate(lines);
    }

    private static String label(String group, List<StepCosts.Call> calls) {
        int n = calls.size();
        StepCosts.Call first = calls.get(0);
        return switch (group) {
            case "images" -> first.quantity() == 1 ? "character image" : "character images";
            case "script" -> "script";
            case "frames" -> "first/last frames";
            case "keyframes" -> n + " keyframes";
            case "between" -> n + " clips between keyframes";
            case "interpolated" -> n + " interpolated 8 s clips";
            case "drift" -> n + " drift checks";
            case "transcription" -> "subtitles (transcription)";
            default ->
                ChainPlan.label(
                        ChainPlan.Kind.valueOf(group.substring(StepCosts.CHAIN.length())),
                        calls.stream().map(c -> (int) c.quantity()).toList()); // a chain plan's calls of one kind
        };
    }
}
