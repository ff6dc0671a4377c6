package io.reelsmith.pipeline;

import io.reelsmith.kernel.SpendLedger;
import java.util.function.Function;

/**
 * A provider's stages for one video, with that video's spend recorder (what a paid adapter writes each billable
 * call to): the service builds a paid provider's adapters per video through this.
 */
public interface JobStages {
    Stages of(String provider, SpendLedger.Recorder spend);

    /** Stages shared by every job, recording no spend (the free local provider, test stand-ins). */
    static JobStages shared(Function<String, Stages> providers) {
        return (provider, spend) -> providers.apply(provider);
    }
}
