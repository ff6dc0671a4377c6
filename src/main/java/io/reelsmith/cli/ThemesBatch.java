package io.reelsmith.cli;

import io.reelsmith.app.GoogleRun;
import io.reelsmith.app.Themes;
import io.reelsmith.google.CostEstimate;
import io.reelsmith.kernel.Workspace;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code make --themes FILE}: one video per theme, each made by {@link MakeCommand} in its own folder
 * {@code OUT/NN-theme/} (so re-running the batch resumes each video), under one shared {@code --budget-usd}.
 * Before each video its estimate is checked against what the budget has left after the videos before it; the
 * first that would cross it is not started, nor any after it. A video that fails does not stop the others.
 * Ends with a table of every theme; the exit code is 1 unless every video was made.
 */
final class ThemesBatch {
    private record Row(int position, String theme, String status, BigDecimal costUsd, String result) { }

    private final MakeCommand make;

    ThemesBatch(MakeCommand make) {
        this.make = make;
    }

    int run() throws Exception {
        // Every input is checked before the first video starts.
        if (make.theme != null) throw new IllegalArgumentException("give either --theme or --themes, not both");
        if (make.scriptFile != null) throw new IllegalArgumentException("--script cannot be used with --themes (each theme gets its own script)");
        if (make.budgetUsd != null && make.budgetUsd.signum() <= 0) throw new IllegalArgumentException("--budget-usd must be above 0, not " + make.budgetUsd.toPlainString());
        if (!Files.isRegularFile(make.themesFile)) throw new IllegalArgumentException("themes file not found: " + make.themesFile);
        List<String> themes;
        try {
            themes = Themes.parse(Files.readString(make.themesFile, StandardCharsets.UTF_8));
        } catch (java.nio.charset.MalformedInputException e) {
            throw new IllegalArgumentException(make.themesFile + " is not UTF-8 text");
        }
        if (themes.isEmpty()) throw new IllegalArgumentException(make.themesFile + " has no theme (one per line; blank lines and # comments are ignored)");
        try {
            themes = Themes.check(themes);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(make.themesFile + ": " + e.getMessage());
        }
        MakeCommand.Inputs in = make.inputs(themes.get(0));

        PrintStream report = make.jsonProgress ? System.err : System.out; // stdout carries only JSON lines then
        BigDecimal spent = BigDecimal.ZERO;
        List<Row> rows = new ArrayList<>();
        String stoppedAt = null;
        for (int i = 0; i < themes.size(); i++) {
            String theme = themes.get(i);
            Path dir = make.out.resolve(Themes.slug(i + 1, theme));
            if (stoppedAt != null) {
                rows.add(new Row(i + 1, theme, "skipped", null, "budget: the batch stopped at " + stoppedAt));
                continue;
            }
            BigDecimal left = make.budgetUsd == null ? null : make.budgetUsd.subtract(spent).max(BigDecimal.ZERO);
            System.err.println("reelsmith: video " + (i + 1) + " of " + themes.size() + ": \"" + theme + "\" -> " + dir);
            try {
                MakeCommand.Made m = make.make(in, theme, dir, left);
                if (m == null) {
                    rows.add(new Row(i + 1, theme, "not made", null, make.dryRun ? "dry run" : "declined"));
                    continue;
                }
                BigDecimal cost = BigDecimal.valueOf(m.costUsd());
                spent = spent.add(cost);
                rows.add(new Row(i + 1, theme, "done", cost, m.ws().finalVideo().toString()));
            } catch (MakeCommand.OverBudget e) {
                String why = "budget: " + e.getMessage();
                System.err.println("reelsmith: stopped before video " + (i + 1) + " \"" + theme + "\": " + e.getMessage() + "; nothing was spent on it");
                rows.add(new Row(i + 1, theme, "skipped", null, why));
                stoppedAt = "video " + (i + 1);
            } catch (Exception e) {
                BigDecimal cost = in.google() ? GoogleRun.spentIn(in.config().spendLedger(), new Workspace(dir.toAbsolutePath())) : BigDecimal.ZERO;
                spent = spent.add(cost);
                System.err.println("reelsmith: video " + (i + 1) + " failed: " + Main.oneLine(e));
                rows.add(new Row(i + 1, theme, "failed", cost, Main.oneLine(e)));
            }
        }
        print(report, rows, spent);
        long notDone = rows.stream().filter(r -> !r.status().equals("done")).count();
        if (notDone > 0 && !make.dryRun) {
            System.err.println("reelsmith: " + notDone + " of " + rows.size() + " videos not made (see the table)");
            return 1;
        }
        return 0;
    }

    private void print(PrintStream out, List<Row> rows, BigDecimal spent) {
        int width = Math.min(40, rows.stream().mapToInt(r -> r.theme().length()).max().orElse(5));
        out.printf(Locale.ROOT, "%3s  %-8s  %8s  %-" + width + "s  %s%n", "#", "status", "cost", "theme", "result");
        for (Row r : rows) {
            String theme = r.theme().length() > width ? r.theme().substring(0, width - 1) + "…" : r.theme();
            out.printf(Locale.ROOT, "%3d  %-8s  %8s  %-" + width + "s  %s%n", r.position(), r.status(),
                    r.costUsd() == null ? "-" : CostEstimate.usd(r.costUsd()), theme, r.result());
        }
        String budget = make.budgetUsd == null ? "no batch budget" : "budget " + CostEstimate.usd(make.budgetUsd);
        out.printf(Locale.ROOT, "%d done, %d failed, %d skipped; spent %s (%s, provider %s)%n",
                rows.stream().filter(r -> r.status().equals("done")).count(), rows.stream().filter(r -> r.status().equals("failed")).count(),
                rows.stream().filter(r -> r.status().equals("skipped")).count(), CostEstimate.usd(spent), budget, make.provider);
        out.flush();
    }
}
