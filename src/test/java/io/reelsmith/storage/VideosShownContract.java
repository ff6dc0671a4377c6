package io.reelsmith.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.reelsmith.app.Page;
import io.reelsmith.app.video.StepRow;
import io.reelsmith.app.video.VideoStatus;
import io.reelsmith.app.video.VideoStore;
import io.reelsmith.pipeline.StepStatus;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The video's JSON (what clients poll while it is made) reads its row, its money and its steps in one query, and a
 * page of videos in one query; on each database (subclasses).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class VideosShownContract {
    private Database db;
    private Videos videos;
    private String owner;
    private final List<String> ids = new ArrayList<>();
    private final AtomicInteger statements = new AtomicInteger();

    protected abstract Database db();

    @BeforeAll
    void fiveVideosOneFailedForItsBudget() {
        db = db();
        // the statements of this class's own Videos only: the database may be shared with other test classes
        Jdbi jdbi = Jdbi.create(db.dataSource()).setSqlLogger(new SqlLogger() {
            @Override
            public void logAfterExecution(StatementContext context) {
                statements.incrementAndGet();
            }
        });
        videos = new Videos(jdbi);
        owner = new Users(db.jdbi())
                .create("owner-" + UUID.randomUUID() + "@example.com", "hash")
                .orElseThrow()
                .id();
        String other = new Users(db.jdbi())
                .create("other-" + UUID.randomUUID() + "@example.com", "hash")
                .orElseThrow()
                .id();
        for (int i = 0; i < 5; i++) ids.add(create(owner, "video " + i));
        create(other, "someone else's");
        OffsetDateTime t0 = OffsetDateTime.now(ZoneOffset.UTC);
        db.jdbi().useHandle(h -> {
            for (int i = 0; i < ids.size(); i++)
                h.execute("UPDATE videos SET created_at = ? WHERE id = ?", t0.plusSeconds(i), ids.get(i));
            h.execute("UPDATE videos SET status = 'FAILED', fail_reason = 'budget' WHERE id = ?", ids.get(1));
            spend(ids.get(1), "block-1", "1.20", "CHARGED");
            spend(ids.get(1), "block-2", "0.80", "UNCERTAIN");
            spend(ids.get(1), "block-3", "5.00", "NOT_CHARGED");
            step(ids.get(1), "script", "DONE", 1, null, "{\"script\":\"script.json\"}");
            step(ids.get(1), "block-1", "FAILED", 2, "the budget is spent", "{}");
        });
    }

    @Test
    void aVideoComesWithWhatItSpentWhyItFailedAndItsStepsInOneQuery() {
        statements.set(0);
        VideoStore.Status s = videos.findStatus(owner, ids.get(1)).orElseThrow();
        assertThat(statements.get()).isEqualTo(1);
        assertThat(s.shown().video().theme()).isEqualTo("video 1");
        assertThat(s.shown().spentUsd())
                .isEqualByComparingTo("2.00"); // charged and uncertain, not the call that was not charged
        assertThat(s.shown().failReason()).isEqualTo("budget");
        assertThat(s.steps())
                .extracting(StepRow::name, StepRow::status, StepRow::attempts, StepRow::error, StepRow::outputs)
                .containsExactlyInAnyOrder(
                        tuple("script", StepStatus.DONE, 1, null, Map.of("script", "script.json")),
                        tuple("block-1", StepStatus.FAILED, 2, "the budget is spent", Map.of()));
        VideoStore.Status unstarted = videos.findStatus(owner, ids.get(0)).orElseThrow();
        assertThat(unstarted.shown().spentUsd()).isEqualByComparingTo("0");
        assertThat(unstarted.shown().failReason()).isNull();
        assertThat(unstarted.steps()).isEmpty();
        assertThat(statements.get()).isEqualTo(2);
        assertThat(videos.findStatus("someone-else", ids.get(0))).isEmpty();
    }

    @Test
    void aPageIsOneQueryWithTheTotal() {
        statements.set(0);
        Page<VideoStore.Shown> first = videos.listShown(owner, 2, 0);
        assertThat(statements.get()).isEqualTo(1);
        assertThat(first.total()).isEqualTo(5);
        assertThat(first.items())
                .extracting(s -> s.video().theme())
                .containsExactly("video 4", "video 3"); // newest first
        Page<VideoStore.Shown> last = videos.listShown(owner, 2, 4);
        assertThat(last.items()).extracting(s -> s.video().theme()).containsExactly("video 0");
        assertThat(last.total()).isEqualTo(5);
        Page<VideoStore.Shown> middle = videos.listShown(owner, 2, 2);
        assertThat(middle.items()).extracting(s -> s.video().id()).containsExactly(ids.get(2), ids.get(1));
        assertThat(middle.items().get(1).spentUsd()).isEqualByComparingTo("2.00");
        Page<VideoStore.Shown> past = videos.listShown(owner, 2, 10);
        assertThat(past.items()).isEmpty();
        assertThat(past.total()).isEqualTo(5);
        assertThat(videos.listShown("nobody", 2, 0).total()).isZero();
    }

    @Test
    void aNewScriptReplansADraftsBlocksAndEstimateButNotAStartedVideo() {
        assertThat(videos.replanDraft(ids.get(0), 3, new BigDecimal("9.87"))).isTrue();
        var v = videos.findStatus(owner, ids.get(0)).orElseThrow().shown().video();
        assertThat(v.blocks()).isEqualTo(3);
        assertThat(v.estimateUsd()).isEqualByComparingTo("9.87");
        assertThat(videos.replanDraft(ids.get(1), 3, BigDecimal.ONE)).isFalse(); // failed: no longer a draft
    }

    private String create(String ownerId, String theme) {
        return TestDatabases.video(db.jdbi(), ownerId, theme, VideoStatus.DRAFT);
    }

    private void step(String videoId, String name, String status, int attempts, String error, String outputs) {
        db.jdbi()
                .useHandle(h -> h.execute(
                        "INSERT INTO video_steps (video_id, name, status, attempts, millis, error, outputs) "
                                + "VALUES (?, ?, ?, ?, 40, ?, ?)",
                        videoId,
                        name,
                        status,
                        attempts,
                        error,
                        outputs));
    }

    private void spend(String videoId, String step, String usd, String status) {
        db.jdbi()
                .useHandle(h -> h.execute(
                        "INSERT INTO spend_entries (video_id, user_id, step, entry_key, model, kind, quantity, unit, usd, status, at) "
                                + "VALUES (?, ?, ?, '', 'veo', 'generate', 8, 'second', ?, ?, ?)",
                        videoId,
                        owner,
                        step,
                        new BigDecimal(usd),
                        status,
                        OffsetDateTime.now(ZoneOffset.UTC)));
    }
}
