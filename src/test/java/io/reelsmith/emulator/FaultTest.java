package io.reelsmith.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reelsmith.google.Surface;
import org.junit.jupiter.api.Test;

/** The names the emulator's admin API and the model catalogue use for faults and surfaces. */
class FaultTest {
    @Test
    void faultsAreNamedByCodeOrByName() {
        assertThat(Fault.parse("429")).isEqualTo(Fault.RATE_LIMITED);
        assertThat(Fault.parse(" Safety ")).isEqualTo(Fault.SAFETY_FILTERED);
        assertThat(Fault.parse("never_done")).isEqualTo(Fault.NEVER_DONE);
        assertThatThrownBy(() -> Fault.parse("404"))
                .hasMessage("unknown fault '404'; known: 429, 500, safety, never, slow, empty");
    }

    @Test
    void surfacesAreNamedAsInTheCatalogue() {
        assertThat(Surface.GEMINI_API.id).isEqualTo("gemini-api");
        assertThat(Surface.of("vertex")).isEqualTo(Surface.VERTEX);
        assertThat(Surface.of("Gemini-API")).isEqualTo(Surface.GEMINI_API);
        assertThatThrownBy(() -> Surface.of("aws")).hasMessage("unknown surface 'aws'; known: gemini-api, vertex");
    }
}
