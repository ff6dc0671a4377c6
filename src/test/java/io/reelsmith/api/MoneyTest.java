package io.reelsmith.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.genai.Client;
import io.reelsmith.app.Provider;
import io.reelsmith.app.files.VideoFiles;
import io.reelsmith.app.money.Budgets;
import io.reelsmith.app.money.StepPrices;
import io.reelsmith.app.provider.GoogleProvider;
import io.reelsmith.app.provider.ProviderRegistry;
import io.reelsmith.app.video.JobDirs;
import io.reelsmith.app.video.VideoRunner;
import io.reelsmith.app.video.VideoStatus;
import io.reelsmith.cli.Main;
import io.reelsmith.config.ConfigLoader;
import io.reelsmith.emulator.CallLog;
import io.reelsmith.emulator.EmulatorOptions;
import io.reelsmith.emulator.GeminiEmulator;
import io.reelsmith.google.GoogleClients;
import io.reelsmith.google.GoogleConfig;
import io.reelsmith.kernel.Checkpoint;
import io.reelsmith.kernel.SpendStatus;
import io.reelsmith.limits.VeoLimiter;
import io.reelsmith.pipeline.JobStages;
import io.reelsmith.pipeline.RunSupersededException;
import io.reelsmith.pipeline.Stages;
import io.reelsmith.render.FinalRenderer;
import io.reelsmith.storage.BlobStores;
import io.reelsmith.storage.DbBudgets;
import io.reelsmith.storage.DbJournal;
import io.reelsmith.storage.DbSpendLedger;
import io.reelsmith.storage.DbTransactions;
import io.reelsmith.storage.DbVideoJournals;
import io.reelsmith.storage.Videos;
import io.reelsmith.subtitle.CaptionStyle;
import io.reelsmith.testkit.FastLocal;
import io.reelsmith.testkit.GoogleBill;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Money safety of the service with the google provider against the Gemini emulator (issue #11): one generation per
 * block when the same video runs twice at once, the submission claim fenced by the run lease, 402 before anything is
 * paid, and GET /spend equal to the emulator's billable log to the cent.
 */
class MoneyTest {
    static GeminiEmulator emulator;
    static GoogleConfig google;
    static Client client;

    @BeforeAll
    static void start() throws Exception {
        emulator = GeminiEmulator.start(
                EmulatorOptions.defaults().withLatency(Duration.ofMillis(700)).withSize(180, 320));
        // Veo on Vertex AI (bearer token), as Google serves it today: the prices below are Veo's ($0.40/s)
        google = ConfigLoader.fromEnvironment(Map.ofEntries(
                        Map.entry("REELSMITH_GOOGLE_BASE_URL", emulator.baseUrl()),
                        Map.entry("REELSMITH_GOOGLE_VERTEX", "true"),
                        Map.entry("GOOGLE_CLOUD_PROJECT", "demo-project"),
                        Map.entry("REELSMITH_GOOGLE_ACCESS_TOKEN", "emulator-token"),
                        Map.entry("REELSMITH_GOOGLE_POLL_INTERVAL_MS", "100"),
                        Map.entry("REELSMITH_GOOGLE_BACKOFF_INITIAL_MS", "50"),
                        Map.entry("REELSMITH_GOOGLE_BACKOFF_MAX_MS", "200"),
                        Map.entry("REELSMITH_GOOGLE_OPERATION_TIMEOUT_SECONDS", "60"),
                        Map.entry("REELSMITH_GOOGLE_REQUEST_TIMEOUT_SECONDS", "30")))
                .google();
        client = GoogleClients.create(google);
    }

    @AfterAll
    static void stop() {
        client.close();
        emulator.close();
    }

    @BeforeEach
    void clearLog() {
        emulator.log().clear();
    }

    static JobStages googleStages() {
        return (name, spend) -> !Provider.isPaid(name) ? local(name) : GoogleBill.fastStages(google, spend, client);
    }

    static Stages local(String name) {
        return FastLocal.stages(name);
    }

    static VideoFiles files(TestServer s) throws IOException {
        return new VideoFiles(
                BlobStores.open(s.config.service().storage(), s.config.service().blobDir()));
    }

    static TestServer server(Path dir, boolean jobs, String budget) throws Exception {
        return new TestServer(
                dir, MoneyTest::local, googleStages(), () -> google, Map.of("reelsmith.budget.user.usd", budget), jobs);
    }

    static String character(TestServer s, String token) throws Exception {
        var upload =
                TestServer.multipart(Map.of("name", "Kwirlo", "description", "a small fox"), "k.png", FakeStages.png());
        return TestServer.parse(s.send("POST", "/api/v1/characters/upload", token, upload.contentType(), upload.body()))
                .get("id")
                .asText();
    }

    static JsonNode plan(TestServer s, String token, int blocks, String extra) throws Exception {
        var r = s.json(
                "POST",
                "/api/v1/videos",
                token,
                "{\"theme\":\"a map in the attic\",\"characterId\":\"" + character(s, token) + "\",\"blocks\":" + blocks
                        + ",\"provider\":\"google\"" + extra + "}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return TestServer.parse(r);
    }

    static long billable(String... kinds) {
        return emulator.log().calls().stream()
                .filter(CallLog.Call::billable)
                .filter(c -> List.of(kinds).contains(c.kind()))
                .count();
    }

    /** What Google would bill for the emulator's billable calls, from the same price table. */
    static BigDecimal emulatorBill() {
        return GoogleBill.of(emulator.log(), google);
    }

    /**
     * The limiter of a starved machine: the first run of the video waits for a Veo slot until the test lets it go. A
     * second run of the same video (JobRunr re-running the job of a worker it believed dead) arrives meanwhile.
     * Before the run lease, both took the same slot back (same checkpoint key) and both submitted block 1.
     */
    static final class HeldSlot implements VeoLimiter {
        final CountDownLatch firstWaiting = new CountDownLatch(1),
                secondAcquire = new CountDownLatch(1),
                release = new CountDownLatch(1);
        final AtomicInteger acquires = new AtomicInteger();

        public Slot acquire(String key) throws IOException, InterruptedException {
            int n = acquires.incrementAndGet();
            if (n == 1) {
                firstWaiting.countDown();
                release.await();
            } else if (n == 2) {
                secondAcquire.countDown();
            }
            return UNLIMITED.acquire(key);
        }

        public void beforeRequest() {}
    }

    @Test
    void aSecondRunOfTheSameVideoWhileTheFirstWaitsForASlotPaysForNoBlockAgain(@TempDir Path dir) throws Exception {
        try (TestServer s = server(dir, false, "50")) {
            String token = s.newUser();
            String id = plan(s, token, 3, "").get("id").asText();
            var jdbi = s.db();
            Videos videos = new Videos(jdbi);
            String jobId = UUID.randomUUID().toString();
            assertThat(videos.queue(id, jobId, VideoStatus.DRAFT)).isTrue();
            var ledger = new DbSpendLedger(jdbi);
            var dirs = new JobDirs(s.config.service().jobsDir());
            var budgets =
                    new Budgets(new DbBudgets(jdbi), new DbTransactions(jdbi), null, new StepPrices(() -> google));
            HeldSlot slot = new HeldSlot();
            JobStages held =
                    (name, spend) -> new GoogleProvider(google, spend, client, slot, ProviderRegistry.Settings.DEFAULTS)
                            .stages(GoogleBill.SPREAD, CaptionStyle.SHORTS, new FinalRenderer("ultrafast", 35));
            // each run is its own worker's runner, as two workers would build them
            Callable<Void> aRun = () -> {
                new VideoRunner(
                                videos,
                                new DbVideoJournals(jdbi),
                                dirs,
                                files(s),
                                held,
                                ledger,
                                v -> budgets.gate(v.ownerId(), v.id(), v.provider(), v.blocks()),
                                3,
                                30)
                        .run(id, jobId);
                return null;
            };
            ExecutorService pool = Executors.newFixedThreadPool(2);
            Future<?> first = pool.submit(aRun);
            assertThat(slot.firstWaiting.await(120, TimeUnit.SECONDS))
                    .isTrue(); // run 1 is inside block 1, nothing submitted
            Future<?> second = pool.submit(aRun);
            // Without the lease run 2 reaches the limiter within a second; with it, it waits for run 1. Either way
            // run 1 is let go after this window, and the bill below is the verdict.
            boolean secondReachedTheSlot = slot.secondAcquire.await(5, TimeUnit.SECONDS);
            slot.release.countDown();
            first.get(180, TimeUnit.SECONDS);
            second.get(180, TimeUnit.SECONDS);
            pool.shutdown();
            assertThat(videos.status(id)).contains(VideoStatus.COMPLETED);
            assertThat(billable("generate"))
                    .as(emulator.log().calls().toString())
                    .isEqualTo(1);
            assertThat(billable("extend")).isEqualTo(2);
            assertThat(new DbJournal(jdbi, id)
                            .log().stream()
                                    .filter(e -> e.event().equals("claimed"))
                                    .count())
                    .isEqualTo(3);
            assertThat(ledger.entries(id)).allMatch(e -> e.status() == SpendStatus.CHARGED);
            assertThat(secondReachedTheSlot)
                    .as("the second run waited for the first one's lease")
                    .isFalse();
        }
    }

    @Test
    void aClaimIsGrantedOnceAndARunThatLostItsLeaseCannotClaim(@TempDir Path dir) throws Exception {
        try (TestServer s = server(dir, false, "50")) {
            String token = s.newUser();
            String id = plan(s, token, 1, "").get("id").asText();
            Videos videos = new Videos(s.db());
            videos.queue(id, UUID.randomUUID().toString(), VideoStatus.DRAFT);
            assertThat(videos.startRun(id, "run-a", 30)).isEqualTo(Videos.RunStart.STARTED);
            assertThat(videos.startRun(id, "run-b", 30))
                    .as("a live lease is not taken over")
                    .isEqualTo(Videos.RunStart.BUSY);
            DbJournal a = new DbJournal(s.db(), id, "run-a");
            assertThat(a.claim("block-1.veo.claim.0")).isEqualTo(Checkpoint.Claim.GRANTED);
            assertThat(a.claim("block-1.veo.claim.0")).isEqualTo(Checkpoint.Claim.TAKEN);
            // The lease goes stale (the run stopped renewing it): another run takes the video over; the old one is
            // fenced off.
            s.db().useHandle(h ->
                    h.execute("UPDATE videos SET run_seen = run_seen - INTERVAL '120' SECOND WHERE id = ?", id));
            assertThat(videos.startRun(id, "run-b", 30)).isEqualTo(Videos.RunStart.STARTED);
            assertThatThrownBy(() -> a.claim("block-1.veo.claim.1")).isInstanceOf(RunSupersededException.class);
            assertThat(new DbJournal(s.db(), id, "run-b").claim("block-1.veo.claim.1"))
                    .isEqualTo(Checkpoint.Claim.GRANTED);
            assertThat(emulator.log().calls().stream().filter(c -> !c.kind().equals("text")))
                    .isEmpty();
        }
    }

    @Test
    void overBudgetStartIsRefusedWith402AndNothingIsPaid(@TempDir Path dir) throws Exception {
        try (TestServer s = server(dir, true, "2")) {
            String token = s.newUser();
            String id = plan(s, token, 1, "").get("id").asText(); // 8 s of Veo at $0.40/s + a drift check = $3.21 > $2
            long before = emulator.log().calls().size();
            var r = s.json("POST", "/api/v1/videos/" + id + "/start", token, null);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(402);
            JsonNode body = TestServer.parse(r);
            assertThat(body.get("error").asText()).isEqualTo("budget_exceeded");
            assertThat(body.get("estimateUsd").decimalValue()).isEqualByComparingTo("3.21");
            assertThat(body.get("remainingUsd").decimalValue())
                    .isEqualByComparingTo(new BigDecimal("2").subtract(emulatorBill()));
            assertThat(body.get("message").asText()).contains("budget").contains("nothing was spent");
            assertThat(emulator.log().calls()).hasSize((int) before); // the refused start made no call at all
            assertThat(billable("generate", "extend")).isZero();
            assertThat(s.videoStatus(token, id)).isEqualTo("draft");

            // A per-video cap refuses too, and a running job stops before a block that would cross it.
            String capped = plan(s, token, 1, ",\"capUsd\":1").get("id").asText();
            assertThat(s.json("POST", "/api/v1/videos/" + capped + "/start", token, null)
                            .statusCode())
                    .isEqualTo(402);
        }
    }

    @Test
    void aRunningJobStopsCleanlyBeforeABlockThatWouldCrossTheBudgetAnAdministratorLowered(@TempDir Path dir)
            throws Exception {
        try (TestServer s = server(dir, false, "50")) {
            String email = "lowered@example.com";
            String token = TestServer.parse(s.json(
                            "POST",
                            "/api/v1/auth/register",
                            null,
                            "{\"email\":\"" + email + "\",\"password\":\"correct horse\"}"))
                    .get("token")
                    .asText();
            String id = plan(s, token, 3, "").get("id").asText();
            assertThat(s.json("POST", "/api/v1/videos/" + id + "/start", token, null)
                            .statusCode())
                    .isEqualTo(200);
            // The administrator lowers this user's budget to $4 after the start: block 1 ($3.20 + a drift check) fits,
            // block 2 ($2.80 + a check) does not.
            var err = new StringWriter();
            assertThat(Main.run(
                            new PrintWriter(err, true),
                            "users",
                            "budget",
                            email,
                            "4",
                            "--data-dir",
                            s.dataDir.toString()))
                    .as(err.toString())
                    .isZero();
            assertThat(TestServer.parse(s.json("GET", "/api/v1/spend", token, null))
                            .get("budgetUsd")
                            .decimalValue())
                    .isEqualByComparingTo("4");
            var jdbi = s.db();
            var dirs = new JobDirs(s.config.service().jobsDir());
            var budgets = new Budgets(
                    new DbBudgets(jdbi), new DbTransactions(jdbi), new BigDecimal("50"), new StepPrices(() -> google));
            new VideoRunner(
                            new Videos(jdbi),
                            new DbVideoJournals(jdbi),
                            dirs,
                            files(s),
                            googleStages(),
                            new DbSpendLedger(jdbi),
                            v -> budgets.gate(v.ownerId(), v.id(), v.provider(), v.blocks()),
                            3,
                            30)
                    .run(id, null);
            JsonNode v = TestServer.parse(s.json("GET", "/api/v1/videos/" + id, token, null));
            assertThat(v.get("status").asText()).isEqualTo("failed");
            assertThat(v.get("failReason").asText()).isEqualTo("budget");
            assertThat(v.get("error").asText()).contains("paying for block-2").contains("budget");
            assertThat(billable("generate")).isEqualTo(1);
            assertThat(billable("extend")).as("nothing paid past the budget").isZero();
            assertThat(v.get("spentUsd").decimalValue()).isEqualByComparingTo(emulatorBill()); // the script and block 1
            var unknown = new StringWriter();
            assertThat(Main.run(
                            new PrintWriter(unknown, true),
                            "users",
                            "budget",
                            "nobody@example.com",
                            "4",
                            "--data-dir",
                            s.dataDir.toString()))
                    .isNotZero();
            assertThat(unknown.toString()).contains("no user with the email nobody@example.com");
        }
    }

    @Test
    void concurrentStartsOfOneUserCannotTogetherExceedTheBudget(@TempDir Path dir) throws Exception {
        try (TestServer s = server(dir, false, "7")) { // no job server: the reservations stay held
            String token = s.newUser();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 3; i++) ids.add(plan(s, token, 1, "").get("id").asText()); // $3.21 each
            ExecutorService pool = Executors.newFixedThreadPool(3);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> starts = new ArrayList<>();
            for (String id : ids)
                starts.add(pool.submit(() -> {
                    go.await();
                    return s.json("POST", "/api/v1/videos/" + id + "/start", token, null)
                            .statusCode();
                }));
            go.countDown();
            List<Integer> codes = new ArrayList<>();
            for (var f : starts) codes.add(f.get(60, TimeUnit.SECONDS));
            pool.shutdown();
            assertThat(codes)
                    .containsExactlyInAnyOrder(200, 200, 402); // 3 x 3.21 + the scripts > 7 ≥ 2 x 3.21 + the scripts
            JsonNode spend = TestServer.parse(s.json("GET", "/api/v1/spend", token, null));
            assertThat(spend.get("reservedUsd").decimalValue()).isEqualByComparingTo("6.42");
            assertThat(spend.get("budgetUsd").decimalValue()).isEqualByComparingTo("7");
        }
    }

    @Test
    void spendMatchesTheEmulatorsBillableLogToTheCentAfterAFourBlockVideo(@TempDir Path dir) throws Exception {
        try (TestServer s = server(dir, true, "50")) {
            String token = s.newUser();
            JsonNode planned = plan(s, token, 4, "");
            String id = planned.get("id").asText();
            // 29 s x $0.40 + the character image at the catalogue's price + 4 drift checks, rounded up to the cent
            assertThat(planned.get("estimateUsd").decimalValue())
                    .isEqualByComparingTo(new BigDecimal("11.60")
                            .add(google.prices().perImage())
                            .add(google.prices().perDriftCheck().multiply(BigDecimal.valueOf(4)))
                            .setScale(2, RoundingMode.UP));
            // the estimate shows how Veo films it: one chain of 8 + 3 x 7 s, no restart (the OpenAPI document's
            // TakePlan)
            JsonNode takes = planned.get("estimate").get("plan");
            assertThat(List.of(
                            takes.get("chains").asInt(),
                            takes.get("restarts").asInt(),
                            takes.get("billedSeconds").asInt()))
                    .containsExactly(1, 0, 29);
            assertThat(takes.get("surface").asText()).isEqualTo("vertex");
            assertThat(s.json("POST", "/api/v1/videos/" + id + "/start", token, null)
                            .statusCode())
                    .isEqualTo(200);
            JsonNode v = s.awaitFinished(token, id);
            assertThat(v.get("status").asText()).as(v.toString()).isEqualTo("completed");
            assertThat(billable("generate")).isEqualTo(1);
            assertThat(billable("extend")).isEqualTo(3);
            JsonNode spend = TestServer.parse(s.json("GET", "/api/v1/spend", token, null));
            assertThat(spend.get("spentUsd").decimalValue().setScale(2, RoundingMode.HALF_UP))
                    .isEqualByComparingTo(emulatorBill().setScale(2, RoundingMode.HALF_UP));
            assertThat(spend.get("entries")).hasSize((int) emulator.log().calls().stream()
                    .filter(CallLog.Call::billable)
                    .count());
            assertThat(spend.get("reservedUsd").decimalValue()).isEqualByComparingTo("0");
            assertThat(spend.get("remainingUsd").decimalValue())
                    .isEqualByComparingTo(
                            new BigDecimal("50").subtract(spend.get("spentUsd").decimalValue()));
            assertThat(v.get("spentUsd").decimalValue())
                    .isEqualByComparingTo(spend.get("spentUsd").decimalValue());
        }
    }
}
