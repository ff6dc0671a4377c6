package io.reelsmith.api;

import io.javalin.http.Context;
import io.reelsmith.pipeline.Workspace;
import io.reelsmith.storage.VideoRow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * Downloads of a video's deliverables. Only these fixed names exist; the name picks a file of the job's
 * workspace, it is never used as a path. final.mp4 honours HTTP Range (seeking in players, resumed downloads).
 */
final class VideoFilesApi {
    record Deliverable(String contentType, Function<Workspace, Path> file) { }

    static final Map<String, Deliverable> FILES = Map.of(
            "final.mp4", new Deliverable("video/mp4", Workspace::finalVideo),
            "cover.jpg", new Deliverable("image/jpeg", Workspace::cover),
            "subtitles.ass", new Deliverable("text/x-ssa; charset=utf-8", Workspace::ass),
            "subtitles.srt", new Deliverable("application/x-subrip; charset=utf-8", Workspace::srt),
            "subtitles.vtt", new Deliverable("text/vtt; charset=utf-8", Workspace::vtt),
            "words.json", new Deliverable("application/json", Workspace::words),
            "script.json", new Deliverable("application/json", Workspace::script));

    /** The media types a download can have, for the OpenAPI document ("video/mp4, image/jpeg, …"). */
    static String contentTypes() {
        return String.join(", ", new java.util.TreeSet<>(FILES.values().stream().map(d -> d.contentType().replaceAll(";.*", "")).toList()));
    }

    private final VideoApi videos;

    VideoFilesApi(VideoApi videos) {
        this.videos = videos;
    }

    void download(Context ctx, String userId) throws IOException {
        VideoRow v = videos.find(ctx, userId);
        String name = ctx.pathParam("name");
        Deliverable d = FILES.get(name);
        if (d == null) throw ApiError.notFound("file '" + name + "' (known: " + new java.util.TreeSet<>(FILES.keySet()) + ")");
        Path file = d.file().apply(videos.workspace(v));
        if (!Files.isRegularFile(file)) throw ApiError.notFound(name + " of this video (not made yet)");
        ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
        ctx.writeSeekableStream(Files.newInputStream(file), d.contentType(), Files.size(file));
    }
}
