package io.reelsmith.config;

import static io.reelsmith.config.Key.BOOLEAN;
import static io.reelsmith.config.Key.FLAG;
import static io.reelsmith.config.Key.TEXT;
import static io.reelsmith.config.Key.number;
import static io.reelsmith.config.Key.oneOf;
import static io.reelsmith.config.Key.usd;
import static io.reelsmith.config.Key.whole;

import io.reelsmith.models.ModelCatalog;
import io.reelsmith.storage.BlobStores;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every setting Reelsmith reads, once: its file name, environment names, default and form. docs/service.md,
 * docs/deployment.md and docs/google.md document them; {@link ConfigLoader} reads them and nothing else does.
 * Defaults that depend on the machine (the home directory, the user) are filled in by the loader.
 */
final class Keys {
    private Keys() {}

    static final String HOME = "user.home", USER_NAME = "user.name";
    static final Map<String, Key> ALL = all();

    private static Map<String, Key> all() {
        List<Key> k = new ArrayList<>();
        // service: serve and worker (docs/service.md)
        k.add(Key.of("reelsmith.http.host", "127.0.0.1", TEXT));
        k.add(Key.of("reelsmith.http.port", "8080", whole(0, 65535)));
        k.add(Key.of("reelsmith.data.dir", "data", TEXT));
        k.add(Key.of("reelsmith.db.url", null, TEXT));
        k.add(Key.of("reelsmith.db.user", "sa", TEXT));
        k.add(Key.of("reelsmith.db.password", "", TEXT));
        k.add(Key.of(
                "reelsmith.jwt.secret",
                null,
                v -> v.strip().length() >= 32 ? null : "must have at least 32 characters"));
        k.add(Key.of("reelsmith.token.lifetime.minutes", "15", whole(1, 60))); // an access token; a session renews it
        k.add(Key.of(
                "reelsmith.session.lifetime.days",
                "30",
                whole(1, 365))); // a sign-in's refresh token, unless the user signs out
        k.add(Key.of(
                "reelsmith.http.threads",
                "200",
                whole(8, 2000))); // request threads (and 4x as many queued requests at most)
        k.add(Key.of(
                "reelsmith.http.idle.timeout.seconds",
                "30",
                whole(1, 3600))); // a connection silent this long is closed
        k.add(Key.of(
                "reelsmith.http.forwarded.hops",
                "0",
                whole(0, 10))); // proxies in front whose X-Forwarded-For is trusted
        k.add(Key.of(
                "reelsmith.auth.account.attempts",
                "10",
                whole(1, 1_000_000))); // failed sign-ins per account per 15 minutes
        k.add(Key.of(
                "reelsmith.auth.address.attempts",
                "30",
                whole(1, 1_000_000))); // sign-ins per client address per minute
        k.add(Key.of(
                "reelsmith.auth.address.signups", "10", whole(1, 1_000_000))); // sign-ups per client address per hour
        k.add(Key.of(
                "reelsmith.auth.tarpit.millis",
                "1000",
                whole(0, 10_000))); // a refused or failed sign-in is answered this much later
        k.add(Key.of("reelsmith.upload.max.bytes", String.valueOf(10 * 1024 * 1024), whole(1024, 1L << 30)));
        k.add(Key.of("reelsmith.dashboard.port", "-1", whole(-1, 65535))); // off; when on, it listens on 127.0.0.1 only
        k.add(Key.of("reelsmith.dashboard.user", "", TEXT));
        k.add(Key.of("reelsmith.dashboard.password", "", TEXT));
        k.add(Key.of("reelsmith.health.port", "8001", whole(-1, 65535)));
        k.add(Key.of("reelsmith.jobs.workers", "2", whole(1, 64)));
        k.add(Key.of("reelsmith.jobs.poll.seconds", "5", whole(5, 600)));
        k.add(Key.of("reelsmith.jobs.max.attempts", "3", whole(1, 10)));
        // the CPU priority (nice) of a job server's FFmpeg runs: 19 lets an API or database on the same cores go first
        k.add(Key.of("reelsmith.jobs.media.nice", "0", whole(0, 19)));
        // the CPU priority (nice) of a job server's job threads: above 0, an API in the same process (serve) or on
        // the same cores answers first
        k.add(Key.of("reelsmith.jobs.nice", "5", whole(0, 19)));
        // the final render's x264 encode, PRESET:CRF: faster presets for previews and tests (docs/service.md)
        k.add(Key.of(
                "reelsmith.render.x264",
                "veryfast:23",
                v -> v.strip()
                                .matches(
                                        "(ultrafast|superfast|veryfast|faster|fast|medium|slow|slower|veryslow):([0-9]|[1-4][0-9]|5[01])")
                        ? null
                        : "must be an x264 preset and a CRF from 0 to 51, as veryfast:23"));
        k.add(Key.of(
                "reelsmith.jobs.lease.seconds",
                "30",
                whole(10, 3600))); // a run that has not renewed its lease this long is presumed dead
        k.add(Key.of("reelsmith.characters.provider", "local", oneOf("local", "google")));
        k.add(Key.of("reelsmith.budget.user.usd", "50", usd(true))); // each user's default budget; empty: no limit
        k.add(Key.of(
                "reelsmith.mcp.allowed.hosts", null, TEXT)); // Host headers /mcp accepts besides loopback (docs/mcp.md)
        k.add(Key.of("reelsmith.mcp.allowed.origins", null, TEXT));
        // where files are kept (docs/deployment.md §3); the adapters' own defaults
        for (var e : BlobStores.DEFAULTS.entrySet()) k.add(Key.of(e.getKey(), e.getValue(), storageCheck(e.getKey())));
        // Veo's quota, shared by every worker (docs/deployment.md)
        // unset: the video model's quota in the catalogue
        k.add(Key.of("reelsmith.veo.max.concurrent", null, whole(1, 1000)));
        k.add(Key.of("reelsmith.veo.requests.per.minute", null, whole(1, 100_000)));
        k.add(Key.of("reelsmith.keyframe.order", "anchor", oneOf("anchor", "chain")));
        k.add(Key.of("reelsmith.veo.lease.ttl.seconds", "120", whole(1, 86_400)));
        k.add(Key.of("reelsmith.veo.max.wait.seconds", "3600", whole(0, 86_400)));
        // the google provider (docs/google.md); Google's own variable names where it has them
        k.add(Key.of("reelsmith.google.base.url", null, TEXT));
        k.add(Key.of("reelsmith.google.api.key", null, TEXT, "GEMINI_API_KEY", "GOOGLE_API_KEY"));
        k.add(Key.of(
                "reelsmith.google.vertex", "false", BOOLEAN, "REELSMITH_GOOGLE_VERTEX", "GOOGLE_GENAI_USE_VERTEXAI"));
        k.add(Key.of("reelsmith.google.project", null, TEXT, "GOOGLE_CLOUD_PROJECT"));
        k.add(Key.of("reelsmith.google.location", "us-central1", TEXT, "GOOGLE_CLOUD_LOCATION"));
        k.add(Key.of("reelsmith.google.access.token", null, TEXT));
        k.add(Key.of("reelsmith.google.models", null, TEXT)); // an operator's copy of the model catalogue
        k.add(Key.of("reelsmith.google.text.model", null, TEXT));
        k.add(Key.of("reelsmith.google.image.model", null, TEXT));
        k.add(Key.of("reelsmith.google.video.model", null, TEXT));
        k.add(Key.of("reelsmith.google.video.mode", "extend", oneOf("extend", "interpolate")));
        k.add(Key.of("reelsmith.google.transcribe.model", null, TEXT)); // "none": captions from the script only
        k.add(Key.of("reelsmith.google.price.video.per.second", null, usd(false)));
        k.add(Key.of("reelsmith.google.price.image", null, usd(false)));
        k.add(Key.of("reelsmith.google.price.script", null, usd(false)));
        k.add(Key.of("reelsmith.google.price.transcribe.per.minute", null, usd(false)));
        k.add(Key.of("reelsmith.google.request.timeout.seconds", "120", whole(1, 86_400)));
        k.add(Key.of("reelsmith.google.operation.timeout.seconds", "900", whole(1, 86_400)));
        k.add(Key.of("reelsmith.google.poll.interval.ms", "10000", whole(1, 3_600_000)));
        k.add(Key.of("reelsmith.google.max.retries", "5", whole(0, 100)));
        k.add(Key.of("reelsmith.google.backoff.initial.ms", "2000", whole(0, 3_600_000)));
        k.add(Key.of("reelsmith.google.backoff.max.ms", "60000", whole(0, 3_600_000)));
        k.add(Key.of("reelsmith.google.resubmits", "1", whole(0, 10)));
        k.add(Key.of("reelsmith.google.retention.hours", "48", whole(1, 8760)));
        // money: the CLI's limits and ledger (docs/google.md)
        k.add(Key.of("reelsmith.budget.per.video.usd", null, usd(true)));
        k.add(Key.of("reelsmith.budget.per.user.usd", null, usd(true)));
        k.add(Key.of("reelsmith.confirm.above.usd", "1.00", usd(true)));
        k.add(Key.of("reelsmith.spend.ledger", null, TEXT)); // default ~/.reelsmith/spend.jsonl
        k.add(Key.of("reelsmith.user", null, TEXT)); // whose spend the CLI records; default the login name
        // the drift check: a block scoring under this is made again once
        k.add(Key.of("reelsmith.drift.threshold", "0.5", number(0, 1)));
        // subtitles: the word timers' models (docs/subtitles.md)
        k.add(Key.of("reelsmith.sphinx.model", "/usr/share/pocketsphinx/model/en-us", TEXT));
        k.add(Key.of("reelsmith.whisper.model", null, TEXT));
        k.add(Key.of("reelsmith.align.keep.work", "false", FLAG, "REELSMITH_KEEP_ALIGN_WORK"));
        k.add(Key.of("reelsmith.models.dir", null, TEXT)); // default ~/.reelsmith/models
        k.add(Key.of("reelsmith.models.url", ModelCatalog.DEFAULT_BASE_URL, TEXT));
        k.add(Key.of("reelsmith.cache.dir", null, TEXT)); // benches' downloaded sets; default ~/.cache/reelsmith
        k.add(Key.of("reelsmith.debug", "false", FLAG)); // stack traces, and the animatic's filter graphs
        Map<String, Key> byName = new LinkedHashMap<>();
        for (Key key : k) byName.put(key.name(), key);
        return Collections.unmodifiableMap(byName);
    }

    private static Key.Check storageCheck(String key) {
        return switch (key) {
            case BlobStores.TYPE -> oneOf("local", "s3", "gcs");
            case BlobStores.DOWNLOAD -> oneOf("stream", "redirect");
            case BlobStores.LINK_SECONDS -> whole(10, 7 * 24 * 3600);
            case "reelsmith.storage.s3.path.style" -> BOOLEAN;
            default -> TEXT;
        };
    }
}
