package io.reelsmith.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A child JVM counts as started once it prints its ready line, and one that dies first is reported with its output. */
class ChildJvmTest {
    @Test
    void theReadyLineIsKeptAndTheLogHoldsTheOutput(@TempDir Path dir) throws Exception {
        try (ChildJvm help = ChildJvm.start(
                "help", List.of("--help"), Map.of(), dir, Pattern.compile("Usage: (\\S+)"), Duration.ofSeconds(60))) {
            assertThat(help.readyValue()).isEqualTo("reelsmith");
            assertThat(dir.resolve("help.log")).content().contains("Usage: reelsmith");
        }
    }

    @Test
    void aChildThatExitsBeforeItsReadyLineIsAnErrorWithItsOutput(@TempDir Path dir) {
        assertThatThrownBy(() -> ChildJvm.start(
                        "missing",
                        "io.reelsmith.NoSuchMain",
                        List.of(),
                        Map.of(),
                        dir,
                        Pattern.compile("ready"),
                        Duration.ofSeconds(60)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("missing exited (code 1) before printing /ready/")
                .hasMessageContaining("io.reelsmith.NoSuchMain");
    }
}
