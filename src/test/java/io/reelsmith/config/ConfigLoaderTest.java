package io.reelsmith.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelsmith.app.provider.GoogleProvider;
import io.reelsmith.app.provider.ProviderRegistry;
import io.reelsmith.google.GoogleClients;
import io.reelsmith.google.GoogleModels;
import io.reelsmith.google.VideoMode;
import io.reelsmith.kernel.SpendLedger;
import io.reelsmith.limits.VeoLimiter;
import io.reelsmith.pipeline.Stages;
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
        e.add(new Expect("reelsmith.http.host", "0.0.0.0", c -> c.service().host()));
        e.add(new Expect("reelsmith.http.port", "9100", c -> c.service().port(), 9100));
        e.add(new Expect("reelsmith.data.dir", data.toString(), c -> c.service().dataDir(), data));
        e.add(new Expect(
                "reelsmith.db.url", "jdbc:h2:mem:every", c -> c.service().dbUrl()));
        e.add(new Expect("reelsmith.db.user", "ann", c -> c.service().dbUser()));
        e.add(new Expect("reelsmith.db.password", "pw", c -> c.service().dbPassword()));
        e.add(new Expect(
                "reelsmith.jwt.secret", "s".repeat(40), c -> c.service().jwtSecret()));
        e.add(new Expect(
                "reelsmith.token.lifetime.minutes", "59", c -> c.service().tokenLifetime(), Duration.ofMinutes(59)));
        e.add(new Expect(
                "reelsmith.session.lifetime.days",
                "7",
                c -> c.service().apiLimits().sessionLifetime(),
                Duration.ofDays(7)));
        e.add(new Expect(
                "reelsmith.http.threads", "64", c -> c.service().apiLimits().threads(), 64));
        e.add(new Expect(
                "reelsmith.http.idle.timeout.seconds",
                "12",
                c -> c.service().apiLimits().idleTimeout(),
                Duration.ofSeconds(12)));
        e.add(new Expect(
                "reelsmith.http.forwarded.hops",
                "2",
                c -> c.service().apiLimits().forwardedHops(),
                2));
        e.add(new Expect(
                "reelsmith.auth.account.attempts",
                "11",
                c -> c.service().apiLimits().accountAttempts(),
                11));
        e.add(new Expect(
                "reelsmith.auth.address.attempts",
                "31",
                c -> c.service().apiLimits().addressAttempts(),
                31));
        e.add(new Expect(
                "reelsmith.auth.address.signups",
                "9",
                c -> c.service().apiLimits().addressSignups(),
                9));
        e.add(new Expect(
                "reelsmith.auth.tarpit.millis",
                "250",
                c -> c.service().apiLimits().tarpit(),
                Duration.ofMillis(250)));
        e.add(new Expect("reelsmith.upload.max.bytes", "4096", c -> c.service().uploadMaxBytes(), 4096L));
        e.add(new Expect("reelsmith.dashboard.port", "9102", c -> c.service().dashboardPort(), 9102));
        e.add(new Expect("reelsmith.dashboard.user", "admin", c -> c.service().dashboardUser()));
        e.add(new Expect("reelsmith.dashboard.password", "dpw", c -> c.service().dashboardPassword()));
        e.add(new Expect("reelsmith.health.port", "9101", c -> c.service().healthPort(), 9101));
        e.add(new Expect("reelsmith.jobs.workers", "5", c -> c.service().workers(), 5));
        e.add(new Expect("reelsmith.jobs.poll.seconds", "7", c -> c.service().pollInterval(), Duration.ofSeconds(7)));
        e.add(new Expect("reelsmith.jobs.max.attempts", "4", c -> c.service().maxAttempts(), 4));
        e.add(new Expect("reelsmith.jobs.lease.seconds", "45", c -> c.service().runLeaseSeconds(), 45));
        e.add(new Expect(
                "reelsmith.characters.provider", "google", c -> c.service().characterProvider()));
        e.add(new Expect(
                "reelsmith.budget.user.usd", "12.5", c -> c.service().userBudgetUsd(), new BigDecimal("12.5")));
        e.add(new Expect(
                "reelsmith.mcp.allowed.hosts",
                "reels.example:*",
                c -> c.service().mcpAllowedHosts()));
        e.add(new Expect(
                "reelsmith.mcp.allowed.origins",
                "https://reels.example",
                c -> c.service().mcpAllowedOrigins()));
        e.add(new Expect(
                "reelsmith.storage.type", "s3", c -> c.service().storage().get("reelsmith.storage.type")));
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
            e.add(new Expect(key, "v-" + k, c -> c.service().storage().get(key)));
        }
        e.add(new Expect(
                "reelsmith.storage.s3.path.style",
                "true",
                c -> c.service().storage().get("reelsmith.storage.s3.path.style")));
        e.add(new Expect(
                "reelsmith.storage.download", "redirect", c -> c.service().downloadLinkLifetime() != null, true));
        e.add(new Expect(
                "reelsmith.storage.download.link.seconds",
                "600",
                c -> c.service().downloadLinkLifetime(),
                Duration.ofMinutes(10)));
        e.add(new Expect("reelsmith.veo.max.concurrent", "6", c -> c.veo().maxConcurrent(), 6));
        e.add(new Expect("reelsmith.veo.requests.per.minute", "12", c -> c.veo().requestsPerWindow(), 12));
        e.add(new Expect("reelsmith.veo.lease.ttl.seconds", "90", c -> c.veo().leaseTtl(), Duration.ofSeconds(90)));
        e.add(new Expect("reelsmith.veo.max.wait.seconds", "60", c -> c.veo().maxWait(), Duration.ofSeconds(60)));
        e.add(new Expect(
                "reelsmith.google.base.url",
                "http://127.0.0.1:1",
                c -> c.google().baseUrl()));
        e.add(new Expect("reelsmith.google.api.key", "a-key", c -> c.google().apiKey()));
        e.add(new Expect("reelsmith.google.vertex", "true", c -> c.google().vertex(), true));
        e.add(new Expect("reelsmith.google.project", "demo", c -> c.google().project()));
        e.add(new Expect(
                "reelsmith.google.location", "europe-west4", c -> c.google().location()));
        e.add(new Expect("reelsmith.google.access.token", "tok", c -> c.google().accessToken()));
        e.add(new Expect(
                "reelsmith.google.models",
                catalogue.toString(),
                c -> c.google().catalogue() != GoogleModels.builtIn(),
                true));
        e.add(new Expect(
                "reelsmith.google.text.model",
                "gemini-3.5-flash",
                c -> c.google().textModel()));
        e.add(new Expect(
                "reelsmith.google.image.model",
                "gemini-3-pro-image",
                c -> c.google().imageModel()));
        e.add(new Expect(
                "reelsmith.google.video.model",
                "veo-3.1-fast-generate-001",
                c -> c.google().videoModel()));
        e.add(new Expect(
                "reelsmith.google.video.mode", "interpolate", c -> c.google().videoMode(), VideoMode.INTERPOLATE));
        e.add(new Expect(
                "reelsmith.google.transcribe.model",
                "gemini-3.5-transcribe",
                c -> c.google().transcribeModel()));
        e.add(new Expect("reelsmith.keyframe.order", "chain", c -> c.google().keyframeOrder()));
        e.add(new Expect(
                "reelsmith.google.price.video.per.second",
                "0.11",
                c -> c.google().prices().videoPerSecond(),
                new BigDecimal("0.11")));
        e.add(new Expect(
                "reelsmith.google.price.image", "0.02", c -> c.google().prices().perImage(), new BigDecimal("0.02")));
        e.add(new Expect(
                "reelsmith.google.price.script",
                "0.03",
                c -> c.google().prices().perScript(),
                new BigDecimal("0.03")));
        e.add(new Expect(
                "reelsmith.google.price.transcribe.per.minute",
                "0.04",
                c -> c.google().prices().perTranscribedMinute(),
                new BigDecimal("0.04")));
        e.add(new Expect(
                "reelsmith.google.request.timeout.seconds",
                "31",
                c -> c.google().requestTimeout(),
                Duration.ofSeconds(31)));
        e.add(new Expect(
                "reelsmith.google.operation.timeout.seconds",
                "32",
                c -> c.google().operationTimeout(),
                Duration.ofSeconds(32)));
        e.add(new Expect(
                "reelsmith.google.poll.interval.ms", "33", c -> c.google().pollInterval(), Duration.ofMillis(33)));
        e.add(new Expect("reelsmith.google.max.retries", "2", c -> c.google().maxRetries(), 2));
        e.add(new Expect(
                "reelsmith.google.backoff.initial.ms", "34", c -> c.google().backoffInitial(), Duration.ofMillis(34)));
        e.add(new Expect(
                "reelsmith.google.backoff.max.ms", "35", c -> c.google().backoffMax(), Duration.ofMillis(35)));
        e.add(new Expect("reelsmith.google.resubmits", "3", c -> c.google().resubmits(), 3));
        e.add(new Expect(
                "reelsmith.google.retention.hours", "24", c -> c.google().retention(), Duration.ofHours(24)));
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
