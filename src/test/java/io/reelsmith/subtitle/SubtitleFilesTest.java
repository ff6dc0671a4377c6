package io.reelsmith.subtitle;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelsmith.kernel.Word;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubtitleFilesTest {
    /** "Hello there, Kwirlo! Where is the old treasure map hidden today? Nobody knows." at ~0.3 s per word. */
    static List<Word> sample() {
        String[] text = "Hello there, Kwirlo! Where is the old treasure map hidden today? Nobody knows.".split(" ");
        List<Word> w = new ArrayList<>();
        double t = 0.5;
        for (String s : text) {
            w.add(new Word(s, t, t + 0.25));
            t += s.equals("today?") ? 1.2 : 0.31;
        }
        return w;
    }

    @Test
    void captionsBreakOnSentencesPausesAndLength() {
        List<Caption> c = Captions.group(sample(), CaptionStyle.SHORTS);
        assertThat(c)
                .extracting(x -> x.text(" "))
                .containsExactly(
                        "Hello there, Kwirlo!", "Where is the old treasure", "map hidden today?", "Nobody knows.");
        for (Caption cap : c) {
            assertThat(cap.words()).hasSizeLessThanOrEqualTo(5);
            assertThat(cap.rowBreaks()).hasSizeLessThanOrEqualTo(1);
            assertThat(cap.end())
                    .isGreaterThanOrEqualTo(
                            cap.words().get(cap.words().size() - 1).end());
        }
        for (int i = 1; i < c.size(); i++)
            assertThat(c.get(i).start()).isGreaterThanOrEqualTo(c.get(i - 1).end());
        // "Where is the old treasure" is longer than one row of 18 characters: two rows.
        assertThat(c.get(1).text("|")).isEqualTo("Where is the|old treasure");
    }

    @Test
    void assHasOneKaraokeTagPerWordAndKDurationsAddUpToTheLine() {
        List<Word> words = sample();
        String ass = SubtitleFiles.ass(Captions.group(words, CaptionStyle.SHORTS), CaptionStyle.SHORTS);
        assertThat(ass).contains("PlayResX: 1080", "PlayResY: 1920", "Style: Caption,DejaVu Sans,78");
        Matcher k = Pattern.compile("\\{\\\\k(\\d+)}([^{\\\\\\s]+)").matcher(ass);
        List<String> tagged = new ArrayList<>();
        while (k.find()) tagged.add(k.group(2));
        assertThat(tagged)
                .containsExactlyElementsOf(words.stream().map(Word::text).toList());
        // First line: starts at the first word, its \k sum reaches the last word's end.
        Matcher line = Pattern.compile("Dialogue: 0,([0-9:.]+),([0-9:.]+),Caption,,0,0,0,,(.*)")
                .matcher(ass);
        assertThat(line.find()).isTrue();
        assertThat(line.group(1)).isEqualTo("0:00:00.50");
        int sum = Pattern.compile("\\\\k(\\d+)")
                .matcher(line.group(3))
                .results()
                .mapToInt(r -> Integer.parseInt(r.group(1)))
                .sum();
        assertThat(sum).isEqualTo(Math.round(words.get(2).end() * 100) - 50);
    }

    @Test
    void srtAndVttAgreeWithTheCaptions() {
        List<Caption> c = Captions.group(sample(), CaptionStyle.SHORTS);
        String srt = SubtitleFiles.srt(c);
        String vtt = SubtitleFiles.vtt(c);
        assertThat(srt).startsWith("1\n00:00:00,500 --> ").contains("\n4\n");
        assertThat(vtt).startsWith("WEBVTT\n\n00:00:00.500 --> ");
        assertThat(srt.split("-->")).hasSize(c.size() + 1);
        assertThat(vtt.split("-->")).hasSize(c.size() + 1);
        assertThat(SubtitleFiles.assTime(3725.456)).isEqualTo("1:02:05.46");
    }

    @Test
    void wordsJsonRoundTrips(@TempDir Path dir) throws Exception {
        List<Word> w = List.of(new Word("Où", 0.5204, 0.81), new Word("est-ce ?", 0.9, 1.2));
        WordsJson.write(w, dir.resolve("words.json"));
        assertThat(Files.readString(dir.resolve("words.json"))).contains("\"text\" : \"Où\"", "\"start\" : 0.52");
        assertThat(WordsJson.read(dir.resolve("words.json")))
                .extracting(Word::text)
                .containsExactly("Où", "est-ce ?");
    }

    /** "Hello there, Kwirlo!" with "there," un-timed: said somewhere between 0.8 s and 1.6 s. */
    @Test
    void anUntimedWordIsPlainTextInEveryFileAndNeverHighlightedOnItsOwn(@TempDir Path dir) throws Exception {
        List<Word> words =
                List.of(new Word("Hello", 0.5, 0.8), Word.untimed("there,", 0.8, 1.6), new Word("Kwirlo!", 1.6, 2.1));
        SubtitleFiles.Written w = SubtitleFiles.write(words, CaptionStyle.SHORTS, dir);

        String ass = Files.readString(w.ass());
        String line =
                ass.lines().filter(l -> l.startsWith("Dialogue:")).findFirst().orElseThrow();
        // "Hello" is highlighted until "Kwirlo!" starts; "there," is a 0-length syllable in the not-yet-spoken colour
        assertThat(line)
                .endsWith(",,{\\k110}Hello {\\k0\\1c&HFFFFFF&}there,\\N{\\k50\\1c&H00E5FF&}Kwirlo!"); // two rows
        assertThat(Files.readString(w.srt())).contains("00:00:00,500 --> 00:00:02,450\nHello there,\nKwirlo!");
        assertThat(Files.readString(w.vtt())).contains("00:00:00.500 --> 00:00:02.450\nHello there,\nKwirlo!");
        String json = Files.readString(w.words());
        assertThat(json).containsOnlyOnce("\"timed\" : false");
        assertThat(WordsJson.read(w.words())).containsExactlyElementsOf(words);
    }

    @Test
    void aCaptionOpeningWithAnUntimedWordWaitsForItsFirstTimedWord() {
        List<Word> words = List.of(Word.untimed("Quonk", 0.0, 1.0), new Word("laughed.", 1.0, 1.5));
        String ass = SubtitleFiles.ass(Captions.group(words, CaptionStyle.SHORTS), CaptionStyle.SHORTS);
        // an empty 1 s syllable, so "laughed." turns yellow when it is said, not when the caption appears
        assertThat(ass)
                .contains("Dialogue: 0,0:00:00.00,", ",,{\\k0\\1c&HFFFFFF&}Quonk {\\k100}{\\k50\\1c&H00E5FF&}laughed.");
    }
}
