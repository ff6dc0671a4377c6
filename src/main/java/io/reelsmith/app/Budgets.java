package io.reelsmith.app;

import io.reelsmith.google.CostEstimate;
import io.reelsmith.pipeline.Pipeline;
import io.reelsmith.pipeline.StepGate;
import io.reelsmith.storage.Videos;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.function.Predicate;

/**
 * Budgets of the service. A user's budget is {@code users.budget_usd} (set by an administrator) or the configured
 * default; spent is every charged or uncertain entry of the ledger; reserved is, for each of the user's queued or
 * running videos, the estimate reserved when it was queued minus what it has spent since. A start/retry/regenerate
 * reserves its estimate in the same transaction as its status change, with the user's row locked, so concurrent
 * starts by one user cannot together exceed the budget ({@link #reserveAndQueue}); a running job checks each paid
 * step before it runs ({@link #gate}).
 *
 * @param defaultUserBudget null for no limit
 */
public record Budgets(Jdbi jdbi, BigDecimal defaultUserBudget, StepPrices prices) {

    /** The caller's money: budget (null: unlimited), spent, reserved, remaining (null: unlimited; never below 0). */
    public record Account(BigDecimal budgetUsd, BigDecimal spentUsd, BigDecimal reservedUsd, BigDecimal remainingUsd) { }

    public Account account(String userId) {
        return jdbi.withHandle(h -> account(h, userId, null));
    }

    /** What a video has spent (charged and uncertain). */
    public BigDecimal spentOn(String videoId) {
        return jdbi.withHandle(h -> spentOnVideo(h, videoId));
    }

    /** Sets the optional cap of a video (given when it is planned). */
    public void setCap(String videoId, BigDecimal capUsd) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE videos SET cap_usd = ? WHERE id = ?").bind(0, capUsd).bind(1, videoId).execute());
    }

    /** The price of the steps a run still has to make. */
    public BigDecimal estimate(String provider, String videoId, List<String> steps) {
        return prices.steps(provider, steps).setScale(2, RoundingMode.UP);
    }

    /**
     * In one transaction with the owner's row locked: refuses with {@link BudgetExceeded} when {@code estimateUsd}
     * is over what the user's budget (less spend and other videos' reservations) or the video's cap still allow;
     * otherwise runs {@code transition} (the conditional status update; false: refused, nothing reserved) and
     * reserves the estimate for the video.
     */
    public boolean reserveAndQueue(String userId, String videoId, BigDecimal estimateUsd, Predicate<Handle> transition) {
        return jdbi.inTransaction(h -> {
            h.createQuery("SELECT id FROM users WHERE id = ? FOR UPDATE").bind(0, userId).mapTo(String.class).one();
            refuseIfOver(h, userId, videoId, estimateUsd, "starting it");
            if (!transition.test(h)) return false;
            h.createUpdate("UPDATE videos SET reserved_usd = ?, reserved_base_usd = ?, fail_reason = NULL WHERE id = ?")
                    .bind(0, estimateUsd).bind(1, spentOnVideo(h, videoId)).bind(2, videoId).execute();
            return true;
        });
    }

    /** The running job's check before each unfinished paid step: it stops before a call that would cross a limit. */
    public StepGate gate() {
        return new StepGate() {
            @Override
            public void beforeStep(String videoId, String step) {
                check(videoId, step, null);
            }

            @Override
            public StepGate forProvider(String provider) {
                return (videoId, step) -> {
                    if (prices.step(provider, step).signum() != 0) check(videoId, step, provider);
                };
            }
        };
    }

    /** {@code provider}: the video's, when the caller knows it (null: read with the owner). */
    private void check(String videoId, String step, String provider) {
        jdbi.useHandle(h -> {
            var v = h.createQuery("SELECT owner_id, provider FROM videos WHERE id = ?").bind(0, videoId)
                    .map((rs, ctx) -> new String[]{rs.getString(1), rs.getString(2)}).findOne().orElse(null);
            if (v == null) return;
            BigDecimal cost = prices.step(provider != null ? provider : v[1], step);
            if (cost.signum() == 0) return;
            refuseIfOver(h, v[0], videoId, cost, "paying for " + step);
        });
    }

    /** Throws {@link BudgetExceeded} when {@code cost} is over what the user's budget or the video's cap still allow. */
    void refuseIfOver(Handle h, String userId, String videoId, BigDecimal cost, String what) {
        Account a = account(h, userId, videoId);
        BigDecimal cap = h.createQuery("SELECT cap_usd FROM videos WHERE id = ?").bind(0, videoId).mapTo(BigDecimal.class).findOne().orElse(null);
        BigDecimal capLeft = cap == null ? null : cap.subtract(spentOnVideo(h, videoId)).max(BigDecimal.ZERO);
        if (a.remainingUsd() != null && cost.compareTo(a.remainingUsd()) > 0) {
            throw new BudgetExceeded(what + " would cost about " + CostEstimate.usd(cost) + " but your budget has " + CostEstimate.usd(a.remainingUsd())
                    + " left (" + CostEstimate.usd(a.budgetUsd()) + " budget, " + CostEstimate.usd(a.spentUsd()) + " spent, "
                    + CostEstimate.usd(a.reservedUsd()) + " reserved by other videos); nothing was spent", cost, a.remainingUsd());
        }
        if (capLeft != null && cost.compareTo(capLeft) > 0) {
            throw new BudgetExceeded(what + " would cost about " + CostEstimate.usd(cost) + " but this video's cap of " + CostEstimate.usd(cap)
                    + " has " + CostEstimate.usd(capLeft) + " left; nothing was spent", cost, capLeft);
        }
    }

    /** {@code exceptVideo}: a video whose own reservation is not held against itself (its start or its run). */
    private Account account(Handle h, String userId, String exceptVideo) {
        BigDecimal budget = h.createQuery("SELECT budget_usd FROM users WHERE id = ?").bind(0, userId).mapTo(BigDecimal.class)
                .findOne().orElse(null);
        if (budget == null) budget = defaultUserBudget;
        BigDecimal spent = spentByUser(h, userId);
        BigDecimal reserved = BigDecimal.ZERO;
        var active = h.createQuery("SELECT id, reserved_usd, reserved_base_usd FROM videos WHERE owner_id = ? AND status IN ('QUEUED', 'RUNNING')")
                .bind(0, userId).map((rs, ctx) -> new Object[]{rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3)}).list();
        for (Object[] v : active) {
            if (v[0].equals(exceptVideo)) continue;
            BigDecimal since = spentOnVideo(h, (String) v[0]).subtract((BigDecimal) v[2]);
            reserved = reserved.add(((BigDecimal) v[1]).subtract(since).max(BigDecimal.ZERO));
        }
        BigDecimal remaining = budget == null ? null : budget.subtract(spent).subtract(reserved).max(BigDecimal.ZERO);
        return new Account(budget, spent, reserved, remaining);
    }

    static BigDecimal spentByUser(Handle h, String userId) {
        return h.createQuery("SELECT COALESCE(SUM(usd), 0) FROM spend_entries WHERE user_id = ? AND status <> 'NOT_CHARGED'")
                .bind(0, userId).mapTo(BigDecimal.class).one();
    }

    static BigDecimal spentOnVideo(Handle h, String videoId) {
        return h.createQuery(Videos.SPENT_ON_VIDEO).bind(0, videoId).mapTo(BigDecimal.class).one();
    }

    /** The steps of a video with {@code blocks} blocks from {@code step} on (regenerate from block k). */
    public static List<String> stepsFrom(int blocks, String step) {
        List<String> all = Pipeline.steps(blocks);
        return all.subList(all.indexOf(step), all.size());
    }
}
