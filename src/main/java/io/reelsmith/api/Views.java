package io.reelsmith.api;

import io.reelsmith.pipeline.DbJournal;
import io.reelsmith.pipeline.Pipeline;
import io.reelsmith.pipeline.StepStatus;
import io.reelsmith.script.Script;
import io.reelsmith.storage.VideoRow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The JSON shapes of videos (characters have theirs in {@link CharacterApi#view}). */
final class Views {
    private Views() { }

    static Map<String, Object> videoSummary(VideoRow v) {
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
        m.put("error", v.error());
        m.put("createdAt", v.createdAt());
        m.put("updatedAt", v.updatedAt());
        return m;
    }

    /** A video with its script and every planned step in order (steps not begun yet are "pending"). */
    static Map<String, Object> video(VideoRow v, Script script, List<DbJournal.StepRow> rows) {
        Map<String, Object> m = videoSummary(v);
        Map<String, DbJournal.StepRow> byName = new LinkedHashMap<>();
        rows.forEach(r -> byName.put(r.name(), r));
        List<Map<String, Object>> steps = new ArrayList<>();
        int done = 0;
        List<String> planned = Pipeline.steps(v.blocks());
        for (String name : planned) {
            DbJournal.StepRow r = byName.get(name);
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("name", name);
            s.put("status", r == null ? "pending" : r.status().name().toLowerCase(Locale.ROOT));
            s.put("attempts", r == null ? 0 : r.attempts());
            s.put("millis", r == null ? 0 : r.millis());
            s.put("error", r == null ? null : r.error());
            s.put("startedAt", r == null ? null : r.startedAt());
            s.put("finishedAt", r == null ? null : r.finishedAt());
            s.put("outputs", r == null ? Map.of() : r.outputs());
            if (r != null && r.status() == StepStatus.DONE) done++;
            steps.add(s);
        }
        m.put("progress", Map.of("done", done, "total", planned.size()));
        DbJournal.StepRow subs = byName.get(Pipeline.SUBTITLES);
        if (subs != null && subs.status() == StepStatus.DONE) m.put("uncaptionedSpeech", io.reelsmith.pipeline.UncaptionedSpeech.view(subs.outputs()));
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
