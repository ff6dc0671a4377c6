package io.reelsmith.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.reelsmith.kernel.Ffmpeg;
import io.reelsmith.kernel.MediaException;
import io.reelsmith.kernel.MediaInfo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The emulator's transcription model: it knows what its videos say because it made them speak. Each video's sound
 * track is remembered by a fingerprint — the MD5 of its encoded audio packets, which copying the track into
 * another container ({@code -c:a copy}, as the transcriber sends it) does not change — with the text spoken.
 * A {@code generateContent} call on a transcribe model with inline audio is answered with that text; audio the
 * emulator did not make is refused (400), as a real model would not know it either.
 */
public final class Transcripts {
    private final Map<String, String> byAudio = new ConcurrentHashMap<>();
    private final Map<String, String> byVideo = new ConcurrentHashMap<>();

    /** Remembers what {@code media}'s sound track says (also for clips made outside the emulator, e.g. a benchmark's). */
    public void remember(Path media, String spokenText) throws IOException {
        byAudio.put(fingerprint(media), spokenText == null ? "" : spokenText.strip());
    }

    /** A stored video and what it says; an extension says its source's words, then its own. */
    void rememberVideo(String videoId, Path media, String spokenText) throws IOException {
        byVideo.put(videoId, spokenText);
        remember(media, spokenText);
    }

    String spokenIn(String videoId) {
        return byVideo.getOrDefault(videoId, "");
    }

    /** A transcription request: a transcribe model and an audio (or video) part inline. */
    static boolean isRequest(String model, JsonNode body) {
        return model.toLowerCase(Locale.ROOT).contains("transcribe") && audioPart(body).isPresent();
    }

    /** What a request's audio says and how long it is (what Google bills). */
    record Transcript(String text, double seconds) { }

    /** The text the request's audio says, or empty when the emulator did not make that audio. */
    Optional<Transcript> transcribe(JsonNode body) throws IOException {
        JsonNode part = audioPart(body).orElseThrow();
        byte[] audio = Base64.getDecoder().decode(part.path("data").asText(""));
        Path tmp = Files.createTempFile("emulator-transcribe", ".m4a");
        try {
            Files.write(tmp, audio);
            String text = byAudio.get(fingerprint(tmp));
            return text == null ? Optional.empty() : Optional.of(new Transcript(text, MediaInfo.probe(tmp).seconds()));
        } catch (MediaException e) {
            return Optional.empty(); // not audio FFmpeg can read: not ours either
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static Optional<JsonNode> audioPart(JsonNode body) {
        for (JsonNode c : body.path("contents")) for (JsonNode p : c.path("parts")) {
            JsonNode inline = p.path("inlineData");
            String mime = inline.path("mimeType").asText("");
            if (mime.startsWith("audio/") || mime.startsWith("video/")) return Optional.of(inline);
        }
        return Optional.empty();
    }

    /** MD5 of the first audio stream's packets (FFmpeg's md5 muxer over a stream copy). */
    static String fingerprint(Path media) throws IOException {
        Path out = Files.createTempFile("emulator-audio", ".md5");
        try {
            Ffmpeg.command().input(media).args("-map", "0:a:0", "-c", "copy", "-f", "md5").output(out).run();
            return Files.readString(out, StandardCharsets.UTF_8).strip();
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
