package io.reelsmith.google;

import io.reelsmith.character.CharacterProfile;
import io.reelsmith.pipeline.FileJournal;
import io.reelsmith.pipeline.JobSpec;
import io.reelsmith.pipeline.Pipeline;
import io.reelsmith.pipeline.Stages;
import io.reelsmith.pipeline.Workspace;

import java.nio.file.Path;
import java.util.List;

/**
 * A child process for the kill tests: runs the google steps (character, script, block-1..n) of one job through
 * the real pipeline and its file journal, configured from the environment like the CLI. Args: DIR BLOCKS.
 */
public final class GoogleStepsRunner {
    public static void main(String[] args) throws Exception {
        Workspace ws = new Workspace(Path.of(args[0]));
        int blocks = Integer.parseInt(args[1]);
        JobSpec spec = new JobSpec("a treasure hunt in the park", new CharacterProfile("Nano", "a cartoon banana", null), blocks, "en");
        FileJournal journal = new FileJournal(ws.journal());
        try (GoogleProvider google = new GoogleProvider(GoogleConfig.fromEnv(), SpendLedger.Recorder.NONE)) {
            Pipeline p = new Pipeline(new Stages("google", google.characterImages(), google.scriptWriter(), google.videoMaker(), null, null, null));
            List<String> steps = Pipeline.steps(blocks).subList(0, 2 + blocks);
            for (int i = 0; i < steps.size(); i++) p.runStep(steps.get(i), spec, ws, journal, new Pipeline.Listener() { }, i, steps.size(), () -> false);
        }
        System.out.println("google steps done");
    }
}
