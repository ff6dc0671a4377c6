package io.reelsmith.video.veo;

import com.google.genai.errors.ApiException;
import io.reelsmith.google.GoogleConfig;
import io.reelsmith.google.GoogleException;
import io.reelsmith.kernel.Checkpoint;
import io.reelsmith.limits.VeoLimiter;
import io.reelsmith.video.longrun.PaidClip;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * One paid Veo generation that survives crashes, never paid twice ({@link PaidClip}: the operation name is journaled
 * before the first poll). A submission is fenced by a claim (a unique row fenced by the run lease): a second run of
 * the same video can never submit the same attempt too; a claim left without an operation is the one uncertain window.
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

    /** Marks a video Vertex AI returned inline: it was saved to the block's file, there is nothing to download. */
    static final String INLINE = PaidClip.INLINE;

    private static final PaidClip.Names NAMES =
            new PaidClip.Names("veo", "Veo", "operation", "submission", "returned inline by Vertex AI");

    private final VeoClient veo;
    private final GoogleConfig config;
    final PaidClip clip;

    /** {@code limiter}: the quota shared by every worker (one slot per running operation). */
    VeoGeneration(VeoClient veo, GoogleConfig config, VeoLimiter limiter) {
        this.veo = veo;
        this.config = config;
        this.clip = new PaidClip(NAMES, config, limiter, veo::poll, this::pollFailed);
    }

    /** {@code inlineOut}: where a video returned inline (Vertex AI) is saved, before the checkpoint says so. */
    Result run(Checkpoint cp, String what, Path inlineOut, RequestMaker request, UncertainSubmit uncertain)
            throws IOException {
        Optional<String> uri = cp.get("veo.uri");
        if (uri.isPresent())
            return new Result(
                    uri.get(),
                    cp.get("veo.operation").orElse(""),
                    Instant.parse(cp.get("veo.created").orElseThrow()));
        return clip.run(cp, what, inlineOut, new PaidClip.Steps<VeoRequest, Result>() {
            @Override
            public VeoRequest request() throws IOException {
                return request.make();
            }

            @Override
            public String lostInWindow(int attempt) {
                String claimKey = "veo.claim." + attempt;
                if (cp.claim(claimKey) != Checkpoint.Claim.TAKEN) return null;
                uncertain.record(claimKey);
                return "uncertain: an earlier run stopped while submitting it (counted as spent)";
            }

            @Override
            public String create(int attempt, VeoRequest req) throws IOException {
                try {
                    return veo.submit(req);
                } catch (GoogleException e) {
                    // Google answered with an error: no operation exists, so the next run's claim is a new attempt.
                    if (e.getCause() instanceof ApiException) clip.next(cp, attempt, e.getMessage());
                    throw e; // otherwise sent without an answer: the claim stays, the next run records it as uncertain
                }
            }

            @Override
            public void journaled(int attempt) {
                cp.put("veo.submitted." + attempt, Instant.now().toString());
            }

            @Override
            public Result finish(int attempt, String name, String videoUri) {
                String created =
                        cp.get("veo.submitted." + attempt).orElse(Instant.now().toString());
                cp.put("veo.operation", name);
                cp.put("veo.created", created);
                cp.put("veo.uri", videoUri);
                return new Result(videoUri, name, Instant.parse(created));
            }
        });
    }

    private GoogleException pollFailed(String what, String name, GoogleException e, boolean outOfTime) {
        if (e instanceof SourceVideoExpiredException) return e;
        String why = outOfTime
                ? "Veo operation " + name + " did not finish within "
                        + config.operationTimeout().toSeconds() + " s (last poll: " + e.getMessage() + ")"
                : e.getMessage();
        return new GoogleException(
                what + ": " + why + "; the operation is kept: run the job again to resume polling it"
                        + " (it will not be paid again)",
                e);
    }
}
