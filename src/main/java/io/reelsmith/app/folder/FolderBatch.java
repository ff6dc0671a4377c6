package io.reelsmith.app.folder;

import io.reelsmith.app.batch.Themes;
import io.reelsmith.app.money.BudgetExceeded;
import io.reelsmith.app.money.BudgetPolicy;
import io.reelsmith.kernel.StepListener;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code make --themes FILE}: one video per theme, each made by {@link FolderMaker} in its own folder {@code OUT/NN-theme/}
 * (so running the batch again resumes each video), under one shared budget. Before each video its estimate is held
 * against what the budget has left after the videos before it; the first that would cross it is not started, nor any
 * after it. A video that fails does not stop the others; what it spent still counts.
 */
public final class FolderBatch {
    public enum Status {
        DONE,
        NOT_MADE,
        SKIPPED,
        FAILED
    }

    /** One theme's outcome: its folder, what it cost (null: nothing), and why it was not made ({@code error} when it failed). */
    public record Outcome(
            int position, String theme, Path dir, Status status, BigDecimal costUsd, String reason, Exception error) {}

    /** Told as the batch goes, for the user to follow it. */
    public interface Progress {
        void starting(int position, int of, String theme, Path dir);

        void stopped(int position, String theme, BudgetExceeded why);

        void failed(int position, Exception error);

        /** The progress of one video's steps. */
        StepListener steps();
    }

    private final FolderMaker maker;

    public FolderBatch(FolderMaker maker) {
        this.maker = maker;
    }

    /** Makes the video of each theme in {@code out}; {@code budgetUsd} null: no batch budget. */
    public List<Outcome> run(
            FolderMaker.Request r,
            List<String> themes,
            Path out,
            BigDecimal budgetUsd,
            boolean dryRun,
            boolean yes,
            FolderMaker.Approval approval,
            Progress progress) {
        BigDecimal spent = BigDecimal.ZERO;
        List<Outcome> outcomes = new ArrayList<>();
        String stoppedAt = null;
        for (int i = 0; i < themes.size(); i++) {
            int position = i + 1;
            String theme = themes.get(i);
            Path dir = out.resolve(Themes.slug(position, theme));
            if (stoppedAt != null) {
                outcomes.add(new Outcome(
                        position, theme, dir, Status.SKIPPED, null, "budget: the batch stopped at " + stoppedAt, null));
                continue;
            }
            BigDecimal left =
                    budgetUsd == null ? null : budgetUsd.subtract(spent).max(BigDecimal.ZERO);
            progress.starting(position, themes.size(), theme, dir);
            try {
                FolderMaker.Made m = maker.make(r, theme, dir, left, dryRun, yes, approval, progress.steps());
                if (m == null) {
                    outcomes.add(new Outcome(
                            position, theme, dir, Status.NOT_MADE, null, dryRun ? "dry run" : "declined", null));
                    continue;
                }
                spent = spent.add(m.costUsd());
                outcomes.add(new Outcome(position, theme, dir, Status.DONE, m.costUsd(), null, null));
            } catch (BudgetExceeded e) {
                if (e.kind() != BudgetPolicy.Kind.BATCH) {
                    outcomes.add(failed(position, theme, dir, e, progress));
                    continue;
                }
                progress.stopped(position, theme, e);
                outcomes.add(
                        new Outcome(position, theme, dir, Status.SKIPPED, null, "budget: " + e.getMessage(), null));
                stoppedAt = "video " + position;
            } catch (Exception e) {
                Outcome failed = failed(position, theme, dir, e, progress);
                spent = spent.add(failed.costUsd());
                outcomes.add(failed);
            }
        }
        return outcomes;
    }

    private Outcome failed(int position, String theme, Path dir, Exception e, Progress progress) {
        progress.failed(position, e);
        return new Outcome(position, theme, dir, Status.FAILED, maker.spentIn(dir), null, e);
    }
}
