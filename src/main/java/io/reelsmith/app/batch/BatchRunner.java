package io.reelsmith.app.batch;

import io.reelsmith.app.batch.BatchStore.BatchRow;
import io.reelsmith.app.batch.BatchStore.Item;
import io.reelsmith.app.batch.BatchStore.ItemState;
import io.reelsmith.app.money.BudgetExceeded;
import io.reelsmith.app.money.BudgetPolicy;
import io.reelsmith.app.money.BudgetPolicy.Kind;
import io.reelsmith.app.money.BudgetPolicy.Limit;
import io.reelsmith.app.money.Budgets;
import io.reelsmith.app.provider.ProviderRegistry;
import io.reelsmith.app.video.VideoService;
import io.reelsmith.app.video.VideoStatus;
import io.reelsmith.app.video.VideoStore;
import io.reelsmith.kernel.Step;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a batch's videos in theme order. For each theme: reserve its estimate against the batch budget (with
 * the batch's and the owner's rows locked, so nothing else reserves meanwhile), then plan the video with a cap
 * equal to that reservation, then start it (which reserves against the owner's budget as any start does). The
 * cap makes the reservation a hard limit: the running video stops before a call past it, so the batch can
 * never spend more than its budget. A theme whose estimate does not fit is SKIPPED (reason budget) before any
 * call, and so is every theme after it: the batch stops there. Each theme's state moves forward in the
 * database before the next step, so a crashed starter run again (the job server's retry, or the next process start)
 * resumes where it stopped and never plans or starts a video twice.
 */
public final class BatchRunner {
    private static final Logger LOG = LoggerFactory.getLogger(BatchRunner.class);
    private final BatchStore batches;
    private final VideoStore videos;
    private final VideoService service;
    private final Budgets budgets;
    private final ProviderRegistry pricing;

    public BatchRunner(
            BatchStore batches, VideoStore videos, VideoService service, Budgets budgets, ProviderRegistry pricing) {
        this.batches = batches;
        this.videos = videos;
        this.service = service;
        this.budgets = budgets;
        this.pricing = pricing;
    }

    public void run(String batchId) {
        BatchRow b = batches.find(batchId).orElse(null);
        if (b == null) return; // deleted meanwhile
        BigDecimal estimate = reservation(b.provider(), b.blocks());
        String stoppedAt = null;
        for (Item item : batches.items(batchId)) {
            if (stoppedAt != null) {
                batches.settle(
                        batchId,
                        item.position(),
                        ItemState.SKIPPED,
                        "budget",
                        "not started: the batch stopped at " + stoppedAt
                                + ", whose estimate was over what the budget had left; nothing was spent");
                continue;
            }
            if (item.state() == ItemState.SKIPPED && "budget".equals(item.reason())) { // a previous run stopped here
                stoppedAt = "theme " + item.position();
                continue;
            }
            if (item.state() == ItemState.PENDING) {
                Reservation r = reserve(b, item, estimate);
                if (r.refusal() != null) {
                    LOG.info("batch {} theme {} skipped: {}", batchId, item.position(), r.refusal());
                    batches.settle(batchId, item.position(), ItemState.SKIPPED, "budget", r.refusal());
                    stoppedAt = "theme " + item.position();
                    continue;
                }
                if (!r.reserved()) continue; // another run of the starter took it (never two at once, but safe)
                item = new Item(
                        batchId,
                        item.position(),
                        item.theme(),
                        item.videoId(),
                        ItemState.RESERVED,
                        estimate,
                        null,
                        null);
            }
            if (item.state() == ItemState.RESERVED) start(b, item);
        }
    }

    /**
     * What one theme reserves, which becomes its video's cap: what planning spends (the script), rounded up to the cent,
     * plus the start's estimate of the steps after it, rounded up as {@link Budgets#estimate} rounds it. Rounding the
     * whole once instead left the cap a fraction of a cent below what the start then asks for, and the start refused.
     */
    private BigDecimal reservation(String provider, int blocks) {
        List<Step> steps = Step.all(blocks);
        BigDecimal run = budgets.prices().steps(provider, blocks, steps);
        BigDecimal planning =
                pricing.estimateUsd(provider, blocks).subtract(run).max(BigDecimal.ZERO);
        return planning.setScale(2, RoundingMode.UP).add(budgets.estimate(provider, blocks, steps));
    }

    /** Plans (unless a previous run did) and starts one reserved theme's video. */
    private void start(BatchRow b, Item item) {
        try {
            if (videos.find(item.videoId()).isEmpty()) {
                service.plan(
                        b.ownerId(),
                        new VideoService.NewVideo(
                                item.theme(),
                                b.characterId(),
                                b.blocks(),
                                b.language(),
                                b.provider(),
                                item.reservedUsd()),
                        item.videoId());
            }
            if (videos.status(item.videoId()).orElseThrow() == VideoStatus.DRAFT)
                service.start(b.ownerId(), item.videoId());
            batches.started(b.id(), item.position());
        } catch (BudgetExceeded e) { // the owner's budget, checked again when the video is queued
            batches.settle(b.id(), item.position(), ItemState.SKIPPED, "budget", e.getMessage());
        } catch (Exception e) {
            LOG.warn("batch {} theme {} failed before its video started: {}", b.id(), item.position(), e.toString());
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            batches.settle(
                    b.id(),
                    item.position(),
                    ItemState.FAILED,
                    "error",
                    m.length() <= 2000 ? m : m.substring(0, 1997) + "…");
        }
    }

    /** What {@link #reserve} did: reserved; refused, and why in plain words; or neither (the theme was no longer pending). */
    private record Reservation(boolean reserved, String refusal) {
        static Reservation refused(String why) {
            return new Reservation(false, why);
        }
    }

    /** Reserves the theme's estimate, unless the batch's or the owner's budget is short. */
    private Reservation reserve(BatchRow b, Item item, BigDecimal estimate) {
        return budgets.holdingUser(b.ownerId(), () -> {
            batches.lock(b.id());
            BigDecimal held = BigDecimal.ZERO, spent = BigDecimal.ZERO;
            for (Item other : batches.items(b.id())) {
                BigDecimal s = budgets.spentOn(other.videoId());
                spent = spent.add(s);
                held = held.add(held(other.state(), other.reservedUsd(), s));
            }
            try {
                BudgetPolicy.check(
                        "it",
                        estimate,
                        new Limit(
                                Kind.BATCH,
                                b.budgetUsd(),
                                spent,
                                held.subtract(spent).max(BigDecimal.ZERO)));
                budgets.refuseIfOver(b.ownerId(), item.videoId(), estimate, "starting it");
            } catch (BudgetExceeded e) {
                return Reservation.refused("not started: " + e.getMessage());
            }
            return new Reservation(batches.reserve(b.id(), item.position(), estimate), null);
        });
    }

    /**
     * What a theme holds of the batch budget: a reserved or started video its reservation (its cap: it can never
     * spend more) or what it spent if more; any other theme what it spent (nothing, but for a plan that failed).
     */
    static BigDecimal held(ItemState state, BigDecimal reserved, BigDecimal spent) {
        return state == ItemState.RESERVED || state == ItemState.STARTED ? reserved.max(spent) : spent;
    }
}
