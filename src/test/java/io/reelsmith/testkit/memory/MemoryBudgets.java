package io.reelsmith.testkit.memory;

import io.reelsmith.app.money.BudgetStore;
import io.reelsmith.app.video.VideoRow;
import io.reelsmith.app.video.VideoStatus;
import io.reelsmith.kernel.SpendEntry;
import io.reelsmith.kernel.SpendLedger;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The budgets' figures in memory: users' budgets here, spend from the ledger, reservations beside the video rows. */
public final class MemoryBudgets implements BudgetStore {
    private final MemoryVideos videos;
    private final SpendLedger ledger;
    private final Map<String, BigDecimal> userBudgets = new HashMap<>(), caps = new HashMap<>();
    private final Map<String, BigDecimal[]> reservations = new HashMap<>();

    public MemoryBudgets(MemoryVideos videos, SpendLedger ledger) {
        this.videos = videos;
        this.ledger = ledger;
        videos.spentFrom(this::spentOnVideo);
    }

    /** What an administrator's {@code users budget} sets (null: the default). */
    public synchronized void setUserBudget(String userId, BigDecimal usd) {
        userBudgets.put(userId, usd);
    }

    @Override
    public synchronized BigDecimal userBudget(String userId) {
        return userBudgets.get(userId);
    }

    @Override
    public void lockUser(String userId) {
        // one writer at a time: every method is synchronized
    }

    @Override
    public BigDecimal spentByUser(String userId) {
        return ledger.spentBy(userId);
    }

    @Override
    public BigDecimal spentOnVideo(String videoId) {
        return ledger.entries(videoId).stream()
                .filter(SpendEntry::counts)
                .map(e -> e.purchase().usd())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Override
    public synchronized List<Reservation> reservations(String userId) {
        return videos.all().stream()
                .filter(v -> v.ownerId().equals(userId))
                .filter(v -> v.status() == VideoStatus.QUEUED || v.status() == VideoStatus.RUNNING)
                .map(VideoRow::id)
                .filter(reservations::containsKey)
                .map(id -> new Reservation(
                        id, reservations.get(id)[0], reservations.get(id)[1], spentOnVideo(id)))
                .toList();
    }

    @Override
    public synchronized BigDecimal cap(String videoId) {
        return caps.get(videoId);
    }

    @Override
    public synchronized void setCap(String videoId, BigDecimal capUsd) {
        caps.put(videoId, capUsd);
    }

    @Override
    public synchronized void reserve(String videoId, BigDecimal reservedUsd, BigDecimal spentNowUsd) {
        reservations.put(videoId, new BigDecimal[] {reservedUsd, spentNowUsd});
        videos.clearFailReason(videoId);
    }
}
