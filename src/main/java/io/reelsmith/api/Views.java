package io.reelsmith.api;

import io.reelsmith.app.StepState;
import io.reelsmith.app.VideoService;
import io.reelsmith.kernel.StepNames;
import io.reelsmith.subtitle.UncaptionedSpeech;
import io.reelsmith.script.Script;
import io.reelsmith.storage.VideoRow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shapes of videos (characters have theirs in {@link CharacterApi#view}). */
final class Views {
    private Views() { }

    /** {@code money}: the video's spentUsd and failReason (from the ledger and the budget check). */
    static Map<String, Object> videoSummary(VideoRow v, VideoService.Money money) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", v.id());
        m.put("status", v.status().wire());
        m.put("theme", v.theme());
        m.put("characterId", v.characterId());
        m.put("characterName", v.characterName());
        m.put("blocks", v.blocks());
        m.put("language", v.language());
        m.put("provider", v.provider());
        m.put("estimate", estimate(v));
        m.put("estimateUsd", v.estimateUsd());
        m.put("spentUsd", money.spentUsd());
        m.put("failReason", money.failReason());
        m.put("error", v.error());
        m.put("createdAt", v.createdAt());
        m.put("updatedAt", v.updatedAt());
        return m;
    }

    /** A video with its script and every planned step in order (steps not begun yet are "pending"). */
    static Map<String, Object> video(VideoRow v, Script script, List<StepState> planned, VideoService.Money money) {
        Map<String, Object> m = videoSummary(v, money);
        List<Map<String, Object>> steps = new ArrayList<>();
        for (StepState r : planned) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("name", r.name());
            s.put("status", r.status());
            s.put("attempts", r.attempts());
            s.put("millis", r.millis());
            s.put("error", r.error());
            s.put("startedAt", r.startedAt());
            s.put("finishedAt", r.finishedAt());
            s.put("outputs", r.outputs());
            steps.add(s);
        }
        m.put("progress", Map.of("done", planned.stream().filter(StepState::done).count(), "total", planned.size()));
        planned.stream().filter(r -> r.name().equals(StepNames.SUBTITLES) && r.done()).findFirst()
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
            String step = StepNames.block(k - 1);
            StepState s = planned.stream().filter(r -> r.name().equals(step)).findFirst().orElse(null);
            Map<String, String> out = s == null || !s.done() ? Map.of() : s.outputs();
            String base = Routes.V1 + "/videos/" + v.id() + "/blocks/" + k + "/";
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("block", k);
            b.put("status", s == null ? "pending" : s.status());
            b.put("driftScore", out.containsKey("drift.score") ? Double.valueOf(out.get("drift.score")) : null);
            b.put("driftReason", out.get("drift.reason"));
            b.put("retake", out.get("drift.retake"));
            b.put("poster", out.containsKey("poster") ? base + "poster" : null);
            b.put("clip", out.getOrDefault("file", "").endsWith(".mp4") ? base + "clip" : null);
            blocks.add(b);
        }
        return blocks;
    }

    private static Map<String, Object> estimate(VideoRow v) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("provider", v.provider());
        e.put("usd", v.estimateUsd());
        return e;
    }
}
