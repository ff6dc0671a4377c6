package io.reelsmith.cli;

import io.reelsmith.kernel.Step;
import io.reelsmith.kernel.StepListener;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of a run for people and machines, one of three forms ({@link #of}): on a terminal one progress bar
 * per stage (character, script, video, subtitles, render); written to a file or a pipe, plain lines — one
 * when a stage starts and ends and one each time the video stage passes another ~10 % (a redrawn bar would
 * be repeated line after line there); with {@code --json-progress}, {@link JsonProgress}. All record the time
 * each stage took.
 */
abstract class StageProgress implements StepListener, AutoCloseable {
    final Map<String, Long> stageMillis = new LinkedHashMap<>();
    final PrintStream out;
    private String stage;

    StageProgress(PrintStream out) {
        this.out = out;
    }

    static StageProgress of(PrintStream out, boolean terminal, boolean json) {
        if (json) return new JsonProgress(out);
        return terminal ? new Bars(out) : new Lines(out);
    }

    /** The parallel plan's keyframes were seen: its run has n+1 keyframes and n blocks (else n blocks only). */
    private boolean keyframes;

    static String stageOf(Step step) {
        return step.stage();
    }

    /**
     * Steps a stage has: the blocks for video, the keyframes for storyboard, else one. {@code total} counts every step of
     * the run: character, script, (n+1 keyframes,) n blocks, subtitles, render.
     */
    int stepsOf(String stage, int total) {
        int blocks = keyframes ? (total - 5) / 2 : total - 4;
        return switch (stage) {
            case "video" -> Math.max(1, blocks);
            case "storyboard" -> blocks + 1;
            default -> 1;
        };
    }

    /** Notes what kind of run this is and when a stage begins; the forms below call it first. */
    @Override
    public void stepStarted(Step step, int index, int total) {
        if (step instanceof Step.Keyframe) keyframes = true;
        String s = stageOf(step);
        if (s.equals(stage)) return;
        stage = s;
        stageStarted(s, stepsOf(s, total));
    }

    /** A stage begins, with this many steps; the forms that show stages override it. */
    void stageStarted(String stage, int steps) {}

    @Override
    public void stepFinished(Step step, long millis, boolean skipped) {
        stageMillis.merge(stageOf(step), millis, Long::sum);
    }

    @Override
    public void close() {}

    /** The terminal form: bars redrawn in place. */
    static final class Bars extends StageProgress {
        private ProgressBar bar;

        Bars(PrintStream out) {
            super(out);
        }

        @Override
        void stageStarted(String stage, int steps) {
            closeBar();
            bar = new ProgressBarBuilder()
                    .setTaskName(String.format("%-9s", stage))
                    .setInitialMax(steps)
                    .setStyle(ProgressBarStyle.ASCII)
                    .setMaxRenderedLength(70)
                    .hideEta()
                    .setConsumer(new ConsoleProgressBarConsumer(out))
                    .setUpdateIntervalMillis(500)
                    .build();
        }

        @Override
        public void stepFinished(Step step, long millis, boolean skipped) {
            super.stepFinished(step, millis, skipped);
            if (bar != null) {
                bar.step();
                if (skipped) bar.setExtraMessage("(reused)");
            }
        }

        private void closeBar() {
            if (bar != null) bar.close();
            bar = null;
        }

        @Override
        public void close() {
            closeBar();
        }
    }

    /** Logs and pipes: a line per stage start and end, and one per ~10 % of the video stage. */
    static final class Lines extends StageProgress {
        private int steps, done, lastDecile, reused;

        Lines(PrintStream out) {
            super(out);
        }

        @Override
        void stageStarted(String stage, int steps) {
            this.steps = steps;
            done = 0;
            lastDecile = 0;
            reused = 0;
            out.println(steps > 1 ? stage + ": started, " + steps + " steps" : stage + ": started");
        }

        @Override
        public void stepFinished(Step step, long millis, boolean skipped) {
            super.stepFinished(step, millis, skipped);
            done++;
            if (skipped) reused++;
            String s = stageOf(step);
            if (done >= steps) {
                out.printf(
                        Locale.ROOT,
                        "%s: done in %.1f s%s%n",
                        s,
                        stageMillis.getOrDefault(s, 0L) / 1000.0,
                        reused == 0 ? "" : " (" + reused + " of " + steps + " reused from an earlier run)");
                return;
            }
            int decile = done * 10 / steps;
            if (decile > lastDecile) {
                lastDecile = decile;
                out.printf(Locale.ROOT, "%s: %d%% (%d/%d)%n", s, done * 100 / steps, done, steps);
            }
        }
    }
}
