package io.reelsmith.app.video;

import io.reelsmith.app.Page;
import io.reelsmith.app.Refusal;
import io.reelsmith.app.character.CharacterRow;
import io.reelsmith.app.character.CharacterStore;
import io.reelsmith.app.files.VideoFiles;
import io.reelsmith.app.money.Budgets;
import io.reelsmith.app.money.PlanComparison;
import io.reelsmith.app.provider.ProviderRegistry;
import io.reelsmith.google.ChainPlan;
import io.reelsmith.kernel.CharacterProfile;
import io.reelsmith.kernel.JobSpec;
import io.reelsmith.kernel.SpendLedger;
import io.reelsmith.kernel.Step;
import io.reelsmith.kernel.TakePlan;
import io.reelsmith.kernel.Workspace;
import io.reelsmith.pipeline.JobStages;
import io.reelsmith.pipeline.Journal;
import io.reelsmith.pipeline.Stages;
import io.reelsmith.pipeline.StepRecord;
import io.reelsmith.pipeline.StepStatus;
import io.reelsmith.script.Script;
import io.reelsmith.script.ScriptJson;
import io.reelsmith.script.ScriptRequest;
import io.reelsmith.video.ParallelTake;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What a user can do with a video, whoever asks (the REST API today, any other edge tomorrow): plan it, edit
 * its script while it is a draft, start, cancel, retry, regenerate from a block, delete. Every file of a video
 * lives in the blob store ({@link VideoFiles}); every paid path reserves its estimate against the budgets
 * ({@link Budgets}) in the same transaction that queues the video, so nothing is paid over a budget. Each state
 * change is one conditional update of its row: two requests, or a request and a worker, cannot both win it.
 * {@code pricing}: what estimates a planned video (the same provider settings as its stages).
 */
public record VideoService(
        VideoStore videos,
        CharacterStore characters,
        VideoJournals journals,
        VideoFiles files,
        JobStages providers,
        ProviderRegistry pricing,
        JobQueue jobs,
        SpendLedger ledger,
        Budgets budgets,
        ScriptCache scripts) {
    private static final String SCRIPT = "script.json";

    /**
     * A video to plan; the fields are already checked for form by the edge. {@code characterIds}: the cast,
     * 1..3 of the user's characters, lead first. {@code capUsd}: optional spend cap.
     */
    public record NewVideo(
            String theme,
            List<String> characterIds,
            int blocks,
            String language,
            String provider,
            BigDecimal capUsd,
            TakePlan plan) {
        public NewVideo {
            characterIds = List.copyOf(characterIds);
            plan = plan == null ? TakePlan.CONTINUOUS : plan;
        }

        /** A continuous video of this cast. */
        public NewVideo(
                String theme,
                List<String> characterIds,
                int blocks,
                String language,
                String provider,
                BigDecimal capUsd) {
            this(theme, characterIds, blocks, language, provider, capUsd, TakePlan.CONTINUOUS);
        }

        /** A video of one character. */
        public NewVideo(
                String theme, String characterId, int blocks, String language, String provider, BigDecimal capUsd) {
            this(theme, List.of(characterId), blocks, language, provider, capUsd);
        }
    }

    /** A video's money: what it has spent (charged and uncertain calls) and why it failed, when a budget stopped it. */
    public record Money(BigDecimal spentUsd, String failReason) {
        public static Money of(VideoStore.Shown v) {
            return new Money(v.spentUsd(), v.failReason());
        }
    }

    /** Plans the video: stores the script and a copy of each cast member's image; nothing runs yet (draft). */
    public VideoRow plan(String userId, NewVideo req) throws IOException {
        return plan(userId, req, UUID.randomUUID().toString());
    }

    /** The same with the video's id chosen by the caller (a batch makes it first, so spend on it is traced from the start). */
    public VideoRow plan(String userId, NewVideo req, String id) throws IOException {
        List<CharacterRow> cast = cast(userId, req.characterIds());
        List<CharacterProfile> profiles =
                cast.stream().map(CharacterRow::profile).toList();
        ScriptRequest request;
        try {
            request = new ScriptRequest(req.theme(), profiles, req.blocks(), req.language());
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid(
                    e.getMessage()); // e.g. two characters of the same name: their lines could not be told apart
        }
        Stages stages = stages(req.provider(), id, userId); // a paid script writer records its call against this video
        if (req.plan() == TakePlan.PARALLEL) {
            try {
                stages.parallel(); // refused for a provider (or a video model) that films no clip between two frames
                pricing.plans(req.provider(), req.blocks())
                        .filter(p -> p.of(TakePlan.PARALLEL).refusal() != null)
                        .ifPresent(p -> {
                            throw new IllegalArgumentException(
                                    p.of(TakePlan.PARALLEL).refusal());
                        });
            } catch (IllegalArgumentException e) {
                throw Refusal.invalid("plan: " + e.getMessage());
            }
        }
        Script script = stages.scripts()
                .write(stages.scriptRequest(request, req.plan())) // the parallel plan's word budget, if any
                .validatedFor(request.castNames());
        CharacterRow lead = cast.get(0);
        try {
            files.save(userId, id, SCRIPT, ScriptJson.toJson(script).getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < cast.size(); i++) {
                try (InputStream in = files.blobs().open(cast.get(i).imageKey())) {
                    files.save(userId, id, Workspace.castImageName(i), in.readAllBytes());
                }
            }
            videos.create(new VideoRow(
                    id,
                    userId,
                    lead.id(),
                    lead.name(),
                    lead.description(),
                    lead.style(),
                    req.theme(),
                    script.language(),
                    req.provider(),
                    script.blocks().size(),
                    VideoStatus.DRAFT,
                    pricing.estimateUsd(req.provider(), script, req.plan()),
                    null,
                    0,
                    null,
                    null,
                    null,
                    cast.stream().map(CastMember::of).toList(),
                    req.plan()));
            if (req.capUsd() != null) budgets.setCap(id, req.capUsd());
        } catch (IOException | RuntimeException e) {
            files.deleteAll(userId, id); // a failed plan leaves neither a row nor files
            throw e;
        }
        return find(userId, id);
    }

    /** The user's characters of these ids, in order; {@link Refusal#notFound} names an id that is not one of them. */
    private List<CharacterRow> cast(String userId, List<String> ids) {
        if (ids.isEmpty() || ids.size() > JobSpec.MAX_CAST) {
            throw Refusal.invalid("a video has 1 to " + JobSpec.MAX_CAST + " characters, not " + ids.size());
        }
        if (ids.stream().distinct().count() != ids.size()) throw Refusal.invalid("the same character is given twice");
        List<CharacterRow> cast = new ArrayList<>();
        for (String id : ids) {
            cast.add(characters
                    .find(userId, id)
                    .orElseThrow(() ->
                            ids.size() == 1 ? Refusal.notFound("character") : Refusal.notFound("character " + id)));
        }
        return cast;
    }

    /** The owner's video, or {@link Refusal#notFound}: another user's id is not found either, so ids do not leak. */
    public VideoRow find(String userId, String videoId) {
        return videos.find(userId, videoId).orElseThrow(() -> Refusal.notFound("video"));
    }

    /** {@link #find} with the video's money and its steps' rows, in one query. */
    public VideoStore.Status status(String userId, String videoId) {
        return videos.findStatus(userId, videoId).orElseThrow(() -> Refusal.notFound("video"));
    }

    /** A page of the owner's videos with their money. */
    public Page<VideoStore.Shown> list(String userId, int limit, int offset) {
        return videos.listShown(userId, limit, offset);
    }

    /** The planned (or edited) script, or null when the video has none. */
    public Script script(VideoRow v) throws IOException {
        Script known = scripts.get(v);
        if (known != null) return known;
        var json = files.read(v.ownerId(), v.id(), SCRIPT);
        if (json.isEmpty()) return null;
        Script script = ScriptJson.parse(new String(json.get(), StandardCharsets.UTF_8));
        scripts.put(v, script);
        return script;
    }

    /** Every planned step in order, with what the journal knows of it ("pending" when not begun). */
    public List<StepState> steps(VideoRow v) {
        return steps(v, journals.steps(v.id()));
    }

    /** {@link #steps(VideoRow)} from the journal's rows read already (with the video: {@link #status}). */
    public List<StepState> steps(VideoRow v, List<StepRow> rows) {
        Map<String, StepRow> byName = new LinkedHashMap<>();
        rows.forEach(r -> byName.put(r.name(), r));
        List<StepState> steps = new ArrayList<>();
        for (Step step : Step.all(v.blocks(), v.plan())) {
            String name = step.text();
            StepRow r = byName.get(name);
            steps.add(
                    r == null
                            ? new StepState(name, "pending", 0, 0, null, null, null, Map.of())
                            : new StepState(
                                    name,
                                    r.status().name().toLowerCase(Locale.ROOT),
                                    r.attempts(),
                                    r.millis(),
                                    r.error(),
                                    r.startedAt(),
                                    r.finishedAt(),
                                    r.outputs()));
        }
        return steps;
    }

    /** A finished block's preview, stored in the blob store: its blob key, media type and a file name for downloads. */
    public record BlockFile(String key, String contentType, String name) {}

    /**
     * Block {@code block}'s clip (its video as it finished: a Veo extension's is its segment so far) or poster (a frame
     * of it), once the block step is done; refused as not found before, for another user's video, or where the
     * provider encodes no clip per block (the local animatic draws its blocks only in the final render).
     */
    public BlockFile blockFile(String userId, String videoId, int block, BlockPreview what) {
        VideoRow v = find(userId, videoId);
        if (block < 1 || block > v.blocks())
            throw Refusal.notFound("block " + block + " (this video has blocks 1.." + v.blocks() + ")");
        Map<String, String> out = journals.of(v.id())
                .step(Step.block(block - 1))
                .filter(r -> r.status() == StepStatus.DONE)
                .map(StepRecord::outputs)
                .orElseThrow(() ->
                        Refusal.notFound("block " + block + "'s " + what.word + " (the block is not finished yet)"));
        String path = what == BlockPreview.CLIP ? out.get("file") : out.get("poster");
        if (path == null || (what == BlockPreview.CLIP && !path.endsWith(".mp4"))) {
            throw Refusal.notFound("block " + block + "'s " + what.word + " (the " + v.provider() + " provider makes "
                    + (what == BlockPreview.CLIP
                            ? "no clip per block: its blocks are drawn in the final render; see the poster)"
                            : "no poster)"));
        }
        String ext = path.substring(path.lastIndexOf('.'));
        return new BlockFile(
                VideoFiles.key(v.ownerId(), v.id(), path),
                VideoFiles.contentType(path),
                Step.block(block - 1).file("." + what.word + ext));
    }

    /** What a block preview shows. */
    public enum BlockPreview {
        CLIP("clip"),
        POSTER("poster");

        public final String word;

        BlockPreview(String word) {
            this.word = word;
        }
    }

    /** Both plans of what a draft still has to make, side by side (empty for a free provider). */
    public Optional<PlanComparison> plans(VideoRow v) throws IOException {
        if (v.status() != VideoStatus.DRAFT) return Optional.empty();
        Script script = script(v); // its words size the parallel plan's clips: an edited script shows its own price
        return pricing.plans(v.provider(), v.blocks(), script == null ? null : ParallelTake.words(script));
    }

    /** How the video is filmed (chains, restarts, billed seconds), where its provider films chains. */
    public Optional<ChainPlan> takePlan(VideoRow v) {
        return v.plan() == TakePlan.PARALLEL ? Optional.empty() : pricing.takePlan(v.provider(), v.blocks());
    }

    public Money money(String videoId) {
        return new Money(budgets.spentOn(videoId), videos.failReason(videoId).orElse(null));
    }

    /** Replaces the planned script while the video is a draft. */
    public VideoRow replaceScript(String userId, String videoId, Script script) throws IOException {
        VideoRow v = find(userId, videoId);
        if (v.status() != VideoStatus.DRAFT) {
            throw Refusal.conflict("the script can only be edited before the video is started (status is "
                    + v.status().wire() + ")");
        }
        script.validatedFor(v.spec().castNames()); // a cast's script speaks only with the cast's voices
        files.save(v.ownerId(), v.id(), SCRIPT, ScriptJson.toJson(script).getBytes(StandardCharsets.UTF_8));
        // the new script's price: its blocks, and under the parallel plan its words size the clips
        if (!videos.replanDraft(v.id(), script.blocks().size(), pricing.estimateUsd(v.provider(), script, v.plan())))
            throw Refusal.conflict("the video was started meanwhile");
        if (v.plan() == TakePlan.PARALLEL) forgetStoryboard(v); // its keyframes showed the old script's scenes
        return find(userId, videoId);
    }

    /** Drops every keyframe of a draft (a new script makes them stale): the next drawing starts afresh. */
    private void forgetStoryboard(VideoRow v) throws IOException {
        Journal journal = journals.of(v.id());
        for (StepRow r : journals.steps(v.id())) {
            if (Step.Keyframe.isKeyframe(r.name())) journal.reset(Step.parse(r.name()));
        }
        files.forget(v.ownerId(), v.id(), name -> name.startsWith(".reelsmith/keyframes/"));
    }

    public VideoRow start(String userId, String videoId) {
        return queue(
                find(userId, videoId),
                List.of(),
                "only a draft can be started; use retry or regenerate",
                VideoStatus.DRAFT);
    }

    public VideoRow retry(String userId, String videoId) {
        return queue(
                find(userId, videoId),
                List.of(),
                "only a failed or cancelled video can be retried",
                VideoStatus.FAILED,
                VideoStatus.CANCELLED);
    }

    public VideoRow cancel(String userId, String videoId) {
        VideoRow v = find(userId, videoId);
        if (!videos.cancel(v.id())) {
            throw Refusal.conflict("only a queued or running video can be cancelled (status is "
                    + v.status().wire() + ")");
        }
        if (v.jobId() != null) jobs.cancel(v.jobId(), "cancelled by its owner");
        return find(userId, videoId);
    }

    /** Makes blocks {@code fromBlock}…n again (and the subtitles and render after them); earlier blocks are kept. */
    public VideoRow regenerate(String userId, String videoId, int fromBlock) throws IOException {
        VideoRow v = find(userId, videoId);
        if (fromBlock < 1 || fromBlock > v.blocks())
            throw Refusal.invalid("fromBlock must be a block number between 1 and " + v.blocks());
        List<Step> redo = Step.from(v.blocks(), v.plan(), Step.block(fromBlock - 1));
        Journal journal = journals.of(v.id());
        Map<Step, Map<String, String>> reset = new LinkedHashMap<>();
        for (Step step : redo)
            reset.put(step, journal.step(step).map(StepRecord::outputs).orElse(Map.of()));
        String jobId = UUID.randomUUID().toString();
        if (!reserveAndQueue(v, jobId, redo, VideoStatus.COMPLETED, VideoStatus.FAILED, VideoStatus.CANCELLED)) {
            throw Refusal.conflict("only a completed, failed or cancelled video can be regenerated (status is "
                    + v.status().wire() + ")");
        }
        // reset before the job is enqueued: the run it starts must not find the old steps done
        for (Step step : redo) journal.reset(step);
        // The next run must not restore what it is to make again.
        files.forget(
                v.ownerId(),
                v.id(),
                name -> reset.entrySet().stream().anyMatch(e -> Workspace.isOutputOf(e.getKey(), e.getValue(), name)));
        jobs.runVideo(jobId, v.id());
        return find(userId, videoId);
    }

    public void delete(String userId, String videoId) throws IOException {
        VideoRow v = find(userId, videoId);
        if (!videos.delete(userId, v.id()))
            throw Refusal.conflict("cancel the video before deleting it (status is "
                    + v.status().wire() + ")");
        files.deleteAll(v.ownerId(), v.id());
    }

    private VideoRow queue(VideoRow v, List<Step> redo, String refusal, VideoStatus... from) {
        String jobId = UUID.randomUUID().toString();
        if (!reserveAndQueue(v, jobId, redo, from))
            throw Refusal.conflict(refusal + " (status is " + v.status().wire() + ")");
        jobs.runVideo(jobId, v.id());
        return find(v.ownerId(), v.id());
    }

    /**
     * Queues the video with the estimate of what it still has to make ({@code redo}: steps made again) reserved
     * against the budgets, atomically; {@code BudgetExceeded} (HTTP 402) before anything is paid. False when the
     * video is not in one of the {@code from} states.
     */
    private boolean reserveAndQueue(VideoRow v, String jobId, List<Step> redo, VideoStatus... from) {
        var done = journals.steps(v.id()).stream()
                .filter(r -> r.status() == StepStatus.DONE)
                .map(StepRow::name)
                .toList();
        var todo = Step.all(v.blocks(), v.plan()).stream()
                .filter(s -> !done.contains(s.text()) || redo.contains(s))
                .toList();
        BigDecimal estimate = budgets.estimate(
                v.provider(), v.blocks(), v.plan(), todo); // the whole plan is held before its first call
        return budgets.reserveAndQueue(v.ownerId(), v.id(), estimate, () -> videos.queue(v.id(), jobId, from));
    }

    private Stages stages(String provider, String videoId, String userId) {
        try {
            return providers.of(provider, ledger.forJob(videoId, userId));
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid("provider: " + e.getMessage());
        }
    }
}
