package io.reelsmith.mcp;

import io.reelsmith.app.ViewFields;
import io.reelsmith.app.batch.BatchService;
import io.reelsmith.app.character.CharacterRow;
import io.reelsmith.app.money.PlanPrices;
import io.reelsmith.app.video.StepState;
import io.reelsmith.app.video.VideoRow;
import io.reelsmith.app.video.VideoService;
import java.util.List;
import java.util.Map;

/** The shapes of the tools' structured results (each tool's output schema describes them). */
final class Views {
    private Views() {}

    static Map<String, Object> character(CharacterRow c) {
        return ViewFields.character(c, "imageUri", Resources.characterImage(c.id()));
    }

    static List<Map<String, Object>> prices(List<PlanPrices.BackEnd> lines) {
        return lines.stream()
                .map(p -> object(
                        "provider",
                        p.provider(),
                        "backEnd",
                        p.backEnd(),
                        "model",
                        p.model(),
                        "usd",
                        p.usd(),
                        "scriptUsd",
                        p.scriptUsd(),
                        "configured",
                        p.configured(),
                        "unavailable",
                        p.unavailable()))
                .toList();
    }

    /** A video's state: status, progress, money, and (once completed) its files as resources. */
    static Map<String, Object> video(
            VideoRow v, List<StepState> steps, VideoService.Money money, List<Map<String, Object>> files) {
        Map<String, Object> view = object(
                "videoId",
                v.id(),
                "status",
                v.status().wire(),
                "theme",
                v.theme(),
                "provider",
                v.provider(),
                "blocks",
                v.blocks(),
                "language",
                v.language(),
                "cast",
                v.cast().stream().map(c -> c.name()).toList(),
                "progress",
                object(
                        "done",
                        StepState.countDone(steps),
                        "total",
                        steps.size(),
                        "currentStep",
                        StepState.running(steps)));
        ViewFields.addMoney(view, v, money).put("files", files);
        return view;
    }

    static Map<String, Object> batch(BatchService.Progress p) {
        return object(
                "batchId",
                p.batch().id(),
                "status",
                p.status(),
                "budgetUsd",
                p.batch().budgetUsd(),
                "spentUsd",
                p.spentUsd(),
                "reservedUsd",
                p.reservedUsd(),
                "remainingUsd",
                p.remainingUsd(),
                "counts",
                p.counts(),
                "videos",
                p.videos().stream()
                        .map(v -> object(
                                "position",
                                v.position(),
                                "theme",
                                v.theme(),
                                "videoId",
                                v.videoId(),
                                "status",
                                v.status(),
                                "reason",
                                v.reason(),
                                "message",
                                v.message(),
                                "spentUsd",
                                v.spentUsd(),
                                "finalVideoUri",
                                v.hasFinalVideo() ? Resources.videoFile(v.videoId(), "final.mp4") : null))
                        .toList());
    }

    static Map<String, Object> object(Object... namesAndValues) {
        return ViewFields.object(namesAndValues);
    }
}
