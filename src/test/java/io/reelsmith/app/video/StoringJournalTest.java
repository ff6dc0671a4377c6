package io.reelsmith.app.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelsmith.app.files.VideoFiles;
import io.reelsmith.kernel.Step;
import io.reelsmith.kernel.Workspace;
import io.reelsmith.kernel.WorkspaceFile;
import io.reelsmith.pipeline.Journal;
import io.reelsmith.pipeline.RunSupersededException;
import io.reelsmith.pipeline.StepGate;
import io.reelsmith.testkit.memory.MemoryBlobs;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wrapper stores a step's files before the step is recorded done, and passes every other call on as it is. */
class StoringJournalTest {
    @TempDir
    Path dir;

    private static final String ANN = UUID.randomUUID().toString(),
            VIDEO = UUID.randomUUID().toString();
    private final VideoFiles files = new VideoFiles(new MemoryBlobs());
    private final List<String> calls = new ArrayList<>();

    /** The wrapped journal: writes down each call it gets (name/arguments, and for finished: was the file stored?). */
    private final Journal inner = (Journal) Proxy.newProxyInstance(
            Journal.class.getClassLoader(), new Class<?>[] {Journal.class}, (proxy, m, args) -> {
                String call = m.getName() + "/" + m.getParameterCount();
                calls.add(m.getName().equals("finished") ? call + (stored() ? " stored" : " not stored") : call);
                if (m.getName().equals("claim")) throw new RunSupersededException("v1");
                return m.getName().equals("step") ? Optional.empty() : null;
            });

    @Test
    void aFinishedStepHasItsFilesInTheStoreBeforeItIsRecordedDone() throws Exception {
        Workspace ws = new Workspace(dir);
        Files.writeString(ws.file(WorkspaceFile.SCRIPT), "{}");
        StoringJournal.of(inner, files, ANN, VIDEO, ws).finished(Step.SCRIPT, Map.of(), 5);
        assertThat(calls).containsExactly("finished/3 stored");
    }

    @Test
    void everyOtherCallReachesTheWrappedJournalsOwnMethodAndItsExceptionsStayAsTheyAre() {
        Journal journal = StoringJournal.of(inner, files, ANN, VIDEO, new Workspace(dir));
        journal.started(Step.CHARACTER, StepGate.NONE); // the database journal's one transaction, not the default
        journal.put("k", "v");
        assertThatThrownBy(() -> journal.claim("veo.claim.1")).isInstanceOf(RunSupersededException.class);
        assertThat(calls).containsExactly("started/2", "put/2", "claim/1");
    }

    private boolean stored() throws IOException {
        return files.read(ANN, VIDEO, "script.json").isPresent();
    }
}
