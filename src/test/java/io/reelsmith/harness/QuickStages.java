package io.reelsmith.harness;

import io.reelsmith.kernel.AtomicFiles;
import io.reelsmith.kernel.Ffmpeg;
import io.reelsmith.limits.VeoLimiter;
import io.reelsmith.pipeline.Stages;
import io.reelsmith.testkit.StandInStages;
import io.reelsmith.video.BlockClip;
import io.reelsmith.video.BlockJob;
import io.reelsmith.video.Take;
import io.reelsmith.video.VideoMaker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A light provider for the cluster harness, named {@code local}: each block's stand-in operation (a remote
 * generation such as Veo's) is done {@code blockLatency} after it starts — except block {@code heldBlock}'s, which
 * is never done, so that a test kills the process while it runs — and the block then copies a half-second
 * 180x320 clip made once per process; the script is the real offline writer and the render the real renderer at its fastest settings.
 * Light on purpose: tests and {@code bench orchestration} measure the service around the steps, on 2 cores,
 * not the media work (which {@code bench render} and {@code bench animatic} measure).
 *
 * <p>The wait stands for a paid Veo operation, so it goes through the {@link VeoLimiter} exactly as the google
 * provider's generations do (slot keyed by the checkpoint, request budget, release when over), and, when an
 * operations log is given, appends "startMs endMs" per operation to it: a record independent of the
 * limiter's own tables, from which a test counts how many ran at once.
 */
final class QuickStages {
    private QuickStages() {}

    /** {@code heldBlock}: 1-based, 0 for none. */
    static Stages create(Duration blockLatency, int heldBlock, VeoLimiter limiter, Path operationsLog) {
        return StandInStages.around(new Blocks(blockLatency, heldBlock, limiter, operationsLog));
    }

    private static final double CLIP_SECONDS = 0.5;
    /** Completes the stand-in operations when their latency has passed (a daemon: it never keeps the JVM up). */
    private static final ScheduledExecutorService OPERATIONS = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "quick-stages-operations");
        t.setDaemon(true);
        return t;
    });

    private static Path clip;

    private record Blocks(Duration latency, int heldBlock, VeoLimiter limiter, Path operationsLog)
            implements VideoMaker {
        @Override
        public BlockClip makeBlock(BlockJob job) throws IOException {
            try {
                generate(job);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            }
            Path out = job.dir().resolve(String.format("block-%02d.mp4", job.index() + 1));
            Path tmp = out.resolveSibling("." + out.getFileName() + ".part");
            Files.createDirectories(out.getParent());
            Files.copy(clip(), tmp, StandardCopyOption.REPLACE_EXISTING);
            AtomicFiles.moveAtomically(tmp, out);
            return new BlockClip(
                    job.index(),
                    out,
                    CLIP_SECONDS,
                    StandInStages.spreadWords(job.block().spokenText(), CLIP_SECONDS),
                    Map.of());
        }

        /** The stand-in for one Veo operation, inside a limiter slot. */
        private void generate(BlockJob job) throws IOException, InterruptedException {
            String key = job.checkpoint().get("veo.lease").orElse(null);
            if (key == null) {
                key = UUID.randomUUID().toString();
                job.checkpoint().put("veo.lease", key); // a resumed run takes the same slot back
            }
            VeoLimiter.Slot slot = limiter.acquire(key);
            limiter.beforeRequest();
            long start = System.currentTimeMillis();
            // The operation runs elsewhere and is done after its latency, as the emulator's are: this block waits for
            // that completion, which the process's operation clock schedules.
            CompletableFuture<Void> done = new CompletableFuture<>();
            if (job.index() + 1 != heldBlock)
                OPERATIONS.schedule(() -> done.complete(null), latency.toMillis(), TimeUnit.MILLISECONDS);
            try {
                done.get(); // interruptible, as a cancelled job's wait must be
            } catch (ExecutionException e) {
                throw new IllegalStateException(e); // never: the completion carries no error
            }
            long end = System.currentTimeMillis();
            if (operationsLog != null) {
                // One short append per operation: O_APPEND keeps lines from different processes whole.
                Files.writeString(
                        operationsLog, start + " " + end + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
            slot.release();
        }

        /** Made once per process: every block is a copy. */
        private static synchronized Path clip() throws IOException {
            if (clip == null) {
                Path file = Files.createTempFile("reelsmith-quick-clip", ".mp4");
                file.toFile().deleteOnExit();
                Ffmpeg.command()
                        .lavfi("color=c=0x3366aa:s=180x320:d=" + CLIP_SECONDS + ":r=4")
                        .lavfi("sine=f=440:d=" + CLIP_SECONDS)
                        .h264("ultrafast", 35)
                        .aac(64)
                        .args("-shortest")
                        .output(file)
                        .run();
                clip = file;
            }
            return clip;
        }

        @Override
        public Take assemble(List<BlockClip> blocks, Path dir) throws IOException {
            return StandInStages.concat(blocks, dir);
        }
    }
}
