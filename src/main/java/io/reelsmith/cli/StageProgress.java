package io.reelsmith.cli;

import io.reelsmith.pipeline.Pipeline;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/** One progress bar per stage (character, script, video, subtitles, render) on stderr, and the time each took. */
final class StageProgress implements Pipeline.Listener, AutoCloseable {
    private final PrintStream out;
    private final int blocks;
    private ProgressBar bar;
    private String stage;
    final Map<String, Long> stageMillis = new LinkedHashMap<>();

    StageProgress(PrintStream out, int blocks) {
        this.out = out;
        this.blocks = blocks;
    }

    static String stageOf(String step) {
        return step.startsWith("block-") ? "video" : step;
    }

    @Override
    public void stepStarted(String step, int index, int total) {
        String s = stageOf(step);
        if (!s.equals(stage)) {
            closeBar();
            stage = s;
            int max = s.equals("video") ? Math.max(1, total - 4) : 1;
            bar = new ProgressBarBuilder().setTaskName(String.format("%-9s", s)).setInitialMax(max)
                    .setStyle(ProgressBarStyle.ASCII).setMaxRenderedLength(70).hideEta()
                    .setConsumer(new ConsoleProgressBarConsumer(out)).setUpdateIntervalMillis(500).build();
        }
    }

    @Override
    public void stepFinished(String step, long millis, boolean skipped) {
        stageMillis.merge(stageOf(step), millis, Long::sum);
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
