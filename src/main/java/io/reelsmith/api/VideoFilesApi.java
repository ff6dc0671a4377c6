package io.reelsmith.api;

import io.javalin.http.Context;
import io.reelsmith.app.files.BlobStore;
import io.reelsmith.app.files.VideoFiles;
import io.reelsmith.app.video.VideoRow;
import io.reelsmith.app.video.VideoService;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Downloads of a video's deliverables, from the blob store (whichever machine made them). Only these fixed
 * names exist; the name picks a stored file of the owner's video, it is never used as a path. Streamed
 * through the API with HTTP Range (seeking in players, resumed downloads: only the asked part is read from
 * the store), or — when {@code reelsmith.storage.download=redirect} and the store can sign — a 302 to a
 * short-lived signed URL, after the same ownership check. Each finished block's clip and poster are served the same
 * way ({@link VideoService#blockFile} says which stored file they are).
 */
final class VideoFilesApi {
    static final Map<String, String> FILES = Map.of(
            "final.mp4", "video/mp4",
            "cover.jpg", "image/jpeg",
            "subtitles.ass", "text/x-ssa; charset=utf-8",
            "subtitles.srt", "application/x-subrip; charset=utf-8",
            "subtitles.vtt", "text/vtt; charset=utf-8",
            "words.json", "application/json",
            "script.json", "application/json",
            "manifest.json", "application/json");

    /** The media types a download can have, for the OpenAPI document ("video/mp4, image/jpeg, …"). */
    static String contentTypes() {
        return String.join(
                ", ",
                new TreeSet<>(FILES.values().stream()
                        .map(t -> t.replaceAll(";.*", ""))
                        .toList()));
    }

    private final VideoApi videos;
    private final BlobStore blobs;
    private final Duration linkLifetime;

    /** {@code linkLifetime} null: always stream. */
    VideoFilesApi(VideoApi videos, BlobStore blobs, Duration linkLifetime) {
        this.videos = videos;
        this.blobs = blobs;
        this.linkLifetime = linkLifetime;
    }

    void download(Context ctx, String userId) throws IOException {
        VideoRow v = videos.find(ctx, userId);
        String name = ctx.pathParam("name");
        String contentType = FILES.get(name);
        if (contentType == null)
            throw ApiError.notFound("file '" + name + "' (known: " + new TreeSet<>(FILES.keySet()) + ")");
        send(ctx, VideoFiles.key(v.ownerId(), v.id(), name), contentType, name);
    }

    /** A finished block's clip (video/mp4) or poster (a PNG frame), to preview each block as it finishes. */
    void blockClip(Context ctx, String userId) throws IOException {
        block(ctx, userId, VideoService.BlockPreview.CLIP);
    }

    void blockPoster(Context ctx, String userId) throws IOException {
        block(ctx, userId, VideoService.BlockPreview.POSTER);
    }

    private void block(Context ctx, String userId, VideoService.BlockPreview what) throws IOException {
        String id = Check.id("video", ctx.pathParam("id"));
        int k;
        try {
            k = Integer.parseInt(ctx.pathParam("k"));
        } catch (NumberFormatException e) {
            throw ApiError.notFound("block '" + ctx.pathParam("k") + "' (blocks are numbered from 1)");
        }
        VideoService.BlockFile f = videos.service().blockFile(userId, id, k, what);
        send(ctx, f.key(), f.contentType(), f.name());
    }

    void send(Context ctx, String key, String contentType, String name) throws IOException {
        BlobStore.Blob blob =
                blobs.find(key).orElseThrow(() -> ApiError.notFound(name + " of this video (not made yet)"));
        Optional<URI> link = linkLifetime == null ? Optional.empty() : blobs.signedUrl(key, linkLifetime, name);
        if (link.isPresent()) {
            ctx.header("Cache-Control", "private, no-store");
            ctx.redirect(link.get().toString());
            return;
        }
        ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
        FileResponse.send(ctx, offset -> blobs.open(key, offset), contentType, blob.size());
    }
}
