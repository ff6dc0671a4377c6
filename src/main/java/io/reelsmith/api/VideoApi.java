package io.reelsmith.api;

import io.javalin.http.Context;
import io.reelsmith.character.CharacterProfile;
import io.reelsmith.pipeline.DbJournal;
import io.reelsmith.money.Budgets;
import io.reelsmith.money.DbSpendLedger;
import io.reelsmith.pipeline.JobDirs;
import io.reelsmith.pipeline.JobStages;
import io.reelsmith.pipeline.StepStatus;
import io.reelsmith.pipeline.Pipeline;
import io.reelsmith.pipeline.Stages;
import io.reelsmith.pipeline.VideoJob;
import io.reelsmith.pipeline.Workspace;
import io.reelsmith.script.Script;
import io.reelsmith.script.ScriptException;
import io.reelsmith.script.ScriptJson;
import io.reelsmith.script.ScriptRequest;
import io.reelsmith.storage.BlobStore;
import io.reelsmith.storage.CharacterRow;
import io.reelsmith.storage.Characters;
import io.reelsmith.storage.Files2;
import io.reelsmith.storage.VideoRow;
import io.reelsmith.storage.VideoStatus;
import io.reelsmith.storage.Videos;
import org.jdbi.v3.core.Jdbi;
import org.jobrunr.scheduling.JobRequestScheduler;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/** Video jobs: plan (create), edit the script, start, cancel, retry, regenerate, list, get. */
final class VideoApi {
    record CreateVideo(String theme, String characterId, Integer blocks, String language, String provider, java.math.BigDecimal capUsd) { }

    static final int DEFAULT_BLOCKS = 4;
    static final Set<String> LANGUAGES = Set.of("en", "fr");

    private final Jdbi jdbi;
    private final Videos videos;
    private final Characters characters;
    private final BlobStore blobs;
    private final JobDirs dirs;
    private final JobStages providers;
    private final JobRequestScheduler jobs;
    private final DbSpendLedger ledger;
    private final Budgets budgets;

    VideoApi(Jdbi jdbi, Videos videos, Characters characters, BlobStore blobs, JobDirs dirs, JobStages providers,
             JobRequestScheduler jobs, DbSpendLedger ledger, Budgets budgets) {
        this.jdbi = jdbi;
        this.videos = videos;
        this.characters = characters;
        this.blobs = blobs;
        this.dirs = dirs;
        this.providers = providers;
        this.jobs = jobs;
        this.ledger = ledger;
        this.budgets = budgets;
    }

    /** Plans the video: validates, writes the script, copies the character image; nothing runs yet (draft). */
    void create(Context ctx, String userId) throws IOException {
        CreateVideo req = Json.body(ctx, CreateVideo.class);
        String theme = Check.text("theme", req.theme(), ScriptRequest.MAX_THEME_CHARS);
        int blocks = Check.range("blocks", req.blocks(), DEFAULT_BLOCKS, 1, Script.MAX_BLOCKS);
        String language = Check.oneOf("language", req.language(), "en", LANGUAGES);
        String provider = Check.text("provider", req.provider() == null ? "local" : req.provider(), 32);
        if (req.characterId() == null) throw ApiError.badRequest("invalid_field", "characterId is required");
        if (req.capUsd() != null && (req.capUsd().signum() < 0 || req.capUsd().compareTo(new java.math.BigDecimal("100000")) > 0))
            throw ApiError.badRequest("invalid_field", "capUsd must be an amount of US dollars between 0 and 100000");
        CharacterRow character = characters.find(userId, Check.id("character", req.characterId()))
                .orElseThrow(() -> ApiError.notFound("character"));
        String id = UUID.randomUUID().toString();
        Stages stages = stages(provider, id, userId); // a paid script writer records its call against this video
        CharacterProfile profile = character.profile();
        Script script = stages.scripts().write(new ScriptRequest(theme, profile, blocks, language)).validated();

        Workspace ws = dirs.of(id);
        try {
            ScriptJson.write(script, ws.script());
            try (InputStream in = blobs.open(character.imageKey())) {
                Files2.writeAtomically(ws.character(), in.readAllBytes());
            }
            videos.create(new VideoRow(id, userId, character.id(), profile.name(), profile.description(), profile.style(), theme,
                    script.language(), provider, script.blocks().size(), VideoStatus.DRAFT, Estimates.usd(provider, script),
                    null, 0, null, null, null));
            if (req.capUsd() != null) budgets.setCap(id, req.capUsd());
        } catch (IOException | RuntimeException e) {
            dirs.delete(id); // a failed plan leaves neither a row nor files
            throw e;
        }
        Json.respond(ctx, 201, Views.video(videos.find(userId, id).orElseThrow(), script, steps(id), money(id)));
    }

    void get(Context ctx, String userId) throws IOException {
        VideoRow v = find(ctx, userId);
        Json.respond(ctx, 200, Views.video(v, script(v), steps(v.id()), money(v.id())));
    }

    void list(Context ctx, String userId) {
        Paging p = Paging.of(ctx);
        var page = videos.list(userId, p.limit(), p.offset());
        Json.respond(ctx, 200, Map.of("items", page.items().stream().map(v -> Views.videoSummary(v, money(v.id()))).toList(), "total", page.total(),
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
        ScriptJson.write(script, dirs.of(v.id()).script());
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
        var redo = Budgets.stepsFrom(v.blocks(), Pipeline.blockStep(from - 1));
        String jobId = UUID.randomUUID().toString();
        if (!queue(v, userId, jobId, redo, VideoStatus.COMPLETED, VideoStatus.FAILED, VideoStatus.CANCELLED))
            throw ApiError.conflict("only a completed, failed or cancelled video can be regenerated (status is " + v.status().wire() + ")");
        DbJournal journal = new DbJournal(jdbi, v.id());
        for (String step : redo) journal.reset(step);
        Workspace ws = dirs.of(v.id());
        for (var f : new java.nio.file.Path[]{ws.finalVideo(), ws.ass(), ws.srt(), ws.vtt(), ws.words()}) Files.deleteIfExists(f);
        jobs.enqueue(UUID.fromString(jobId), new VideoJob(v.id()));
        get(ctx, userId);
    }

    void delete(Context ctx, String userId) throws IOException {
        VideoRow v = find(ctx, userId);
        if (!videos.delete(userId, v.id())) throw ApiError.conflict("cancel the video before deleting it (status is " + v.status().wire() + ")");
        dirs.delete(v.id());
        ctx.status(204);
    }

    private void transition(Context ctx, String userId, String refusal, VideoStatus... from) throws IOException {
        VideoRow v = find(ctx, userId);
        String jobId = UUID.randomUUID().toString();
        if (!queue(v, userId, jobId, java.util.List.of(), from)) throw ApiError.conflict(refusal + " (status is " + v.status().wire() + ")");
        jobs.enqueue(UUID.fromString(jobId), new VideoJob(v.id()));
        get(ctx, userId);
    }

    /**
     * Queues the video with the estimate of what it still has to make ({@code redo}: steps that will be made again)
     * reserved against the budgets, atomically; throws {@link io.reelsmith.money.BudgetExceeded} (402) before anything is paid.
     */
    private boolean queue(VideoRow v, String userId, String jobId, java.util.List<String> redo, VideoStatus... from) {
        var done = steps(v.id()).stream().filter(r -> r.status() == StepStatus.DONE).map(DbJournal.StepRow::name).toList();
        var todo = Pipeline.steps(v.blocks()).stream().filter(s -> !done.contains(s) || redo.contains(s)).toList();
        java.math.BigDecimal estimate = budgets.estimate(v.provider(), v.id(), todo);
        return budgets.reserveAndQueue(userId, v.id(), estimate, h -> Videos.queue(h, v.id(), jobId, from));
    }

    /** A video's money facts for its JSON: spentUsd (charged and uncertain calls) and failReason ("budget" when one stopped it). */
    Map<String, Object> money(String videoId) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("spentUsd", budgets.spentOn(videoId));
        m.put("failReason", videos.failReason(videoId).orElse(null));
        return m;
    }

    /** The owner's video named by the {id} path parameter, or 404. */
    VideoRow find(Context ctx, String userId) {
        return videos.find(userId, Check.id("video", ctx.pathParam("id"))).orElseThrow(() -> ApiError.notFound("video"));
    }

    Workspace workspace(VideoRow v) {
        return dirs.of(v.id());
    }

    java.util.List<DbJournal.StepRow> steps(String videoId) {
        return new DbJournal(jdbi, videoId).steps();
    }

    private Script script(VideoRow v) throws IOException {
        var file = dirs.of(v.id()).script();
        return Files.exists(file) ? ScriptJson.read(file) : null;
    }

    private Stages stages(String provider, String videoId, String userId) {
        try {
            return providers.of(provider, ledger.forJob(videoId, userId));
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("invalid_field", "provider: " + e.getMessage());
        }
    }
}
