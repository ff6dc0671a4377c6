package io.reelsmith.subtitle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelsmith.kernel.Word;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaptionStyleOptionsTest {
    @Test
    void overridesKeepTwoRowsInsideTheSafeArea() {
        for (String position : List.of("bottom", "middle", "top")) {
            CaptionStyle s = CaptionStyle.SHORTS.with(null, 120, "#FF0000", null, null, 8, position, 3);
            int textBottom = CaptionStyle.HEIGHT - s.marginV();
            int textTop = textBottom - (int) Math.ceil(2 * 1.25 * s.size());
            assertThat(textBottom).as(position).isLessThanOrEqualTo(CaptionStyle.HEIGHT - CaptionStyle.SAFE_BOTTOM);
            assertThat(textTop).as(position).isGreaterThanOrEqualTo(CaptionStyle.SAFE_TOP);
            // a row of maxCharsPerRow glyphs fits between the side margins at this size
            assertThat(s.maxCharsPerRow() * 0.62 * s.size()).isLessThanOrEqualTo(CaptionStyle.WIDTH - 2 * s.marginH());
            assertThat(s.spokenColour()).isEqualTo("&H000000FF");
            assertThat(s.maxWords()).isEqualTo(3);
        }
    }

    @Test
    void badSettingsAreClearErrors() {
        assertThatThrownBy(() -> CaptionStyle.PLAIN.with(null, null, "yellow", null, null, null, null, null))
                .hasMessageContaining("#RRGGBB");
        assertThatThrownBy(() -> CaptionStyle.PLAIN.with(null, 400, null, null, null, null, null, null))
                .hasMessageContaining("24-140");
        assertThatThrownBy(() -> CaptionStyle.PLAIN.with(null, null, null, null, null, null, "left", null))
                .hasMessageContaining("bottom, middle or top");
    }

    @Test
    void aWordTooLongForARowIsCutWithAHyphenAndCjkBetweenCharacters() {
        CaptionStyle s = CaptionStyle.SHORTS; // 18 characters a row
        List<Caption> captions = Captions.group(
                List.of(
                        new Word("Supercalifragilisticexpialidocious!", 0, 2),
                        new Word("宝の地図はどこにあるの？ブランクステラが見つけた。", 2, 4)),
                s);

        List<String> pieces = captions.stream()
                .flatMap(c -> c.words().stream())
                .map(Word::text)
                .toList();
        assertThat(String.join("", pieces).replace("-", ""))
                .isEqualTo("Supercalifragilisticexpialidocious!宝の地図はどこにあるの？ブランクステラが見つけた。");
        assertThat(pieces.get(0)).endsWith("-");
        for (String p : pieces) assertThat(LongWords.width(p)).as(p).isLessThanOrEqualTo(s.maxCharsPerRow());
        assertThat(captions.get(captions.size() - 1).end()).isGreaterThanOrEqualTo(4.0);
    }
}
