package io.reelsmith.pipeline;

import io.reelsmith.kernel.SpendLedger;

import java.util.function.Function;

/**
 * A provider's stages for one video, with that video's spend recorder (what a paid adapter writes each billable
 * call to). The provider registry replaces this once it lands; until then the service builds google per job here.
 */
public interface JobStages {
    Stages of(String provider, SpendLedger.Recorder spend);

    /** Stages shared by every job, recording no spend (the free local provider, test stand-ins). */
    static JobStages shared(Function<String, Stages> providers) {
        return (provider, spend) -> providers.apply(provider);
    }
}
