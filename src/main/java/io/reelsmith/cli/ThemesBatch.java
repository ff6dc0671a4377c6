package io.reelsmith.cli;

import io.reelsmith.app.batch.Themes;
import io.reelsmith.app.folder.FolderBatch;
import io.reelsmith.app.folder.FolderBatch.Outcome;
import io.reelsmith.app.folder.FolderBatch.Status;
import io.reelsmith.app.money.BudgetExceeded;
import io.reelsmith.google.CostEstimate;
import io.reelsmith.kernel.StepListener;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * {@code make --themes FILE}: checks the file and the options, has {@link FolderBatch} make one video per theme under
 * the shared {@code --budget-usd}, says how it goes on stderr, and ends with a table of every theme. The exit code is
 * 1 unless every video was made.
 */
final class ThemesBatch {
    /** The batch's options on {@code make}'s command line. */
    static final class Options {
        @Option(
                names = "--themes",
                description =
                        "A batch: one theme per line (blank lines and # comments ignored), one video each in DIR/NN-theme/.")
        Path themesFile;

        @Option(
                names = "--budget-usd",
                description =
                        "With --themes: the most the whole batch may spend, in US dollars; it stops before a video whose estimate would cross it.")
        BigDecimal budgetUsd;
    }

    private final MakeCommand make;

    ThemesBatch(MakeCommand make) {
        this.make = make;
    }

    int run() throws Exception {
        // Every input is checked before the first video starts.
        if (make.theme != null) throw new IllegalArgumentException("give either --theme or --themes, not both");
        if (make.scriptOptions.scriptFile != null)
            throw new IllegalArgumentException(
                    "--script cannot be used with --themes (each theme gets its own script)");
        if (make.batch.budgetUsd != null && make.batch.budgetUsd.signum() <= 0)
            throw new IllegalArgumentException(
                    "--budget-usd must be above 0, not " + make.batch.budgetUsd.toPlainString());
        if (!Files.isRegularFile(make.batch.themesFile))
            throw new IllegalArgumentException("themes file not found: " + make.batch.themesFile);
        List<String> themes;
        try {
            themes = Themes.parse(Files.readString(make.batch.themesFile, StandardCharsets.UTF_8));
        } catch (MalformedInputException e) {
            throw new IllegalArgumentException(make.batch.themesFile + " is not UTF-8 text");
        }
        if (themes.isEmpty())
            throw new IllegalArgumentException(
                    make.batch.themesFile + " has no theme (one per line; blank lines and # comments are ignored)");
        try {
            themes = Themes.check(themes);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(make.batch.themesFile + ": " + e.getMessage());
        }
        MakeCommand.Inputs in = make.inputs(themes.get(0));
        List<Outcome> outcomes;
        try (Console console = new Console(in)) {
            outcomes = new FolderBatch(in.maker())
                    .run(
                            in.request(),
                            themes,
                            make.out,
                            make.batch.budgetUsd,
                            make.dryRun,
                            make.yes,
                            in.approval(),
                            console);
        }
        PrintStream report = make.video.messages();
        print(report, outcomes);
        long notDone = outcomes.stream().filter(o -> o.status() != Status.DONE).count();
        if (notDone > 0 && !make.dryRun) {
            System.err.println("reelsmith: " + notDone + " of " + outcomes.size() + " videos not made (see the table)");
            return 1;
        }
        return 0;
    }

    /** Tells the user on stderr how the batch goes; each video's steps get their own progress display. */
    private final class Console implements FolderBatch.Progress, AutoCloseable {
        private final MakeCommand.Inputs in;
        private StageProgress steps;

        Console(MakeCommand.Inputs in) {
            this.in = in;
        }

        @Override
        public void starting(int position, int of, String theme, Path dir) {
            close();
            System.err.println("reelsmith: video " + position + " of " + of + ": \"" + theme + "\" -> " + dir);
            steps = make.progress(in);
        }

        @Override
        public void stopped(int position, String theme, BudgetExceeded why) {
            System.err.println(
                    "reelsmith: stopped before video " + position + " \"" + theme + "\": " + why.getMessage());
        }

        @Override
        public void failed(int position, Exception error) {
            System.err.println("reelsmith: video " + position + " failed: " + Main.oneLine(error));
        }

        @Override
        public StepListener steps() {
            return steps;
        }

        @Override
        public void close() {
            if (steps != null) steps.close();
            steps = null;
        }
    }

    private void print(PrintStream out, List<Outcome> rows) {
        int width = Math.min(
                40, rows.stream().mapToInt(r -> r.theme().length()).max().orElse(5));
        out.printf(Locale.ROOT, "%3s  %-8s  %8s  %-" + width + "s  %s%n", "#", "status", "cost", "theme", "result");
        BigDecimal spent = BigDecimal.ZERO;
        for (Outcome r : rows) {
            String theme = r.theme().length() > width ? r.theme().substring(0, width - 1) + "…" : r.theme();
            out.printf(
                    Locale.ROOT,
                    "%3d  %-8s  %8s  %-" + width + "s  %s%n",
                    r.position(),
                    status(r.status()),
                    r.costUsd() == null ? "-" : CostEstimate.usd(r.costUsd()),
                    theme,
                    result(r));
            if (r.costUsd() != null) spent = spent.add(r.costUsd());
        }
        String budget =
                make.batch.budgetUsd == null ? "no batch budget" : "budget " + CostEstimate.usd(make.batch.budgetUsd);
        out.printf(
                Locale.ROOT,
                "%d done, %d failed, %d skipped; spent %s (%s, provider %s)%n",
                count(rows, Status.DONE),
                count(rows, Status.FAILED),
                count(rows, Status.SKIPPED),
                CostEstimate.usd(spent),
                budget,
                make.providerOptions.provider);
        out.flush();
    }

    private static String status(Status s) {
        return s == Status.NOT_MADE ? "not made" : s.name().toLowerCase(Locale.ROOT);
    }

    private static String result(Outcome r) {
        if (r.status() == Status.DONE)
            return r.dir().toAbsolutePath().normalize().resolve("final.mp4").toString();
        return r.error() != null ? Main.oneLine(r.error()) : r.reason();
    }

    private static long count(List<Outcome> rows, Status s) {
        return rows.stream().filter(r -> r.status() == s).count();
    }
}
