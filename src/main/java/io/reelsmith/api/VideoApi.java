package io.reelsmith.api;

import io.javalin.http.Context;
import io.reelsmith.character.CharacterProfile;
import io.reelsmith.pipeline.DbJournal;
import io.reelsmith.pipeline.Pipeline;
import io.reelsmith.pipeline.Stages;
import io.reelsmith.pipeline.StepRecord;
import io.reelsmith.pipeline.VideoFiles;
import io.reelsmith.pipeline.VideoJob;
import io.reelsmith.pipeline.Workspace;
import io.reelsmith.script.Script;
import io.reelsmith.script.ScriptException;
import io.reelsmith.script.ScriptJson;
import io.reelsmith.script.ScriptRequest;
import io.reelsmith.storage.BlobStore;
import io.reelsmith.storage.CharacterRow;
import io.reelsmith.storage.Characters;
import io.reelsmith.storage.VideoRow;
import io.reelsmith.storage.VideoStatus;
import io.reelsmith.storage.Videos;
import org.jdbi.v3.core.Jdbi;
import org.jobrunr.scheduling.JobRequestScheduler;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/** Video jobs: plan (create), edit the script, start, cancel, retry, regenerate, list, get. */
final class VideoApi {
    record CreateVideo(String theme, String characterId, Integer blocks, String language, String provider) { }

    static final int DEFAULT_BLOCKS = 4;
    private static final String SCRIPT = "script.json", CHARACTER = "character.png";
    static final Set<String> LANGUAGES = Set.of("en", "fr");

    private final Jdbi jdbi;
    private final Videos videos;
    private final Characters characters;
    private final BlobStore blobs;
    private final VideoFiles files;
    private final Function<String, Stages> providers;
    private final JobRequestScheduler jobs;

    VideoApi(Jdbi jdbi, Videos videos, Characters characters, VideoFiles files, Function<String, Stages> providers,
             JobRequestScheduler jobs) {
        this.jdbi = jdbi;
        this.videos = videos;
        this.characters = characters;
        this.blobs = files.blobs();
        this.files = files;
        this.providers = providers;
        this.jobs = jobs;
    }

    /** Plans the video: validates, stores the script and a copy of the character image; nothing runs yet (draft). */
    void create(Context ctx, String userId) throws IOException {
        CreateVideo req = Json.body(ctx, CreateVideo.class);
        String theme = Check.text("theme", req.theme(), ScriptRequest.MAX_THEME_CHARS);
        int blocks = Check.range("blocks", req.blocks(), DEFAULT_BLOCKS, 1, Script.MAX_BLOCKS);
        String language = Check.oneOf("language", req.language(), "en", LANGUAGES);
        String provider = Check.text("provider", req.provider() == null ? "local" : req.provider(), 32);
        if (req.characterId() == null) throw ApiError.badRequest("invalid_field", "characterId is required");
        CharacterRow character = characters.find(userId, Check.id("character", req.characterId()))
                .orElseThrow(() -> ApiError.notFound("character"));
        Stages stages = stages(provider);
        CharacterProfile profile = character.profile();
        Script script = stages.scripts().write(new ScriptRequest(theme, profile, blocks, language)).validated();

        String id = UUID.randomUUID().toString();
        try {
            files.save(userId, id, SCRIPT, ScriptJson.toJson(script).getBytes(StandardCharsets.UTF_8));
            try (InputStream in = blobs.open(character.imageKey())) {
                files.save(userId, id, CHARACTER, in.readAllBytes());
            }
            videos.create(new VideoRow(id, userId, character.id(), profile.name(), profile.description(), profile.style(), theme,
                    script.language(), provider, script.blocks().size(), VideoStatus.DRAFT, Estimates.usd(provider, script),
                    null, 0, null, null, null));
        } catch (IOException | RuntimeException e) {
            files.deleteAll(userId, id); // a failed plan leaves neither a row nor files
            throw e;
        }
        Json.respond(ctx, 201, Views.video(videos.find(userId, id).orElseThrow(), script, steps(id)));
    }

    void get(Context ctx, String userId) throws IOException {
        VideoRow v = find(ctx, userId);
        Json.respond(ctx, 200, Views.video(v, script(v), steps(v.id())));
    }

    void list(Context ctx, String userId) {
        Paging p = Paging.of(ctx);
        var page = videos.list(userId, p.limit(), p.offset());
        Json.respond(ctx, 200, Map.of("items", page.items().stream().map(Views::videoSummary).toList(), "total", page.total(),
                "limit", page.limit(), "offset", page.offset()));
    }

    /** Replaces the planned script while the video is a draft. The body is a script.json document. */
    void putScript(Context ctx, String userId) throws IOException {
        VideoRow v = find(ctx, userId);
        if (v.status() != VideoStatus.DRAFT) throw ApiError.conflict("the script can only be edited before the video is started (status is " + v.status().wire() + ")");
        Script script;
        try {
            script = ScriptJson.parse(Json.utf8Body(ctx));
        } catch (ScriptException e) {
            throw ApiError.badRequest("invalid_script", e.getMessage());
        }
        files.save(v.ownerId(), v.id(), SCRIPT, ScriptJson.toJson(script).getBytes(StandardCharsets.UTF_8));
        if (!videos.replanDraft(v.id(), script.blocks().size())) throw ApiError.conflict("the video was started meanwhile");
        get(ctx, userId);
    }

    void start(Context ctx, String userId) throws IOException {
        transition(ctx, userId, "only a draft can be started; use retry or regenerate", VideoStatus.DRAFT);
    }

    void retry(Context ctx, String userId) throws IOException {
        transition(ctx, userId, "only a failed or cancelled video can be retried", VideoStatus.FAILED, VideoStatus.CANCELLED);
    }

    void cancel(Context ctx, String userId) throws IOException {
        VideoRow v = find(ctx, userId);
        if (!videos.cancel(v.id())) throw ApiError.conflict("only a queued or running video can be cancelled (status is " + v.status().wire() + ")");
        if (v.jobId() != null) jobs.delete(UUID.fromString(v.jobId()), "cancelled by its owner");
        get(ctx, userId);
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
        String jobId = UUID.randomUUID().toString();
        if (!videos.queue(v.id(), jobId, VideoStatus.COMPLETED, VideoStatus.FAILED, VideoStatus.CANCELLED))
            throw ApiError.conflict("only a completed, failed or cancelled video can be regenerated (status is " + v.status().wire() + ")");
        DbJournal journal = new DbJournal(jdbi, v.id());
        var steps = Pipeline.steps(v.blocks());
        Map<String, Map<String, String>> reset = new LinkedHashMap<>();
        for (String step : steps.subList(steps.indexOf(Pipeline.blockStep(from - 1)), steps.size())) {
            reset.put(step, journal.step(step).map(StepRecord::outputs).orElse(Map.of()));
            journal.reset(step);
        }
        // The next run must not restore what it is to make again.
        files.forget(v.ownerId(), v.id(), name -> reset.entrySet().stream().anyMatch(e -> Workspace.isOutputOf(e.getKey(), e.getValue(), name)));
        jobs.enqueue(UUID.fromString(jobId), new VideoJob(v.id()));
        get(ctx, userId);
    }

    void delete(Context ctx, String userId) throws IOException {
        VideoRow v = find(ctx, userId);
        if (!videos.delete(userId, v.id())) throw ApiError.conflict("cancel the video before deleting it (status is " + v.status().wire() + ")");
        files.deleteAll(v.ownerId(), v.id());
        ctx.status(204);
    }

    private void transition(Context ctx, String userId, String refusal, VideoStatus... from) throws IOException {
        VideoRow v = find(ctx, userId);
        String jobId = UUID.randomUUID().toString();
        if (!videos.queue(v.id(), jobId, from)) throw ApiError.conflict(refusal + " (status is " + v.status().wire() + ")");
        jobs.enqueue(UUID.fromString(jobId), new VideoJob(v.id()));
        get(ctx, userId);
    }

    /** The owner's video named by the {id} path parameter, or 404. */
    VideoRow find(Context ctx, String userId) {
        return videos.find(userId, Check.id("video", ctx.pathParam("id"))).orElseThrow(() -> ApiError.notFound("video"));
    }

    List<DbJournal.StepRow> steps(String videoId) {
        return new DbJournal(jdbi, videoId).steps();
    }

    private Script script(VideoRow v) throws IOException {
        var json = files.read(v.ownerId(), v.id(), SCRIPT);
        return json.isPresent() ? ScriptJson.parse(new String(json.get(), StandardCharsets.UTF_8)) : null;
    }

    private Stages stages(String provider) {
        try {
            return providers.apply(provider);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("invalid_field", "provider: " + e.getMessage());
        }
    }
}
