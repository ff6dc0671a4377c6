package io.reelsmith.pipeline;

import io.reelsmith.storage.Files2;
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
import java.util.function.Function;

/**
 * Runs a video's whole pipeline inside one JobRunr job, resuming from the journal. Design: one job per run
 * rather than one job per step, because {@link Pipeline#run} already skips finished steps; a crash or a
 * failure simply runs the job again (JobRunr's orphan detection and retries with exponential backoff) and
 * the {@link DbJournal} makes that run start at the first unfinished step.
 *
 * <p>Attempts are counted in {@code videos.runs}: after {@code maxAttempts} runs the video is FAILED and the
 * job ends without asking JobRunr for another retry. A job whose id is no longer the video's current job
 * (the user retried or cancelled meanwhile) does nothing.
 *
 * <p>Stateless: a run rebuilds the video's workspace from the blob store ({@link VideoFiles}), stores each
 * step's files before the journal records the step done, and deletes its local copy when it ends, so any
 * worker can take over any video.
 */
public final class VideoRunner implements JobRequestHandler<VideoJob> {
    private static final Logger LOG = LoggerFactory.getLogger(VideoRunner.class);
    private final Jdbi jdbi;
    private final Videos videos;
    private final JobDirs dirs;
    private final VideoFiles files;
    private final Function<String, Stages> providers;
    private final int maxAttempts;

    public VideoRunner(Jdbi jdbi, Videos videos, JobDirs dirs, VideoFiles files, Function<String, Stages> providers, int maxAttempts) {
        this.jdbi = jdbi;
        this.videos = videos;
        this.dirs = dirs;
        this.files = files;
        this.providers = providers;
        this.maxAttempts = maxAttempts;
    }

    @Override
    public void run(VideoJob job) throws Exception {
        JobContext ctx = jobContext();
        String jobId = ctx == null || ctx.getJobId() == null ? null : ctx.getJobId().toString();
        run(job.videoId(), jobId);
    }

    /** One run; {@code jobId} null skips the stale-job check (tests call this directly). */
    public void run(String videoId, String jobId) throws Exception {
        VideoRow before = videos.find(videoId).orElse(null);
        if (before == null || (jobId != null && !jobId.equals(before.jobId()))) return; // deleted or superseded
        if (!videos.startRun(videoId)) return; // cancelled or already finished
        VideoRow v = videos.find(videoId).orElseThrow();
        Workspace ws = dirs.of(videoId);
        try {
            Pipeline pipeline = new Pipeline(providers.apply(v.provider()));
            files.restore(v.ownerId(), videoId, ws);
            Journal journal = new StoringJournal(new DbJournal(jdbi, videoId), files, v.ownerId(), videoId, ws);
            pipeline.run(v.spec(), ws, journal, new LogListener(videoId), () -> stopped(videoId, v.jobId()));
            Manifest.write(Manifest.build(v.spec(), "planned", v.provider(), v.estimateUsd() == null ? 0 : v.estimateUsd().doubleValue(), ws, journal), ws);
            files.save(v.ownerId(), videoId, ws, List.of(ws.manifest()));
            videos.finishRun(videoId, VideoStatus.COMPLETED, null);
        } catch (CancelledException e) {
            LOG.info("video {} stopped: cancelled", videoId);
        } catch (Exception e) {
            if (stopped(videoId, v.jobId())) return; // cancelled while a step ran: its failure is moot
            String message = message(e);
            if (v.runs() >= maxAttempts || PermanentFailure.in(e)) { // a retired model: another run cannot help
                LOG.warn("video {} failed after {} runs: {}", videoId, v.runs(), message);
                videos.finishRun(videoId, VideoStatus.FAILED, message);
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

    private record LogListener(String videoId) implements Pipeline.Listener {
        public void stepStarted(String step, int index, int total) {
            LOG.info("video {} step {} ({}/{})", videoId, step, index + 1, total);
        }

        public void stepFinished(String step, long millis, boolean skipped) {
            LOG.info("video {} step {} {}", videoId, step, skipped ? "already done" : "done in " + millis + " ms");
        }
    }
}
