package io.reelsmith.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.reelsmith.config.ConfigLoader;
import io.reelsmith.config.ReelsmithConfig;
import io.reelsmith.kernel.AtomicFiles;
import io.reelsmith.kernel.MediaInfo;
import io.reelsmith.kernel.Word;
import io.reelsmith.script.Script;
import io.reelsmith.script.ScriptJson;
import io.reelsmith.subtitle.CaptionStyle;
import io.reelsmith.subtitle.SubtitleFiles;
import io.reelsmith.subtitle.TimedWords;
import io.reelsmith.subtitle.WordTimer;
import io.reelsmith.subtitle.align.WordTimers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code reelsmith subtitles --input FILE [--script script.json | --text FILE] [--lang en|fr] [--style NAME] [--burn] --out DIR}:
 * subtitles for any video or audio a creator already has. With the script the words are aligned to it (its
 * spelling, the audio's timing); without it they are transcribed.
 */
@Command(
        name = "subtitles",
        description =
                "Time the words of a video or audio file and write words.json, subtitles.ass/.srt/.vtt (and final.mp4 with --burn).")
public final class SubtitlesCommand implements Callable<Integer> {
    @Option(names = "--input", required = true, description = "Video or audio file.")
    Path input;

    @ArgGroup(exclusive = true)
    KnownText known;

    static final class KnownText {
        @Option(names = "--script", description = "script.json whose dialogue is spoken in the file.")
        Path script;

        @Option(names = "--text", description = "Text file with the words spoken in the file.")
        Path text;

        /** The words spoken, from the script or the text file, and the script's language (null from a text). */
        Spoken read() throws IOException {
            if (script != null) {
                Script s = ScriptJson.read(script);
                return new Spoken(s.spokenText(), s.language());
            }
            if (!Files.isRegularFile(text)) throw new IllegalArgumentException("no such text file: " + text);
            return new Spoken(Files.readString(text, StandardCharsets.UTF_8), null);
        }
    }

    record Spoken(String text, String language) {}

    @Option(names = "--lang", description = "Language of the speech: en, fr, … (default: the script's, else en).")
    String lang;

    @Mixin
    CaptionStyleOptions style;

    @Option(
            names = "--burn",
            description = "Also render DIR/final.mp4 (1080x1920, subtitles burned in, one FFmpeg pass).")
    boolean burn;

    @Option(names = "--out", required = true, description = "Output directory.")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(input)) throw new IllegalArgumentException("no such input file: " + input);
        Spoken spoken = known == null ? new Spoken(null, null) : known.read();
        String text = spoken.text(), language = lang != null ? lang : spoken.language();
        if (language == null) language = "en";
        CaptionStyle captionStyle = style.resolve();
        MediaInfo media = MediaInfo.probe(input);
        if (!media.hasAudio())
            throw new IllegalArgumentException(input.getFileName() + " has no sound track to take words from");
        if (burn && media.videoCodec() == null)
            throw new IllegalArgumentException("--burn needs a video; " + input.getFileName() + " has only sound");

        ReelsmithConfig config = ConfigLoader.load(null, Map.of());
        WordTimer timer = WordTimers.auto(config.speech());
        long t0 = System.nanoTime();
        TimedWords timed = timer.timeSpeech(input, text, language);
        List<Word> words = timed.words();
        double seconds = (System.nanoTime() - t0) / 1e9;
        Files.createDirectories(out);
        SubtitleFiles.Written written = SubtitleFiles.write(words, captionStyle, out);
        if (burn) config.renderer().render(input, written.ass(), out.resolve("final.mp4"));
        writeManifest(timer.name(), language, words.size(), captionStyle, seconds, text != null, timed);
        System.out.printf(
                Locale.ROOT, "%d words timed by %s in %.1f s → %s%n", words.size(), timer.name(), seconds, out);
        if (!timed.uncaptioned().isEmpty()) {
            System.out.printf(
                    Locale.ROOT,
                    "%.1f s of speech not in the script is not captioned (manifest.json: uncaptionedSpeech); "
                            + "a Whisper model (./reelsmith models download whisper-base) would caption it%n",
                    timed.uncaptionedSeconds());
        }
        return 0;
    }

    private void writeManifest(
            String timer,
            String language,
            int words,
            CaptionStyle s,
            double seconds,
            boolean scriptKnown,
            TimedWords timed)
            throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode m = json.createObjectNode();
        m.put("input", input.toAbsolutePath().toString())
                .put("language", language)
                .put("scriptKnown", scriptKnown)
                .put("wordTimer", timer)
                .put("words", words)
                .put("style", s.name())
                .put("timingSeconds", Math.round(seconds * 1000) / 1000.0)
                .put("burned", burn);
        ObjectNode gaps =
                m.putObject("uncaptionedSpeech").put("seconds", Math.round(timed.uncaptionedSeconds() * 100) / 100.0);
        var stretches = gaps.putArray("stretches");
        for (var st : timed.uncaptioned())
            stretches.addObject().put("start", st.start()).put("end", st.end());
        AtomicFiles.writeAtomically(
                out.resolve("manifest.json"),
                json.writerWithDefaultPrettyPrinter().writeValueAsString(m));
    }
}
