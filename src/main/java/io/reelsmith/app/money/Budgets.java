package io.reelsmith.app.money;

import io.reelsmith.app.Transactions;
import io.reelsmith.app.money.BudgetPolicy.Kind;
import io.reelsmith.app.money.BudgetPolicy.Limit;
import io.reelsmith.kernel.Step;
import io.reelsmith.kernel.TakePlan;
import io.reelsmith.pipeline.StepGate;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The service's budgets, held to the one {@link BudgetPolicy}. A user's budget is theirs (set by an administrator) or
 * the configured default; spent is every charged or uncertain entry of the ledger; reserved is, for each of the user's
 * queued or running videos, the estimate reserved when it was queued minus what it has spent since. A start, retry or
 * regenerate reserves its estimate in the same transaction as its status change, with the user's row locked, so
 * concurrent starts by one user cannot together exceed the budget ({@link #reserveAndQueue}); a running job checks each
 * paid step before it runs ({@link #gate}), in the transaction that records the step as started.
 */
public final class Budgets {
    /** The caller's money: budget (null: unlimited), spent, reserved, remaining (null: unlimited; never below 0). */
    public record Account(BigDecimal budgetUsd, BigDecimal spentUsd, BigDecimal reservedUsd, BigDecimal remainingUsd) {}

    private final BudgetStore store;
    private final Transactions tx;
    private final BigDecimal defaultUserBudget;
    private final StepPrices prices;

    /** {@code defaultUserBudget}: null for no limit. */
    public Budgets(BudgetStore store, Transactions tx, BigDecimal defaultUserBudget, StepPrices prices) {
        this.store = store;
        this.tx = tx;
        this.defaultUserBudget = defaultUserBudget;
        this.prices = prices;
    }

    public StepPrices prices() {
        return prices;
    }

    public Account account(String userId) {
        return tx.inTransaction(() -> account(userId, null));
    }

    /** What a video has spent (charged and uncertain). */
    public BigDecimal spentOn(String videoId) {
        return store.spentOnVideo(videoId);
    }

    /** Sets the optional cap of a video (given when it is planned). */
    public void setCap(String videoId, BigDecimal capUsd) {
        store.setCap(videoId, capUsd);
    }

    /** The price of the steps a run of a video of {@code blocks} blocks still has to make, rounded up to the cent. */
    public BigDecimal estimate(String provider, int blocks, List<Step> steps) {
        return estimate(provider, blocks, TakePlan.CONTINUOUS, steps);
    }

    /** The same in a video filmed with {@code plan}. */
    public BigDecimal estimate(String provider, int blocks, TakePlan plan, List<Step> steps) {
        return prices.steps(provider, blocks, plan, steps).setScale(2, RoundingMode.UP);
    }

    /** Refuses with {@link BudgetExceeded} (before anything is paid) when {@code cost} does not fit the user's budget or the video's cap. */
    public void check(String userId, String videoId, BigDecimal cost, String what) {
        holdingUser(userId, () -> {
            refuseIfOver(userId, videoId, cost, what);
            return null;
        });
    }

    /**
     * In one transaction with the owner's row locked: refuses with {@link BudgetExceeded} when {@code estimateUsd} is over
     * what the user's budget (less spend and other videos' reservations) or the video's cap still allow; otherwise
     * runs {@code transition} (the conditional status change; false: refused, nothing reserved) and reserves the
     * estimate for the video.
     */
    public boolean reserveAndQueue(String userId, String videoId, BigDecimal estimateUsd, BooleanSupplier transition) {
        return holdingUser(userId, () -> {
            refuseIfOver(userId, videoId, estimateUsd, "starting it");
            if (!transition.getAsBoolean()) return false;
            store.reserve(videoId, estimateUsd, store.spentOnVideo(videoId));
            return true;
        });
    }

    /** Runs {@code work} in one transaction with the user's row locked: nothing else reserves against their budget meanwhile. */
    public <T> T holdingUser(String userId, Supplier<T> work) {
        return tx.inTransaction(() -> {
            store.lockUser(userId);
            return work.get();
        });
    }

    /**
     * The running job's check before each unfinished paid step of a video (and a block's retake): it stops before a call
     * that would cross a limit. Asked inside the journal's start of the step, so its reads share that transaction.
     */
    public StepGate gate(String ownerId, String videoId, String provider, int blocks) {
        return gate(ownerId, videoId, provider, blocks, TakePlan.CONTINUOUS);
    }

    /** The same in a video filmed with {@code plan}; steps that run at once (the parallel plan's) are checked together first. */
    public StepGate gate(String ownerId, String videoId, String provider, int blocks, TakePlan plan) {
        return new StepGate() {
            public void beforeStep(Step step) {
                BigDecimal cost = prices.step(provider, blocks, plan, step);
                if (cost.signum() > 0) refuseIfOver(ownerId, videoId, cost, "paying for " + step);
            }

            public void beforeSteps(List<Step> steps) {
                BigDecimal cost = prices.steps(provider, blocks, plan, steps);
                if (cost.signum() > 0)
                    check(
                            ownerId,
                            videoId,
                            cost,
                            "paying for " + steps.stream().map(Step::text).collect(Collectors.joining(", ")));
            }
        };
    }

    /** Throws {@link BudgetExceeded} when {@code cost} is over what the user's budget or the video's cap still allow. */
    public void refuseIfOver(String userId, String videoId, BigDecimal cost, String what) {
        Account a = account(userId, videoId);
        BudgetPolicy.check(
                what,
                cost,
                new Limit(Kind.USER_ACCOUNT, a.budgetUsd(), a.spentUsd(), a.reservedUsd()),
                Limit.of(Kind.VIDEO_CAP, store.cap(videoId), store.spentOnVideo(videoId)));
    }

    /** {@code exceptVideo}: a video whose own reservation is not held against itself (its start or its run). */
    private Account account(String userId, String exceptVideo) {
        BigDecimal budget = store.userBudget(userId);
        if (budget == null) budget = defaultUserBudget;
        BigDecimal spent = store.spentByUser(userId);
        BigDecimal reserved = BigDecimal.ZERO;
        for (BudgetStore.Reservation r : store.reservations(userId)) {
            if (r.videoId().equals(exceptVideo)) continue;
            BigDecimal since = r.spentNowUsd().subtract(r.spentThenUsd());
            reserved = reserved.add(r.reservedUsd().subtract(since).max(BigDecimal.ZERO));
        }
        BigDecimal remaining = budget == null
                ? null
                : budget.subtract(spent).subtract(reserved).max(BigDecimal.ZERO);
        return new Account(budget, spent, reserved, remaining);
    }
}
