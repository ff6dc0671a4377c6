package io.reelsmith.video.veo;

import com.google.genai.errors.ApiException;
import io.reelsmith.google.ApiCalls;
import io.reelsmith.google.GoogleConfig;
import io.reelsmith.google.GoogleException;
import io.reelsmith.google.SafetyFilteredException;
import io.reelsmith.kernel.Checkpoint;
import io.reelsmith.kernel.Files2;
import io.reelsmith.limits.Submissions;
import io.reelsmith.limits.VeoLimiter;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * One paid Veo generation that survives crashes, never paid twice. The operation name is written to the
 * checkpoint before the first poll; a later call finds it and resumes polling instead of submitting.
 * A new submission happens only when the last one is known failed (error, empty response, safety filter),
 * and at most {@code resubmits} times per run. A poll that outlasts the timeout fails the step but keeps the name, so
 * the next run polls the same operation again.
 */
final class VeoGeneration {
    /** The request is built only when a submission is really needed. */
    interface RequestMaker {
        VeoRequest make() throws IOException;
    }

    record Result(String videoUri, String operation, Instant created) {}

    /**
     * Told about a submission an earlier run claimed but never recorded (it stopped inside the submit round trip):
     * it may be billed, so the caller records it as UNCERTAIN spend before a new attempt is submitted.
     */
    interface UncertainSubmit {
        void record(String claimKey);
    }

    private final VeoClient veo;
    private final GoogleConfig config;

    private VeoLimiter limiter = VeoLimiter.UNLIMITED;

    /** The quota shared by every worker (one slot per running operation, a request budget per minute). */
    VeoGeneration limitedBy(VeoLimiter l) {
        this.limiter = l;
        return this;
    }

    VeoGeneration(VeoClient veo, GoogleConfig config) {
        this.veo = veo;
        this.config = config;
    }

    /** Marks a video Vertex AI returned inline: it was saved to the block's file, there is nothing to download. */
    static final String INLINE = "inline";

    /** {@code inlineOut}: where a video returned inline (Vertex AI) is saved, before the checkpoint says so. */
    Result run(Checkpoint cp, String what, Path inlineOut, RequestMaker request, UncertainSubmit uncertain)
            throws IOException {
        Optional<String> uri = cp.get("veo.uri");
        if (uri.isPresent())
            return new Result(
                    uri.get(),
                    cp.get("veo.operation").orElse(""),
                    Instant.parse(cp.get("veo.created").orElseThrow()));
        long deadline = System.nanoTime() + config.operationTimeout().toNanos();
        // One slot for this generation, keyed in the checkpoint so that a resumed run takes the same slot back.
        VeoLimiter.Slot slot = limiter.acquire(cp, "veo.lease", what);
        int attempt = cp.get("veo.attempt").map(Integer::parseInt).orElse(0);
        String lastReason = null;
        int submitted = 0; // in this run: a later run may try again, which a user asks for by running it
        while (true) {
            String key = "veo.operation." + attempt;
            String name = cp.get(key).orElse(null);
            if (name == null) {
                if (submitted > config.resubmits()) {
                    slot.release(); // the last operation is known failed: nothing runs
                    throw failure(what, lastReason, submitted);
                }
                limiter.beforeRequest(what);
                // The submission claim (a unique row fenced by the run lease): a second run of the same video can
                // never submit this attempt too; a claim left without an operation is the one uncertain window.
                VeoRequest req = request.make(); // may refuse (rules, expiry) before anything is claimed or sent
                String claimKey = "veo.claim." + attempt;
                Submissions.begin(what); // claim to journaled name: one such window at a time in this process
                try {
                    if (cp.claim(claimKey) == Checkpoint.Claim.TAKEN) {
                        uncertain.record(claimKey);
                        cp.put(
                                "veo.failed." + attempt,
                                "uncertain: an earlier run stopped while submitting it (counted as spent)");
                        attempt++;
                        cp.put("veo.attempt", String.valueOf(attempt));
                        continue;
                    }
                    try {
                        name = veo.submit(req);
                    } catch (GoogleException e) {
                        if (e.getCause() instanceof ApiException) {
                            // Google answered with an error: no operation exists, so the next run's claim is a new
                            // attempt.
                            cp.put("veo.failed." + attempt, e.getMessage());
                            cp.put("veo.attempt", String.valueOf(attempt + 1));
                        }
                        throw e; // otherwise sent without an answer: the claim stays, the next run records it as
                        // uncertain
                    }
                    submitted++;
                    cp.put(key, name); // before polling: a crash from here on resumes this operation
                    cp.put("veo.submitted." + attempt, Instant.now().toString());
                } finally {
                    Submissions.end();
                }
            }
            VeoStatus status = await(name, what, deadline, slot);
            if (status.state() == VeoStatus.State.SUCCEEDED) {
                slot.release();
                String created =
                        cp.get("veo.submitted." + attempt).orElse(Instant.now().toString());
                String videoUri = status.videoUri();
                if (videoUri == null) {
                    Files2.writeAtomically(inlineOut, status.videoBytes());
                    videoUri = INLINE;
                }
                cp.put("veo.operation", name);
                cp.put("veo.created", created);
                cp.put("veo.uri", videoUri);
                return new Result(videoUri, name, Instant.parse(created));
            }
            // Known failed: Google did not make (or charge) a video, so a new submission cannot pay twice.
            lastReason = status.reason();
            cp.put("veo.failed." + attempt, status.reason());
            attempt++;
            cp.put("veo.attempt", String.valueOf(attempt));
        }
    }

    /**
     * Fetches again a finished operation's inline video (a worker that journaled it may have died before the file
     * reached the store). Polling a done operation submits nothing and is not billed.
     */
    void fetchInlineAgain(String operation, String what, Path out) throws IOException {
        VeoStatus s = veo.poll(
                operation, System.nanoTime() + config.operationTimeout().toNanos());
        if (s.state() != VeoStatus.State.SUCCEEDED || s.videoBytes() == null) {
            throw new GoogleException(what + "'s video (returned inline by Vertex AI) is lost and operation "
                    + operation + " no longer holds it (" + (s.reason() != null ? s.reason() : s.state())
                    + "); reset the step to regenerate it (a new, paid call)");
        }
        Files2.writeAtomically(out, s.videoBytes());
    }

    private VeoStatus await(String name, String what, long deadline, VeoLimiter.Slot slot) throws IOException {
        while (true) {
            slot.renew();
            VeoStatus s;
            try {
                s = veo.poll(name, deadline);
            } catch (GoogleException e) {
                if (e instanceof SourceVideoExpiredException) throw e;
                boolean outOfTime = System.nanoTime() + config.pollInterval().toNanos() > deadline;
                String why = outOfTime
                        ? "Veo operation " + name + " did not finish within "
                                + config.operationTimeout().toSeconds() + " s (last poll: " + e.getMessage() + ")"
                        : e.getMessage();
                throw new GoogleException(
                        what + ": " + why + "; the operation is kept: run the job again to resume polling it"
                                + " (it will not be paid again)",
                        e);
            }
            if (s.done()) return s;
            if (System.nanoTime() + config.pollInterval().toNanos() > deadline) {
                throw new GoogleException(what + ": Veo operation " + name + " was still running after "
                        + config.operationTimeout().toSeconds()
                        + " s; run the job again to resume polling it (it will not be paid again)");
            }
            ApiCalls.sleep(config.pollInterval());
        }
    }

    private static GoogleException failure(String what, String reason, int attempts) {
        String msg = what + " failed after " + attempts + " submission" + (attempts == 1 ? "" : "s") + ": " + reason;
        return reason.startsWith("Veo's safety filter")
                ? new SafetyFilteredException(msg + " (not charged; run again to retry, or rephrase the block)")
                : new GoogleException(msg);
    }
}
