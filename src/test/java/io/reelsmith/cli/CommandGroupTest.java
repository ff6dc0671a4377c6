package io.reelsmith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.reelsmith.testkit.Printed;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** A bare group lists its sub-commands (exit 0); a command that needs a sub-command says so in one line (exit 2). */
class CommandGroupTest {
    @Test
    void aBareGroupListsItsSubCommands() {
        Printed bench = Printed.by(() -> Main.run(new PrintWriter(new StringWriter(), true), "bench"));
        assertThat(bench.code()).isZero();
        assertThat(bench.out())
                .startsWith("Usage: reelsmith bench")
                .contains("animatic", "subtitles", "render", "logins", "paid-wall");
    }

    @Test
    void usersWithoutASubCommandIsOneReadableLine() {
        StringWriter err = new StringWriter();
        assertThat(Main.run(new PrintWriter(err, true), "users")).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("reelsmith: Missing required subcommand (see --help)");
    }
}
