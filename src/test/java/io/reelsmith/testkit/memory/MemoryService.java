package io.reelsmith.testkit.memory;

import io.reelsmith.app.Provider;
import io.reelsmith.app.Transactions;
import io.reelsmith.app.batch.BatchRunner;
import io.reelsmith.app.batch.BatchService;
import io.reelsmith.app.character.CharacterRow;
import io.reelsmith.app.files.VideoFiles;
import io.reelsmith.app.money.Budgets;
import io.reelsmith.app.money.StepPrices;
import io.reelsmith.app.provider.ProviderRegistry;
import io.reelsmith.app.video.JobDirs;
import io.reelsmith.app.video.ScriptCache;
import io.reelsmith.app.video.VideoRow;
import io.reelsmith.app.video.VideoRunner;
import io.reelsmith.app.video.VideoService;
import io.reelsmith.config.ConfigLoader;
import io.reelsmith.google.GoogleConfig;
import io.reelsmith.kernel.InMemorySpendLedger;
import io.reelsmith.pipeline.JobStages;
import io.reelsmith.testkit.StandInStages;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;

/**
 * The service's use cases wired on in-memory adapters and {@link PaperStages}: what the unit tests of app/ drive. The
 * google provider is the paper stages priced with {@code google}'s price table, so budgets and spend behave as they
 * do with Google, without a call. Jobs are only queued ({@link MemoryJobs}); {@link #runQueuedVideos} runs them.
 */
public final class MemoryService {
    /** The accounts the tests act for. */
    public static final String ANN = "aaaaaaaa-0000-4000-8000-000000000001",
            BOB = "bbbbbbbb-0000-4000-8000-000000000002";

    public final MemoryVideos videos = new MemoryVideos();
    public final MemoryCharacters characters = new MemoryCharacters();
    public final MemoryBatches batches = new MemoryBatches();
    public final MemoryJournals journals = new MemoryJournals();
    public final MemoryJobs jobs = new MemoryJobs();
    public final MemoryBlobs blobs = new MemoryBlobs();
    public final InMemorySpendLedger ledger = new InMemorySpendLedger();
    public final MemoryBudgets budgetStore = new MemoryBudgets(videos, ledger);
    public final AtomicInteger blocksMade = new AtomicInteger();
    public final VideoFiles files = new VideoFiles(blobs);
    public final Budgets budgets;
    public final VideoService service;
    public final BatchService batchService;
    public final BatchRunner batchRunner;
    public final VideoRunner runner;

    /** {@code defaultUserBudget}: null for none; {@code failBlock}: block indices that fail once. */
    public MemoryService(Path scratch, BigDecimal defaultUserBudget, GoogleConfig google, IntPredicate failBlock) {
        JobStages stages =
                (name, spend) -> new PaperStages(blocksMade, failBlock, Provider.isPaid(name) ? google : null, spend)
                        .stages(Provider.named(name).id());
        videos.stepsFrom(journals::steps);
        ProviderRegistry pricing = new ProviderRegistry(() -> google);
        budgets = new Budgets(budgetStore, Transactions.NONE, defaultUserBudget, new StepPrices(() -> google));
        service = new VideoService(
                videos, characters, journals, files, stages, pricing, jobs, ledger, budgets, new ScriptCache());
        batchService = new BatchService(batches, videos, characters, files, budgets, jobs);
        batchRunner = new BatchRunner(batches, videos, service, budgets, pricing);
        runner = new VideoRunner(
                videos,
                journals,
                new JobDirs(scratch),
                files,
                stages,
                ledger,
                v -> budgets.gate(v.ownerId(), v.id(), v.provider(), v.blocks()),
                3,
                30);
    }

    /** A character of {@code userId}'s library with its image in the store. */
    public CharacterRow character(String userId, String name) throws IOException {
        var blob = blobs.put("characters", StandInStages.characterPng(), "image/png");
        return characters.create(userId, name, "a small round robot", "cartoon", "upload", blob.key());
    }

    /** Google's prices with Vertex AI (Veo at $0.40/s), for the {@code google} argument of the constructor. */
    public static GoogleConfig veoPrices() {
        return ConfigLoader.fromEnvironment(Map.of("REELSMITH_GOOGLE_VERTEX", "true"))
                .google();
    }

    /** A video of {@code theme} planned by {@code userId} with a new character, Kwirlo, and no cap of its own. */
    public VideoRow plan(String userId, String theme, int blocks, String provider) throws Exception {
        String kwirlo = character(userId, "Kwirlo").id();
        return service.plan(userId, new VideoService.NewVideo(theme, kwirlo, blocks, "en", provider, null));
    }

    /** Runs each queued video job once, in the order queued; returns how many ran. */
    public int runQueuedVideos() throws Exception {
        int ran = 0;
        for (MemoryJobs.Queued q :
                jobs.queued.stream().filter(q -> q.kind().equals("video")).toList()) {
            try {
                runner.run(q.id(), q.jobId());
            } catch (IOException | RuntimeException e) {
                // a failed run stays RUNNING with its error noted: the job server would retry it
            }
            ran++;
        }
        jobs.queued.removeIf(q -> q.kind().equals("video"));
        return ran;
    }
}
