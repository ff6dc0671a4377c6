package io.reelsmith.app.video;

import io.reelsmith.app.files.VideoFiles;
import io.reelsmith.kernel.Checkpoint;
import io.reelsmith.kernel.Daemons;
import io.reelsmith.kernel.FileTrees;
import io.reelsmith.kernel.PermanentFailure;
import io.reelsmith.kernel.SpendLedger;
import io.reelsmith.kernel.Step;
import io.reelsmith.kernel.StepListener;
import io.reelsmith.kernel.Workspace;
import io.reelsmith.kernel.WorkspaceFile;
import io.reelsmith.pipeline.CancelledException;
import io.reelsmith.pipeline.JobStages;
import io.reelsmith.pipeline.Journal;
import io.reelsmith.pipeline.Manifest;
import io.reelsmith.pipeline.Pipeline;
import io.reelsmith.pipeline.RunSupersededException;
import io.reelsmith.pipeline.StepGate;
import io.reelsmith.pipeline.StepRefusedException;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a video's whole pipeline as one background job ({@link JobQueue}), resuming from the journal. Design: one job per
 * run rather than one job per step, because {@link Pipeline#run} already skips finished steps; a crash or a failure
 * simply runs the job again (the job server's orphan detection and retries with backoff) and the video's journal
 * ({@link VideoJournals}) makes that run start at the first unfinished step.
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
 *
 * <p>{@code ledger}: where paid adapters record spend (null: nowhere); {@code gates}: each video's check before its
 * steps (the budgets); {@code leaseSeconds}: when a silent run's lease goes stale.
 */
public record VideoRunner(
        VideoStore videos,
        VideoJournals journals,
        JobDirs dirs,
        VideoFiles files,
        JobStages stages,
        SpendLedger ledger,
        Gates gates,
        int maxAttempts,
        int leaseSeconds) {
    /** Each video's check before its paid steps (the service's budgets). */
    public interface Gates {
        StepGate of(VideoRow video);

        Gates NONE = video -> StepGate.NONE;
    }

    private static final Logger LOG = LoggerFactory.getLogger(VideoRunner.class);
    private static final ScheduledExecutorService HEARTBEAT =
            Executors.newSingleThreadScheduledExecutor(Daemons.named("video-run-lease"));

    /** One run of job {@code jobId}; null skips the stale-job check (tests call this directly). */
    public void run(String videoId, String jobId) throws Exception {
        String token = UUID.randomUUID().toString();
        while (true) {
            VideoRow before = videos.find(videoId).orElse(null);
            if (before == null || (jobId != null && !jobId.equals(before.jobId()))) return; // deleted or superseded
            VideoStore.RunStart start = videos.startRun(videoId, token, leaseSeconds);
            if (start == VideoStore.RunStart.INACTIVE) return; // cancelled or already finished
            if (start == VideoStore.RunStart.STARTED) break;
            // Another run of this video is alive: never run beside it (it could pay for the same block). It gives the
            // lease back when it ends, or stops renewing it if its process died.
            LOG.info("video {} is being made by another run; waiting for it", videoId);
            Thread.sleep(1000);
        }
        AtomicBoolean lost = new AtomicBoolean();
        var heartbeat = HEARTBEAT.scheduleWithFixedDelay(
                () -> {
                    try {
                        if (!videos.renewRun(videoId, token)) lost.set(true);
                    } catch (RuntimeException e) {
                        LOG.warn("video {}: cannot renew the run lease: {}", videoId, e.getMessage());
                    }
                },
                0,
                Math.max(1, leaseSeconds / 6),
                TimeUnit.SECONDS);
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
            SpendLedger.Recorder spend =
                    ledger == null ? SpendLedger.Recorder.NONE : ledger.forJob(videoId, v.ownerId());
            Pipeline pipeline = new Pipeline(stages.of(v.provider(), spend));
            files.restore(v.ownerId(), videoId, ws);
            Journal journal = StoringJournal.of(journals.of(videoId, token), files, v.ownerId(), videoId, ws);
            pipeline.run(
                    v.spec(),
                    ws,
                    journal,
                    new LogListener(videoId),
                    gates.of(v),
                    () -> lost.get() || stopped(videoId, v.jobId()));
            Manifest.write(
                    Manifest.build(
                            v.spec(),
                            "planned",
                            v.provider(),
                            v.estimateUsd() == null ? 0 : v.estimateUsd().doubleValue(),
                            ws,
                            journal),
                    ws);
            files.save(v.ownerId(), videoId, ws, List.of(ws.file(WorkspaceFile.MANIFEST)));
            FileTrees.deleteTreeQuietly(
                    ws.dir()); // before the video says completed: whoever sees that finds no scratch copy
            videos.finishRun(videoId, token, VideoStatus.COMPLETED, null, null);
        } catch (CancelledException | RunSupersededException e) {
            LOG.info(
                    "video {} stopped: {}",
                    videoId,
                    lost.get() || e instanceof RunSupersededException ? "another run took it over" : "cancelled");
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
            FileTrees.deleteTreeQuietly(ws.dir()); // everything durable is in the store
        }
    }

    private boolean stopped(String videoId, String jobId) {
        return videos.find(videoId)
                .map(now -> now.status() != VideoStatus.RUNNING || !Objects.equals(now.jobId(), jobId))
                .orElse(true);
    }

    private static String message(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.length() <= 2000 ? m : m.substring(0, 1997) + "…";
    }

    private record LogListener(String videoId) implements StepListener {
        public void stepStarted(Step step, int index, int total) {
            LOG.info("video {} step {} ({}/{})", videoId, step, index + 1, total);
        }

        public void retaking(Step.Retake retake) {
            LOG.info("video {}: {} (the drift check found another character)", videoId, retake);
        }

        public void stepFinished(Step step, long millis, boolean skipped) {
            LOG.info("video {} step {} {}", videoId, step, skipped ? "already done" : "done in " + millis + " ms");
        }
    }
}
