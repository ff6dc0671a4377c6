package io.reelsmith.video.omni;

import io.reelsmith.google.GoogleConfig;
import io.reelsmith.google.GoogleException;
import io.reelsmith.google.RetiredModelException;
import io.reelsmith.kernel.Checkpoint;
import io.reelsmith.limits.VeoLimiter;
import io.reelsmith.video.longrun.PaidClip;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.function.IntConsumer;

/**
 * One paid Omni clip that survives crashes and is never paid twice ({@link PaidClip}: the interaction id is journaled
 * before the first poll). Before the create call the attempt is marked "sending"; a run that finds an attempt marked
 * sending without an id (the process died inside the one create round trip) reports it as uncertain spend and moves
 * on.
 */
final class OmniGeneration {
    interface RequestMaker {
        OmniRequest make() throws IOException;
    }

    /** {@code videoUri} is {@link #INLINE} when the video came as bytes (already saved). */
    record Result(String videoUri, String interaction) {}

    static final String INLINE = PaidClip.INLINE;
    private static final String REFUSED = "refused";
    private static final PaidClip.Names NAMES =
            new PaidClip.Names("omni", "Omni", "interaction", "interaction", "returned inline");

    private final OmniClient omni;
    final PaidClip clip;

    /** {@code limiter}: the video quota shared by every call (one slot per running interaction). */
    OmniGeneration(OmniClient omni, GoogleConfig config, VeoLimiter limiter) {
        this.omni = omni;
        this.clip = new PaidClip(NAMES, config, limiter, omni::poll, OmniGeneration::pollFailed);
    }

    private static GoogleException pollFailed(String what, String id, GoogleException e, boolean outOfTime) {
        return new GoogleException(
                what + ": " + e.getMessage() + "; the interaction " + id
                        + " is kept: run the job again to resume polling it (it will not be paid again)",
                e);
    }

    /** {@code uncertain}: told the attempt number of a create whose answer was lost in a crash. */
    Result run(Checkpoint cp, String what, Path inlineOut, RequestMaker request, IntConsumer uncertain)
            throws IOException {
        Optional<String> doneId = cp.get("omni.interaction");
        if (doneId.isPresent()) return new Result(cp.get("omni.uri").orElseThrow(), doneId.get());
        return clip.run(cp, what, inlineOut, new PaidClip.Steps<OmniRequest, Result>() {
            @Override
            public String lostBefore(int attempt) {
                Optional<String> sending = cp.get("omni.sending." + attempt);
                if (sending.isEmpty() || sending.get().equals(REFUSED)) return null;
                uncertain.accept(attempt); // Google may have accepted (and bill) it; we cannot find it again
                return "the process stopped while Google was answering the create call";
            }

            @Override
            public OmniRequest request() throws IOException {
                return request.make();
            }

            @Override
            public String create(int attempt, OmniRequest r) throws IOException {
                cp.put("omni.sending." + attempt, Instant.now().toString());
                try {
                    return omni.create(r);
                } catch (GoogleException e) {
                    cp.put("omni.sending." + attempt, REFUSED); // answered with an error: nothing was created
                    if (e instanceof RetiredModelException) throw e; // the catalogue's one line, as at every step
                    throw new GoogleException(what + ": " + e.getMessage(), e);
                }
            }

            @Override
            public Result finish(int attempt, String id, String uri) {
                cp.put("omni.uri", uri);
                cp.put("omni.interaction", id);
                return new Result(uri, id);
            }
        });
    }
}
