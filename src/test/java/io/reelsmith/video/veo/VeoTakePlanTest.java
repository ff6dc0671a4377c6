package io.reelsmith.video.veo;

import io.reelsmith.google.GoogleModels;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The take plan under Vertex AI's 30 s extension source limit, for the seed's 60 s and 140 s videos. */
class VeoTakePlanTest {
    final GoogleModels.Model veo = GoogleModels.builtIn().find("veo-3.1-generate-001").orElseThrow();

    @Test
    void sixtySecondsIsTwoSegments() {
        VeoTakePlan p = VeoTakePlan.of(8, veo);
        assertThat(p.segments()).isEqualTo(2);
        assertThat(p.steps()).allSatisfy(s -> assertThat(s.sourceSeconds()).isLessThanOrEqualTo(30));
        assertThat(p.billedSeconds()).isEqualTo(58);
        assertThat(p.takeSeconds()).isCloseTo(58 - 1 / 24.0, within(1e-9));
    }

    @Test
    void oneHundredFortySecondsIsFourSegmentsNeverExtendingPast30s() {
        VeoTakePlan p = VeoTakePlan.of(20, veo);
        assertThat(p.segments()).isEqualTo(4);
        assertThat(p.calls()).isEqualTo(20);
        assertThat(p.steps().stream().filter(VeoTakePlan.Step::startsSegment).map(VeoTakePlan.Step::block)).containsExactly(0, 5, 10, 15);
        assertThat(p.steps()).allSatisfy(s -> assertThat(s.sourceSeconds()).isLessThanOrEqualTo(30));
        assertThat(p.billedSeconds()).isEqualTo(144);
        assertThat(p.takeSeconds()).isCloseTo(144 - 3 / 24.0, within(1e-9)).isGreaterThanOrEqualTo(140);
    }
}
