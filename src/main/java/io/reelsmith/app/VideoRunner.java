package io.reelsmith.app;

import io.reelsmith.kernel.StepListener;
import io.reelsmith.pipeline.Manifest;
import io.reelsmith.pipeline.StepGate;
import io.reelsmith.kernel.Checkpoint;
import io.reelsmith.pipeline.RunSupersededException;
import io.reelsmith.pipeline.JobStages;
import io.reelsmith.pipeline.Journal;
import io.reelsmith.kernel.Workspace;
import io.reelsmith.pipeline.CancelledException;
import io.reelsmith.kernel.PermanentFailure;
import io.reelsmith.pipeline.StepRefusedException;
import io.reelsmith.pipeline.DbJournal;
import io.reelsmith.pipeline.Pipeline;
import io.reelsmith.kernel.SpendLedger;
import io.reelsmith.kernel.Files2;
import io.reelsmith.storage.VideoRow;
import io.reelsmith.storage.VideoStatus;
import io.reelsmith.storage.Videos;
import org.jdbi.v3.core.Jdbi;
import org.jobrunr.jobs.context.JobContext;
import org.jobrunr.jobs.lambdas.JobRequestHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a video's whole pipeline inside one JobRunr job, resuming from the journal. Design: one job per run
 * rather than one job per step, because {@link Pipeline#run} already skips finished steps; a crash or a
 * failure simply runs the job again (JobRunr's orphan detection and retries with exponential backoff) and
 * the {@link DbJournal} makes that run start at the first unfinished step.
 *
 * <p>One run at a time per video: a run first takes the video's run lease (a fencing token in the video's row,
 * renewed every few seconds). A second run of the same video — JobRunr re-running a job whose slow worker it
 * believed dead, a retry while the old run still waits on Veo — waits until the lease is given back or goes
 * stale; a run whose lease was taken over can no longer claim a paid submission ({@link Checkpoint#claim}).
 *
 * <p>Attempts are counted in {@code videos.runs}: after {@code maxAttempts} runs the video is FAILED and the
 * job ends without asking JobRunr for another retry. A job whose id is no longer the video's current job
 * (the user retried or cancelled meanwhile) does nothing. A {@link StepGate} refusal (the budget) fails the
 * video at once with reason "budget", before the step pays anything.
 *
 * <p>Stateless: a run rebuilds the video's workspace from the blob store ({@link VideoFiles}), stores each
 * step's files before the journal records the step done, and deletes its local copy when it ends, so any
 * worker can take over any video.
 */
public final class VideoRunner implements JobRequestHandler<VideoJob> {
    private static final Logger LOG = LoggerFactory.getLogger(VideoRunner.class);
    private static final ScheduledExecutorService HEARTBEAT = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "video-run-lease");
        t.setDaemon(true);
        return t;
    });
    private final Jdbi jdbi;
    private final Videos videos;
    private final JobDirs dirs;
    private final VideoFiles files;
    private final JobStages stages;
    private final SpendLedger ledger;
    private final StepGate gate;
    private final int maxAttempts;
    private final int leaseSeconds;

    /** {@code ledger}: where paid adapters record spend (null: nowhere); {@code leaseSeconds}: when a silent run's lease goes stale. */
    public VideoRunner(Jdbi jdbi, Videos videos, JobDirs dirs, VideoFiles files, JobStages stages, SpendLedger ledger, StepGate gate,
                       int maxAttempts, int leaseSeconds) {
        this.jdbi = jdbi;
        this.videos = videos;
        this.dirs = dirs;
        this.files = files;
        this.stages = stages;
        this.ledger = ledger;
        this.gate = gate;
        this.maxAttempts = maxAttempts;
        this.leaseSeconds = leaseSeconds;
    }

    @Override
    public void run(VideoJob job) throws Exception {
        JobContext ctx = jobContext();
        String jobId = ctx == null || ctx.getJobId() == null ? null : ctx.getJobId().toString();
        run(job.videoId(), jobId);
    }

    /** One run; {@code jobId} null skips the stale-job check (tests call this directly). */
    public void run(String videoId, String jobId) throws Exception {
        String token = UUID.randomUUID().toString();
        while (true) {
            VideoRow before = videos.find(videoId).orElse(null);
            if (before == null || (jobId != null && !jobId.equals(before.jobId()))) return; // deleted or superseded
            Videos.RunStart start = videos.startRun(videoId, token, leaseSeconds);
            if (start == Videos.RunStart.INACTIVE) return; // cancelled or already finished
            if (start == Videos.RunStart.STARTED) break;
            // Another run of this video is alive: never run beside it (it could pay for the same block). It gives the
            // lease back when it ends, or stops renewing it if its process died.
            LOG.info("video {} is being made by another run; waiting for it", videoId);
            Thread.sleep(1000);
        }
        AtomicBoolean lost = new AtomicBoolean();
        var heartbeat = HEARTBEAT.scheduleWithFixedDelay(() -> {
            try {
                if (!videos.renewRun(videoId, token)) lost.set(true);
            } catch (RuntimeException e) {
                LOG.warn("video {}: cannot renew the run lease: {}", videoId, e.getMessage());
            }
        }, 0, Math.max(1, leaseSeconds / 6), TimeUnit.SECONDS);
        try {
            runHoldingLease(videoId, token, lost);
        } finally {
            heartbeat.cancel(false);
            videos.releaseRun(videoId, token);
        }
    }

    private void runHoldingLease(String videoId, String token, AtomicBoolean lost) throws Exception {
        VideoRow v = videos.find(videoId).orElseThrow();
        Workspace ws = dirs.of(videoId);
        try {
            SpendLedger.Recorder spend = ledger == null ? SpendLedger.Recorder.NONE : ledger.forJob(videoId, v.ownerId());
            Pipeline pipeline = new Pipeline(stages.of(v.provider(), spend));
            files.restore(v.ownerId(), videoId, ws);
            DbJournal db = new DbJournal(jdbi, videoId, token);
            Journal journal = new StoringJournal(db, files, v.ownerId(), videoId, ws);
            pipeline.run(v.spec(), ws, journal, new LogListener(videoId, gate.forProvider(v.provider())), () -> lost.get() || stopped(videoId, v.jobId()));
            Manifest.write(Manifest.build(v.spec(), "planned", v.provider(), v.estimateUsd() == null ? 0 : v.estimateUsd().doubleValue(), ws, journal), ws);
            files.save(v.ownerId(), videoId, ws, List.of(ws.manifest()));
            videos.finishRun(videoId, token, VideoStatus.COMPLETED, null, null);
        } catch (CancelledException | RunSupersededException e) {
            LOG.info("video {} stopped: {}", videoId, lost.get() || e instanceof RunSupersededException ? "another run took it over" : "cancelled");
        } catch (Exception e) {
            if (stopped(videoId, v.jobId())) return; // cancelled while a step ran: its failure is moot
            String message = message(e);
            if (e instanceof StepRefusedException refused) {
                LOG.warn("video {} stopped ({}): {}", videoId, refused.reason(), message);
                videos.finishRun(videoId, token, VideoStatus.FAILED, message, refused.reason());
                return;
            }
            if (v.runs() >= maxAttempts || PermanentFailure.in(e)) { // a retired model: another run cannot help
                LOG.warn("video {} failed after {} runs: {}", videoId, v.runs(), message);
                videos.finishRun(videoId, token, VideoStatus.FAILED, message, "error");
                return;
            }
            LOG.warn("video {} run {} of {} failed, JobRunr retries it: {}", videoId, v.runs(), maxAttempts, message);
            videos.noteError(videoId, message);
            throw e;
        } finally {
            Files2.deleteTreeQuietly(ws.dir()); // everything durable is in the store
        }
    }

    private boolean stopped(String videoId, String jobId) {
        return videos.find(videoId).map(now -> now.status() != VideoStatus.RUNNING || !Objects.equals(now.jobId(), jobId)).orElse(true);
    }

    private static String message(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.length() <= 2000 ? m : m.substring(0, 1997) + "…";
    }

    private record LogListener(String videoId, StepGate gate) implements StepListener {
        public void stepStarted(String step, int index, int total) {
            LOG.info("video {} step {} ({}/{})", videoId, step, index + 1, total);
        }

        public void beforeStep(String step) {
            gate.beforeStep(videoId, step); // before the step records or pays anything
        }

        public void beforeRetake(String what) {
            LOG.info("video {}: {} (the drift check found another character)", videoId, what);
            gate.beforeStep(videoId, what); // a retake pays again: the budget decides first
        }

        public void stepFinished(String step, long millis, boolean skipped) {
            LOG.info("video {} step {} {}", videoId, step, skipped ? "already done" : "done in " + millis + " ms");
        }
    }
}
