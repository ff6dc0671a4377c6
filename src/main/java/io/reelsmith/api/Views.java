package io.reelsmith.api;

import io.reelsmith.app.StepState;
import io.reelsmith.app.VideoService;
import io.reelsmith.kernel.StepNames;
import io.reelsmith.subtitle.UncaptionedSpeech;
import io.reelsmith.script.Script;
import io.reelsmith.storage.VideoRow;

import java.util.List;
import java.util.Map;

/** The JSON shapes of videos (characters have theirs in {@link CharacterApi#view}). */
final class Views {
    private Views() { }

    /** {@code money}: the video's spentUsd and failReason (from the ledger and the budget check). */
    static Map<String, Object> videoSummary(VideoRow v, VideoService.Money money) {
        return Json.object("id", v.id(), "status", v.status().wire(), "theme", v.theme(), "characterId", v.characterId(),
                "characterName", v.characterName(), "blocks", v.blocks(), "language", v.language(), "provider", v.provider(),
                "estimate", Json.object("provider", v.provider(), "usd", v.estimateUsd()), "estimateUsd", v.estimateUsd(),
                "spentUsd", money.spentUsd(), "failReason", money.failReason(), "error", v.error(), "createdAt", v.createdAt(),
                "updatedAt", v.updatedAt());
    }

    /** A video with its script and every planned step in order (steps not begun yet are "pending"). */
    static Map<String, Object> video(VideoRow v, Script script, List<StepState> planned, VideoService.Money money) {
        Map<String, Object> m = videoSummary(v, money);
        List<Map<String, Object>> steps = planned.stream().map(r -> Json.object("name", r.name(), "status", r.status(),
                "attempts", r.attempts(), "millis", r.millis(), "error", r.error(), "startedAt", r.startedAt(),
                "finishedAt", r.finishedAt(), "outputs", r.outputs())).toList();
        m.put("progress", Map.of("done", planned.stream().filter(StepState::done).count(), "total", planned.size()));
        planned.stream().filter(r -> r.name().equals(StepNames.SUBTITLES) && r.done()).findFirst()
                .ifPresent(r -> m.put("uncaptionedSpeech", UncaptionedSpeech.view(r.outputs())));
        m.put("steps", steps);
        m.put("script", script);
        return m;
    }
}
