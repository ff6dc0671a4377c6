package io.reelsmith.api;

import io.javalin.http.Context;
import io.reelsmith.app.Refusal;
import io.reelsmith.app.video.VideoRow;
import io.reelsmith.app.video.VideoService;
import io.reelsmith.app.video.VideoStore;
import io.reelsmith.kernel.JobSpec;
import io.reelsmith.kernel.TakePlan;
import io.reelsmith.script.Script;
import io.reelsmith.script.ScriptException;
import io.reelsmith.script.ScriptJson;
import io.reelsmith.script.ScriptRequest;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The HTTP face of {@link VideoService}: reads and checks requests, answers with the video's JSON. */
final class VideoApi {
    /** {@code characterIds}: the cast (1..3, lead first); {@code characterId}: a one-character video, as before casts. */
    record CreateVideo(
            String theme,
            String characterId,
            List<String> characterIds,
            Integer blocks,
            String language,
            String provider,
            BigDecimal capUsd,
            String plan) {}

    static final int DEFAULT_BLOCKS = 4;
    static final Set<String> LANGUAGES = Set.of("en", "fr");
    private static final BigDecimal MAX_CAP = new BigDecimal("100000");

    private final VideoService service;

    VideoApi(VideoService service) {
        this.service = service;
    }

    /** Plans the video (script written, character copied); nothing runs yet (draft). */
    void create(Context ctx, String userId) throws IOException {
        CreateVideo req = Json.body(ctx, CreateVideo.class);
        String theme = Check.text("theme", req.theme(), ScriptRequest.MAX_THEME_CHARS);
        Settings v = Settings.check(req.blocks(), req.language(), req.provider());
        int blocks = v.blocks();
        String language = v.language();
        String provider = v.provider();
        if (req.capUsd() != null && (req.capUsd().signum() < 0 || req.capUsd().compareTo(MAX_CAP) > 0)) {
            throw ApiError.badRequest("invalid_field", "capUsd must be an amount of US dollars between 0 and 100000");
        }
        TakePlan plan;
        try {
            plan = req.plan() == null ? TakePlan.CONTINUOUS : TakePlan.of(req.plan());
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("invalid_field", e.getMessage());
        }
        if (req.characterIds() == null) {
            String characterId = Settings.characterId(req.characterId(), "characterIds (or characterId) is required");
            respond(
                    ctx,
                    201,
                    service.plan(
                            userId,
                            new VideoService.NewVideo(
                                    theme, List.of(characterId), blocks, language, provider, req.capUsd(), plan)));
            return;
        }
        List<String> cast = castIds(req);
        try {
            respond(
                    ctx,
                    201,
                    service.plan(
                            userId,
                            new VideoService.NewVideo(theme, cast, blocks, language, provider, req.capUsd(), plan)));
        } catch (Refusal r) {
            // a cast names ids in a list: one that is not the caller's is a bad field of the request, not a missing
            // page
            if (r.kind() == Refusal.Kind.NOT_FOUND)
                throw ApiError.badRequest("invalid_field", "characterIds: " + r.getMessage() + " in your library");
            throw r;
        }
    }

    /** 1..3 distinct ids, well formed; whether they are the caller's is the service's to say. */
    private static List<String> castIds(CreateVideo req) {
        List<String> ids = req.characterIds();
        if (req.characterId() != null)
            throw ApiError.badRequest("invalid_field", "give characterIds or characterId, not both");
        if (ids.isEmpty() || ids.size() > JobSpec.MAX_CAST) {
            throw ApiError.badRequest(
                    "invalid_field",
                    "characterIds must list 1 to " + JobSpec.MAX_CAST + " of your characters, not " + ids.size());
        }
        for (String id : ids) {
            if (id == null || !id.equals(validUuid(id)))
                throw ApiError.badRequest("invalid_field", "characterIds: '" + id + "' is not a character id");
        }
        if (new HashSet<>(ids).size() != ids.size())
            throw ApiError.badRequest("invalid_field", "characterIds: the same character is listed twice");
        return ids;
    }

    private static String validUuid(String id) {
        try {
            return UUID.fromString(id).toString();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** What a video is made with, besides its theme and cast: checked here for a video and for each video of a batch alike. */
    record Settings(int blocks, String language, String provider) {
        static Settings check(Integer blocks, String language, String provider) {
            int b = Check.range("blocks", blocks, DEFAULT_BLOCKS, 1, Script.MAX_BLOCKS);
            String lang = Check.oneOf("language", language, "en", LANGUAGES);
            String p = Check.text("provider", provider == null ? "local" : provider, 32);
            return new Settings(b, lang, p);
        }

        static String characterId(String characterId, String whenMissing) {
            if (characterId == null) throw ApiError.badRequest("invalid_field", whenMissing);
            return Check.id("character", characterId);
        }
    }

    void get(Context ctx, String userId) throws IOException {
        Json.respond(ctx, 200, view(status(ctx, userId), true));
    }

    void list(Context ctx, String userId) {
        Paging p = Paging.of(ctx);
        Paging.respond(
                ctx,
                service.list(userId, p.limit(), p.offset()),
                v -> Views.videoSummary(
                        v.video(),
                        VideoService.Money.of(v),
                        service.takePlan(v.video()).orElse(null)));
    }

    /** Replaces the planned script while the video is a draft. The body is a script.json document. */
    void putScript(Context ctx, String userId) throws IOException {
        String id = find(ctx, userId).id();
        Script script;
        try {
            script = ScriptJson.parse(Json.checkedText(ctx));
        } catch (ScriptException e) {
            throw ApiError.badRequest("invalid_script", e.getMessage());
        }
        respond(ctx, 200, service.replaceScript(userId, id, script));
    }

    void start(Context ctx, String userId) throws IOException {
        respond(ctx, 200, service.start(userId, find(ctx, userId).id()));
    }

    void retry(Context ctx, String userId) throws IOException {
        respond(ctx, 200, service.retry(userId, find(ctx, userId).id()));
    }

    void cancel(Context ctx, String userId) throws IOException {
        respond(ctx, 200, service.cancel(userId, find(ctx, userId).id()));
    }

    /** Makes blocks k…n again (and the subtitles and render after them); blocks before k are kept. */
    void regenerate(Context ctx, String userId) throws IOException {
        VideoRow v = find(ctx, userId);
        String k = ctx.queryParam("fromBlock");
        int from;
        try {
            from = Integer.parseInt(k == null ? "" : k.strip());
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("invalid_field", "fromBlock must be a block number between 1 and " + v.blocks());
        }
        Check.range("fromBlock", from, 1, 1, v.blocks());
        respond(ctx, 200, service.regenerate(userId, v.id(), from));
    }

    void delete(Context ctx, String userId) throws IOException {
        service.delete(userId, find(ctx, userId).id());
        ctx.status(204);
    }

    VideoService service() {
        return service;
    }

    /** The owner's video named by the {id} path parameter, or 404. */
    VideoRow find(Context ctx, String userId) {
        return service.find(userId, Check.id("video", ctx.pathParam("id")));
    }

    /** The owner's video named by the {id} path parameter with its money and steps, or 404. */
    VideoStore.Status status(Context ctx, String userId) {
        return service.status(userId, Check.id("video", ctx.pathParam("id")));
    }

    /** The video's JSON, with its script or without (live progress events). */
    Map<String, Object> view(VideoStore.Status s, boolean withScript) throws IOException {
        VideoRow v = s.shown().video();
        return Views.video(
                v,
                withScript ? service.script(v) : null,
                service.steps(v, s.steps()),
                VideoService.Money.of(s.shown()),
                service.takePlan(v).orElse(null),
                withScript ? service.plans(v).orElse(null) : null);
    }

    private void respond(Context ctx, int status, VideoRow v) throws IOException {
        Json.respond(
                ctx,
                status,
                Views.video(
                        v,
                        service.script(v),
                        service.steps(v),
                        service.money(v.id()),
                        service.takePlan(v).orElse(null),
                        service.plans(v).orElse(null)));
    }
}
