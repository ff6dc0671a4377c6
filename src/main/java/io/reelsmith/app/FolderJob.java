package io.reelsmith.app;

import io.reelsmith.kernel.JobSpec;
import io.reelsmith.kernel.StepListener;
import io.reelsmith.kernel.Workspace;
import io.reelsmith.pipeline.FileJournal;
import io.reelsmith.pipeline.Manifest;
import io.reelsmith.pipeline.Pipeline;
import io.reelsmith.pipeline.Stages;
import io.reelsmith.render.FinalRenderer;
import io.reelsmith.subtitle.CaptionStyle;
import io.reelsmith.subtitle.align.WordTimers;

import java.io.IOException;

/**
 * A video made in one folder, its journal beside its files (the CLI's {@code make}): runs every step a previous
 * run did not finish, then writes manifest.json. A paid provider runs through its approved {@link GoogleRun}.
 */
public final class FolderJob {
    private FolderJob() { }

    /** Returns what the run spent, in US dollars. {@code paid}: the approved google run, or null for a free provider. */
    public static double run(ProviderRegistry registry, String provider, CaptionStyle captions, GoogleRun paid, JobSpec spec,
                             Workspace ws, StepListener progress, String scriptSource) throws IOException {
        Stages stages = paid != null ? paid.stages(WordTimers.auto(registry.settings().speech()), captions, new FinalRenderer())
                : registry.stages(provider, ProviderRegistry.JobContext.of(captions));
        FileJournal journal = new FileJournal(ws.journal());
        new Pipeline(stages).run(spec, ws, journal, progress, () -> false);
        double cost = paid == null ? 0.0 : paid.spentUsd().doubleValue();
        Manifest.write(Manifest.build(spec, scriptSource, provider, cost, ws, journal), ws);
        return cost;
    }
}
