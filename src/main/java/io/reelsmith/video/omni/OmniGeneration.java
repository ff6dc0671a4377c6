package io.reelsmith.video.omni;

import io.reelsmith.google.ApiCalls;
import io.reelsmith.google.GoogleConfig;
import io.reelsmith.google.GoogleException;
import io.reelsmith.google.RetiredModelException;
import io.reelsmith.google.SafetyFilteredException;
import io.reelsmith.kernel.Checkpoint;
import io.reelsmith.kernel.Files2;
import io.reelsmith.limits.Submissions;
import io.reelsmith.limits.VeoLimiter;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.function.IntConsumer;

/**
 * One paid Omni clip that survives crashes and is never paid twice. Before the create call the attempt is marked
 * "sending"; the interaction id is written to the checkpoint as soon as Google answers, before the first poll; a
 * later run finds it and polls the same interaction instead of creating another. A run that finds an attempt
 * marked sending without an id (the process died inside the one create round trip) reports it as uncertain
 * spend and moves on. A new creation happens only when the last one is known failed (safety filter, empty,
 * error), at most {@code resubmits} times per run.
 */
final class OmniGeneration {
    interface RequestMaker {
        OmniRequest make() throws IOException;
    }

    /** {@code videoUri} is {@link #INLINE} when the video came as bytes (already saved). */
    record Result(String videoUri, String interaction) {}

    static final String INLINE = "inline";
    private static final String REFUSED = "refused";

    private final OmniClient omni;
    private final GoogleConfig config;
    private VeoLimiter limiter = VeoLimiter.UNLIMITED;

    /** The video quota shared by every call (one slot per running interaction, a request budget per minute). */
    OmniGeneration limitedBy(VeoLimiter l) {
        this.limiter = l;
        return this;
    }

    OmniGeneration(OmniClient omni, GoogleConfig config) {
        this.omni = omni;
        this.config = config;
    }

    /** {@code uncertain}: told the attempt number of a create whose answer was lost in a crash. */
    Result run(Checkpoint cp, String what, Path inlineOut, RequestMaker request, IntConsumer uncertain)
            throws IOException {
        Optional<String> doneId = cp.get("omni.interaction");
        if (doneId.isPresent()) return new Result(cp.get("omni.uri").orElseThrow(), doneId.get());
        long deadline = System.nanoTime() + config.operationTimeout().toNanos();
        VeoLimiter.Slot slot = limiter.acquire(cp, "omni.lease", what); // a resumed run takes its own slot back
        int attempt = cp.get("omni.attempt").map(Integer::parseInt).orElse(0);
        String lastReason = null;
        int created = 0; // in this run: running the job again is how a user asks for more
        while (true) {
            String id = cp.get("omni.interaction." + attempt).orElse(null);
            if (id == null) {
                Optional<String> sending = cp.get("omni.sending." + attempt);
                if (sending.isPresent() && !sending.get().equals(REFUSED)) {
                    uncertain.accept(attempt); // Google may have accepted (and bill) it; we cannot find it again
                    attempt = next(cp, attempt, "the process stopped while Google was answering the create call");
                    continue;
                }
                if (created > config.resubmits()) {
                    slot.release(); // the last interaction is known failed: nothing runs
                    throw failure(what, lastReason, created);
                }
                limiter.beforeRequest(what);
                OmniRequest r = request.make();
                Submissions.begin(what); // "sending" to journaled id: one such window at a time in this process
                try {
                    cp.put("omni.sending." + attempt, Instant.now().toString());
                    try {
                        id = omni.create(r);
                    } catch (GoogleException e) {
                        cp.put("omni.sending." + attempt, REFUSED); // answered with an error: nothing was created
                        if (e instanceof RetiredModelException) throw e; // the catalogue's one line, as at every step
                        throw new GoogleException(what + ": " + e.getMessage(), e);
                    }
                    created++;
                    cp.put(
                            "omni.interaction." + attempt,
                            id); // before polling: a crash from here on resumes this interaction
                } finally {
                    Submissions.end();
                }
            }
            OmniStatus s = await(id, what, deadline, slot);
            if (s.state() == OmniStatus.State.SUCCEEDED) {
                slot.release();
                String uri = s.videoUri();
                if (uri == null) {
                    Files2.writeAtomically(inlineOut, s.videoBytes());
                    uri = INLINE;
                }
                cp.put("omni.uri", uri);
                cp.put("omni.interaction", id);
                return new Result(uri, id);
            }
            lastReason =
                    s.reason(); // known failed: Google made (and charges) nothing, so creating again cannot pay twice
            attempt = next(cp, attempt, s.reason());
        }
    }

    /**
     * Fetches again a finished interaction's inline video (a worker that journaled it may have died before the file
     * reached the store). Reading a finished interaction creates nothing and is not billed.
     */
    void fetchInlineAgain(String id, String what, Path out) throws IOException {
        OmniStatus s =
                omni.poll(id, System.nanoTime() + config.operationTimeout().toNanos());
        if (s.state() != OmniStatus.State.SUCCEEDED || s.videoBytes() == null) {
            throw new GoogleException(what + "'s video (returned inline) is lost and interaction " + id
                    + " no longer holds it (" + (s.reason() != null ? s.reason() : s.state())
                    + "); reset the step to regenerate it (a new, paid call)");
        }
        Files2.writeAtomically(out, s.videoBytes());
    }

    private static int next(Checkpoint cp, int attempt, String reason) {
        cp.put("omni.failed." + attempt, reason);
        cp.put("omni.attempt", String.valueOf(attempt + 1));
        return attempt + 1;
    }

    private OmniStatus await(String id, String what, long deadline, VeoLimiter.Slot slot) throws IOException {
        while (true) {
            slot.renew();
            OmniStatus s;
            try {
                s = omni.poll(id, deadline);
            } catch (GoogleException e) {
                throw new GoogleException(
                        what + ": " + e.getMessage() + "; the interaction " + id
                                + " is kept: run the job again to resume polling it (it will not be paid again)",
                        e);
            }
            if (s.done()) return s;
            if (System.nanoTime() + config.pollInterval().toNanos() > deadline) {
                throw new GoogleException(what + ": Omni interaction " + id + " was still running after "
                        + config.operationTimeout().toSeconds()
                        + " s; run the job again to resume polling it (it will not be paid again)");
            }
            ApiCalls.sleep(config.pollInterval());
        }
    }

    private static GoogleException failure(String what, String reason, int attempts) {
        String msg = what + " failed after " + attempts + " interaction" + (attempts == 1 ? "" : "s") + ": " + reason;
        return reason != null && reason.startsWith("Omni's safety filter")
                ? new SafetyFilteredException(msg + " (not charged; run again to retry, or rephrase the block)")
                : new GoogleException(msg + " (not charged)");
    }
}
