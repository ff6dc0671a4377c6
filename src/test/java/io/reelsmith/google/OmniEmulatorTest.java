package io.reelsmith.google;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.genai.Client;
import com.google.genai.errors.ApiException;
import io.reelsmith.app.provider.GoogleProvider;
import io.reelsmith.emulator.CallLog;
import io.reelsmith.emulator.EmulatorOptions;
import io.reelsmith.emulator.Fault;
import io.reelsmith.kernel.CharacterProfile;
import io.reelsmith.kernel.InMemorySpendLedger;
import io.reelsmith.kernel.MediaInfo;
import io.reelsmith.kernel.SpendLedger;
import io.reelsmith.kernel.SpendStatus;
import io.reelsmith.script.Script;
import io.reelsmith.script.ScriptRequest;
import io.reelsmith.testkit.GoogleEmulatorExtension;
import io.reelsmith.video.BlockClip;
import io.reelsmith.video.Take;
import io.reelsmith.video.omni.OmniClient;
import io.reelsmith.video.omni.OmniLimits;
import io.reelsmith.video.omni.OmniMaker;
import io.reelsmith.video.omni.OmniRequest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import javax.imageio.ImageIO;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** OmniMaker with the real SDK's Interactions API against the emulator. */
class OmniEmulatorTest {
    /** The emulator's smallest clips (90x160): twelve blocks and their answers are encoded here; the checks look at 45x80 thumbnails. */
    @RegisterExtension
    static final GoogleEmulatorExtension gemini =
            new GoogleEmulatorExtension(GoogleEmulatorExtension.QUICK.withSize(90, 160));

    static GoogleConfig omni(String... extra) {
        List<String> env = new ArrayList<>(
                List.of("REELSMITH_GOOGLE_VERTEX", "false", "REELSMITH_GOOGLE_VIDEO_MODEL", OmniLimits.OMNI_FLASH));
        env.addAll(List.of(extra));
        return gemini.config(env.toArray(String[]::new));
    }

    record Made(Script script, Path character, List<BlockClip> clips) {}

    static Made make(GoogleProvider google, Path dir, int blocks, List<EmulatorFixture.MemoryCheckpoint> cps)
            throws Exception {
        CharacterProfile nano = new CharacterProfile("Nano", "a cartoon banana", "cartoon");
        Path character = Files.write(
                dir.resolve("character.png"), google.characterImages().create(nano));
        Script script = google.scriptWriter().write(new ScriptRequest("a walk in the park", nano, blocks, "en"));
        return new Made(
                script,
                character,
                EmulatorFixture.makeBlocks(google.videoMaker(), script, character, dir, cps, blocks));
    }

    @Test
    void twelveBlocksMakeThreeChainsEachBlockOnceInItsPlaceWithNoVisibleJoin(@TempDir Path dir) throws Exception {
        InMemorySpendLedger ledger = new InMemorySpendLedger();
        try (GoogleProvider google = new GoogleProvider(omni(), ledger.forJob("j", "ann"))) {
            Made m = make(google, dir, 12, new ArrayList<>());
            // answers stack to 40 s: 8 + 7 x 4 = 36 s, then a restart from block 5's last frame (7 x 5 = 35 s), then
            // blocks 11-12
            assertThat(gemini.calls("omni-generate"))
                    .hasSize(1)
                    .allMatch(c -> c.billable() && c.seconds() == 8 && c.referenceImages() == 1);
            assertThat(gemini.calls("omni-extend")).hasSize(9).allMatch(c -> c.billable() && c.seconds() == 7);
            // no reference image after the first frame: Google reads a second image of image_to_video as the last frame
            assertThat(gemini.calls("omni-first-frame"))
                    .hasSize(2)
                    .allMatch(c -> c.billable() && c.seconds() == 7 && c.referenceImages() == 0);
            assertThat(gemini.log().calls()).noneMatch(c -> c.status() >= 400);
            assertThat(gemini.calls("download"))
                    .hasSize(12)
                    .allMatch(c -> c.status() == 302); // a files uri redirects to the bytes
            assertThat(ledger.entries("j").stream()
                            .filter(e -> e.step().startsWith("block-"))
                            .mapToDouble(e -> e.purchase().quantity())
                            .sum())
                    .isEqualTo(85);

            // Google answers the whole chain so far (block 5: 36 s, opening on block 1's first frame); the block keeps
            // its 7 s
            BlockClip five = m.clips().get(4);
            Path answer = five.file().resolveSibling("block-05.answer.mp4");
            assertThat(FrameCheck.videoPts(answer)).hasSize(36 * 24);
            assertThat(Double.parseDouble(five.facts().get(OmniMaker.FACT_ANSWER_SECONDS)))
                    .isEqualTo(36);
            assertThat(FrameCheck.difference(
                            FrameCheck.thumbnails(answer, List.of(0), dir)[0],
                            FrameCheck.thumbnails(m.clips().get(0).file(), List.of(0), dir)[0]))
                    .isLessThan(4);

            Take take = google.videoMaker().assemble(m.clips(), dir.resolve("take"));
            int fps = 24;
            // Each block's first frame in the take is the first of the new seconds Google made for it: a chain's start
            // repeated (whole answers joined, or answers not cut to their new seconds) fails here.
            ChainPlan plan = ChainPlan.of(
                    Script.blockSeconds(12),
                    google.config().video(),
                    google.config().surface());
            double[] starts = FrameCheck.blockStarts(take.file(), m.clips(), plan, OmniMaker.FACT_ANSWER, dir);
            assertThat(Arrays.stream(starts).boxed().toList())
                    .as("each block's first frame in the take against its new seconds'")
                    .allSatisfy(d -> assertThat(d).isLessThan(4.0));
            List<Double> pts = FrameCheck.videoPts(take.file());
            assertThat(pts).hasSize(85 * fps - 2); // every block's new seconds once; each restart's shared frame once
            assertThat(FrameCheck.largestGap(pts)).isLessThan(1.5 / fps); // no gap anywhere
            assertThat(MediaInfo.probe(take.file()).hasAudio()).isTrue();
            assertThat(take.seconds()).isBetween(85 - 3.0 / fps, 85 + 1.0 / fps);

            // At the first restart (after 36 s = 864 frames) the picture moves on as it does inside a clip: no repeat,
            // no cut.
            int join = 36 * fps;
            double[] diffs = FrameCheck.consecutiveDiffs(take.file(), join - 3, join + 3, dir);
            double atJoin = diffs[3], within = Math.max(diffs[4], diffs[5]);
            // a repeated frame measures ~0 (the encoder skips every block); a moving one like its neighbours
            assertThat(atJoin)
                    .as("the join repeats a frame (within the clip: " + within + ")")
                    .isGreaterThan(Math.max(0.02, within / 4));
            assertThat(atJoin).as("the join is a visible cut").isLessThan(3 * within + 1);
        }
    }

    @Test
    void onAgentPlatformAnExtensionAnswersItsInputsLast30SecondsAndTheNewOnesAndTheChainGoesOn(@TempDir Path dir)
            throws Exception {
        GoogleConfig config = gemini.config(
                "REELSMITH_GOOGLE_VERTEX", "true", "REELSMITH_GOOGLE_VIDEO_MODEL", OmniLimits.OMNI_FLASH_VERTEX);
        try (GoogleProvider google = new GoogleProvider(config, SpendLedger.Recorder.NONE)) {
            Made m = make(google, dir, 6, new ArrayList<>());
            // one chain: answers of 8, 15, 22, 29, 36 s, then the last 30 s of 36 s and 7 new ones: 37 s
            assertThat(gemini.calls("omni-extend")).hasSize(5).allMatch(c -> c.billable() && c.seconds() == 7);
            assertThat(gemini.calls("omni-first-frame")).isEmpty();
            assertThat(gemini.calls("download")).isEmpty(); // inline on Agent Platform
            Path five = dir.resolve("blocks/block-05.answer.mp4"), six = dir.resolve("blocks/block-06.answer.mp4");
            assertThat(FrameCheck.videoPts(five)).hasSize(36 * 24);
            assertThat(FrameCheck.videoPts(six)).hasSize(37 * 24);
            // block 6's answer opens 6 s into block 5's answer (its last 30 s) and its new seconds are block 6's clip
            byte[][] sixFrames = FrameCheck.thumbnails(six, List.of(0, 30 * 24), dir);
            assertThat(FrameCheck.difference(sixFrames[0], FrameCheck.thumbnails(five, List.of(6 * 24), dir)[0]))
                    .isLessThan(4);
            assertThat(FrameCheck.difference(
                            sixFrames[1], FrameCheck.thumbnails(m.clips().get(5).file(), List.of(0), dir)[0]))
                    .isLessThan(4);
            Take take = google.videoMaker().assemble(m.clips(), dir.resolve("take"));
            assertThat(FrameCheck.videoPts(take.file())).hasSize(43 * 24);
        }
        // Agent Platform serves the Interactions API under v1beta1 only (what the SDK sends for an Omni model there)
        var v1 = GoogleEmulatorExtension.postWithToken(
                gemini.emulator(), "/v1/projects/demo-project/locations/us-central1/interactions", "t", "{}");
        assertThat(v1.statusCode()).isEqualTo(404);
    }

    @Test
    void aCrashAfterTheIdIsJournaledResumesTheSameInteractionAndPaysOnce(@TempDir Path dir) throws Exception {
        List<EmulatorFixture.MemoryCheckpoint> cps = new ArrayList<>();
        InMemorySpendLedger ledger = new InMemorySpendLedger();
        try (GoogleProvider google = new GoogleProvider(
                omni("REELSMITH_GOOGLE_OPERATION_TIMEOUT_SECONDS", "1"), ledger.forJob("j", "ann"))) {
            gemini.faults().queue(List.of(Fault.SLOW)); // block 1 outlives the first run's timeout
            assertThatThrownBy(() -> make(google, dir, 2, cps))
                    .hasMessageContaining("run the job again to resume polling it");
        }
        String interaction = cps.get(0).values.get("omni.interaction.0");
        assertThat(interaction).isNotNull();
        // Still running at Google, so it may be billed: counted at its price until the resumed run knows.
        assertThat(ledger.entries("j"))
                .filteredOn(e -> e.step().equals("block-1"))
                .singleElement()
                .matches(e -> e.status() == SpendStatus.UNCERTAIN
                        && e.purchase().usd().signum() > 0
                        && interaction.equals(e.operationId()));
        try (GoogleProvider google = new GoogleProvider(omni(), ledger.forJob("j", "ann"))) {
            make(google, dir, 2, cps);
        }
        assertThat(gemini.calls("omni-generate")).hasSize(1);
        assertThat(gemini.calls("omni-extend")).hasSize(1);
        assertThat(ledger.entries("j"))
                .filteredOn(e -> e.step().equals("block-1"))
                .singleElement()
                .matches(e -> e.status() == SpendStatus.CHARGED && interaction.equals(e.operationId()));
    }

    @Test
    void aCreateWhoseAnswerWasLostIsRecordedAsUncertainAndNotSentBlindlyTwiceInOneAttempt(@TempDir Path dir)
            throws Exception {
        InMemorySpendLedger ledger = new InMemorySpendLedger();
        EmulatorFixture.MemoryCheckpoint cp = new EmulatorFixture.MemoryCheckpoint();
        cp.put("omni.sending.0", "2026-12-03T10:00:00Z"); // a run died inside the create round trip: no id came back
        try (GoogleProvider google = new GoogleProvider(omni(), ledger.forJob("j", "ann"))) {
            make(google, dir, 1, new ArrayList<>(List.of(cp)));
        }
        assertThat(cp.values).containsKey("omni.interaction.1").doesNotContainKey("omni.interaction.0");
        assertThat(ledger.entries("j"))
                .filteredOn(e -> e.step().equals("block-1.uncertain-0"))
                .singleElement()
                .matches(e -> e.status() == SpendStatus.UNCERTAIN
                        && e.purchase().usd().compareTo(new BigDecimal("0.80")) == 0);
        assertThat(ledger.entries("j"))
                .filteredOn(e -> e.step().equals("block-1"))
                .singleElement()
                .matches(e -> e.status() == SpendStatus.CHARGED);
        assertThat(gemini.calls("omni-generate")).hasSize(1);
    }

    @Test
    void aSafetyBlockIsAReadableFailureRecordedAsNotCharged(@TempDir Path dir) throws Exception {
        InMemorySpendLedger ledger = new InMemorySpendLedger();
        try (GoogleProvider google =
                new GoogleProvider(omni("REELSMITH_GOOGLE_RESUBMITS", "0"), ledger.forJob("j", "ann"))) {
            gemini.faults().queue(List.of(Fault.SAFETY_FILTERED));
            assertThatThrownBy(() -> make(google, dir, 1, new ArrayList<>()))
                    .isInstanceOf(SafetyFilteredException.class)
                    .hasMessageContaining("block 1")
                    .hasMessageContaining("safety filter")
                    .hasMessageContaining("not charged");
        }
        assertThat(gemini.calls("omni-generate")).singleElement().matches(c -> !c.billable());
        assertThat(ledger.entries("j"))
                .filteredOn(e -> e.step().equals("block-1"))
                .singleElement()
                .matches(e -> e.status() == SpendStatus.NOT_CHARGED
                        && e.purchase().usd().signum() == 0);
    }

    @Test
    void theEmulatorHoldsClientsToOmnisRules() throws Exception {
        String key = EmulatorOptions.DEFAULT_API_KEY;
        HttpClient http = HttpClient.newHttpClient();
        Function<String, HttpResponse<String>> post = body -> {
            try {
                return http.send(
                        HttpRequest.newBuilder(URI.create(gemini.baseUrl() + "/v1beta/interactions"))
                                .header("x-goog-api-key", key)
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        String fmt = "\"response_format\":{\"type\":\"video\",\"aspect_ratio\":\"9:16\",\"duration\":\"%s\"}";
        var tooLong = post.apply(
                "{\"model\":\"gemini-omni-1.1-flash\",\"input\":\"a cat\"," + String.format(fmt, "11s") + "}");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("3 to 10 whole seconds");
        String img = "{\"type\":\"image\",\"mime_type\":\"image/png\",\"data\":\"AAAA\"}";
        var fourRefs =
                post.apply("{\"model\":\"gemini-omni-1.1-flash\",\"input\":[{\"type\":\"text\",\"text\":\"a cat\"},"
                        + String.join(",", img, img, img, img) + "]," + String.format(fmt, "8s") + "}");
        assertThat(fourRefs.statusCode()).isEqualTo(400);
        assertThat(fourRefs.body()).contains("at most 3");
        var unknownPrevious = post.apply(
                "{\"model\":\"gemini-omni-1.1-flash\",\"input\":\"a cat\",\"previous_interaction_id\":\"v1_nope\","
                        + String.format(fmt, "7s") + "}");
        assertThat(unknownPrevious.statusCode()).isEqualTo(400);
        var square = post.apply(
                "{\"model\":\"gemini-omni-1.1-flash\",\"input\":\"a cat\",\"response_format\":{\"type\":\"video\",\"aspect_ratio\":\"4:3\",\"duration\":\"8s\"}}");
        assertThat(square.body()).contains("aspect_ratio 4:3 is not supported");
        var noFirstFrame = post.apply(
                "{\"model\":\"gemini-omni-1.1-flash\",\"input\":\"a cat\",\"generation_config\":{\"video_config\":{\"task\":\"image_to_video\"}},"
                        + String.format(fmt, "8s") + "}");
        assertThat(noFirstFrame.body()).contains("image_to_video needs an image");
        assertThat(gemini.log().calls()).noneMatch(CallLog.Call::billable);

        // generateContent on the Omni model, through the SDK, is refused as Google refuses it
        try (Client client = GoogleClients.create(omni())) {
            assertThatThrownBy(() -> client.models.generateContent(OmniLimits.OMNI_FLASH, "a cat", null))
                    .isInstanceOf(ApiException.class)
                    .hasMessageContaining("This model only supports Interactions API");
        }
    }

    @Test
    void theChainLimitIsEnforcedOnTheWire(@TempDir Path dir) throws Exception {
        GoogleConfig config = omni();
        try (Client client = GoogleClients.create(config)) {
            OmniClient omni = new OmniClient(client, config);
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(90, 160, BufferedImage.TYPE_INT_RGB), "png", png);
            byte[] character = png.toByteArray();
            String id = omni.create(new OmniRequest(
                    OmniLimits.OMNI_FLASH,
                    "reference_to_video",
                    "a cat \"hello\"",
                    10,
                    null,
                    List.of(character),
                    null));
            String first = await(omni, id);
            for (int i = 0; i < 3; i++)
                id = await(
                        omni,
                        omni.create(new OmniRequest(
                                OmniLimits.OMNI_FLASH, "extend", "on", 10, null, List.of(), await(omni, id))));
            String last = id;
            assertThatThrownBy(() -> omni.create(new OmniRequest(
                            OmniLimits.OMNI_FLASH, "extend", "on", 3, null, List.of(), await(omni, last))))
                    .hasMessageContaining("HTTP 400")
                    .hasMessageContaining("43 s")
                    .hasMessageContaining("40 s");
            // an extension adds 3-10 s, whatever the model's clips (the wire is asked directly: our client would not
            // send it)
            var eleven = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(gemini.baseUrl() + "/v1beta/interactions"))
                                    .header("x-goog-api-key", EmulatorOptions.DEFAULT_API_KEY)
                                    .POST(
                                            HttpRequest.BodyPublishers.ofString(
                                                    "{\"model\":\"gemini-omni-1.1-flash\",\"input\":\"on\",\"previous_interaction_id\":\""
                                                            + first
                                                            + "\",\"response_format\":{\"type\":\"video\",\"aspect_ratio\":\"9:16\",\"duration\":\"11s\"}}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(eleven.statusCode()).isEqualTo(400);
            assertThat(eleven.body()).contains("an extension adds 3-10 s, not 11 s");
        }
    }

    static String await(OmniClient omni, String id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Awaitility.await("interaction " + id + " done")
                .atMost(Duration.ofSeconds(30))
                .until(() -> omni.poll(id, deadline).done());
        return id;
    }
}
