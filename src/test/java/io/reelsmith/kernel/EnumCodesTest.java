package io.reelsmith.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EnumCodesTest {
    enum Size {
        SMALL("s"),
        EXTRA_LARGE("xl");

        final String code;

        Size(String code) {
            this.code = code;
        }
    }

    private static Size parse(String text) {
        return EnumCodes.parse(Size.class, "size", text, s -> s.code);
    }

    @Test
    void aConstantIsFoundByItsCodeOrItsNameWhateverTheCase() {
        assertThat(parse("xl")).isEqualTo(Size.EXTRA_LARGE);
        assertThat(parse(" XL ")).isEqualTo(Size.EXTRA_LARGE);
        assertThat(parse("extra_large")).isEqualTo(Size.EXTRA_LARGE);
        assertThat(parse("Small")).isEqualTo(Size.SMALL);
    }

    @Test
    void anUnknownCodeIsRefusedWithTheKnownOnes() {
        assertThatThrownBy(() -> parse("m"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown size 'm'; known: s, xl");
    }
}
