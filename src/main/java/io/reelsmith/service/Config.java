package io.reelsmith.service;

import io.reelsmith.api.ApiLimits;
import io.reelsmith.storage.BlobStores;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Settings of {@code serve} and {@code worker}. Each key is read, last one wins, from: the defaults below,
 * the properties file given with {@code --config}, the environment ({@code reelsmith.http.port} ↔
 * {@code REELSMITH_HTTP_PORT}), then the command line options. docs/service.md documents every key.
 */
public record Config(String host, int port, Path dataDir, String dbUrl, String dbUser, String dbPassword,
                     String jwtSecret, ApiLimits apiLimits, long uploadMaxBytes, int dashboardPort, String dashboardUser,
                     String dashboardPassword, int healthPort,
                     int workers, Duration pollInterval, int maxAttempts, String characterProvider,
                     Map<String, String> storage, Duration downloadLinkLifetime, java.math.BigDecimal userBudgetUsd, int runLeaseSeconds) {

    /** Every key with its default; a null default is derived (db url and jwt secret from the data dir). */
    public static final Map<String, String> DEFAULTS = defaults();

    private static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("reelsmith.http.host", "127.0.0.1");
        d.put("reelsmith.http.port", "8080");
        d.put("reelsmith.data.dir", "data");
        d.put("reelsmith.db.url", null);
        d.put("reelsmith.db.user", "sa");
        d.put("reelsmith.db.password", "");
        d.put("reelsmith.jwt.secret", null);
        d.put("reelsmith.token.lifetime.minutes", "15"); // an access token; at most 60 (a session renews it)
        d.put("reelsmith.session.lifetime.days", "30"); // a sign-in's refresh token, unless the user signs out
        d.put("reelsmith.http.threads", "200"); // request threads (and 4x as many queued requests at most)
        d.put("reelsmith.http.idle.timeout.seconds", "30"); // a connection silent this long is closed
        d.put("reelsmith.http.forwarded.hops", "0"); // proxies in front whose X-Forwarded-For is trusted; 0: none
        d.put("reelsmith.auth.account.attempts", "10"); // failed sign-ins per account per 15 minutes
        d.put("reelsmith.auth.address.attempts", "30"); // sign-ins per client address per minute
        d.put("reelsmith.auth.address.signups", "10"); // sign-ups per client address per hour
        d.put("reelsmith.auth.tarpit.millis", "1000"); // a refused or failed sign-in is answered this much later
        d.put("reelsmith.upload.max.bytes", String.valueOf(10 * 1024 * 1024));
        d.put("reelsmith.dashboard.port", "-1"); // off; when on, it listens on 127.0.0.1 only
        d.put("reelsmith.dashboard.user", "");
        d.put("reelsmith.dashboard.password", "");
        d.put("reelsmith.health.port", "8001");
        d.put("reelsmith.jobs.workers", "2");
        d.put("reelsmith.jobs.poll.seconds", "5");
        d.put("reelsmith.jobs.max.attempts", "3");
        d.put("reelsmith.characters.provider", "local");
        d.put("reelsmith.budget.user.usd", "50"); // each user's default budget in US dollars; empty: no limit
        d.put("reelsmith.jobs.lease.seconds", "30"); // a run that has not renewed its video's lease this long is presumed dead
        d.putAll(BlobStores.DEFAULTS);
        return Collections.unmodifiableMap(d);
    }

    public static String envName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    /** Reads defaults ← file ← environment ← overrides (command line), then resolves derived values. */
    public static Config load(Path file, Map<String, String> env, Map<String, String> overrides) throws IOException {
        Map<String, String> v = new HashMap<>(DEFAULTS);
        if (file != null) {
            if (!Files.isRegularFile(file)) throw new IllegalArgumentException("the config file " + file + " does not exist");
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            }
            for (String k : p.stringPropertyNames()) {
                if (!DEFAULTS.containsKey(k)) throw new IllegalArgumentException("unknown setting '" + k + "' in " + file);
                v.put(k, p.getProperty(k).strip());
            }
        }
        for (String k : DEFAULTS.keySet()) {
            String e = env.get(envName(k));
            if (e != null && !e.isBlank()) v.put(k, e.strip());
        }
        overrides.forEach((k, val) -> { if (val != null) v.put(k, val); });
        return resolve(v);
    }

    private static Config resolve(Map<String, String> v) throws IOException {
        Path data = Path.of(v.get("reelsmith.data.dir")).toAbsolutePath().normalize();
        Files.createDirectories(data);
        String url = v.get("reelsmith.db.url");
        // WRITE_DELAY=0: a commit reaches the file before it returns, so a killed process loses no finished step.
        // DB_CLOSE_ON_EXIT=FALSE: on SIGTERM our shutdown hook stops the job server first, then closes the database.
        if (url == null || url.isBlank()) url = "jdbc:h2:file:" + data.resolve("db/reelsmith") + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
        String secret = v.get("reelsmith.jwt.secret");
        if (secret == null || secret.isBlank()) secret = JwtSecretFile.readOrCreate(data.resolve("jwt.secret"));
        if (secret.length() < 32) throw new IllegalArgumentException("reelsmith.jwt.secret must have at least 32 characters");
        Config c = new Config(v.get("reelsmith.http.host"), intOf(v, "reelsmith.http.port", 0, 65535), data, url,
                v.get("reelsmith.db.user"), v.get("reelsmith.db.password"), secret,
                new ApiLimits(intOf(v, "reelsmith.http.threads", 8, 2000), Duration.ofSeconds(intOf(v, "reelsmith.http.idle.timeout.seconds", 1, 3600)),
                        intOf(v, "reelsmith.http.forwarded.hops", 0, 10), Duration.ofMinutes(intOf(v, "reelsmith.token.lifetime.minutes", 1, 60)),
                        Duration.ofDays(intOf(v, "reelsmith.session.lifetime.days", 1, 365)), intOf(v, "reelsmith.auth.account.attempts", 1, 1_000_000),
                        intOf(v, "reelsmith.auth.address.attempts", 1, 1_000_000), intOf(v, "reelsmith.auth.address.signups", 1, 1_000_000),
                        Duration.ofMillis(intOf(v, "reelsmith.auth.tarpit.millis", 0, 10_000))),
                longOf(v, "reelsmith.upload.max.bytes", 1024, 1L << 30),
                intOf(v, "reelsmith.dashboard.port", -1, 65535), v.get("reelsmith.dashboard.user"), v.get("reelsmith.dashboard.password"),
                intOf(v, "reelsmith.health.port", -1, 65535), intOf(v, "reelsmith.jobs.workers", 1, 64),
                Duration.ofSeconds(intOf(v, "reelsmith.jobs.poll.seconds", 5, 600)),
                intOf(v, "reelsmith.jobs.max.attempts", 1, 10), v.get("reelsmith.characters.provider"), storage(v), downloadLink(v),
                usdOf(v, "reelsmith.budget.user.usd"), intOf(v, "reelsmith.jobs.lease.seconds", 10, 3600));
        return c;
    }

    /** The reelsmith.storage.* values that are set, for {@link BlobStores#open}. */
    private static Map<String, String> storage(Map<String, String> v) {
        Map<String, String> s = new LinkedHashMap<>();
        for (String k : BlobStores.DEFAULTS.keySet()) if (v.get(k) != null) s.put(k, v.get(k));
        return Collections.unmodifiableMap(s);
    }

    /** Null: downloads stream through the API; else redirects to signed URLs valid this long. */
    private static Duration downloadLink(Map<String, String> v) {
        String mode = v.get(BlobStores.DOWNLOAD);
        Duration ttl = Duration.ofSeconds(intOf(v, BlobStores.LINK_SECONDS, 10, 7 * 24 * 3600));
        return switch (mode) {
            case "stream" -> null;
            case "redirect" -> ttl;
            default -> throw new IllegalArgumentException(BlobStores.DOWNLOAD + " must be stream or redirect, not '" + mode + "'");
        };
    }

    /** A dollar amount ≥ 0, or null when empty (no limit). */
    private static java.math.BigDecimal usdOf(Map<String, String> v, String key) {
        String s = v.get(key);
        if (s == null || s.isBlank()) return null;
        try {
            java.math.BigDecimal d = new java.math.BigDecimal(s.strip());
            if (d.signum() < 0) throw new IllegalArgumentException(key + " must be an amount of US dollars ≥ 0, not " + s);
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be an amount of US dollars such as 25 or 12.50, not '" + s + "'");
        }
    }

    private static int intOf(Map<String, String> v, String key, int min, int max) {
        return (int) longOf(v, key, min, max);
    }

    private static long longOf(Map<String, String> v, String key, long min, long max) {
        try {
            long n = Long.parseLong(v.get(key));
            if (n < min || n > max) throw new IllegalArgumentException(key + " must be between " + min + " and " + max + ", not " + n);
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, not '" + v.get(key) + "'");
        }
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
        return "Config[" + host + ":" + port + ", data " + dataDir + ", db " + dbUrl.replaceAll("password=[^;&]*", "password=***")
                + ", dashboard " + dashboardPort + ", health " + healthPort + ", workers " + workers
                + ", storage " + storage.getOrDefault(BlobStores.TYPE, "local") + "]";
    }
}
