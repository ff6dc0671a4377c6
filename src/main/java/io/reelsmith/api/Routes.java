package io.reelsmith.api;

import static io.javalin.http.HandlerType.DELETE;
import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;
import static io.javalin.http.HandlerType.PUT;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.reelsmith.app.batch.Themes;
import java.util.List;

/** The route table of /api/v1: every operation once, in the order the OpenAPI document lists them. */
final class Routes {
    static final String V1 = "/api/v1";

    /** A handler of a signed-in user's request. */
    @FunctionalInterface
    interface UserHandler {
        void handle(Context ctx, String userId) throws Exception;
    }

    private Routes() {}

    static List<Route> all(
            Tokens tokens,
            AuthApi auth,
            AccountApi account,
            CharacterApi characters,
            VideoApi videos,
            VideoFilesApi files,
            VideoEvents events,
            SpendApi spend,
            BatchApi batches,
            StoryboardApi storyboards,
            Handler health,
            Handler openApi) {
        SignedIn u = new SignedIn(tokens);
        return List.of(
                Route.open(GET, V1 + "/health", "system", "Liveness and database check", null, 200, health)
                        .returning("Health"),
                Route.open(GET, V1 + "/openapi.json", "system", "This API's OpenAPI 3.1 document", null, 200, openApi),
                Route.open(
                                POST,
                                V1 + "/auth/register",
                                "auth",
                                "Create an account; returns a bearer token",
                                "Credentials",
                                201,
                                auth::register)
                        .returning("Token"),
                Route.open(
                                POST,
                                V1 + "/auth/login",
                                "auth",
                                "Exchange email and password for a bearer token",
                                "Credentials",
                                200,
                                auth::login)
                        .returning("Token"),
                Route.open(
                                POST,
                                V1 + "/auth/refresh",
                                "auth",
                                "Exchange the session's refresh token for a new access token and refresh token "
                                        + "(the old refresh token stops working)",
                                "Refresh",
                                200,
                                auth::refresh)
                        .returning("Token"),
                Route.user(
                        POST,
                        V1 + "/auth/logout",
                        "auth",
                        "End this session: its access and refresh tokens stop working",
                        null,
                        204,
                        ctx -> auth.logout(ctx, tokens.caller(ctx))),
                Route.user(
                        DELETE,
                        V1 + "/account",
                        "auth",
                        "Delete your account with its characters, videos, batches, files and sessions "
                                + "(409 while a video is queued or running)",
                        null,
                        204,
                        ctx -> {
                            Tokens.Caller caller = tokens.caller(ctx);
                            account.delete(ctx, caller);
                            tokens.endedAllOf(caller.userId());
                        }),
                u.route(
                                POST,
                                "/characters",
                                "characters",
                                "Create a character drawn by the configured provider",
                                "CreateCharacter",
                                201,
                                characters::create)
                        .returning("Character"),
                u.route(
                                POST,
                                "/characters/upload",
                                "characters",
                                "Create a character from an uploaded PNG, JPEG or WebP image",
                                Route.MULTIPART,
                                201,
                                characters::upload)
                        .returning("Character"),
                u.pagedList(
                        "/characters",
                        "characters",
                        "List your characters, newest first",
                        "CharacterPage",
                        characters::list),
                u.route(GET, "/characters/{id}", "characters", "Get one of your characters", null, 200, characters::get)
                        .returning("Character"),
                u.route(
                        DELETE,
                        "/characters/{id}",
                        "characters",
                        "Delete one of your characters (videos keep their copy)",
                        null,
                        204,
                        characters::delete),
                u.route(
                                GET,
                                "/characters/{id}/image",
                                "characters",
                                "The character's reference image (PNG)",
                                null,
                                200,
                                characters::image)
                        .producing("image/png"),
                u.route(
                                GET,
                                "/spend",
                                "spend",
                                "Your budget, spend, reservations and every billable call of your videos",
                                null,
                                200,
                                spend::get)
                        .returning("Spend"),
                u.route(
                                POST,
                                "/videos",
                                "videos",
                                "Plan a video: returns its id, the planned script and a cost estimate (status draft)",
                                "CreateVideo",
                                201,
                                videos::create)
                        .returning("Video"),
                u.pagedList("/videos", "videos", "List your videos, newest first", "VideoPage", videos::list),
                u.route(
                                GET,
                                "/videos/{id}",
                                "videos",
                                "A video's status, script and per-step progress",
                                null,
                                200,
                                videos::get)
                        .returning("Video"),
                u.route(
                        DELETE,
                        "/videos/{id}",
                        "videos",
                        "Delete a video that is not queued or running, with its files",
                        null,
                        204,
                        videos::delete),
                u.route(
                                PUT,
                                "/videos/{id}/script",
                                "videos",
                                "Replace the planned script (draft only)",
                                "Script",
                                200,
                                videos::putScript)
                        .returning("Video"),
                u.route(POST, "/videos/{id}/start", "videos", "Start making a draft video", null, 200, videos::start)
                        .returning("Video"),
                u.route(
                                POST,
                                "/videos/{id}/cancel",
                                "videos",
                                "Cancel a queued or running video",
                                null,
                                200,
                                videos::cancel)
                        .returning("Video"),
                u.route(
                                POST,
                                "/videos/{id}/retry",
                                "videos",
                                "Run a failed or cancelled video again from its first unfinished step",
                                null,
                                200,
                                videos::retry)
                        .returning("Video"),
                u.route(
                                POST,
                                "/videos/{id}/regenerate",
                                "videos",
                                "Make blocks k..n again (keeps blocks before k), then subtitles and render",
                                null,
                                200,
                                videos::regenerate)
                        .withQuery("fromBlock: first block to make again, 1..blocks (required)")
                        .returning("Video"),
                u.route(
                                GET,
                                "/videos/{id}/events",
                                "videos",
                                "Live progress as Server-Sent Events (event 'video', then 'end')",
                                null,
                                200,
                                events::stream)
                        .producing("text/event-stream"),
                u.route(
                                GET,
                                "/videos/{id}/files/{name}",
                                "videos",
                                "Download final.mp4, cover.jpg, subtitles.ass|srt|vtt, words.json, script.json or manifest.json from the blob store "
                                        + "(HTTP Range supported; or a 302 to a signed URL with reelsmith.storage.download=redirect)",
                                null,
                                200,
                                files::download)
                        .producing(VideoFilesApi.contentTypes()),
                u.route(
                                POST,
                                "/batches",
                                "batches",
                                "Make one video per theme (1.." + Themes.MAX + ") under one shared budget: "
                                        + "each is planned and started in turn if its estimate fits what the budget has left, else skipped (reason budget)",
                                "CreateBatch",
                                201,
                                batches::create)
                        .returning("Batch"),
                u.route(
                                GET,
                                "/batches",
                                "batches",
                                "List your batches, newest first (without their videos)",
                                null,
                                200,
                                batches::list)
                        .withQuery(Paging.LIMIT_DOC, Paging.OFFSET_DOC)
                        .returning("BatchPage"),
                u.route(
                                GET,
                                "/batches/{id}",
                                "batches",
                                "A batch's progress: counts per status, spend against its budget, each video",
                                null,
                                200,
                                batches::get)
                        .returning("Batch"),
                u.route(
                                GET,
                                "/batches/{id}/files",
                                "batches",
                                "A ZIP of the batch's finished final.mp4 files (01-theme.mp4, …), streamed; 404 while none is finished",
                                null,
                                200,
                                batches::files)
                        .producing("application/zip"),
                u.route(
                                GET,
                                "/videos/{id}/blocks/{k}/clip",
                                "videos",
                                "Block k's video as it finished (404 until the block is done, and for a provider that encodes no clip per block)",
                                null,
                                200,
                                files::blockClip)
                        .producing("video/mp4"),
                u.route(
                                GET,
                                "/videos/{id}/blocks/{k}/poster",
                                "videos",
                                "A frame of block k (PNG; 404 until the block is done)",
                                null,
                                200,
                                files::blockPoster)
                        .producing("image/png"),
                u.route(
                                GET,
                                "/videos/{id}/storyboard",
                                "videos",
                                "A parallel video's keyframes, with the price of drawing the missing ones and of the video still to come (404 for a continuous video)",
                                null,
                                200,
                                storyboards::get)
                        .returning("Storyboard"),
                u.route(
                                POST,
                                "/videos/{id}/storyboard",
                                "videos",
                                "Draw the keyframes not drawn yet (draft only; image calls paid now, checked against the budget first: 402)",
                                null,
                                200,
                                storyboards::draw)
                        .returning("Storyboard"),
                u.route(
                                POST,
                                "/videos/{id}/storyboard/{k}/redraw",
                                "videos",
                                "Draw keyframe k again (draft only; one more image, checked against the budget first: 402)",
                                null,
                                200,
                                storyboards::redraw)
                        .returning("Storyboard"),
                u.route(
                                GET,
                                "/videos/{id}/storyboard/{k}",
                                "videos",
                                "Keyframe k's picture (PNG; 404 until drawn)",
                                null,
                                200,
                                storyboards::image)
                        .producing("image/png"));
    }

    /** Builds routes that need a valid token; the handler gets the caller's user id. */
    private record SignedIn(Tokens tokens) {
        Route route(HandlerType method, String path, String tag, String summary, String body, int ok, UserHandler h) {
            return Route.user(method, V1 + path, tag, summary, body, ok, ctx -> h.handle(ctx, tokens.userId(ctx)));
        }

        /** A GET of one page of a list: always the limit and offset parameters of {@link Paging}, and a page schema. */
        Route pagedList(String path, String tag, String summary, String pageSchema, UserHandler h) {
            return route(GET, path, tag, summary, null, 200, h)
                    .withQuery(Paging.LIMIT_DOC, Paging.OFFSET_DOC)
                    .returning(pageSchema);
        }
    }
}
