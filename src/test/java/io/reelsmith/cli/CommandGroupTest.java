package io.reelsmith.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A bare group lists its sub-commands (exit 0); a command that needs a sub-command says so in one line (exit 2). */
class CommandGroupTest {
    @Test
    void aBareGroupListsItsSubCommands() {
        PrintStream before = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            code = Main.run(new PrintWriter(new StringWriter(), true), "bench");
        } finally {
            System.setOut(before);
        }
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
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
