package io.reelsmith.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelsmith.api.ApiLimits;
import io.reelsmith.app.provider.GoogleProvider;
import io.reelsmith.app.provider.ProviderRegistry;
import io.reelsmith.google.GoogleClients;
import io.reelsmith.google.GoogleConfig;
import io.reelsmith.google.GoogleModels;
import io.reelsmith.google.PriceTable;
import io.reelsmith.google.VideoMode;
import io.reelsmith.kernel.SpendLedger;
import io.reelsmith.limits.VeoLimiter;
import io.reelsmith.pipeline.Stages;
import io.reelsmith.render.FinalRenderer;
import io.reelsmith.subtitle.CaptionStyle;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    @Test
    void fileThenEnvironmentThenCommandLineWin() throws Exception {
        Path file = dir.resolve("reelsmith.properties");
        Files.writeString(
                file,
                "reelsmith.http.port=9001\nreelsmith.jobs.workers=3\nreelsmith.token.lifetime.minutes=5\n"
                        + "reelsmith.data.dir=" + dir.resolve("data") + "\nreelsmith.google.max.retries=7\n");
        var c = ConfigLoader.load(
                file,
                Map.of(
                        "REELSMITH_JOBS_WORKERS",
                        "4",
                        "REELSMITH_HTTP_PORT",
                        "9002",
                        "REELSMITH_GOOGLE_MAX_RETRIES",
                        "8"),
                Map.of("reelsmith.http.port", "9003"));
        assertThat(c.service().port()).isEqualTo(9003);
        assertThat(c.service().workers()).isEqualTo(4);
        assertThat(c.service().tokenLifetime()).isEqualTo(Duration.ofMinutes(5));
        assertThat(c.service().host()).isEqualTo("127.0.0.1");
        assertThat(c.service().dbUrl()).startsWith("jdbc:h2:file:" + dir.resolve("data"));
        assertThat(c.google().maxRetries()).isEqualTo(8);
    }

    @Test
    void aKeysOwnVariableWinsOverGooglesName() {
        var c = ConfigLoader.fromEnvironment(Map.of(
                "GOOGLE_API_KEY",
                "old",
                "GEMINI_API_KEY",
                "new",
                "GOOGLE_GENAI_USE_VERTEXAI",
                "True",
                "GOOGLE_CLOUD_PROJECT",
                "p"));
        assertThat(c.google().apiKey()).isEqualTo("new");
        assertThat(c.google().vertex()).isTrue();
        assertThat(ConfigLoader.fromEnvironment(
                                Map.of("GOOGLE_GENAI_USE_VERTEXAI", "true", "REELSMITH_GOOGLE_VERTEX", "false"))
                        .google()
                        .vertex())
                .isFalse();
    }

    @Test
    void storageSettingsComeFromThePropertiesFileAndTheEnvironment() {
        Path file = write(
                "worker.properties",
                "reelsmith.data.dir=" + dir.resolve("data") + "\nreelsmith.storage.type=s3\n"
                        + "reelsmith.storage.s3.bucket=acme-videos\nreelsmith.storage.s3.secret.key=never-printed\n"
                        + "reelsmith.storage.download=redirect\n");
        ServiceConfig c = ConfigLoader.load(file, Map.of("REELSMITH_STORAGE_S3_REGION", "eu-west-3"), Map.of())
                .service();

        assertThat(c.storage())
                .containsEntry("reelsmith.storage.type", "s3")
                .containsEntry("reelsmith.storage.s3.bucket", "acme-videos")
                .containsEntry("reelsmith.storage.s3.region", "eu-west-3")
                .doesNotContainKey("reelsmith.storage.s3.endpoint");
        assertThat(c.downloadLinkLifetime()).isEqualTo(Duration.ofMinutes(5));
        assertThat(c.toString()).contains("storage s3").doesNotContain("never-printed");
        assertThat(ConfigLoader.load(null, Map.of(), Map.of("reelsmith.data.dir", dir.toString()))
                        .service()
                        .downloadLinkLifetime())
                .isNull();
        assertThatThrownBy(() -> ConfigLoader.load(
                        null,
                        Map.of("REELSMITH_STORAGE_DOWNLOAD", "ftp"),
                        Map.of("reelsmith.data.dir", dir.toString())))
                .hasMessageContaining("reelsmith.storage.download must be stream or redirect");
    }

    @Test
    void theTokenKeyIsMadeOnceAndKeptInTheDataDirectory() throws Exception {
        Map<String, String> o = Map.of("reelsmith.data.dir", dir.toString());
        String first = ConfigLoader.load(null, Map.of(), o).service().jwtSecret();
        assertThat(first).hasSizeGreaterThanOrEqualTo(32);
        assertThat(ConfigLoader.load(null, Map.of(), o).service().jwtSecret()).isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("jwt.secret"))))
                .isEqualTo("rw-------");
        assertThat(ConfigLoader.load(null, Map.of("REELSMITH_JWT_SECRET", "x".repeat(40)), o)
                        .service()
                        .jwtSecret())
                .isEqualTo("x".repeat(40));
        assertThat(ConfigLoader.load(null, Map.of(), o).service().toString()).doesNotContain(first);
    }

    @Test
    void aLocalRunNeedsNeitherTheDataDirectoryNorGoogle() {
        // a retired model only matters to a google run; a free run never makes the service's data directory
        var c = ConfigLoader.load(
                null,
                Map.of("REELSMITH_GOOGLE_VIDEO_MODEL", "veo-2.0-generate-001"),
                Map.of("reelsmith.data.dir", dir.resolve("d").toString()));
        assertThat(c.driftThreshold()).isEqualTo(0.5);
        assertThat(dir.resolve("d")).doesNotExist();
        assertThatThrownBy(c::google).hasMessageContaining("veo-2.0-generate-001 was shut down");
    }

    @Test
    void badSettingsAreRefusedOneLinePerKey() {
        Path file = write(
                "bad.properties",
                "reelsmith.htp.port=1\nGEMINI_API_KEY=k\nreelsmith.veo.max.concurrent=0\nreelsmith.google.vertex=maybe\n");
        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of(), Map.of()))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems())
                                .containsExactlyInAnyOrder(
                                        "unknown setting 'reelsmith.htp.port' (did you mean reelsmith.http.port?)",
                                        "unknown setting 'GEMINI_API_KEY' (did you mean reelsmith.google.api.key?)",
                                        "reelsmith.veo.max.concurrent must be between 1 and 1000, not '0'",
                                        "reelsmith.google.vertex must be true or false, not 'maybe'"))
                .hasMessageStartingWith("4 bad settings in " + file);
        assertThatThrownBy(() -> ConfigLoader.load(dir.resolve("missing.properties"), Map.of(), Map.of()))
                .hasMessageContaining("missing.properties does not exist");
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("REELSMITH_HTTP_PORT", "eighty"), Map.of()))
                .hasMessage("reelsmith.http.port must be a whole number between 0 and 65535, not 'eighty'");
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(), Map.of("reelsmith.jobs.poll.seconds", "1")))
                .hasMessageContaining("reelsmith.jobs.poll.seconds must be between 5");
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("REELSMITH_JWT_SECRET", "short"), Map.of()))
                .hasMessage(
                        "reelsmith.jwt.secret must have at least 32 characters"); // a secret's value is never repeated
        assertThatThrownBy(() -> ConfigLoader.load(
                        null,
                        Map.of(),
                        Map.of("reelsmith.data.dir", dir.toString(), "reelsmith.token.lifetime.minutes", "720")))
                .hasMessageContaining("reelsmith.token.lifetime.minutes must be between 1 and 60");
    }

    @Test
    void adminSurfacesAreClosedAndTokensShortByDefault() {
        ServiceConfig c = ConfigLoader.load(null, Map.of(), Map.of("reelsmith.data.dir", dir.toString()))
                .service();
        assertThat(c.dashboardEnabled()).isFalse();
        assertThat(c.tokenLifetime()).isEqualTo(Duration.ofMinutes(15));
        assertThat(c.apiLimits().forwardedHops())
                .as("X-Forwarded-For ignored unless a proxy is declared")
                .isZero();
        assertThat(c.host()).isEqualTo("127.0.0.1");
    }

    /**
     * One file holding every key, each set away from its default, and where each lands: the typed part of the tree
     * its consumer is handed, or the consumer itself. A key added to {@link Keys} without a line here fails this test.
     */
    @Test
    void everyKeyOfOneFileReachesItsConsumer() throws Exception {
        Path catalogue = dir.resolve("models.json");
        try (InputStream in = GoogleModels.class.getResourceAsStream(GoogleModels.RESOURCE)) {
            Files.copy(in, catalogue);
        }
        Path data = dir.resolve("data");
        List<Expect> e = new ArrayList<>();
        e.add(service("reelsmith.http.host", "0.0.0.0", ServiceConfig::host));
        e.add(service("reelsmith.http.port", "9100", ServiceConfig::port, 9100));
        e.add(service("reelsmith.data.dir", data.toString(), ServiceConfig::dataDir, data));
        e.add(service("reelsmith.db.url", "jdbc:h2:mem:every", ServiceConfig::dbUrl));
        e.add(service("reelsmith.db.user", "ann", ServiceConfig::dbUser));
        e.add(service("reelsmith.db.password", "pw", ServiceConfig::dbPassword));
        e.add(service("reelsmith.jwt.secret", "s".repeat(40), ServiceConfig::jwtSecret));
        e.add(service("reelsmith.token.lifetime.minutes", "59", ServiceConfig::tokenLifetime, Duration.ofMinutes(59)));
        e.add(limits("reelsmith.session.lifetime.days", "7", ApiLimits::sessionLifetime, Duration.ofDays(7)));
        e.add(limits("reelsmith.http.threads", "64", ApiLimits::threads, 64));
        e.add(limits("reelsmith.http.idle.timeout.seconds", "12", ApiLimits::idleTimeout, Duration.ofSeconds(12)));
        e.add(limits("reelsmith.http.forwarded.hops", "2", ApiLimits::forwardedHops, 2));
        e.add(limits("reelsmith.auth.account.attempts", "11", ApiLimits::accountAttempts, 11));
        e.add(limits("reelsmith.auth.address.attempts", "31", ApiLimits::addressAttempts, 31));
        e.add(limits("reelsmith.auth.address.signups", "9", ApiLimits::addressSignups, 9));
        e.add(limits("reelsmith.auth.tarpit.millis", "250", ApiLimits::tarpit, Duration.ofMillis(250)));
        e.add(service("reelsmith.upload.max.bytes", "4096", ServiceConfig::uploadMaxBytes, 4096L));
        e.add(service("reelsmith.dashboard.port", "9102", ServiceConfig::dashboardPort, 9102));
        e.add(service("reelsmith.dashboard.user", "admin", ServiceConfig::dashboardUser));
        e.add(service("reelsmith.dashboard.password", "dpw", ServiceConfig::dashboardPassword));
        e.add(service("reelsmith.health.port", "9101", ServiceConfig::healthPort, 9101));
        e.add(service("reelsmith.jobs.workers", "5", ServiceConfig::workers, 5));
        e.add(service("reelsmith.jobs.poll.seconds", "7", ServiceConfig::pollInterval, Duration.ofSeconds(7)));
        e.add(service("reelsmith.jobs.max.attempts", "4", ServiceConfig::maxAttempts, 4));
        e.add(service("reelsmith.jobs.media.nice", "19", ServiceConfig::mediaNice, 19));
        e.add(service("reelsmith.jobs.nice", "10", ServiceConfig::jobsNice, 10));
        e.add(service("reelsmith.jobs.lease.seconds", "45", ServiceConfig::runLeaseSeconds, 45));
        e.add(service("reelsmith.characters.provider", "google", ServiceConfig::characterProvider));
        e.add(service("reelsmith.budget.user.usd", "12.5", ServiceConfig::userBudgetUsd, new BigDecimal("12.5")));
        e.add(service("reelsmith.mcp.allowed.hosts", "reels.example:*", ServiceConfig::mcpAllowedHosts));
        e.add(service("reelsmith.mcp.allowed.origins", "https://reels.example", ServiceConfig::mcpAllowedOrigins));
        e.add(service("reelsmith.storage.type", "s3", x -> x.storage().get("reelsmith.storage.type")));
        for (String k : List.of(
                "s3.bucket",
                "s3.region",
                "s3.endpoint",
                "s3.access.key",
                "s3.secret.key",
                "s3.prefix",
                "gcs.bucket",
                "gcs.project",
                "gcs.host",
                "gcs.prefix")) {
            String key = "reelsmith.storage." + k;
            e.add(service(key, "v-" + k, x -> x.storage().get(key)));
        }
        e.add(service(
                "reelsmith.storage.s3.path.style", "true", x -> x.storage().get("reelsmith.storage.s3.path.style")));
        e.add(service("reelsmith.storage.download", "redirect", x -> x.downloadLinkLifetime() != null, true));
        e.add(service(
                "reelsmith.storage.download.link.seconds",
                "600",
                ServiceConfig::downloadLinkLifetime,
                Duration.ofMinutes(10)));
        e.add(new Expect("reelsmith.veo.max.concurrent", "6", c -> c.veo().maxConcurrent(), 6));
        e.add(new Expect("reelsmith.veo.requests.per.minute", "12", c -> c.veo().requestsPerWindow(), 12));
        e.add(new Expect("reelsmith.veo.lease.ttl.seconds", "90", c -> c.veo().leaseTtl(), Duration.ofSeconds(90)));
        e.add(new Expect("reelsmith.veo.max.wait.seconds", "60", c -> c.veo().maxWait(), Duration.ofSeconds(60)));
        e.add(google("reelsmith.google.base.url", "http://127.0.0.1:1", GoogleConfig::baseUrl));
        e.add(google("reelsmith.google.api.key", "a-key", GoogleConfig::apiKey));
        e.add(google("reelsmith.google.vertex", "true", GoogleConfig::vertex, true));
        e.add(google("reelsmith.google.project", "demo", GoogleConfig::project));
        e.add(google("reelsmith.google.location", "europe-west4", GoogleConfig::location));
        e.add(google("reelsmith.google.access.token", "tok", GoogleConfig::accessToken));
        e.add(google(
                "reelsmith.google.models", catalogue.toString(), x -> x.catalogue() != GoogleModels.builtIn(), true));
        e.add(google("reelsmith.google.text.model", "gemini-3.5-flash", GoogleConfig::textModel));
        e.add(google("reelsmith.google.image.model", "gemini-3-pro-image", GoogleConfig::imageModel));
        e.add(google("reelsmith.google.video.model", "veo-3.1-fast-generate-001", GoogleConfig::videoModel));
        e.add(google("reelsmith.google.video.mode", "interpolate", GoogleConfig::videoMode, VideoMode.INTERPOLATE));
        e.add(google("reelsmith.google.transcribe.model", "gemini-3.5-transcribe", GoogleConfig::transcribeModel));
        e.add(google("reelsmith.keyframe.order", "chain", GoogleConfig::keyframeOrder));
        e.add(prices(
                "reelsmith.google.price.video.per.second", "0.11", PriceTable::videoPerSecond, new BigDecimal("0.11")));
        e.add(prices("reelsmith.google.price.image", "0.02", PriceTable::perImage, new BigDecimal("0.02")));
        e.add(prices("reelsmith.google.price.script", "0.03", PriceTable::perScript, new BigDecimal("0.03")));
        e.add(prices(
                "reelsmith.google.price.transcribe.per.minute",
                "0.04",
                PriceTable::perTranscribedMinute,
                new BigDecimal("0.04")));
        e.add(google(
                "reelsmith.google.request.timeout.seconds",
                "31",
                GoogleConfig::requestTimeout,
                Duration.ofSeconds(31)));
        e.add(google(
                "reelsmith.google.operation.timeout.seconds",
                "32",
                GoogleConfig::operationTimeout,
                Duration.ofSeconds(32)));
        e.add(google("reelsmith.google.poll.interval.ms", "33", GoogleConfig::pollInterval, Duration.ofMillis(33)));
        e.add(google("reelsmith.google.max.retries", "2", GoogleConfig::maxRetries, 2));
        e.add(google("reelsmith.google.backoff.initial.ms", "34", GoogleConfig::backoffInitial, Duration.ofMillis(34)));
        e.add(google("reelsmith.google.backoff.max.ms", "35", GoogleConfig::backoffMax, Duration.ofMillis(35)));
        e.add(google("reelsmith.google.resubmits", "3", GoogleConfig::resubmits, 3));
        e.add(google("reelsmith.google.retention.hours", "24", GoogleConfig::retention, Duration.ofHours(24)));
        e.add(new Expect(
                "reelsmith.budget.per.video.usd", "9", c -> c.spendLimits().perVideo(), new BigDecimal("9")));
        e.add(new Expect(
                "reelsmith.budget.per.user.usd", "99", c -> c.spendLimits().perUser(), new BigDecimal("99")));
        e.add(new Expect(
                "reelsmith.confirm.above.usd", "2.5", c -> c.spendLimits().confirmAbove(), new BigDecimal("2.5")));
        e.add(new Expect(
                "reelsmith.spend.ledger",
                dir.resolve("spend.jsonl").toString(),
                ReelsmithConfig::spendLedger,
                dir.resolve("spend.jsonl")));
        e.add(new Expect("reelsmith.user", "bob", ReelsmithConfig::user));
        // the drift threshold as the local and the google drift checks hold it
        e.add(new Expect(
                "reelsmith.drift.threshold", "0.3", c -> localStages(c).drift().threshold(), 0.3));
        e.add(new Expect("reelsmith.drift.threshold", "0.3", ConfigLoaderTest::googleThreshold, 0.3));
        e.add(new Expect(
                "reelsmith.sphinx.model", "/opt/sphinx", c -> c.speech().sphinxModel(), Path.of("/opt/sphinx")));
        e.add(new Expect(
                "reelsmith.whisper.model",
                "/opt/ggml.bin",
                c -> c.speech().whisper().orElseThrow(),
                Path.of("/opt/ggml.bin")));
        e.add(new Expect("reelsmith.align.keep.work", "1", c -> c.speech().keepWork(), true));
        e.add(new Expect("reelsmith.models.dir", "/opt/models", c -> c.models().directory(), Path.of("/opt/models")));
        e.add(new Expect("reelsmith.models.dir", "/opt/models", c -> c.speech().modelsDir(), Path.of("/opt/models")));
        e.add(new Expect(
                "reelsmith.cache.dir", "/var/cache/reels", ReelsmithConfig::cacheDir, Path.of("/var/cache/reels")));
        e.add(new Expect(
                "reelsmith.models.url",
                "https://mirror.example/",
                c -> c.models().baseUrl()));
        e.add(new Expect("reelsmith.debug", "true", c -> c.providers().debug(), true));
        e.add(new Expect(
                "reelsmith.render.x264",
                "ultrafast:35",
                c -> ((FinalRenderer) localStages(c).renderer()).x264(),
                "ultrafast:35"));

        Map<String, String> file = new LinkedHashMap<>();
        e.forEach(x -> file.put(x.key, x.value));
        assertThat(file.keySet())
                .as("every key is in the file and checked")
                .containsExactlyInAnyOrderElementsOf(Keys.ALL.keySet());
        StringBuilder text = new StringBuilder();
        file.forEach((k, v) ->
                text.append(k).append('=').append(v.replace("\\", "\\\\")).append('\n'));
        ReelsmithConfig c = ConfigLoader.load(write("every.properties", text.toString()), Map.of(), Map.of());
        for (Expect x : e) assertThat(x.read.apply(c)).as(x.key).isEqualTo(x.expected);
    }

    /** A key, its value in the file, where its consumer finds it, and what it must find there. */
    private record Expect(String key, String value, Function<ReelsmithConfig, Object> read, Object expected) {
        Expect(String key, String value, Function<ReelsmithConfig, Object> read) {
            this(key, value, read, value);
        }
    }

    private static Expect service(String key, String value, Function<ServiceConfig, Object> read, Object... expected) {
        return expect(key, value, c -> read.apply(c.service()), expected);
    }

    private static Expect limits(String key, String value, Function<ApiLimits, Object> read, Object... expected) {
        return expect(key, value, c -> read.apply(c.service().apiLimits()), expected);
    }

    private static Expect google(String key, String value, Function<GoogleConfig, Object> read, Object... expected) {
        return expect(key, value, c -> read.apply(c.google()), expected);
    }

    private static Expect prices(String key, String value, Function<PriceTable, Object> read, Object... expected) {
        return expect(key, value, c -> read.apply(c.google().prices()), expected);
    }

    /** {@code expected}: what the consumer must find, when it is not the value as written. */
    private static Expect expect(String key, String value, Function<ReelsmithConfig, Object> read, Object... expected) {
        return new Expect(key, value, read, expected.length == 0 ? value : expected[0]);
    }

    private static Stages localStages(ReelsmithConfig c) {
        return new ProviderRegistry(c::google, c.providers())
                .stages("local", ProviderRegistry.JobContext.of(CaptionStyle.SHORTS));
    }

    private static Object googleThreshold(ReelsmithConfig c) {
        try (var client = GoogleClients.create(c.google())) { // Vertex AI with a token: made without a call
            return new GoogleProvider(
                            c.google(), SpendLedger.Recorder.NONE, client, VeoLimiter.UNLIMITED, c.providers())
                    .stages(null, CaptionStyle.SHORTS, null)
                    .drift()
                    .threshold();
        }
    }

    private Path write(String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
