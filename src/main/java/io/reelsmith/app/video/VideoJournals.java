package io.reelsmith.app.video;

import io.reelsmith.pipeline.Journal;
import java.util.List;

/** Port: the journal of each service video (its steps, checkpoints and paid-submission claims), where any worker finds it. */
public interface VideoJournals {
    /** The journal a run holding the video's lease {@code runToken} writes (it may claim paid submissions). */
    Journal of(String videoId, String runToken);

    /** The journal to read or reset steps (the API); it cannot claim a paid submission. */
    Journal of(String videoId);

    /** Every step row of the video, with its times. */
    List<StepRow> steps(String videoId);
}
