package io.reelsmith.subtitle.gemini;

import com.google.genai.types.Content;
import com.google.genai.types.GenerateContentConfig;
import com.google.genai.types.GenerateContentResponse;
import com.google.genai.types.Part;
import io.reelsmith.google.GeminiCalls;
import io.reelsmith.google.GoogleException;
import io.reelsmith.kernel.Ffmpeg;
import io.reelsmith.kernel.FileTrees;
import io.reelsmith.kernel.MediaInfo;
import io.reelsmith.kernel.Purchase;
import io.reelsmith.kernel.SpendLedger;
import io.reelsmith.kernel.SpendStatus;
import io.reelsmith.kernel.Step;
import io.reelsmith.kernel.Word;
import io.reelsmith.subtitle.WordTimer;
import io.reelsmith.subtitle.align.SpeechAudio;
import io.reelsmith.subtitle.align.WordTimingException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the take says, from Gemini's transcription model: the take's sound track (copied, not re-encoded) goes in
 * as inline audio, the words come back as text. Gemini gives no word times, so the words are spread over the
 * audio here and {@code TranscriptAligner} force-aligns them, then reconciles them with the script.
 *
 * <p>The call is billed per audio minute: it is recorded in the spend ledger as uncertain before the request
 * leaves, then as charged (or not charged, when Google refused it) — a crash in between never hides a charge.
 */
public final class GeminiTranscriber implements WordTimer {
    public static final String NAME = "gemini-transcribe";
    /** The step its spend is recorded under: transcription is part of making the subtitles. */
    static final Step STEP = Step.SUBTITLES;

    private final GeminiCalls gemini;
    private final String model;

    public GeminiTranscriber(GeminiCalls gemini, String model) {
        this.gemini = gemini;
        this.model = model;
    }

    @Override
    public String name() {
        return NAME;
    }

    public String model() {
        return model;
    }

    @Override
    public List<Word> time(Path media, String knownText, String language) throws IOException {
        Path work = Files.createTempDirectory("reelsmith-transcribe");
        try {
            Path audio = work.resolve("audio.m4a");
            // the sound track as it is: no quality lost, and a fraction of the video's bytes
            SpeechAudio.readSound(
                    Ffmpeg.command()
                            .input(media)
                            .args("-vn", "-map", "0:a:0", "-c:a", "copy")
                            .output(audio),
                    "the sound track of " + media.getFileName() + " for transcription");
            double seconds = MediaInfo.probe(audio).seconds(); // what Google bills: the audio it is sent
            double minutes = seconds / 60.0;
            BigDecimal usd = gemini.config().prices().transcription(minutes);
            Purchase bought = new Purchase(model, "transcribe", minutes, "minute", usd);
            gemini.spend().record(new SpendLedger.Charge(STEP, bought, SpendStatus.UNCERTAIN, null));
            Content request = Content.fromParts(
                    Part.fromText(prompt(knownText, language)), Part.fromBytes(Files.readAllBytes(audio), "audio/mp4"));
            GenerateContentResponse answer;
            try {
                answer = gemini.generate(
                        "transcription",
                        model,
                        request,
                        GenerateContentConfig.builder().build());
            } catch (GoogleException e) {
                gemini.spend().record(new SpendLedger.Charge(STEP, bought, SpendStatus.NOT_CHARGED, null));
                throw new WordTimingException("Gemini could not transcribe the take: " + e.getMessage(), e);
            }
            gemini.spend().record(new SpendLedger.Charge(STEP, bought, SpendStatus.CHARGED, null));
            String text = answer.text();
            if (text == null || text.isBlank()) return List.of();
            return spread(text, seconds);
        } finally {
            FileTrees.deleteTree(work);
        }
    }

    static String prompt(String knownText, String language) {
        String lang = Map.of("en", "English", "fr", "French").getOrDefault(language, language);
        return "Transcribe the speech in this audio word for word, in " + lang
                + ". Write only the words actually spoken, in order, "
                + "with punctuation; no timestamps, no speaker labels, no descriptions of sounds."
                + (knownText == null || knownText.isBlank()
                        ? ""
                        : " The speakers were meant to say the following script; use it only for the spelling of names, and write what is said, "
                                + "not what the script says: " + knownText);
    }

    /** Words evenly spread over the audio: placeholders until the transcript is force-aligned. */
    static List<Word> spread(String text, double seconds) {
        List<String> parts = new ArrayList<>();
        for (String p : text.strip().split("\\s+")) if (!p.isBlank()) parts.add(p);
        List<Word> out = new ArrayList<>();
        double step = parts.isEmpty() ? 0 : Math.max(0, seconds) / parts.size();
        for (int i = 0; i < parts.size(); i++) out.add(new Word(parts.get(i), i * step, (i + 1) * step));
        return out;
    }
}
