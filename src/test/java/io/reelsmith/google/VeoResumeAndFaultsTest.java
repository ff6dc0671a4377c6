package io.reelsmith.google;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelsmith.app.provider.GoogleProvider;
import io.reelsmith.emulator.CallLog;
import io.reelsmith.emulator.Fault;
import io.reelsmith.kernel.CharacterProfile;
import io.reelsmith.kernel.InMemorySpendLedger;
import io.reelsmith.kernel.SpendLedger;
import io.reelsmith.kernel.SpendStatus;
import io.reelsmith.script.Block;
import io.reelsmith.script.DialogueLine;
import io.reelsmith.script.Script;
import io.reelsmith.testkit.GoogleEmulatorExtension;
import io.reelsmith.video.BlockClip;
import io.reelsmith.video.BlockJob;
import io.reelsmith.video.veo.SourceVideoExpiredException;
import io.reelsmith.video.veo.VeoClient;
import io.reelsmith.video.veo.VeoMaker;
import io.reelsmith.video.veo.VeoRequest;
import io.reelsmith.video.veo.VeoRuleException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Never paying twice: resume after a crash, known failures, transient errors, timeouts, retention. */
class VeoResumeAndFaultsTest {
    @RegisterExtension
    static final GoogleEmulatorExtension gemini = new GoogleEmulatorExtension();

    static final Script SCRIPT = new Script(
            "t",
            "en",
            List.of(
                    new Block(
                            1,
                            List.of(new DialogueLine("Nano", "Where is the map?")),
                            "Nano searches a library.",
                            "creaking wood"),
                    new Block(2, List.of(new DialogueLine("Nano", "Found it!")), "Nano holds up a map.", "wind")));

    @TempDir
    Path dir;

    Path character;

    @BeforeEach
    void drawTheCharacter() throws Exception {
        try (GoogleProvider g = provider(gemini.config())) {
            character = Files.write(
                    dir.resolve("character.png"),
                    g.characterImages().create(new CharacterProfile("Nano", "a banana", null)));
        }
        gemini.log().clear();
    }

    static GoogleProvider provider(GoogleConfig c) {
        return new GoogleProvider(c, SpendLedger.Recorder.NONE);
    }

    BlockJob job(int index, BlockClip previous, EmulatorFixture.MemoryCheckpoint cp) {
        return new BlockJob(SCRIPT, index, character, previous, dir.resolve("blocks"), cp);
    }

    @Test
    void aRestartedAdapterResumesPollingTheRecordedOperationInsteadOfPayingAgain() throws Exception {
        gemini.faults().queue(List.of(Fault.SLOW)); // 4 x 300 ms: longer than the first run waits
        var cp = new EmulatorFixture.MemoryCheckpoint();
        GoogleConfig impatient = gemini.config(
                "REELSMITH_GOOGLE_OPERATION_TIMEOUT_SECONDS",
                "1"); // the slow operation takes 1.2 s from its submission
        InMemorySpendLedger ledger = new InMemorySpendLedger();
        try (GoogleProvider first = new GoogleProvider(impatient, ledger.forJob("j", "ann"))) {
            assertThatThrownBy(() -> first.videoMaker().makeBlock(job(0, null, cp)))
                    .isInstanceOf(GoogleException.class)
                    .hasMessageContaining("still running")
                    .hasMessageContaining("resume polling");
        }
        String operation = cp.values.get("veo.operation.0");
        assertThat(operation).isNotNull();
        // Still running at Google, so it may be billed: counted at its price until the resumed run knows.
        assertThat(ledger.entries("j"))
                .singleElement()
                .matches(e -> e.step().equals("block-1")
                        && e.status() == SpendStatus.UNCERTAIN
                        && e.purchase().usd().signum() > 0
                        && operation.equals(e.operationId()));
        try (GoogleProvider restarted = // a new process: only the checkpoint and the ledger survive
                new GoogleProvider(gemini.config(), ledger.forJob("j", "ann"))) {
            BlockClip clip = restarted.videoMaker().makeBlock(job(0, null, cp));
            assertThat(clip.seconds()).isBetween(7.8, 8.3);
            assertThat(clip.facts()).containsKey(VeoMaker.FACT_URI);
            BlockClip again = restarted.videoMaker().makeBlock(job(0, null, cp)); // a retry of a finished block
            assertThat(again.file()).isEqualTo(clip.file());
        }
        assertThat(gemini.calls("generate")).hasSize(1);
        assertThat(gemini.calls("download")).isEmpty(); // Vertex AI returns the video inline, saved once
        assertThat(ledger.entries("j"))
                .singleElement()
                .matches(e -> e.status() == SpendStatus.CHARGED && operation.equals(e.operationId()));
    }

    @Test
    void aSafetyFilteredResultIsResubmittedOnceThenFailsWithTheReason() throws Exception {
        gemini.faults().queue(List.of(Fault.SAFETY_FILTERED));
        var cp = new EmulatorFixture.MemoryCheckpoint();
        try (GoogleProvider g = provider(gemini.config())) {
            assertThat(g.videoMaker().makeBlock(job(0, null, cp)).seconds()).isBetween(7.8, 8.3);
        }
        assertThat(gemini.calls("generate")).extracting(CallLog.Call::billable).containsExactly(false, true);

        gemini.faults().queue(List.of(Fault.SAFETY_FILTERED, Fault.SAFETY_FILTERED));
        try (GoogleProvider g = provider(gemini.config())) {
            assertThatThrownBy(() -> g.videoMaker().makeBlock(job(0, null, new EmulatorFixture.MemoryCheckpoint())))
                    .isInstanceOf(SafetyFilteredException.class)
                    .hasMessageContaining("safety filter")
                    .hasMessageContaining("not charged");
        }
    }

    @Test
    void anEmptyDoneResponseIsAKnownFailureAndIsResubmitted() throws Exception {
        gemini.faults().queue(List.of(Fault.EMPTY_RESPONSE));
        try (GoogleProvider g = provider(gemini.config())) {
            g.videoMaker().makeBlock(job(0, null, new EmulatorFixture.MemoryCheckpoint()));
        }
        assertThat(gemini.calls("generate")).extracting(CallLog.Call::billable).containsExactly(false, true);
    }

    @Test
    void rateLimitsAndServerErrorsAreRetriedWithoutASecondGeneration() throws Exception {
        gemini.faults().queue(List.of(Fault.RATE_LIMITED, Fault.SERVER_ERROR, Fault.RATE_LIMITED, Fault.SERVER_ERROR));
        try (GoogleProvider g = provider(gemini.config())) {
            g.videoMaker().makeBlock(job(0, null, new EmulatorFixture.MemoryCheckpoint()));
        }
        List<CallLog.Call> generates = gemini.calls("generate");
        assertThat(generates).extracting(CallLog.Call::status).containsExactly(429, 500, 429, 500, 200);
        assertThat(generates.stream().filter(CallLog.Call::billable)).hasSize(1);
    }

    @Test
    void errorsWhilePollingNeverResubmit() throws Exception {
        var cp = new EmulatorFixture.MemoryCheckpoint();
        try (GoogleProvider g = provider(gemini.config())) {
            gemini.faults().set(0.5, List.of(Fault.RATE_LIMITED, Fault.SERVER_ERROR), 7);
            BlockClip clip = g.videoMaker().makeBlock(job(0, null, cp));
            assertThat(clip.seconds()).isBetween(7.8, 8.3);
        }
        assertThat(gemini.billable("generate")).isEqualTo(1);
        assertThat(gemini.calls("generate").stream().filter(c -> c.status() == 200))
                .hasSize(1);
    }

    @Test
    void anOperationThatNeverFinishesTimesOutAndARetryPollsTheSameOperation() throws Exception {
        gemini.faults().queue(List.of(Fault.NEVER_DONE));
        var cp = new EmulatorFixture.MemoryCheckpoint();
        GoogleConfig c = gemini.config("REELSMITH_GOOGLE_OPERATION_TIMEOUT_SECONDS", "1");
        for (int run = 0; run < 2; run++) {
            long t0 = System.nanoTime();
            try (GoogleProvider g = provider(c)) {
                assertThatThrownBy(() -> g.videoMaker().makeBlock(job(0, null, cp)))
                        .hasMessageContaining("still running after 1 s");
            }
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
        }
        assertThat(gemini.calls("generate")).hasSize(1);
    }

    @Test
    void aRequestThatBreaksAVeoRuleNeverReachesTheServer() throws Exception {
        GoogleConfig c = gemini.config();
        try (var client = GoogleClients.create(c)) {
            VeoClient veo = new VeoClient(client, c);
            byte[] png = Files.readAllBytes(character);
            assertThatThrownBy(() ->
                            veo.submit(VeoRequest.withReferences(c.videoModel(), "p", List.of(png, png, png, png))))
                    .isInstanceOf(VeoRuleException.class);
            assertThatThrownBy(() -> veo.submit(new VeoRequest(
                            c.videoModel(),
                            "p",
                            null,
                            null,
                            null,
                            "https://generativelanguage.googleapis.com/v1beta/files/abc:download",
                            null,
                            8,
                            8,
                            "9:16",
                            "1080p")))
                    .hasMessageContaining("only at 720p");
        }
        assertThat(gemini.log().calls()).isEmpty();
    }

    @Test
    void anExtensionOfAVideoPastRetentionIsRefusedBeforeSending() throws Exception {
        var cp = new EmulatorFixture.MemoryCheckpoint();
        BlockClip old = new BlockClip(
                0,
                dir.resolve("x.mp4"),
                8,
                List.of(),
                Map.of(
                        VeoMaker.FACT_URI,
                        "https://generativelanguage.googleapis.com/v1beta/files/abc:download?alt=media",
                        VeoMaker.FACT_CREATED,
                        Instant.now().minus(Duration.ofHours(49)).toString()));
        try (GoogleProvider g = provider(gemini.config())) {
            assertThatThrownBy(() -> g.videoMaker().makeBlock(job(1, old, cp)))
                    .isInstanceOf(SourceVideoExpiredException.class)
                    .hasMessageContaining("regenerate from block 1");
        }
        assertThat(gemini.log().calls()).isEmpty();
    }

    @Test
    void whenGoogleSaysTheSourceExpiredTheStepSaysSo() throws Exception {
        try (GoogleProvider g = provider(gemini.config())) {
            BlockClip first = g.videoMaker().makeBlock(job(0, null, new EmulatorFixture.MemoryCheckpoint()));
            gemini.emulator().age(Duration.ofDays(3));
            try {
                assertThatThrownBy(
                                () -> g.videoMaker().makeBlock(job(1, first, new EmulatorFixture.MemoryCheckpoint())))
                        .isInstanceOf(SourceVideoExpiredException.class)
                        .hasMessageContaining("expired");
            } finally {
                gemini.emulator().age(Duration.ofDays(-3));
            }
        }
        assertThat(gemini.billable("extend")).isZero();
    }
}
