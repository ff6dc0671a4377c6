package io.reelsmith.google;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelsmith.app.provider.GoogleProvider;
import io.reelsmith.character.painter.PortraitPainter;
import io.reelsmith.emulator.CallLog;
import io.reelsmith.emulator.GeminiEmulator;
import io.reelsmith.kernel.CharacterProfile;
import io.reelsmith.kernel.InMemorySpendLedger;
import io.reelsmith.kernel.MediaInfo;
import io.reelsmith.script.Script;
import io.reelsmith.script.ScriptJson;
import io.reelsmith.script.ScriptRequest;
import io.reelsmith.script.offline.OfflineScriptWriter;
import io.reelsmith.video.BlockJob;
import io.reelsmith.video.omni.OmniLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cast of two through {@code make --provider google} and the emulator (2 blocks): both characters drawn, both speak in
 * the script, and Veo's first generation carries both reference images on the wire, each call billed once.
 */
class CastEmulatorTest {
    @TempDir
    Path dir;

    @Test
    void aTwoBlockVideoWithTwoCharactersSendsBothReferenceImagesOnTheFirstGeneration() throws Exception {
        try (GeminiEmulator emulator = EmulatorFixture.start()) {
            makeWithTwoCharacters(emulator);
        }
    }

    @Test
    void omniTakesTheCastsImagesAsReferences() throws Exception {
        try (GeminiEmulator emulator = EmulatorFixture.start();
                GoogleProvider google = new GoogleProvider(
                        EmulatorFixture.config(
                                emulator,
                                "REELSMITH_GOOGLE_VERTEX",
                                "false",
                                "REELSMITH_GOOGLE_VIDEO_MODEL",
                                OmniLimits.OMNI_FLASH),
                        new InMemorySpendLedger().forJob("j", "ann"))) {
            List<CharacterProfile> cast = List.of(
                    new CharacterProfile("Nano", "a cartoon banana", null),
                    new CharacterProfile("Mira", "a purple owl", null));
            PortraitPainter painter = new PortraitPainter(); // free images: only the video call is looked at
            List<BlockJob.Member> members = List.of(
                    new BlockJob.Member("Nano", Files.write(dir.resolve("character.png"), painter.create(cast.get(0)))),
                    new BlockJob.Member(
                            "Mira", Files.write(dir.resolve("character-2.png"), painter.create(cast.get(1)))));
            Script script = new OfflineScriptWriter().write(new ScriptRequest("a walk in the park", cast, 1, "en"));
            google.videoMaker()
                    .makeBlock(new BlockJob(
                            script, 0, members, null, dir.resolve("blocks"), new EmulatorFixture.MemoryCheckpoint()));
            assertThat(EmulatorFixture.calls(emulator, "omni-generate"))
                    .hasSize(1)
                    .allMatch(c -> c.billable() && c.referenceImages() == 2);
        }
    }

    private void makeWithTwoCharacters(GeminiEmulator emulator) throws Exception {
        Path out = dir.resolve("out"), log = dir.resolve("make.log");
        String[] args = CliProcess.make(
                2,
                out,
                "--yes",
                "--theme",
                CliProcess.THEME,
                "--character",
                "Nano: a cartoon banana",
                "--character",
                "Mira: a purple owl");
        Process p = CliProcess.start(emulator, dir.resolve("spend.jsonl"), log, args);
        CliProcess.finish(p, log, 0);

        List<CallLog.Call> generates = EmulatorFixture.calls(emulator, "generate");
        assertThat(generates).as("one first clip, billed once").hasSize(1).allMatch(CallLog.Call::billable);
        assertThat(generates.get(0).referenceImages())
                .as("the cast's images on the wire")
                .isEqualTo(2);
        assertThat(EmulatorFixture.calls(emulator, "extend"))
                .hasSize(1)
                .allMatch(c -> c.billable() && c.referenceImages() == 0);
        assertThat(EmulatorFixture.billable(emulator, "image"))
                .as("one image per character")
                .isEqualTo(2);
        assertThat(EmulatorFixture.billable(emulator, "text")).isEqualTo(1);

        Script script = ScriptJson.read(out.resolve("script.json"));
        assertThat(script.speakers())
                .as("the emulator's script speaks for the cast")
                .containsExactlyInAnyOrder("Nano", "Mira");
        assertThat(out.resolve("character.png")).exists();
        assertThat(out.resolve("character-2.png")).exists();
        assertThat(Files.readAllBytes(out.resolve("character-2.png")))
                .isNotEqualTo(Files.readAllBytes(out.resolve("character.png")));
        assertThat(MediaInfo.probe(out.resolve("final.mp4")).height()).isEqualTo(1920);
        // character, character-2, script, block-1..2: each image its own ledger entry, nothing billed twice
        assertThat(EmulatorFixture.billable(emulator, "vision"))
                .as("one drift check a block, against both characters")
                .isEqualTo(2);
        // two images, the script, two clips and their two drift checks, the take's transcription (uncertain, then
        // charged)
        assertThat(Files.readAllLines(dir.resolve("spend.jsonl"))).hasSize(9);
    }
}
