package io.reelsmith.subtitle;

import io.reelsmith.kernel.AtomicFiles;
import io.reelsmith.kernel.Word;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes the subtitle files for a list of timed words: karaoke ASS (one {@code \k} per word), SRT and VTT.
 * All three come from the same {@link Caption}s so they always agree.
 */
public final class SubtitleFiles {
    private SubtitleFiles() {}

    public record Written(Path ass, Path srt, Path vtt, Path words) {}

    public static Written write(List<Word> words, CaptionStyle style, Path dir) throws IOException {
        List<Caption> captions = Captions.group(words, style);
        Written w = new Written(
                dir.resolve("subtitles.ass"),
                dir.resolve("subtitles.srt"),
                dir.resolve("subtitles.vtt"),
                dir.resolve("words.json"));
        AtomicFiles.writeAtomically(w.ass(), ass(captions, style));
        AtomicFiles.writeAtomically(w.srt(), srt(captions));
        AtomicFiles.writeAtomically(w.vtt(), vtt(captions));
        WordsJson.write(words, w.words());
        return w;
    }

    public static String ass(List<Caption> captions, CaptionStyle s) {
        StringBuilder sb = new StringBuilder();
        sb.append("[Script Info]\nScriptType: v4.00+\nPlayResX: ")
                .append(CaptionStyle.WIDTH)
                .append("\nPlayResY: ")
                .append(CaptionStyle.HEIGHT)
                .append("\nWrapStyle: 0\nScaledBorderAndShadow: yes\nYCbCr Matrix: TV.709\n\n");
        sb.append(
                "[V4+ Styles]\nFormat: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, "
                        + "Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, "
                        + "Alignment, MarginL, MarginR, MarginV, Encoding\n");
        // Karaoke: SecondaryColour is the word not yet spoken, PrimaryColour the word once \k reaches it.
        sb.append(String.format(
                Locale.ROOT,
                "Style: Caption,%s,%d,%s,%s,%s,&H80000000,%d,0,0,0,100,100,0,0,1,%d,%d,2,%d,%d,%d,1%n%n",
                s.font(),
                s.size(),
                s.spokenColour(),
                s.unspokenColour(),
                s.outlineColour(),
                s.bold() ? -1 : 0,
                s.outline(),
                s.shadow(),
                s.marginH(),
                s.marginH(),
                s.marginV()));
        sb.append("[Events]\nFormat: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n");
        for (Caption c : captions) {
            sb.append("Dialogue: 0,")
                    .append(assTime(c.start()))
                    .append(',')
                    .append(assTime(c.end()))
                    .append(",Caption,,0,0,0,,");
            long from = centis(c.start());
            List<Word> ws = c.words();
            boolean plain = false; // the last word written was un-timed: its colour override is still on
            for (int i = 0; i < ws.size(); i++) {
                if (i > 0) sb.append(c.rowBreaks().contains(i) ? "\\N" : " ");
                Word w = ws.get(i);
                if (!w.timed()) {
                    // no highlight of its own: an instant syllable drawn in the not-yet-spoken colour
                    sb.append("{\\k0\\1c")
                            .append(bgr(s.unspokenColour()))
                            .append('}')
                            .append(assEscape(w.text()));
                    plain = true;
                    continue;
                }
                // Each word's \k lasts until the next timed word starts (pauses and un-timed words included),
                // rounded on absolute centiseconds so that rounding errors do not add up along the caption.
                long start = centis(w.start()), to = centis(w.end());
                if (start > from) { // after un-timed words: an empty syllable until this word is said
                    sb.append("{\\k").append(start - from).append('}');
                    from = start;
                }
                for (int j = i + 1; j < ws.size(); j++) {
                    if (ws.get(j).timed()) {
                        to = centis(ws.get(j).start());
                        break;
                    }
                }
                sb.append("{\\k")
                        .append(Math.max(1, to - from))
                        .append(plain ? "\\1c" + bgr(s.spokenColour()) : "")
                        .append('}')
                        .append(assEscape(w.text()));
                plain = false;
                from = Math.max(to, from + 1);
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    public static String srt(List<Caption> captions) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < captions.size(); i++) {
            Caption c = captions.get(i);
            sb.append(i + 1)
                    .append('\n')
                    .append(clock(c.start(), ','))
                    .append(" --> ")
                    .append(clock(c.end(), ','))
                    .append('\n')
                    .append(c.text("\n"))
                    .append("\n\n");
        }
        return sb.toString();
    }

    public static String vtt(List<Caption> captions) {
        StringBuilder sb = new StringBuilder("WEBVTT\n\n");
        for (Caption c : captions) {
            sb.append(clock(c.start(), '.'))
                    .append(" --> ")
                    .append(clock(c.end(), '.'))
                    .append('\n')
                    .append(c.text("\n").replace("&", "&amp;").replace("<", "&lt;"))
                    .append("\n\n");
        }
        return sb.toString();
    }

    /** A style colour (&HAABBGGRR) as an override tag's &HBBGGRR&. */
    private static String bgr(String styleColour) {
        return "&H" + styleColour.substring(styleColour.length() - 6) + "&";
    }

    private static long centis(double seconds) {
        return Math.round(seconds * 100);
    }

    static String assTime(double seconds) {
        long cs = centis(seconds);
        return String.format(Locale.ROOT, "%d:%02d:%02d.%02d", cs / 360000, cs / 6000 % 60, cs / 100 % 60, cs % 100);
    }

    static String clock(double seconds, char msSeparator) {
        long ms = Math.round(seconds * 1000);
        return String.format(
                Locale.ROOT,
                "%02d:%02d:%02d%c%03d",
                ms / 3600000,
                ms / 60000 % 60,
                ms / 1000 % 60,
                msSeparator,
                ms % 1000);
    }

    /** Braces start override tags and a backslash starts an escape in ASS text: keep them literal. */
    private static String assEscape(String text) {
        return text.replace("\\", "\\\u200B").replace("{", "(").replace("}", ")");
    }
}
