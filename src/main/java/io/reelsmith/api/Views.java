package io.reelsmith.api;

import io.reelsmith.app.ViewFields;
import io.reelsmith.app.money.PlanComparison;
import io.reelsmith.app.video.StepState;
import io.reelsmith.app.video.VideoRow;
import io.reelsmith.app.video.VideoService;
import io.reelsmith.google.ChainPlan;
import io.reelsmith.kernel.Step;
import io.reelsmith.script.Script;
import io.reelsmith.subtitle.UncaptionedSpeech;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The JSON shapes of videos (characters have theirs in {@link CharacterApi#view}). */
final class Views {
    private Views() {}

    /**
     * {@code money}: the video's spentUsd and failReason (from the ledger and the budget check); {@code plan}: how its
     * video model films it (chains, restarts, billed seconds), null where the provider films no chains.
     */
    static Map<String, Object> videoSummary(VideoRow v, VideoService.Money money, ChainPlan plan) {
        Map<String, Object> view = Json.object(
                "id",
                v.id(),
                "status",
                v.status().wire(),
                "theme",
                v.theme(),
                "characterId",
                v.characterId(),
                "characterName",
                v.characterName(),
                "cast",
                v.cast().stream()
                        .map(c -> Map.of("characterId", c.characterId(), "name", c.name(), "style", c.style()))
                        .toList(),
                "blocks",
                v.blocks(),
                "language",
                v.language(),
                "provider",
                v.provider(),
                "plan",
                v.plan().id(),
                "estimate",
                Json.object(
                        "provider", v.provider(), "usd", v.estimateUsd(), "plan", plan == null ? null : plan(plan)));
        ViewFields.addMoney(view, v, money).put("createdAt", v.createdAt());
        view.put("updatedAt", v.updatedAt());
        return view;
    }

    /** The estimate's plan: fewer restarts from a last frame mean fewer visible cuts. */
    static Map<String, Object> plan(ChainPlan p) {
        return Json.object(
                "model",
                p.model(),
                "surface",
                p.surface().id,
                "calls",
                p.calls().size(),
                "chains",
                p.chains(),
                "restarts",
                p.restarts(),
                "billedSeconds",
                p.billedSeconds(),
                "takeSeconds",
                Math.round(p.takeSeconds() * 100) / 100.0,
                "summary",
                p.describe());
    }

    /**
     * A video with its script and every planned step in order (steps not begun yet are "pending"); {@code plan}: its
     * chains (the continuous take, google); a paid draft also has both plans side by side ({@code plans}, null otherwise).
     */
    static Map<String, Object> video(
            VideoRow v,
            Script script,
            List<StepState> planned,
            VideoService.Money money,
            ChainPlan plan,
            PlanComparison plans) {
        Map<String, Object> m = videoSummary(v, money, plan);
        if (plans != null) {
            m.put(
                    "plans",
                    plans.plans().stream()
                            .map(f -> Json.object(
                                    "plan",
                                    f.plan().id(),
                                    "videoCalls",
                                    f.videoCalls(),
                                    "imageCalls",
                                    f.imageCalls(),
                                    "billedSeconds",
                                    f.billedSeconds(),
                                    "usd",
                                    f.usd(),
                                    "wall",
                                    f.wall(),
                                    "videoCallsInARow",
                                    f.videoInARow(),
                                    "imageCallsInARow",
                                    f.imagesInARow(),
                                    "refusal",
                                    f.refusal()))
                            .toList());
            m.put("concurrency", plans.concurrency());
        }
        List<Map<String, Object>> steps = planned.stream()
                .map(r -> Json.object(
                        "name",
                        r.name(),
                        "status",
                        r.status(),
                        "attempts",
                        r.attempts(),
                        "millis",
                        r.millis(),
                        "error",
                        r.error(),
                        "startedAt",
                        r.startedAt(),
                        "finishedAt",
                        r.finishedAt(),
                        "outputs",
                        r.outputs()))
                .toList();
        m.put("progress", Map.of("done", StepState.countDone(planned), "total", planned.size()));
        planned.stream()
                .filter(r -> r.name().equals(Step.SUBTITLES.text()) && r.done())
                .findFirst()
                .ifPresent(r -> m.put("uncaptionedSpeech", UncaptionedSpeech.view(r.outputs())));
        m.put("steps", steps);
        m.put("blockPreviews", blockPreviews(v, planned));
        m.put("script", script);
        return m;
    }

    /**
     * Each block as it finishes: its drift score and reason (null until checked), whether it was re-made, and where its
     * poster and clip are (null until the block is done; no clip where the provider encodes none per block).
     */
    static List<Map<String, Object>> blockPreviews(VideoRow v, List<StepState> planned) {
        List<Map<String, Object>> blocks = new ArrayList<>();
        for (int k = 1; k <= v.blocks(); k++) {
            String step = Step.block(k - 1).text();
            StepState s = planned.stream()
                    .filter(r -> r.name().equals(step))
                    .findFirst()
                    .orElse(null);
            Map<String, String> out = s == null || !s.done() ? Map.of() : s.outputs();
            String base = Routes.V1 + "/videos/" + v.id() + "/blocks/" + k + "/";
            blocks.add(Json.object(
                    "block",
                    k,
                    "status",
                    s == null ? "pending" : s.status(),
                    "driftScore",
                    out.containsKey("drift.score") ? Double.valueOf(out.get("drift.score")) : null,
                    "driftReason",
                    out.get("drift.reason"),
                    "retake",
                    out.get("drift.retake"),
                    "poster",
                    out.containsKey("poster") ? base + "poster" : null,
                    "clip",
                    out.getOrDefault("file", "").endsWith(".mp4") ? base + "clip" : null));
        }
        return blocks;
    }
}
