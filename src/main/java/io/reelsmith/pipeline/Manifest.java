package io.reelsmith.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reelsmith.kernel.AtomicFiles;
import io.reelsmith.kernel.JobSpec;
import io.reelsmith.kernel.Step;
import io.reelsmith.kernel.Workspace;
import io.reelsmith.kernel.WorkspaceFile;
import io.reelsmith.script.Script;
import io.reelsmith.script.ScriptJson;
import io.reelsmith.subtitle.UncaptionedSpeech;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

/**
 * {@code manifest.json}: what was asked (inputs), how it was made (provider, word timer, step timings and
 * attempts), what came out (durations, files) and what it cost. Written last, from the journal and files.
 */
public final class Manifest {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Manifest() {}

    public static ObjectNode build(
            JobSpec spec, String scriptSource, String provider, double costUsd, Workspace ws, Journal journal)
            throws IOException {
        Script script = ScriptJson.read(ws.file(WorkspaceFile.SCRIPT));
        ObjectNode root = JSON.createObjectNode();
        ObjectNode in = root.putObject("inputs");
        in.put("theme", spec.theme());
        in.putObject("character")
                .put("name", spec.character().name())
                .put("description", spec.character().description())
                .put("style", spec.character().style());
        var cast = in.putArray("cast"); // every character, lead first ("character" above is the lead)
        for (var c : spec.cast())
            cast.addObject()
                    .put("name", c.name())
                    .put("description", c.description())
                    .put("style", c.style());
        in.put("language", script.language())
                .put("blocks", script.blocks().size())
                .put("script", scriptSource);
        root.put("provider", provider);
        root.put("plan", spec.plan().id()); // continuous, or parallel: keyframes first, then every block at once
        ObjectNode steps = root.putObject("stages");
        for (Step step : Step.all(script.blocks().size(), spec.plan())) {
            journal.step(step)
                    .ifPresent(r -> steps.putObject(step.text())
                            .put("status", r.status().name().toLowerCase())
                            .put("seconds", r.millis() / 1000.0)
                            .put("attempts", r.attempts()));
        }
        journal.step(Step.SUBTITLES)
                .ifPresent(r -> root.put("wordTimer", r.outputs().get("wordTimer"))
                        .put("words", Integer.parseInt(r.outputs().getOrDefault("words", "0"))));
        // speech the subtitles leave out (off-script, no recogniser): reported, never silently missing
        journal.step(Step.SUBTITLES)
                .ifPresent(r -> root.set("uncaptionedSpeech", JSON.valueToTree(UncaptionedSpeech.view(r.outputs()))));
        ObjectNode d = root.putObject("durations");
        d.put("planned", script.plannedSeconds());
        journal.step(Step.SUBTITLES)
                .ifPresent(r -> d.put("take", Double.parseDouble(r.outputs().get("seconds"))));
        if (Files.exists(ws.file(WorkspaceFile.FINAL_VIDEO))) {
            Mp4Facts m = Mp4Facts.read(ws.file(WorkspaceFile.FINAL_VIDEO));
            d.put("final", m.seconds());
            root.putObject("video")
                    .put("width", m.width())
                    .put("height", m.height())
                    .put("videoCodec", m.videoCodec())
                    .put("audioCodec", m.audioCodec());
        }
        root.putObject("cost").put("currency", "USD").put("estimate", costUsd).put("spent", costUsd);
        var files = root.putArray("files");
        for (var f : List.of(
                ws.file(WorkspaceFile.FINAL_VIDEO),
                ws.file(WorkspaceFile.ASS),
                ws.file(WorkspaceFile.SRT),
                ws.file(WorkspaceFile.VTT),
                ws.file(WorkspaceFile.WORDS),
                ws.file(WorkspaceFile.SCRIPT),
                ws.character())) {
            if (Files.exists(f)) files.add(ws.dir().relativize(f).toString());
        }
        files.add(WorkspaceFile.MANIFEST.fileName);
        return root;
    }

    public static void write(ObjectNode manifest, Workspace ws) throws IOException {
        AtomicFiles.writeAtomically(ws.file(WorkspaceFile.MANIFEST), JSON.writeValueAsString(manifest));
    }
}
