package io.reelsmith.api;

import io.javalin.http.Context;
import io.reelsmith.app.video.StoryboardService;
import java.io.IOException;
import java.util.Map;

/** The HTTP face of {@link StoryboardService}: a parallel video's keyframes before it is paid for, drawn and redrawn. */
final class StoryboardApi {
    private final StoryboardService storyboards;
    private final VideoFilesApi files;

    StoryboardApi(StoryboardService storyboards, VideoFilesApi files) {
        this.storyboards = storyboards;
        this.files = files;
    }

    void get(Context ctx, String userId) {
        Json.respond(ctx, 200, view(storyboards.board(userId, id(ctx))));
    }

    void draw(Context ctx, String userId) throws IOException {
        Json.respond(ctx, 200, view(storyboards.draw(userId, id(ctx))));
    }

    void redraw(Context ctx, String userId) throws IOException {
        Json.respond(ctx, 200, view(storyboards.redraw(userId, id(ctx), number(ctx))));
    }

    /** The keyframe's picture (PNG). */
    void image(Context ctx, String userId) throws IOException {
        int n = number(ctx);
        ctx.header("Cache-Control", "private, no-cache"); // a redraw replaces it under the same name
        files.send(
                ctx, storyboards.keyframeKey(userId, id(ctx), n), "image/png", String.format("keyframe-%02d.png", n));
    }

    private static String id(Context ctx) {
        return Check.id("video", ctx.pathParam("id"));
    }

    private static int number(Context ctx) {
        try {
            return Integer.parseInt(ctx.pathParam("k"));
        } catch (NumberFormatException e) {
            throw ApiError.notFound("keyframe '" + ctx.pathParam("k") + "' (keyframes are numbered from 1)");
        }
    }

    static Map<String, Object> view(StoryboardService.Board b) {
        String base = Routes.V1 + "/videos/" + b.videoId() + "/storyboard/";
        return Json.object(
                "videoId",
                b.videoId(),
                "drawn",
                b.drawn(),
                "keyframes",
                b.keyframes().stream()
                        .map(k -> Json.object(
                                "number",
                                k.number(),
                                "step",
                                k.step(),
                                "status",
                                k.status(),
                                "scene",
                                k.scene(),
                                "redraws",
                                k.redraws(),
                                "image",
                                k.fileKey() == null ? null : base + k.number() + "?v=" + k.redraws()))
                        .toList(),
                "drawUsd",
                b.drawUsd(),
                "redrawUsd",
                b.redrawUsd(),
                "videoUsd",
                b.videoUsd(),
                "spentUsd",
                b.spentUsd());
    }
}
