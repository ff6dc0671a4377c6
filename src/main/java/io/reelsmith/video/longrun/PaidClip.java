package io.reelsmith.video.longrun;

import io.reelsmith.google.ApiCalls;
import io.reelsmith.google.GoogleConfig;
import io.reelsmith.google.GoogleException;
import io.reelsmith.google.SafetyFilteredException;
import io.reelsmith.kernel.AtomicFiles;
import io.reelsmith.kernel.Checkpoint;
import io.reelsmith.kernel.Purchase;
import io.reelsmith.kernel.SpendLedger;
import io.reelsmith.kernel.SpendStatus;
import io.reelsmith.limits.Submissions;
import io.reelsmith.limits.VeoLimiter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One paid clip from a long-running Google call (a Veo operation, an Omni interaction) that survives crashes and is
 * never paid twice. The call's id is written to the checkpoint as soon as Google answers the create, before the first
 * poll; a later run finds it and polls the same call instead of creating another. A new call is created only when the
 * last one is known failed (error, empty response, safety filter), at most {@code resubmits} times per run. A poll
 * that outlasts the timeout fails the step but keeps the id, so the next run polls the same call again. How a create
 * is fenced against a crash inside it (a claim, a "sending" mark), and what a finished call leaves in the checkpoint,
 * is each service's {@link Steps}. {@code limiter}: the video quota shared by every call (one slot per running call, a
 * request budget per minute); {@code pollFailure}: how a poll's error is told.
 */
public record PaidClip(Names names, GoogleConfig config, VeoLimiter limiter, Poll poll, PollFailure pollFailure) {
    /** Marks a video returned inline: it was saved to the block's file, there is nothing to download. */
    public static final String INLINE = "inline";

    /**
     * How a service's calls are named: {@code key} prefixes its checkpoint entries ("veo" → {@code veo.attempt}),
     * {@code noun} the journaled id's ({@code veo.operation.N}); {@code unit} counts creates in a failure, {@code
     * inline} says where an inline video came from.
     */
    public record Names(String key, String service, String noun, String unit, String inline) {}

    public interface Poll {
        ClipStatus poll(String id, long deadlineNanos) throws IOException;
    }

    /** How a poll's error is told to the user ({@code outOfTime}: the deadline has passed too). */
    public interface PollFailure {
        GoogleException explain(String what, String id, GoogleException e, boolean outOfTime);
    }

    /** Downloads a finished call's video to a file (each client's own download). */
    public interface Download {
        void to(String videoUri, Path file) throws IOException;
    }

    /** The parts of one run that differ between services; each run makes its own (they capture its callbacks). */
    public interface Steps<R, T> {
        /** Before a request is built: why this attempt is already lost (a crash inside its create), else null. */
        default String lostBefore(int attempt) {
            return null;
        }

        /** The request, built only when a call must really be created (never on a resumed one). */
        R request() throws IOException;

        /** Inside the submission window, before sending: why this attempt is already lost, else null. */
        default String lostInWindow(int attempt) {
            return null;
        }

        /** Sends the create; returns the new call's id. */
        String create(int attempt, R request) throws IOException;

        /** After the id is journaled (still inside the submission window). */
        default void journaled(int attempt) {}

        /** The call succeeded with {@code videoUri} ({@link #INLINE} once its bytes are saved): record it. */
        T finish(int attempt, String id, String videoUri);
    }

    /** The checkpoint entry that journals attempt {@code attempt}'s call id. */
    public String idKey(int attempt) {
        return names.key() + "." + names.noun() + "." + attempt;
    }

    /** The call id journaled for the attempt now under way, if it was sent. */
    public Optional<String> currentId(Checkpoint cp) {
        return cp.get(idKey(attempt(cp)));
    }

    /**
     * What a call that ended in an error is recorded as: a call still running at Google (its id journaled, our wait
     * gave up or a poll failed) may yet be billed, so it is UNCERTAIN at its price until a resumed run records it
     * CHARGED under the same id; a call known failed, refused or never sent is NOT_CHARGED.
     */
    public SpendLedger.Charge unfinished(Checkpoint cp, String step, Purchase bought) {
        Optional<String> running = currentId(cp);
        return running.isPresent()
                ? new SpendLedger.Charge(step, bought, SpendStatus.UNCERTAIN, running.get())
                : new SpendLedger.Charge(
                        step,
                        new Purchase(bought.model(), bought.kind(), 0, bought.unit(), BigDecimal.ZERO),
                        SpendStatus.NOT_CHARGED,
                        null);
    }

    private int attempt(Checkpoint cp) {
        return cp.get(names.key() + ".attempt").map(Integer::parseInt).orElse(0);
    }

    /** {@code inlineOut}: where a video returned inline is saved, before the checkpoint says so. */
    public <R, T> T run(Checkpoint cp, String what, Path inlineOut, Steps<R, T> steps) throws IOException {
        long deadline = System.nanoTime() + config.operationTimeout().toNanos();
        // One slot for this call, keyed in the checkpoint so that a resumed run takes the same slot back.
        VeoLimiter.Slot slot = limiter.acquire(cp, names.key() + ".lease", what);
        int attempt = attempt(cp);
        String lastReason = null;
        int created = 0; // in this run: running the job again is how a user asks for more
        while (true) {
            String id = cp.get(idKey(attempt)).orElse(null);
            if (id == null) {
                String lost = steps.lostBefore(attempt);
                if (lost != null) {
                    attempt = next(cp, attempt, lost);
                    continue;
                }
                if (created > config.resubmits()) {
                    slot.release(); // the last call is known failed: nothing runs
                    throw failure(what, lastReason, created);
                }
                limiter.beforeRequest(what);
                R request = steps.request(); // may refuse (rules, expiry) before anything is fenced or sent
                Submissions.begin(what); // fence to journaled id: one such window at a time in this process
                try {
                    lost = steps.lostInWindow(attempt);
                    if (lost != null) {
                        attempt = next(cp, attempt, lost);
                        continue;
                    }
                    id = steps.create(attempt, request);
                    created++;
                    cp.put(idKey(attempt), id); // before polling: a crash from here on resumes this call
                    steps.journaled(attempt);
                } finally {
                    Submissions.end();
                }
            }
            ClipStatus s = await(id, what, deadline, slot);
            if (s.state() == ClipStatus.State.SUCCEEDED) {
                slot.release();
                String uri = s.videoUri();
                if (uri == null) {
                    AtomicFiles.writeAtomically(inlineOut, s.videoBytes());
                    uri = INLINE;
                }
                return steps.finish(attempt, id, uri);
            }
            // Known failed: Google made (and charges) nothing, so creating again cannot pay twice.
            lastReason = s.reason();
            attempt = next(cp, attempt, s.reason());
        }
    }

    /** Records why {@code attempt} failed and moves on to the next one. */
    public int next(Checkpoint cp, int attempt, String reason) {
        cp.put(names.key() + ".failed." + attempt, reason);
        cp.put(names.key() + ".attempt", String.valueOf(attempt + 1));
        return attempt + 1;
    }

    /**
     * Puts a finished call's video at {@code answer}, once: an inline one is fetched again only when the file is gone
     * (a worker that journaled it may have died before the file reached the store), a uri is downloaded.
     */
    public void keepAnswer(Checkpoint cp, String what, String id, String videoUri, Path answer, Download download)
            throws IOException {
        if (videoUri.equals(INLINE)) {
            if (!Files.exists(answer)) fetchInlineAgain(id, what, answer); // free: no second bill
        } else if (!Files.exists(answer) || cp.get(names.key() + ".downloaded").isEmpty()) {
            download.to(videoUri, answer);
            cp.put(names.key() + ".downloaded", answer.getFileName().toString());
        }
    }

    /** Reading a finished call again creates nothing and is not billed. */
    private void fetchInlineAgain(String id, String what, Path out) throws IOException {
        ClipStatus s =
                poll.poll(id, System.nanoTime() + config.operationTimeout().toNanos());
        if (s.state() != ClipStatus.State.SUCCEEDED || s.videoBytes() == null) {
            throw new GoogleException(what + "'s video (" + names.inline() + ") is lost and " + names.noun() + " " + id
                    + " no longer holds it (" + (s.reason() != null ? s.reason() : s.state())
                    + "); reset the step to regenerate it (a new, paid call)");
        }
        AtomicFiles.writeAtomically(out, s.videoBytes());
    }

    private ClipStatus await(String id, String what, long deadline, VeoLimiter.Slot slot) throws IOException {
        while (true) {
            slot.renew();
            ClipStatus s;
            try {
                s = poll.poll(id, deadline);
            } catch (GoogleException e) {
                throw pollFailure.explain(what, id, e, outOfTime(deadline));
            }
            if (s.done()) return s;
            if (outOfTime(deadline)) {
                throw new GoogleException(what + ": " + names.service() + " " + names.noun() + " " + id
                        + " was still running after "
                        + config.operationTimeout().toSeconds()
                        + " s; run the job again to resume polling it (it will not be paid again)");
            }
            ApiCalls.sleep(config.pollInterval());
        }
    }

    /** No time left for another poll interval. */
    private boolean outOfTime(long deadline) {
        return System.nanoTime() + config.pollInterval().toNanos() > deadline;
    }

    private GoogleException failure(String what, String reason, int attempts) {
        String msg =
                what + " failed after " + attempts + " " + names.unit() + (attempts == 1 ? "" : "s") + ": " + reason;
        return reason != null && reason.startsWith(names.service() + "'s safety filter")
                ? new SafetyFilteredException(msg + " (not charged; run again to retry, or rephrase the block)")
                : new GoogleException(msg + " (not charged)");
    }
}
