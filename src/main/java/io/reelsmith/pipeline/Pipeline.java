package io.reelsmith.pipeline;

import io.reelsmith.kernel.AtomicFiles;
import io.reelsmith.kernel.Daemons;
import io.reelsmith.kernel.JobSpec;
import io.reelsmith.kernel.Step;
import io.reelsmith.kernel.StepListener;
import io.reelsmith.kernel.TakePlan;
import io.reelsmith.kernel.Word;
import io.reelsmith.kernel.Workspace;
import io.reelsmith.kernel.WorkspaceFile;
import io.reelsmith.script.Script;
import io.reelsmith.script.ScriptJson;
import io.reelsmith.script.ScriptRequest;
import io.reelsmith.subtitle.SubtitleFiles;
import io.reelsmith.subtitle.TimedWords;
import io.reelsmith.subtitle.UncaptionedSpeech;
import io.reelsmith.subtitle.WordsJson;
import io.reelsmith.video.BlockClip;
import io.reelsmith.video.BlockJob;
import io.reelsmith.video.DriftGuard;
import io.reelsmith.video.EndFrames;
import io.reelsmith.video.Storyboard;
import io.reelsmith.video.Take;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

/**
 * The durable orchestrator, in the seed's order:
 * <pre>
 *   character → script → block 1 … block n → subtitles → render
 *   character → script → keyframe 1 … keyframe n+1 → block 1 … block n (at once) → subtitles → render   (parallel plan)
 * </pre>
 * Every step is safe to run twice: it is skipped when the journal says it is done, it is recorded as started
 * before it calls out, and its outputs are written atomically before it is recorded as done. A crashed run
 * therefore resumes at the first unfinished step and reuses everything finished before it.
 */
public final class Pipeline {
    private final Stages stages;

    public Pipeline(Stages stages) {
        this.stages = stages;
    }

    public Stages stages() {
        return stages;
    }

    /** Runs every unfinished step with no gate (the CLI: its budget was checked against the plan before the run). */
    public void run(JobSpec spec, Workspace ws, Journal journal, StepListener listener, BooleanSupplier cancelled)
            throws IOException {
        run(spec, ws, journal, listener, StepGate.NONE, cancelled);
    }

    /**
     * Runs every unfinished step, each (and each retake) after {@code gate} let it; {@code cancelled} is checked between
     * steps. The parallel plan draws its keyframes in rounds (each round's keyframes at once), then runs every block at
     * once (the quota limiter spaces the calls).
     */
    public void run(
            JobSpec spec,
            Workspace ws,
            Journal journal,
            StepListener listener,
            StepGate gate,
            BooleanSupplier cancelled)
            throws IOException {
        List<Step> planned = Step.all(spec.blocks(), spec.plan());
        runStep(Step.CHARACTER, spec, ws, journal, listener, gate, 0, planned.size(), cancelled);
        runStep(Step.SCRIPT, spec, ws, journal, listener, gate, 1, planned.size(), cancelled);
        // a supplied script decides the count
        int blocks = ScriptJson.read(ws.file(WorkspaceFile.SCRIPT)).blocks().size();
        List<Step> all = Step.all(blocks, spec.plan());
        if (spec.plan() == TakePlan.PARALLEL) {
            drawKeyframes(
                    blocks, (group, steps) -> runTogether(group, spec, ws, journal, listener, gate, steps, cancelled));
            List<Step> blockSteps = new ArrayList<>();
            for (int i = 0; i < blocks; i++) blockSteps.add(Step.block(i));
            runTogether(blockSteps, spec, ws, journal, listener, gate, all, cancelled);
        }
        for (int i = 2; i < all.size(); i++)
            runStep(all.get(i), spec, ws, journal, listener, gate, i, all.size(), cancelled);
    }

    /**
     * The parallel plan's keyframes not drawn yet, round after round (each round's keyframes at once): what a job does
     * before its blocks, and what the service does when a storyboard is drawn before the video is paid for.
     */
    public void drawKeyframes(JobSpec spec, Workspace ws, Journal journal, StepListener listener, StepGate gate)
            throws IOException {
        int blocks = ScriptJson.read(ws.file(WorkspaceFile.SCRIPT)).blocks().size();
        drawKeyframes(blocks, (group, all) -> runTogether(group, spec, ws, journal, listener, gate, all, () -> false));
    }

    /** Runs {@code group} at once, out of the plan's steps {@code all} ({@link #runTogether} with a run's arguments). */
    private interface Together {
        void run(List<Step> group, List<Step> all) throws IOException;
    }

    private void drawKeyframes(int blocks, Together together) throws IOException {
        List<Step> all = Step.all(blocks, TakePlan.PARALLEL);
        for (List<Integer> round :
                Storyboard.rounds(stages.parallel().storyboard().order(), blocks)) {
            together.run(round.stream().<Step>map(Step::keyframe).toList(), all);
        }
    }

    /**
     * Runs {@code group} at once, each step journaled on its own; before any of them starts, the gate is asked about the
     * unfinished ones together (the service's budget holds the whole group before the first paid call). Steps that
     * started finish even when one fails; then the first failure is thrown.
     */
    private void runTogether(
            List<Step> group,
            JobSpec spec,
            Workspace ws,
            Journal journal,
            StepListener listener,
            StepGate gate,
            List<Step> all,
            BooleanSupplier cancelled)
            throws IOException {
        List<Step> todo = group.stream().filter(s -> !journal.isDone(s)).toList();
        if (!todo.isEmpty()) gate.beforeSteps(todo);
        if (todo.size() <= 1) {
            for (Step step : group)
                runStep(step, spec, ws, journal, listener, gate, all.indexOf(step), all.size(), cancelled);
            return;
        }
        // the CLI's progress bars and the service's gate are not thread-safe: one call at a time
        StepListener one = StepListener.serialized(listener);
        StepGate oneGate = new StepGate() {
            public synchronized void beforeStep(Step step) {
                gate.beforeStep(step);
            }
        };
        ExecutorService pool = Executors.newFixedThreadPool(group.size(), Daemons.named("pipeline-step"));
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Step step : group) {
                running.add(pool.submit(() -> {
                    runStep(step, spec, ws, journal, one, oneGate, all.indexOf(step), all.size(), cancelled);
                    return null;
                }));
            }
            Throwable first = null;
            for (Future<?> f : running) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (first == null) first = e.getCause();
                    else first.addSuppressed(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CancelledException();
                }
            }
            if (first instanceof IOException io) throw io;
            if (first instanceof RuntimeException re) throw re;
            if (first instanceof Error err) throw err;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs one step unless the journal says it is done. */
    public void runStep(
            Step step,
            JobSpec spec,
            Workspace ws,
            Journal journal,
            StepListener listener,
            StepGate gate,
            int index,
            int total,
            BooleanSupplier cancelled)
            throws IOException {
        if (cancelled.getAsBoolean()) throw new CancelledException();
        listener.stepStarted(step, index, total);
        if (journal.isDone(step)) {
            listener.stepFinished(step, 0, true);
            return;
        }
        long t0 = System.nanoTime();
        journal.started(step, gate); // before the step records or pays anything
        Map<String, String> outputs;
        try {
            outputs = execute(step, spec, ws, journal, listener, gate);
        } catch (IOException | RuntimeException e) {
            journal.failed(step, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            throw e;
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        journal.finished(step, outputs, ms);
        listener.stepFinished(step, ms, false);
    }

    private Map<String, String> execute(
            Step step, JobSpec spec, Workspace ws, Journal journal, StepListener listener, StepGate gate)
            throws IOException {
        Files.createDirectories(ws.work());
        if (step instanceof Step.Block b) return block(b, spec, ws, journal, listener, gate);
        if (step instanceof Step.Keyframe k) return keyframe(k, spec, ws, journal);
        if (step == Step.CHARACTER) return character(spec, ws);
        if (step == Step.SCRIPT) return script(spec, ws);
        if (step == Step.SUBTITLES) return subtitles(spec, ws, journal);
        if (step == Step.RENDER) return render(ws, journal);
        throw new IllegalArgumentException("the pipeline does not run " + step + " as a step of its own");
    }

    /** Keyframe {@code k} of the parallel plan, drawn once (a redraw resets the step), after the keyframe it follows. */
    private Map<String, String> keyframe(Step.Keyframe step, JobSpec spec, Workspace ws, Journal journal)
            throws IOException {
        int k = step.index();
        Script script = ScriptJson.read(ws.file(WorkspaceFile.SCRIPT));
        Storyboard board = stages.parallel().storyboard();
        int follows = Storyboard.follows(board.order(), k);
        Path out = board.draw(
                step.text(),
                script,
                k,
                castImages(spec, ws),
                follows < 0 ? null : ws.keyframe(follows),
                ws.keyframe(k),
                journal.scoped(step.text()));
        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put("file", ws.relative(out));
        outputs.put("scene", Storyboard.scene(script, k));
        if (follows >= 0) outputs.put("follows", Step.keyframe(follows).text());
        return outputs;
    }

    private static List<Path> castImages(JobSpec spec, Workspace ws) {
        List<Path> images = new ArrayList<>();
        for (int i = 0; i < spec.cast().size(); i++) images.add(ws.character(i));
        return images;
    }

    private Map<String, String> character(JobSpec spec, Workspace ws) throws IOException {
        // one image per cast member, each written atomically: a rerun draws only the ones still missing
        for (int i = 0; i < spec.cast().size(); i++) {
            Path image = ws.character(i);
            if (!Files.exists(image))
                AtomicFiles.writeAtomically(
                        image, stages.characters().create(spec.cast().get(i), i));
        }
        Map<String, String> out = new LinkedHashMap<>();
        out.put("file", ws.dir().relativize(ws.character()).toString());
        for (int i = 1; i < spec.cast().size(); i++)
            out.put("file-" + (i + 1), ws.dir().relativize(ws.character(i)).toString());
        return out;
    }

    private Map<String, String> script(JobSpec spec, Workspace ws) throws IOException {
        if (Files.exists(ws.file(WorkspaceFile.SCRIPT))) {
            ScriptJson.read(ws.file(WorkspaceFile.SCRIPT))
                    .validatedFor(spec.castNames()); // a supplied or edited script is validated, never trusted
        } else {
            Script s = stages.scripts().write(stages.scriptRequest(ScriptRequest.of(spec), spec.plan()));
            ScriptJson.write(s.validatedFor(spec.castNames()), ws.file(WorkspaceFile.SCRIPT));
        }
        return Map.of("file", ws.dir().relativize(ws.file(WorkspaceFile.SCRIPT)).toString());
    }

    private Map<String, String> block(
            Step.Block step, JobSpec spec, Workspace ws, Journal journal, StepListener listener, StepGate gate)
            throws IOException {
        int index = step.index();
        Script script = ScriptJson.read(ws.file(WorkspaceFile.SCRIPT));
        boolean parallel =
                spec.plan() == TakePlan.PARALLEL; // a clip between two keyframes: it needs no block before it
        BlockClip previous = index == 0 || parallel ? null : clip(index - 1, ws, journal);
        List<BlockJob.Member> cast = new ArrayList<>();
        for (int i = 0; i < spec.cast().size(); i++)
            cast.add(new BlockJob.Member(spec.cast().get(i).name(), ws.character(i)));
        BlockJob job = new BlockJob(
                script,
                index,
                cast,
                previous,
                ws.blocks(),
                journal.scoped(step.text()),
                parallel ? new EndFrames(ws.keyframe(index), ws.keyframe(index + 1)) : null);
        DriftGuard.Outcome made = stages.drift()
                .make(stages.video(spec.plan()), job, job.castImages(), ws.retakes(), retakePermit(listener, gate));
        BlockClip clip = made.clip();
        WordsJson.write(clip.words(), ws.blockWords(index));
        Map<String, String> out = new LinkedHashMap<>();
        out.put(
                "file",
                ws.dir().relativize(clip.file().toAbsolutePath().normalize()).toString());
        out.put("seconds", String.valueOf(clip.seconds()));
        out.putAll(driftOutputs(made, ws));
        clip.facts().forEach((k, v) -> out.put("fact." + k, v));
        return out;
    }

    /** A retake pays again: the run's gate (the service's budget) is asked first; its refusal keeps the first take. */
    private static DriftGuard.Permit retakePermit(StepListener listener, StepGate gate) {
        return retake -> {
            try {
                gate.beforeStep(retake);
            } catch (StepRefusedException e) {
                return e.getMessage();
            }
            listener.retaking(retake);
            return null;
        };
    }

    /** What the journal, the API and the UI show of a block's drift check: score, reason, retake, poster. */
    private static Map<String, String> driftOutputs(DriftGuard.Outcome made, Workspace ws) {
        Map<String, String> out = new LinkedHashMap<>();
        if (made.score() != null) {
            out.put(
                    "drift.score",
                    String.format(Locale.ROOT, "%.3f", made.score().value()));
            out.put("drift.reason", made.score().reason());
            out.put(
                    "drift.firstScore",
                    String.format(Locale.ROOT, "%.3f", made.firstScore().value()));
        }
        out.put("drift.retake", made.retake());
        if (Files.exists(made.poster())) out.put("poster", ws.relative(made.poster()));
        return out;
    }

    /** Rebuilds a finished block's result from the journal, so a resumed run needs nothing in memory. */
    private BlockClip clip(int index, Workspace ws, Journal journal) throws IOException {
        StepRecord rec = journal.step(Step.block(index))
                .filter(r -> r.status() == StepStatus.DONE)
                .orElseThrow(() -> new IllegalStateException(Step.block(index) + " is not finished"));
        Map<String, String> facts = new HashMap<>();
        rec.outputs().forEach((k, v) -> {
            if (k.startsWith("fact.")) facts.put(k.substring(5), v);
        });
        Path words = ws.blockWords(index);
        return new BlockClip(
                index,
                ws.dir().resolve(rec.outputs().get("file")),
                Double.parseDouble(rec.outputs().get("seconds")),
                Files.exists(words) ? WordsJson.read(words) : List.of(),
                facts);
    }

    /** The finished blocks joined into the one take (what the subtitle step starts with; a bench times it alone). */
    public Take take(JobSpec spec, Workspace ws, Journal journal) throws IOException {
        Script script = ScriptJson.read(ws.file(WorkspaceFile.SCRIPT));
        List<BlockClip> clips = new ArrayList<>();
        for (int i = 0; i < script.blocks().size(); i++) clips.add(clip(i, ws, journal));
        return stages.video(spec.plan()).assemble(clips, ws.work());
    }

    private Map<String, String> subtitles(JobSpec spec, Workspace ws, Journal journal) throws IOException {
        Script script = ScriptJson.read(ws.file(WorkspaceFile.SCRIPT));
        Take take = take(spec, ws, journal);
        String timer;
        TimedWords timed;
        if (take.hasExactWords()) {
            timed = new TimedWords(take.words(), List.of());
            timer = "tts-events";
        } else {
            if (stages.wordTimer() == null)
                throw new IllegalStateException(
                        "provider " + stages.provider() + " has no word timer for a take without word times");
            timed = stages.wordTimer().timeSpeech(take.file(), script.spokenText(), script.language());
            timer = stages.wordTimer().name();
        }
        List<Word> words = timed.words();
        SubtitleFiles.write(words, stages.captionStyle(), ws.dir());
        Map<String, String> out = new LinkedHashMap<>(Map.of(
                "take",
                ws.dir().relativize(take.file().toAbsolutePath().normalize()).toString(),
                "seconds",
                String.valueOf(take.seconds()),
                "wordTimer",
                timer,
                "words",
                String.valueOf(words.size())));
        out.putAll(UncaptionedSpeech.outputs(timed));
        return out;
    }

    private Map<String, String> render(Workspace ws, Journal journal) throws IOException {
        StepRecord subs =
                journal.step(Step.SUBTITLES).orElseThrow(() -> new IllegalStateException("subtitles are not finished"));
        stages.renderer()
                .render(
                        ws.dir().resolve(subs.outputs().get("take")),
                        ws.file(WorkspaceFile.ASS),
                        ws.file(WorkspaceFile.FINAL_VIDEO));
        return Map.of(
                "file",
                ws.dir().relativize(ws.file(WorkspaceFile.FINAL_VIDEO)).toString(),
                "cover",
                ws.dir().relativize(ws.file(WorkspaceFile.COVER)).toString());
    }
}
