package io.reelsmith.app.video;

import io.reelsmith.app.Refusal;
import io.reelsmith.app.files.VideoFiles;
import io.reelsmith.app.money.Budgets;
import io.reelsmith.kernel.AtomicFiles;
import io.reelsmith.kernel.FileTrees;
import io.reelsmith.kernel.SpendLedger;
import io.reelsmith.kernel.Step;
import io.reelsmith.kernel.StepListener;
import io.reelsmith.kernel.TakePlan;
import io.reelsmith.kernel.Workspace;
import io.reelsmith.kernel.WorkspaceFile;
import io.reelsmith.pipeline.JobStages;
import io.reelsmith.pipeline.Journal;
import io.reelsmith.pipeline.Pipeline;
import io.reelsmith.pipeline.Stages;
import io.reelsmith.pipeline.StepGate;
import io.reelsmith.pipeline.StepRecord;
import io.reelsmith.pipeline.StepStatus;
import io.reelsmith.script.Script;
import io.reelsmith.script.ScriptJson;
import io.reelsmith.video.Storyboard;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The storyboard of a draft video of the parallel plan: its keyframes, drawn — and any one of them redrawn — before
 * the video is paid for, shown with the price of the video still to come. Drawing pays for images: each request checks
 * the budget first, holds the draft's run lease while it draws (two requests never draw the same keyframe; a start
 * waits until the drawing is over), journals each keyframe as the job would ({@link Pipeline#drawKeyframes}) and keeps
 * every picture in the blob store. A redraw is one more image, recorded in the ledger under its own step
 * ({@code keyframe-3.redraw-1}); it replaces the keyframe the video will be filmed from.
 */
public record StoryboardService(
        VideoStore videos,
        VideoJournals journals,
        VideoService service,
        VideoFiles files,
        JobStages providers,
        SpendLedger ledger,
        Budgets budgets,
        JobDirs dirs) {
    /** How long a drawing request may hold the draft before another may take it (it renews nothing: a drawing takes seconds). */
    static final int HOLD_SECONDS = 300;

    /** One keyframe: {@code number} from 1, its status ("pending", "done"…), what it shows, its picture's blob key, its redraws. */
    public record Keyframe(int number, String step, String status, String scene, String fileKey, int redraws) {}

    /**
     * The storyboard: its keyframes; {@code drawUsd}: what drawing the missing ones costs; {@code redrawUsd}: one more
     * picture; {@code videoUsd}: the video still to come (its clips, their drift checks); {@code spentUsd}: on keyframes so far.
     */
    public record Board(
            String videoId,
            List<Keyframe> keyframes,
            BigDecimal drawUsd,
            BigDecimal redrawUsd,
            BigDecimal videoUsd,
            BigDecimal spentUsd) {
        public boolean drawn() {
            return keyframes.stream().allMatch(k -> k.status().equals("done"));
        }
    }

    /** The storyboard of the owner's video (refused for a continuous one: it has none). */
    public Board board(String userId, String videoId) {
        return board(parallel(service.find(userId, videoId)));
    }

    /** Draws every keyframe not drawn yet (all at once after the first), within the budget; a draft only. */
    public Board draw(String userId, String videoId) throws IOException {
        VideoRow v = draft(service.find(userId, videoId));
        Board before = board(v);
        if (before.drawn()) return before;
        return holding(v, (ws, journal, stages) -> {
            budgets.check(v.ownerId(), v.id(), board(v).drawUsd(), "drawing the storyboard");
            new Pipeline(stages).drawKeyframes(v.spec(), ws, journal, StepListener.NONE, StepGate.NONE);
        });
    }

    /** Draws keyframe {@code number} (from 1) again: one more image, billed on its own; a draft whose storyboard has it. */
    public Board redraw(String userId, String videoId, int number) throws IOException {
        VideoRow v = draft(service.find(userId, videoId));
        int k = number - 1;
        if (k < 0 || k >= Storyboard.keyframes(v.blocks())) {
            throw Refusal.notFound("keyframe " + number + " (this storyboard has keyframes 1.."
                    + Storyboard.keyframes(v.blocks()) + ")");
        }
        Step.Keyframe step = Step.keyframe(k);
        return holding(v, (ws, journal, stages) -> {
            if (!journal.isDone(step))
                throw Refusal.conflict("keyframe " + number + " is not drawn yet: draw the storyboard first");
            budgets.check(
                    v.ownerId(),
                    v.id(),
                    budgets.estimate(v.provider(), v.blocks(), v.plan(), List.of(step)),
                    "redrawing keyframe " + number);
            Storyboard board = stages.parallel().storyboard();
            Script script = ScriptJson.read(ws.file(WorkspaceFile.SCRIPT));
            int redraws =
                    journal.get(step.text() + ".redraws").map(Integer::parseInt).orElse(0) + 1;
            String billed = step.text() + ".redraw-" + redraws; // its own ledger entry: the first picture was paid too
            int follows = Storyboard.follows(board.order(), k);
            Path fresh = ws.work().resolve("redraw-" + UUID.randomUUID() + ".png");
            List<Path> cast = new ArrayList<>();
            for (int i = 0; i < v.cast().size(); i++) cast.add(ws.character(i));
            board.draw(
                    billed, script, k, cast, follows < 0 ? null : ws.keyframe(follows), fresh, journal.scoped(billed));
            AtomicFiles.moveAtomically(fresh, ws.keyframe(k));
            Map<String, String> outputs = new LinkedHashMap<>(
                    journal.step(step).map(StepRecord::outputs).orElse(Map.of()));
            outputs.put("redraws", String.valueOf(redraws));
            journal.finished(step, outputs, 0); // stores the new picture under the same name, then records it
            journal.put(step.text() + ".redraws", String.valueOf(redraws));
        });
    }

    /** The picture of keyframe {@code number} once drawn: its blob key, or not found. */
    public String keyframeKey(String userId, String videoId, int number) {
        Board b = board(userId, videoId);
        return b.keyframes().stream()
                .filter(k -> k.number() == number && k.fileKey() != null)
                .map(Keyframe::fileKey)
                .findFirst()
                .orElseThrow(() -> Refusal.notFound("keyframe " + number + " (drawn once the storyboard is)"));
    }

    private interface Drawing {
        void run(Workspace ws, Journal journal, Stages stages) throws IOException;
    }

    /** Runs {@code drawing} holding the draft, on a scratch copy of the video's files, each keyframe stored before it is recorded. */
    private Board holding(VideoRow v, Drawing drawing) throws IOException {
        String token = UUID.randomUUID().toString();
        if (!videos.holdDraft(v.id(), token, HOLD_SECONDS)) {
            throw Refusal.conflict(
                    "the storyboard of this video is being drawn (or the video was started): try again in a moment");
        }
        Workspace ws = dirs.of(v.id());
        try {
            files.restore(v.ownerId(), v.id(), ws);
            Journal journal = StoringJournal.of(journals.of(v.id(), token), files, v.ownerId(), v.id(), ws);
            drawing.run(ws, journal, providers.of(v.provider(), ledger.forJob(v.id(), v.ownerId())));
        } finally {
            videos.releaseRun(v.id(), token);
            FileTrees.deleteTreeQuietly(ws.dir());
        }
        return board(service.find(v.ownerId(), v.id()));
    }

    private Board board(VideoRow v) {
        Map<String, StepRow> rows = new LinkedHashMap<>();
        journals.steps(v.id()).forEach(r -> rows.put(r.name(), r));
        Script script = script(v);
        List<Keyframe> keyframes = new ArrayList<>();
        List<Step> missing = new ArrayList<>();
        for (int k = 0; k < Storyboard.keyframes(v.blocks()); k++) {
            Step.Keyframe step = Step.keyframe(k);
            StepRow r = rows.get(step.text());
            boolean done = r != null && r.status() == StepStatus.DONE;
            if (!done) missing.add(step);
            String scene = script == null || k > script.blocks().size() ? "" : Storyboard.scene(script, k);
            keyframes.add(new Keyframe(
                    k + 1,
                    step.text(),
                    r == null ? "pending" : r.status().name().toLowerCase(Locale.ROOT),
                    scene,
                    done ? VideoFiles.key(v.ownerId(), v.id(), r.outputs().get("file")) : null,
                    done ? Integer.parseInt(r.outputs().getOrDefault("redraws", "0")) : 0));
        }
        List<Step> video = Step.all(v.blocks(), TakePlan.PARALLEL).stream()
                .filter(s -> s instanceof Step.Block)
                .toList();
        BigDecimal spent = ledger.entries(v.id()).stream()
                .filter(e -> Step.Keyframe.isKeyframe(e.step()) && e.counts())
                .map(e -> e.purchase().usd())
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2, RoundingMode.UP);
        return new Board(
                v.id(),
                keyframes,
                budgets.estimate(v.provider(), v.blocks(), v.plan(), missing),
                budgets.estimate(v.provider(), v.blocks(), v.plan(), List.<Step>of(Step.keyframe(0))),
                budgets.estimate(v.provider(), v.blocks(), v.plan(), video),
                spent);
    }

    private Script script(VideoRow v) {
        try {
            return service.script(v);
        } catch (IOException e) {
            return null; // the scenes are shown when the script can be read; the pictures do not need them
        }
    }

    private static VideoRow parallel(VideoRow v) {
        if (v.plan() != TakePlan.PARALLEL)
            throw Refusal.notFound("storyboard (this video is filmed as one continuous take: it has no keyframes)");
        return v;
    }

    private static VideoRow draft(VideoRow v) {
        parallel(v);
        if (v.status() != VideoStatus.DRAFT) {
            throw Refusal.conflict("the storyboard can be drawn only before the video is started (status is "
                    + v.status().wire() + ")");
        }
        return v;
    }
}
