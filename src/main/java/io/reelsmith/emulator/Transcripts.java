package io.reelsmith.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.reelsmith.kernel.Ffmpeg;
import io.reelsmith.kernel.MediaException;
import io.reelsmith.kernel.MediaInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The emulator's transcription model: it knows what its videos say because it made them speak. A sound track given
 * whole is remembered by a fingerprint — the MD5 of its encoded audio packets, which copying the track into another
 * container ({@code -c:a copy}, as the transcriber sends it) does not change — with the text spoken. Each clip of new
 * seconds a video model makes is also remembered by its {@link Loudness}, so that a take joined from cut clips and
 * re-encoded is recognised too: its words are the words of the clips found in it, in order. A {@code generateContent}
 * call on a transcribe model with inline audio is answered with that text; audio the emulator did not make is refused
 * (400, Rule.TRANSCRIBE_OWN_AUDIO), as a real model would not know it either.
 */
public final class Transcripts {
    /** How alike a clip's loudness and a stretch of the take must be to count as that clip. */
    private static final double SAME = 0.85;

    private record Clip(double[] loudness, String text) {}

    private final Map<String, String> byAudio = new ConcurrentHashMap<>();
    private final Map<String, String> byVideo = new ConcurrentHashMap<>();
    private final List<Clip> clips = new CopyOnWriteArrayList<>();

    /** Remembers what {@code media}'s sound track says (also for clips made outside the emulator, e.g. a benchmark's). */
    public void remember(Path media, String spokenText) throws IOException {
        byAudio.put(fingerprint(media), spokenText == null ? "" : spokenText.strip());
    }

    /** A stored video and what it says; an extension says its source's words, then its own. */
    void rememberVideo(String videoId, Path media, String spokenText) throws IOException {
        byVideo.put(videoId, spokenText);
        remember(media, spokenText);
    }

    /** A video model's new seconds: {@code media} from {@code fromSeconds} on says {@code spokenText}. */
    void rememberClip(Path media, double fromSeconds, String spokenText) throws IOException {
        clips.add(new Clip(Loudness.of(media, fromSeconds), spokenText == null ? "" : spokenText.strip()));
    }

    /** The words of the remembered clips found in {@code audio}, in order; empty when none is in it. */
    private Optional<String> recognise(Path audio) throws IOException {
        double[] take = Loudness.of(audio, 0);
        record Found(int at, int length, double score, String text) {}
        List<Found> candidates = new ArrayList<>();
        for (Clip c : clips) {
            int n = c.loudness().length;
            if (n < 10 || n > take.length) continue;
            int best = -1;
            double score = SAME;
            for (int o = 0; o + n <= take.length; o++) {
                double m = Loudness.match(c.loudness(), take, o);
                if (m > score) {
                    score = m;
                    best = o;
                }
            }
            if (best >= 0) candidates.add(new Found(best, n, score, c.text()));
        }
        candidates.sort(Comparator.comparingDouble(Found::score).reversed());
        List<Found> kept = new ArrayList<>();
        for (Found f : candidates) {
            // a stretch of the take is one clip: a weaker match overlapping a kept one by more than a second is another
            // take of it
            if (kept.stream()
                    .noneMatch(k -> Math.min(k.at() + k.length(), f.at() + f.length()) - Math.max(k.at(), f.at()) > 10))
                kept.add(f);
        }
        if (kept.isEmpty()) return Optional.empty();
        kept.sort(Comparator.comparingInt(Found::at));
        return Optional.of(String.join(
                " ", kept.stream().map(Found::text).filter(t -> !t.isBlank()).toList()));
    }

    String spokenIn(String videoId) {
        return byVideo.getOrDefault(videoId, "");
    }

    /** A transcription request: a transcribe model and an audio (or video) part inline. */
    static boolean isRequest(String model, JsonNode body) {
        return model.toLowerCase(Locale.ROOT).contains("transcribe")
                && audioPart(body).isPresent();
    }

    /** What a request's audio says and how long it is (what Google bills). */
    record Transcript(String text, double seconds) {}

    /** The text the request's audio says, or empty when the emulator did not make that audio. */
    Optional<Transcript> transcribe(JsonNode body) throws IOException {
        JsonNode part = audioPart(body).orElseThrow();
        byte[] audio = Base64.getDecoder().decode(part.path("data").asText(""));
        Path tmp = Files.createTempFile("emulator-transcribe", ".m4a");
        try {
            Files.write(tmp, audio);
            String text = byAudio.get(fingerprint(tmp));
            if (text == null) text = recognise(tmp).orElse(null);
            return text == null
                    ? Optional.empty()
                    : Optional.of(new Transcript(text, MediaInfo.probe(tmp).seconds()));
        } catch (MediaException e) {
            return Optional.empty(); // not audio FFmpeg can read: not ours either
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static Optional<JsonNode> audioPart(JsonNode body) {
        for (JsonNode c : body.path("contents"))
            for (JsonNode p : c.path("parts")) {
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
            Ffmpeg.command()
                    .input(media)
                    .args("-map", "0:a:0", "-c", "copy", "-f", "md5")
                    .output(out)
                    .run();
            return Files.readString(out, StandardCharsets.UTF_8).strip();
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
