package io.reelsmith.config;

import io.reelsmith.api.ApiLimits;
import io.reelsmith.storage.BlobStores;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings of {@code serve} and {@code worker}: the part of the configuration tree the service is started with
 * ({@link ReelsmithConfig#service}). docs/service.md documents every key.
 */
public record ServiceConfig(
        String host,
        int port,
        Path dataDir,
        String dbUrl,
        String dbUser,
        String dbPassword,
        String jwtSecret,
        ApiLimits apiLimits,
        long uploadMaxBytes,
        int dashboardPort,
        String dashboardUser,
        String dashboardPassword,
        int healthPort,
        int workers,
        Duration pollInterval,
        int maxAttempts,
        int mediaNice,
        int jobsNice,
        String characterProvider,
        Map<String, String> storage,
        Duration downloadLinkLifetime,
        BigDecimal userBudgetUsd,
        int runLeaseSeconds,
        String mcpAllowedHosts,
        String mcpAllowedOrigins) {

    /** The values of {@code s}, with what derives from the data directory made there: the database file and the token key. */
    static ServiceConfig of(Settings s) throws IOException {
        Path data = Path.of(s.text("reelsmith.data.dir")).toAbsolutePath().normalize();
        Files.createDirectories(data);
        String url = s.text("reelsmith.db.url");
        // WRITE_DELAY=0: a commit reaches the file before it returns, so a killed process loses no finished step.
        // DB_CLOSE_ON_EXIT=FALSE: on SIGTERM our shutdown hook stops the job server first, then closes the database.
        if (url == null) url = "jdbc:h2:file:" + data.resolve("db/reelsmith") + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
        String secret = s.text("reelsmith.jwt.secret");
        if (secret == null) secret = JwtSecretFile.readOrCreate(data.resolve("jwt.secret"));
        return new ServiceConfig(
                s.text("reelsmith.http.host"),
                s.integer("reelsmith.http.port"),
                data,
                url,
                s.raw("reelsmith.db.user"),
                s.raw("reelsmith.db.password"),
                secret,
                new ApiLimits(
                        s.integer("reelsmith.http.threads"),
                        s.seconds("reelsmith.http.idle.timeout.seconds"),
                        s.integer("reelsmith.http.forwarded.hops"),
                        Duration.ofMinutes(s.whole("reelsmith.token.lifetime.minutes")),
                        Duration.ofDays(s.whole("reelsmith.session.lifetime.days")),
                        s.integer("reelsmith.auth.account.attempts"),
                        s.integer("reelsmith.auth.address.attempts"),
                        s.integer("reelsmith.auth.address.signups"),
                        s.millis("reelsmith.auth.tarpit.millis")),
                s.whole("reelsmith.upload.max.bytes"),
                s.integer("reelsmith.dashboard.port"),
                s.raw("reelsmith.dashboard.user"),
                s.raw("reelsmith.dashboard.password"),
                s.integer("reelsmith.health.port"),
                s.integer("reelsmith.jobs.workers"),
                s.seconds("reelsmith.jobs.poll.seconds"),
                s.integer("reelsmith.jobs.max.attempts"),
                s.integer("reelsmith.jobs.media.nice"),
                s.integer("reelsmith.jobs.nice"),
                s.text("reelsmith.characters.provider"),
                storage(s),
                downloadLink(s),
                s.usd("reelsmith.budget.user.usd"),
                s.integer("reelsmith.jobs.lease.seconds"),
                s.text("reelsmith.mcp.allowed.hosts"),
                s.text("reelsmith.mcp.allowed.origins"));
    }

    /** The reelsmith.storage.* values that are set, for {@link BlobStores#open}. */
    private static Map<String, String> storage(Settings s) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String k : BlobStores.DEFAULTS.keySet()) if (s.text(k) != null) m.put(k, s.text(k));
        return Collections.unmodifiableMap(m);
    }

    /** Null: downloads stream through the API; else redirects to signed URLs valid this long. */
    private static Duration downloadLink(Settings s) {
        return s.text(BlobStores.DOWNLOAD).equals("redirect") ? s.seconds(BlobStores.LINK_SECONDS) : null;
    }

    public Duration tokenLifetime() {
        return apiLimits.tokenLifetime();
    }

    public boolean dashboardEnabled() {
        return dashboardPort >= 0;
    }

    public Path blobDir() {
        return dataDir.resolve("blobs");
    }

    public Path jobsDir() {
        return dataDir.resolve("videos");
    }

    @Override
    public String toString() { // never print secrets into logs
        return "ServiceConfig[" + host + ":" + port + ", data " + dataDir + ", db "
                + dbUrl.replaceAll("password=[^;&]*", "password=***")
                + ", dashboard " + dashboardPort + ", health " + healthPort + ", workers " + workers
                + ", storage " + storage.getOrDefault(BlobStores.TYPE, "local") + "]";
    }
}
