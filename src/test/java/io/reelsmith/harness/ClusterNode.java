package io.reelsmith.harness;

import io.reelsmith.app.Provider;
import io.reelsmith.app.provider.ProviderRegistry;
import io.reelsmith.config.ConfigLoader;
import io.reelsmith.config.ReelsmithConfig;
import io.reelsmith.kernel.Ffmpeg;
import io.reelsmith.limits.VeoLimiter;
import io.reelsmith.pipeline.JobStages;
import io.reelsmith.pipeline.Stages;
import io.reelsmith.render.FinalRenderer;
import io.reelsmith.service.Service;
import io.reelsmith.storage.DbVeoLimiter;
import io.reelsmith.subtitle.CaptionStyle;
import io.reelsmith.testkit.GoogleBill;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The main class of the cluster harness's child JVMs: {@code ClusterNode api} (the REST API only, no job
 * server, as an API tier would run) or {@code ClusterNode worker} (the job server only). Settings come from
 * the environment like {@code serve}/{@code worker}; the provider is {@link QuickStages} with
 * {@code REELSMITH_HARNESS_BLOCK_MS} per block, limited by a {@link DbVeoLimiter} on the shared database when
 * {@code REELSMITH_VEO_MAX_CONCURRENT} is set, logging its operations to {@code REELSMITH_HARNESS_OPS_LOG}
 * if set; the block numbered {@code REELSMITH_HARNESS_HELD_BLOCK}, if set, never ends here. Prints one ready line, then runs until killed.
 */
public final class ClusterNode {
    private ClusterNode() {}

    public static void main(String[] args) throws Exception {
        boolean api = args.length == 1 && args[0].equals("api");
        if (!api && !(args.length == 1 && args[0].equals("worker"))) {
            System.err.println("usage: ClusterNode api|worker");
            System.exit(2);
        }
        Map<String, String> overrides = new HashMap<>();
        if (api) overrides.put("reelsmith.http.port", "0");
        overrides.put("reelsmith.auth.address.signups", "100000"); // every harness user signs up from 127.0.0.1
        ReelsmithConfig config = ConfigLoader.load(null, overrides);
        Duration blockLatency =
                Duration.ofMillis(Long.parseLong(System.getenv().getOrDefault("REELSMITH_HARNESS_BLOCK_MS", "1000")));
        Map<String, String> env = System.getenv();
        VeoLimiter limiter = VeoLimiter.UNLIMITED;
        if (env.containsKey("REELSMITH_VEO_MAX_CONCURRENT")) {
            PGSimpleDataSource db = new PGSimpleDataSource();
            db.setURL(config.service().dbUrl());
            db.setUser(config.service().dbUser());
            db.setPassword(config.service().dbPassword());
            limiter = new DbVeoLimiter(db, config.veo());
        }
        String opsLog = env.get("REELSMITH_HARNESS_OPS_LOG");
        int heldBlock = Integer.parseInt(env.getOrDefault(ClusterHarness.HELD_BLOCK, "0"));
        var stages = QuickStages.create(blockLatency, heldBlock, limiter, opsLog == null ? null : Path.of(opsLog));
        // MONEY (issue #11): google stages per video with the video's spend recorder (the service's database ledger),
        // so the cluster tests can read uncertain submissions; one SDK client for the process.
        JobStages google = null;
        if (env.containsKey("REELSMITH_GOOGLE_BASE_URL")) {
            // one SDK client for the process, stages per video with that video's spend recorder
            var registry = ProviderRegistry.sharingOneClient(config::google, config.providers());
            var base = ProviderRegistry.JobContext.of(CaptionStyle.SHORTS)
                    .withLimiter(limiter)
                    .withRendering(GoogleBill.SPREAD, new FinalRenderer("ultrafast", 35));
            google = (name, spend) -> registry.stages(name, base.withSpend(null, null, spend));
        }
        var googleStages = google;
        Function<String, Stages> local = name -> {
            var provider = Provider.named(name);
            if (provider.paid)
                throw new IllegalArgumentException(
                        "provider '" + name + "' is not configured in this harness (set REELSMITH_GOOGLE_BASE_URL)");
            return stages;
        };
        // every FFmpeg and ffprobe run, for bench orchestration's count of media runs per video
        Ffmpeg.listen((label, nanos) -> System.out.println("media run " + label + " " + nanos / 1_000_000 + " ms"));
        Service service = Service.start(
                config,
                local,
                (name, spend) -> Provider.isPaid(name) && googleStages != null
                        ? googleStages.of(name, spend)
                        : local.apply(name),
                config::google,
                api,
                !api);
        System.out.println(api ? "cluster api on http://127.0.0.1:" + service.port() : "cluster worker running");
        System.out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            stopped.countDown();
        }));
        stopped.await();
    }
}
