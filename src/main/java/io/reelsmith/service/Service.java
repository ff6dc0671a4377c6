package io.reelsmith.service;

import io.reelsmith.app.CharacterLibrary;
import io.reelsmith.app.VideoService;
import io.reelsmith.google.GoogleConfig;
import java.util.function.Supplier;
import io.reelsmith.storage.Characters;
import io.javalin.Javalin;
import io.reelsmith.api.ApiError;
import io.reelsmith.api.ApiServer;
import io.reelsmith.app.PlanPrices;
import io.reelsmith.mcp.McpHttp;
import io.reelsmith.mcp.Services;
import io.reelsmith.storage.Users;
import io.reelsmith.app.Budgets;
import io.reelsmith.app.DbSpendLedger;
import io.reelsmith.app.StepPrices;
import io.reelsmith.app.JobDirs;
import io.reelsmith.pipeline.JobStages;
import io.reelsmith.pipeline.Stages;
import io.reelsmith.app.ProviderRegistry;
import io.reelsmith.limits.DbVeoLimiter;
import io.reelsmith.limits.VeoLimits;
import io.reelsmith.app.VideoFiles;
import io.reelsmith.app.VideoJob;
import io.reelsmith.app.VideoRunner;
import io.reelsmith.app.BatchJob;
import io.reelsmith.app.BatchRunner;
import io.reelsmith.app.BatchService;
import io.reelsmith.storage.Batches;
import io.reelsmith.storage.BlobStore;
import io.reelsmith.storage.Database;
import io.reelsmith.storage.BlobStores;
import io.reelsmith.storage.Videos;
import org.jobrunr.jobs.mappers.JobMapper;
import org.jobrunr.scheduling.JobRequestScheduler;
import org.jobrunr.server.BackgroundJobServer;
import org.jobrunr.server.BackgroundJobServerConfiguration;
import org.jobrunr.server.JobActivator;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.storage.sql.common.SqlStorageProviderFactory;
import org.jobrunr.utils.mapper.jackson.JacksonJsonMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.function.Function;

/**
 * One running Reelsmith process: the database, JobRunr (its tables live in the same database), and
 * optionally the HTTP API ({@code serve}) and the background job server ({@code serve} and {@code worker}).
 * JobRunr is wired by hand rather than through its static {@code JobRunr.configure()} so that several
 * instances can live in one JVM (tests) and each closes cleanly.
 */
public final class Service implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Service.class);
    private final Database db;
    private final BlobStore blobs;
    private final StorageProvider jobStorage;
    private final BackgroundJobServer jobServer;
    private final Dashboard dashboard;
    private final HealthServer health;
    private final Javalin http;
    private final McpHttp mcpHttp;
    private final Services mcp;

    private Service(Database db, BlobStore blobs, StorageProvider jobStorage, BackgroundJobServer jobServer,
                    Dashboard dashboard, HealthServer health, Javalin http, McpHttp mcpHttp, Services mcp) {
        this.mcpHttp = mcpHttp;
        this.mcp = mcp;
        this.db = db;
        this.blobs = blobs;
        this.jobStorage = jobStorage;
        this.jobServer = jobServer;
        this.dashboard = dashboard;
        this.health = health;
        this.http = http;
    }

    /**
     * The production wiring: the providers of {@link ProviderRegistry}, with Veo's quota shared by every process on
     * this database (a {@link DbVeoLimiter}, settings {@code REELSMITH_VEO_*}, see docs/deployment.md).
     */
    public static Service start(Config c, boolean api, boolean worker) throws IOException {
        Database db = Database.open(c.dbUrl(), c.dbUser(), c.dbPassword());
        var veoLimits = VeoLimits.fromEnvironment(System.getenv());
        // Stages are built per video with that video's spend recorder over the database ledger; google's SDK
        // client is made on first use (a server that never makes a google video needs no key) and shared.
        ProviderRegistry registry = ProviderRegistry.sharingOneClient();
        var limiter = new java.util.concurrent.atomic.AtomicReference<DbVeoLimiter>();
        JobStages jobStages = (name, spend) -> {
            var ctx = ProviderRegistry.JobContext.of(io.reelsmith.subtitle.CaptionStyle.SHORTS).withSpend(null, null, spend);
            if (ProviderRegistry.isPaid(name)) {
                ctx = ctx.withLimiter(limiter.updateAndGet(l -> l != null ? l : new DbVeoLimiter(db.dataSource(), veoLimits)));
            }
            return registry.stages(name, ctx);
        };
        Function<String, Stages> providers = name -> jobStages.of(name, io.reelsmith.kernel.SpendLedger.Recorder.NONE);
        return start(c, db, providers, jobStages, GoogleConfig::fromEnv, api, worker);
    }

    public static Service start(Config c, Function<String, Stages> providers, boolean api, boolean worker) throws IOException {
        return start(c, providers, JobStages.shared(providers), api, worker);
    }

    /** With stages built per video ({@code jobStages}, given the video's spend recorder); {@code providers} serve characters. */
    public static Service start(Config c, Function<String, Stages> providers, JobStages jobStages, boolean api, boolean worker) throws IOException {
        return start(c, providers, jobStages, GoogleConfig::fromEnv, api, worker);
    }

    /** {@code google}: the settings that price google's steps (estimates, budgets); the environment's by default. */
    public static Service start(Config c, Function<String, Stages> providers, JobStages jobStages, Supplier<GoogleConfig> google,
                                boolean api, boolean worker) throws IOException {
        return start(c, Database.open(c.dbUrl(), c.dbUser(), c.dbPassword()), providers, jobStages, google, api, worker);
    }

    private static Service start(Config c, Database db, Function<String, Stages> providers, JobStages jobStages,
                                 Supplier<GoogleConfig> google, boolean api, boolean worker)
            throws IOException {
        JacksonJsonMapper json = new JacksonJsonMapper();
        StorageProvider jobStorage = SqlStorageProviderFactory.using(db.dataSource());
        jobStorage.setJobMapper(new JobMapper(json));
        JobDirs dirs = new JobDirs(c.jobsDir()); // scratch only: every durable file is in the blob store
        BlobStore blobs = BlobStores.open(c.storage(), c.blobDir());
        VideoFiles files = new VideoFiles(blobs);
        DbSpendLedger ledger = new DbSpendLedger(db.jdbi());
        Budgets budgets = new Budgets(db.jdbi(), c.userBudgetUsd(), new StepPrices(google));
        JobRequestScheduler scheduler = new JobRequestScheduler(jobStorage);
        requeueLostJobs(new Videos(db.jdbi()), new Batches(db.jdbi()), scheduler);
        var videos = new VideoService(db.jdbi(), new Videos(db.jdbi()), new Characters(db.jdbi()), files, jobStages,
                new ProviderRegistry(google), scheduler, ledger, budgets);
        BackgroundJobServer jobServer = null;
        if (worker) {
            VideoRunner runner = new VideoRunner(db.jdbi(), new Videos(db.jdbi()), dirs, files, jobStages, ledger, budgets.gate(),
                    c.maxAttempts(), c.runLeaseSeconds());
            BatchRunner batchRunner = new BatchRunner(db.jdbi(), videos, budgets, new ProviderRegistry(google));
            JobActivator activator = new JobActivator() {
                @Override
                public <T> T activateJob(Class<T> type) {
                    if (type == BatchRunner.class) return type.cast(batchRunner);
                    return type == VideoRunner.class ? type.cast(runner) : null;
                }
            };
            jobServer = new BackgroundJobServer(jobStorage, json, activator, BackgroundJobServerConfiguration
                    .usingStandardBackgroundJobServerConfiguration().andWorkerCount(c.workers()).andPollInterval(c.pollInterval()));
            jobServer.start();
        }
        Dashboard dashboard = c.dashboardEnabled() ? new Dashboard(jobStorage, json, c.dashboardPort(), c.dashboardUser(), c.dashboardPassword()) : null;
        HealthServer health = c.healthPort() < 0 ? null : new HealthServer(c.host(), c.healthPort(), db, jobServer);
        var batches = new BatchService(new Batches(db.jdbi()), new Videos(db.jdbi()), new Characters(db.jdbi()), files, budgets, scheduler);
        var characters = new CharacterLibrary(new Characters(db.jdbi()), blobs, providers);
        // the MCP server's view of the same use cases as the API's (budgets, never paying twice)
        Services mcp = new Services(characters, videos, batches, budgets, files, c.characterProvider(),
                blocks -> PlanPrices.of(blocks, google, System.getenv()));
        Javalin http = null;
        var mcpHttp = new java.util.concurrent.atomic.AtomicReference<McpHttp>();
        if (api) {
            var deps = new ApiServer.Deps(db, files, characters, videos, budgets, ledger, c.jwtSecret(), c.apiLimits(),
                    c.uploadMaxBytes(), c.characterProvider(), c.downloadLinkLifetime(), batches);
            var signIn = ApiServer.authentication(deps);
            McpHttp.SignIn mcpSignIn = header -> {
                try {
                    return signIn.apply(header);
                } catch (ApiError e) {
                    throw new McpHttp.NotSignedIn(e.getMessage());
                }
            };
            http = ApiServer.start(c.host(), c.port(), deps, handler -> mcpHttp.set(McpHttp.mount(handler, mcp, mcpSignIn,
                    McpHosts.hosts(c.host(), System.getenv()), McpHosts.origins(c.host(), System.getenv()))));
        }
        LOG.info("reelsmith started: {}; API {}, job server {}, health port {}", c, api ? "on port " + http.port() + " (MCP at /mcp)" : "off",
                worker ? "on" : "off", health == null ? "off" : health.port());
        return new Service(db, blobs, jobStorage, jobServer, dashboard, health, http, mcpHttp.get(), mcp);
    }

    /** The MCP endpoint /mcp (null without the API). */
    public McpHttp mcpHttp() {
        return mcpHttp;
    }

    /** The application layer as the MCP server uses it (stdio: {@code reelsmith mcp}). */
    public Services mcp() {
        return mcp;
    }

    /**
     * The id of the one local user of {@code reelsmith mcp}, made on first use. It has no password (nobody can log in
     * as it over HTTP); its budget is the configured default, or what {@code users budget} sets.
     */
    public String localUser(String email) {
        Users users = new Users(db.jdbi());
        return users.byEmail(email).or(() -> users.create(email, "!no-login")).or(() -> users.byEmail(email))
                .orElseThrow(() -> new IllegalStateException("cannot create the local user " + email)).id();
    }

    /**
     * A video is marked queued before its JobRunr job is created; a process that dies in between would leave
     * it queued for ever. So every start enqueues the job of every queued or running video again, under the
     * job id the video recorded: JobRunr ignores an id it already has, so a live job is never doubled. The same
     * for a batch whose starter still has themes to start.
     */
    private static void requeueLostJobs(Videos videos, Batches batches, JobRequestScheduler scheduler) {
        videos.active().forEach((videoId, jobId) -> scheduler.enqueue(java.util.UUID.fromString(jobId), new VideoJob(videoId)));
        batches.unfinished().forEach((batchId, jobId) -> scheduler.enqueue(java.util.UUID.fromString(jobId), new BatchJob(batchId)));
    }

    /** The API's port (useful with port 0, which picks a free one). */
    public int port() {
        return http == null ? -1 : http.port();
    }

    /** Where the job dashboard listens (always a loopback address), or null when it is off. */
    public java.net.InetSocketAddress dashboardAddress() {
        return dashboard == null ? null : dashboard.address();
    }

    /** The health port actually bound, or -1 when it is off. */
    public int healthPort() {
        return health == null ? -1 : health.port();
    }

    @Override
    public void close() {
        if (mcpHttp != null) mcpHttp.close();
        if (http != null) http.stop();
        if (health != null) health.close();
        if (dashboard != null) dashboard.close();
        if (jobServer != null) jobServer.stop();
        jobStorage.close();
        db.close();
        if (blobs instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.warn("could not close the blob store: {}", e.getMessage());
            }
        }
    }
}
