package io.reelsmith.service;

import io.javalin.Javalin;
import io.reelsmith.api.ApiError;
import io.reelsmith.api.ApiServer;
import io.reelsmith.app.Provider;
import io.reelsmith.app.batch.BatchRunner;
import io.reelsmith.app.batch.BatchService;
import io.reelsmith.app.character.CharacterLibrary;
import io.reelsmith.app.files.BlobStore;
import io.reelsmith.app.files.VideoFiles;
import io.reelsmith.app.money.Budgets;
import io.reelsmith.app.money.PlanPrices;
import io.reelsmith.app.money.StepPrices;
import io.reelsmith.app.provider.ProviderRegistry;
import io.reelsmith.app.video.JobDirs;
import io.reelsmith.app.video.JobQueue;
import io.reelsmith.app.video.ScriptCache;
import io.reelsmith.app.video.StoryboardService;
import io.reelsmith.app.video.VideoRunner;
import io.reelsmith.app.video.VideoService;
import io.reelsmith.config.ReelsmithConfig;
import io.reelsmith.config.ServiceConfig;
import io.reelsmith.google.GoogleConfig;
import io.reelsmith.kernel.Ffmpeg;
import io.reelsmith.kernel.SpendLedger;
import io.reelsmith.limits.VeoLimits;
import io.reelsmith.mcp.McpHttp;
import io.reelsmith.mcp.Services;
import io.reelsmith.pipeline.JobStages;
import io.reelsmith.pipeline.Stages;
import io.reelsmith.storage.Batches;
import io.reelsmith.storage.BlobStores;
import io.reelsmith.storage.Characters;
import io.reelsmith.storage.Database;
import io.reelsmith.storage.DbBudgets;
import io.reelsmith.storage.DbSpendLedger;
import io.reelsmith.storage.DbTransactions;
import io.reelsmith.storage.DbVeoLimiter;
import io.reelsmith.storage.DbVideoJournals;
import io.reelsmith.storage.Users;
import io.reelsmith.storage.Videos;
import io.reelsmith.subtitle.CaptionStyle;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
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

/**
 * One running Reelsmith process: the database, JobRunr (its tables live in the same database), and
 * optionally the HTTP API ({@code serve}) and the background job server ({@code serve} and {@code worker}).
 * JobRunr is wired by hand rather than through its static {@code JobRunr.configure()} so that several
 * instances can live in one JVM (tests) and each closes cleanly.
 */
public final class Service implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Service.class);
    private final Parts parts;

    /** What a running service holds and closes (null for a part it runs without). */
    private record Parts(
            Database db,
            BlobStore blobs,
            StorageProvider jobStorage,
            BackgroundJobServer jobServer,
            Dashboard dashboard,
            HealthServer health,
            Javalin http,
            McpHttp mcpHttp,
            Services mcp)
            implements AutoCloseable {
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

    private Service(Parts parts) {
        this.parts = parts;
    }

    /**
     * The production wiring: the providers of {@link ProviderRegistry}, with Veo's quota shared by every process on
     * this database (a {@link DbVeoLimiter}, settings {@code reelsmith.veo.*}, see docs/deployment.md).
     */
    public static Service start(ReelsmithConfig config, boolean api, boolean worker) throws IOException {
        ServiceConfig c = config.service();
        Database db = Database.open(c.dbUrl(), c.dbUser(), c.dbPassword());
        VeoLimits veoLimits = config.veo();
        // Stages are built per video with that video's spend recorder over the database ledger; google's SDK
        // client is made on first use (a server that never makes a google video needs no key) and shared.
        ProviderRegistry registry = ProviderRegistry.sharingOneClient(config::google, config.providers());
        var limiter = new AtomicReference<DbVeoLimiter>();
        JobStages jobStages = (name, spend) -> {
            var ctx = ProviderRegistry.JobContext.of(CaptionStyle.SHORTS).withSpend(null, null, spend);
            if (Provider.isPaid(name)) {
                ctx = ctx.withLimiter(
                        limiter.updateAndGet(l -> l != null ? l : new DbVeoLimiter(db.dataSource(), veoLimits)));
            }
            return registry.stages(name, ctx);
        };
        Function<String, Stages> providers = name -> jobStages.of(name, SpendLedger.Recorder.NONE);
        return start(config, db, new Wiring(providers, jobStages, config::google), api, worker);
    }

    /** With the given stages (tests, the harness). */
    public static Service start(ReelsmithConfig config, Function<String, Stages> providers, boolean api, boolean worker)
            throws IOException {
        return start(config, providers, JobStages.shared(providers), config::google, api, worker);
    }

    /** With the given {@link Wiring}'s parts (tests). */
    public static Service start(
            ReelsmithConfig config,
            Function<String, Stages> providers,
            JobStages jobStages,
            Supplier<GoogleConfig> google,
            boolean api,
            boolean worker)
            throws IOException {
        ServiceConfig c = config.service();
        return start(
                config,
                Database.open(c.dbUrl(), c.dbUser(), c.dbPassword()),
                new Wiring(providers, jobStages, google),
                api,
                worker);
    }

    /**
     * What a service makes videos with: {@code providers} serve characters, {@code jobStages} are built per video
     * (given its spend recorder), {@code google}: the settings that price google's steps (estimates, budgets).
     */
    private record Wiring(Function<String, Stages> providers, JobStages jobStages, Supplier<GoogleConfig> google) {}

    private static Service start(ReelsmithConfig config, Database db, Wiring stages, boolean api, boolean worker)
            throws IOException {
        ServiceConfig c = config.service();
        ProviderRegistry.Settings settings = config.providers();
        JacksonJsonMapper json = new JacksonJsonMapper();
        StorageProvider jobStorage = SqlStorageProviderFactory.using(db.dataSource());
        jobStorage.setJobMapper(new JobMapper(json));
        JobQueue jobs = new JobRunrQueue(new JobRequestScheduler(jobStorage));
        // the app's ports on this database; every repository joins a DbTransactions unit of work on its thread
        Jdbi jdbi = db.jdbi();
        Videos videoRows = new Videos(jdbi);
        Batches batchRows = new Batches(jdbi);
        Characters characterRows = new Characters(jdbi);
        DbVideoJournals journals = new DbVideoJournals(jdbi);
        JobDirs dirs = new JobDirs(c.jobsDir()); // scratch only: every durable file is in the blob store
        BlobStore blobs = BlobStores.open(c.storage(), c.blobDir());
        VideoFiles files = new VideoFiles(blobs);
        DbSpendLedger ledger = new DbSpendLedger(jdbi);
        Budgets budgets = new Budgets(
                new DbBudgets(jdbi), new DbTransactions(jdbi), c.userBudgetUsd(), new StepPrices(stages.google()));
        requeueLostJobs(videoRows, batchRows, jobs);
        var videos = new VideoService(
                videoRows,
                characterRows,
                journals,
                files,
                stages.jobStages(),
                new ProviderRegistry(stages.google(), settings),
                jobs,
                ledger,
                budgets,
                new ScriptCache());
        BackgroundJobServer jobServer = null;
        if (worker) {
            VideoRunner runner = new VideoRunner(
                    videoRows,
                    journals,
                    dirs,
                    files,
                    stages.jobStages(),
                    ledger,
                    v -> budgets.gate(v.ownerId(), v.id(), v.provider(), v.blocks(), v.plan()),
                    c.maxAttempts(),
                    c.runLeaseSeconds());
            BatchRunner batchRunner = new BatchRunner(
                    batchRows, videoRows, videos, budgets, new ProviderRegistry(stages.google(), settings));
            var videoJobs = new VideoJobHandler(runner, c.jobsNice());
            var batchJobs = new BatchJobHandler(batchRunner, c.jobsNice());
            JobActivator activator = new JobActivator() {
                @Override
                public <T> T activateJob(Class<T> type) {
                    if (type == BatchJobHandler.class) return type.cast(batchJobs);
                    return type == VideoJobHandler.class ? type.cast(videoJobs) : null;
                }
            };
            Ffmpeg.niceness(c.mediaNice()); // the steps' media work, not the job server's bookkeeping
            jobServer = new BackgroundJobServer(
                    jobStorage,
                    json,
                    activator,
                    BackgroundJobServerConfiguration.usingStandardBackgroundJobServerConfiguration()
                            .andWorkerCount(c.workers())
                            .andPollInterval(c.pollInterval()));
            jobServer.start();
        }
        Dashboard dashboard = c.dashboardEnabled()
                ? new Dashboard(jobStorage, json, c.dashboardPort(), c.dashboardUser(), c.dashboardPassword())
                : null;
        HealthServer health = c.healthPort() < 0 ? null : new HealthServer(c.host(), c.healthPort(), db, jobServer);
        var batches = new BatchService(batchRows, videoRows, characterRows, files, budgets, jobs);
        var characters = new CharacterLibrary(characterRows, blobs, stages.providers());
        // the MCP server's view of the same use cases as the API's (budgets, never paying twice)
        Services mcp = new Services(
                characters,
                videos,
                batches,
                budgets,
                files,
                c.characterProvider(),
                blocks -> PlanPrices.of(blocks, stages.google(), config::googleOnOtherSurface));
        Javalin http = null;
        var mcpHttp = new AtomicReference<McpHttp>();
        if (api) {
            var storyboards = new StoryboardService(
                    videoRows, journals, videos, files, stages.jobStages(), ledger, budgets, dirs);
            var deps = new ApiServer.Deps(
                    db,
                    files,
                    characters,
                    videos,
                    budgets,
                    ledger,
                    c.jwtSecret(),
                    c.apiLimits(),
                    c.uploadMaxBytes(),
                    c.characterProvider(),
                    c.downloadLinkLifetime(),
                    batches,
                    storyboards);
            var signIn = ApiServer.authentication(deps);
            McpHttp.SignIn mcpSignIn = header -> {
                try {
                    return signIn.apply(header);
                } catch (ApiError e) {
                    throw new McpHttp.NotSignedIn(e.getMessage());
                }
            };
            http = ApiServer.start(
                    c.host(),
                    c.port(),
                    deps,
                    handler -> mcpHttp.set(McpHttp.mount(
                            handler,
                            mcp,
                            mcpSignIn,
                            McpHosts.hosts(c.host(), c.mcpAllowedHosts()),
                            McpHosts.origins(c.host(), c.mcpAllowedOrigins()))));
        }
        LOG.info(
                "reelsmith started: {}; API {}, job server {}, health port {}",
                c,
                api ? "on port " + http.port() + " (MCP at /mcp)" : "off",
                worker ? "on" : "off",
                health == null ? "off" : health.port());
        return new Service(new Parts(db, blobs, jobStorage, jobServer, dashboard, health, http, mcpHttp.get(), mcp));
    }

    /** The MCP endpoint /mcp (null without the API). */
    public McpHttp mcpHttp() {
        return parts.mcpHttp();
    }

    /** The application layer as the MCP server uses it (stdio: {@code reelsmith mcp}). */
    public Services mcp() {
        return parts.mcp();
    }

    /**
     * The id of the one local user of {@code reelsmith mcp}, made on first use. It has no password (nobody can log in
     * as it over HTTP); its budget is the configured default, or what {@code users budget} sets.
     */
    public String localUser(String email) {
        Users users = new Users(parts.db().jdbi());
        return users.byEmail(email)
                .or(() -> users.create(email, "!no-login"))
                .or(() -> users.byEmail(email))
                .orElseThrow(() -> new IllegalStateException("cannot create the local user " + email))
                .id();
    }

    /**
     * A video is marked queued before its JobRunr job is created; a process that dies in between would leave
     * it queued for ever. So every start enqueues the job of every queued or running video again, under the
     * job id the video recorded: JobRunr ignores an id it already has, so a live job is never doubled. The same
     * for a batch whose starter still has themes to start.
     */
    private static void requeueLostJobs(Videos videos, Batches batches, JobQueue jobs) {
        videos.active().forEach((videoId, jobId) -> jobs.runVideo(jobId, videoId));
        batches.unfinished().forEach((batchId, jobId) -> jobs.startBatch(jobId, batchId));
    }

    /** The API's port (useful with port 0, which picks a free one). */
    public int port() {
        return parts.http() == null ? -1 : parts.http().port();
    }

    /** Where the job dashboard listens (always a loopback address), or null when it is off. */
    public InetSocketAddress dashboardAddress() {
        return parts.dashboard() == null ? null : parts.dashboard().address();
    }

    /** The health port actually bound, or -1 when it is off. */
    public int healthPort() {
        return parts.health() == null ? -1 : parts.health().port();
    }

    @Override
    public void close() {
        parts.close();
    }
}
