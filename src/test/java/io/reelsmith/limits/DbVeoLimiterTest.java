package io.reelsmith.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.reelsmith.harness.PostgresHarness;
import io.reelsmith.storage.DbVeoLimiter;
import java.io.IOException;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** The shared limiter on PostgreSQL, with two limiter instances standing in for two worker machines. */
class DbVeoLimiterTest {
    private static PostgresHarness pg;
    private static PGSimpleDataSource db;

    @BeforeAll
    static void startPostgres() throws IOException {
        pg = PostgresHarness.start();
        db = new PGSimpleDataSource();
        db.setURL(pg.jdbcUrl());
        db.setUser(PostgresHarness.USER);
        DbVeoLimiter.migrate(db);
    }

    @AfterAll
    static void stopPostgres() {
        if (pg != null) pg.close();
    }

    @BeforeEach
    void emptyTables() throws Exception {
        try (Connection c = db.getConnection();
                Statement st = c.createStatement()) {
            st.execute("DELETE FROM \"veo_limits\".veo_operation_leases");
            st.execute("DELETE FROM \"veo_limits\".veo_request_log");
        }
    }

    private static VeoLimits limits(int concurrent, int perWindow, Duration window, Duration ttl, Duration maxWait) {
        return new VeoLimits(concurrent, perWindow, window, ttl, maxWait);
    }

    @Test
    void neverLetsMoreOperationsRunThanTheLimitAcrossWorkers() throws Exception {
        VeoLimits l = limits(3, 1000, Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofSeconds(60));
        List<VeoLimiter> workers = List.of(new DbVeoLimiter(db, l), new DbVeoLimiter(db, l));
        AtomicInteger running = new AtomicInteger(), maxRunning = new AtomicInteger(), finished = new AtomicInteger();
        Semaphore done = new Semaphore(0); // the test lets one held operation end per permit
        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<Future<?>> all = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            VeoLimiter limiter = workers.get(t % 2);
            all.add(threads.submit(() -> {
                VeoLimiter.Slot slot = limiter.acquire(UUID.randomUUID().toString());
                maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
                done.acquire(); // the operation runs inside its slot until the test ends it
                running.decrementAndGet();
                slot.release();
                finished.incrementAndGet();
                return null;
            }));
        }
        DbVeoLimiter limiter = (DbVeoLimiter) workers.get(0);
        try {
            await().atMost(Duration.ofSeconds(30)).until(running::get, n -> n >= 3);
            // The five others keep asking (a poll every 200 ms) and are kept out while the three run.
            await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(5)).until(running::get, n -> n == 3);
            assertThat(limiter.runningOperations()).isEqualTo(3);
            for (int ended = 1; ended <= 5; ended++) {
                done.release(); // one operation ends: one waiter, and only one, takes its slot
                int n = ended;
                await().atMost(Duration.ofSeconds(30)).until(() -> finished.get() == n && running.get() == 3);
            }
            done.release(3);
            for (Future<?> f : all) f.get();
        } finally {
            threads.shutdownNow(); // a failed check leaves no thread held
        }

        assertThat(finished).hasValue(8);
        assertThat(maxRunning.get()).isEqualTo(3); // reached, never exceeded
        assertThat(limiter.runningOperations()).isZero();
    }

    @Test
    void aResumedOperationTakesItsOwnSlotBackInsteadOfASecondOne() throws Exception {
        VeoLimiter limiter = new DbVeoLimiter(
                db, limits(1, 10, Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMillis(300)));
        limiter.acquire("video-1/block-1");

        VeoLimiter.Slot again = limiter.acquire("video-1/block-1"); // e.g. another worker resuming the same job

        assertThat(again.renew()).isTrue();
        assertThatThrownBy(() -> limiter.acquire("video-2/block-1"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("free Veo slot");
        again.release();
        limiter.acquire("video-2/block-1").release();
    }

    @Test
    void aSlotOfACrashedWorkerIsFreeAfterItsLeaseExpires() throws Exception {
        VeoLimits l = limits(1, 10, Duration.ofMinutes(1), Duration.ofMillis(400), Duration.ofSeconds(10));
        VeoLimiter crashed = new DbVeoLimiter(db, l), survivor = new DbVeoLimiter(db, l);
        VeoLimiter.Slot orphan = crashed.acquire("video-1/block-1"); // never renewed nor released

        long t0 = System.nanoTime();
        survivor.acquire("video-2/block-1");
        long waitedMs = (System.nanoTime() - t0) / 1_000_000;

        assertThat(waitedMs).isBetween(250L, 5000L);
        assertThat(orphan.renew()).isFalse();
    }

    @Test
    void grantsNoMoreRequestsThanTheBudgetInAnyWindow() throws Exception {
        Duration window = Duration.ofSeconds(1);
        VeoLimits l = limits(100, 4, window, Duration.ofMinutes(5), Duration.ofSeconds(30));
        List<VeoLimiter> workers = List.of(new DbVeoLimiter(db, l), new DbVeoLimiter(db, l));
        List<Long> granted = Collections.synchronizedList(new ArrayList<>());
        ExecutorService threads = Executors.newFixedThreadPool(6);
        List<Future<?>> all = new ArrayList<>();
        long t0 = System.currentTimeMillis();
        for (int t = 0; t < 6; t++) {
            VeoLimiter limiter = workers.get(t % 2);
            all.add(threads.submit(() -> {
                for (int i = 0; i < 2; i++) {
                    limiter.beforeRequest();
                    granted.add(System.currentTimeMillis());
                }
                return null;
            }));
        }
        for (Future<?> f : all) f.get();
        threads.shutdown();

        List<Long> times = new ArrayList<>(granted);
        Collections.sort(times);
        assertThat(times).hasSize(12);
        // 12 requests at 4 per second need at least two full windows after the first grant.
        assertThat(times.get(11) - t0).isGreaterThanOrEqualTo(2 * window.toMillis() - 50);
        // No 5 grants within one window (client-side times lag the grant by a few ms: allow 100 ms).
        for (int i = 0; i + 4 < times.size(); i++) {
            assertThat(times.get(i + 4) - times.get(i))
                    .as("grants %d..%d", i, i + 4)
                    .isGreaterThanOrEqualTo(window.toMillis() - 100);
        }
    }
}
