package io.reelsmith.video.animatic;

import io.reelsmith.kernel.Word;
import io.reelsmith.script.Block;
import io.reelsmith.script.DialogueLine;
import io.reelsmith.speech.Speech;
import io.reelsmith.speech.TextToSpeech;
import io.reelsmith.speech.Voice;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The block's dialogue as one mono WAV: every line spoken by its speaker's voice, one after the other with
 * short pauses. Lines are placed on whole samples, so the word times (TTS events shifted by the line's
 * start) are exact in the written file.
 */
record SpeechTrack(Path wav, int sampleRate, double seconds, List<Turn> turns) {
    /** Silence before the first line: the cut into the block should not clip the first syllable. */
    static final double LEAD_IN = 0.35;

    static final double PAUSE = 0.3, SPEAKER_CHANGE_PAUSE = 0.45;

    /** One line as heard: who says it (index into the script's speakers), when, and its words. */
    record Turn(int speaker, String name, double start, double end, List<Word> words) {}

    SpeechTrack {
        turns = List.copyOf(turns);
    }

    /** When the last word has been heard (the TTS's trailing silence does not count). */
    double speechEnd() {
        if (turns.isEmpty()) return 0;
        Turn last = turns.get(turns.size() - 1);
        return last.words().isEmpty()
                ? last.end()
                : last.words().get(last.words().size() - 1).end();
    }

    List<Word> words() {
        List<Word> all = new ArrayList<>();
        for (Turn t : turns) all.addAll(t.words());
        return all;
    }

    static SpeechTrack speak(
            Block block, List<String> speakers, String language, TextToSpeech tts, Path workDir, Path out)
            throws IOException {
        Files.createDirectories(workDir);
        ByteArrayOutputStream pcm = new ByteArrayOutputStream();
        List<Turn> turns = new ArrayList<>();
        int rate = 0;
        String previous = null;
        for (int i = 0; i < block.dialogue().size(); i++) {
            DialogueLine line = block.dialogue().get(i);
            int speaker = Math.max(0, speakers.indexOf(line.speaker()));
            Path lineWav = workDir.resolve("line-" + (i + 1) + ".wav");
            Speech s = tts.speak(line.text(), Voice.forSpeaker(language, speaker), lineWav);
            WavFile w = WavFile.read(s.wav());
            Files.deleteIfExists(lineWav);
            if (rate == 0) rate = w.sampleRate();
            if (w.sampleRate() != rate || w.channels() != 1)
                throw new IOException("the TTS changed its format between lines (" + w.sampleRate() + " Hz, "
                        + w.channels() + " ch)");
            double pause = i == 0 ? LEAD_IN : line.speaker().equals(previous) ? PAUSE : SPEAKER_CHANGE_PAUSE;
            silence(pcm, (int) Math.round(pause * rate));
            long startSample = pcm.size() / 2;
            double start = startSample / (double) rate;
            pcm.write(w.pcm(), 0, w.pcm().length);
            List<Word> words = new ArrayList<>();
            for (Word word : s.words()) words.add(word.shifted(start));
            turns.add(new Turn(speaker, line.speaker(), start, start + w.seconds(), words));
            previous = line.speaker();
        }
        if (rate == 0) rate = 22050;
        WavFile track = new WavFile(rate, 1, pcm.toByteArray());
        track.write(out);
        return new SpeechTrack(out, rate, track.seconds(), turns);
    }

    private static void silence(ByteArrayOutputStream pcm, int samples) {
        pcm.write(new byte[samples * 2], 0, samples * 2);
    }
}
