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
        m.put("cast", v.cast().stream().map(c -> Map.of("characterId", c.characterId(), "name", c.name(), "style", c.style())).toList());
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
        m.put("script", script);
        return m;
    }

    private static Map<String, Object> estimate(VideoRow v) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("provider", v.provider());
        e.put("usd", v.estimateUsd());
        return e;
    }
}
