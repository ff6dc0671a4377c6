package io.reelsmith.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/google.md's table of the rules the emulator enforces is the emulator's {@link Rule}s, row for row: what the
 * rule says, its source, the date it was read, whether it was inferred, and the tests that check it (each one a test
 * method that exists).
 */
class EmulatorRulesTest {
    static final Path DOC = Path.of("docs/google.md"), TESTS = Path.of("src/test/java");

    record Row(String says, String source, String read, String inferred, List<String> tests) {}

    /** The table's rows by rule name: {@code | `NAME` | says | source | read | inferred | tests |}. */
    static Map<String, Row> table() throws IOException {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (String line : Files.readAllLines(DOC)) {
            if (!line.startsWith("| `")) continue;
            String[] cells = line.substring(1, line.length() - 1).split(" \\| ", -1);
            if (cells.length != 6) continue;
            String name = cells[0].strip().replace("`", "");
            List<String> tests = new ArrayList<>();
            for (String t : cells[5].split(",")) tests.add(t.strip().replace("`", ""));
            rows.put(name, new Row(cells[1].strip(), cells[2].strip(), cells[3].strip(), cells[4].strip(), tests));
        }
        return rows;
    }

    @Test
    void everyRuleIsARowWithItsSourceDateAndTests() throws IOException {
        Map<String, Row> rows = table();
        assertThat(rows.keySet())
                .as("the table's rules")
                .containsExactlyInAnyOrder(
                        Stream.of(Rule.values()).map(Rule::name).toArray(String[]::new));
        for (Rule r : Rule.values()) {
            Row row = rows.get(r.name());
            assertThat(row.says()).as(r + " says").isEqualTo(r.says);
            assertThat(row.source()).as(r + " source").isEqualTo(r.source);
            assertThat(row.read()).as(r + " read").isEqualTo(r.read);
            assertThat(row.inferred())
                    .as(r + " inferred")
                    .isEqualTo(r.inferred == null ? "no" : "inferred: " + r.inferred);
            assertThat(row.tests()).as(r + " is checked by a test").isNotEmpty();
            for (String t : row.tests())
                assertThat(testExists(t)).as(r + ": test " + t + " exists").isTrue();
        }
    }

    /** {@code Class#method}: a test class under src/test/java declaring that method. */
    static boolean testExists(String test) throws IOException {
        String[] parts = test.split("#");
        if (parts.length != 2) return false;
        try (Stream<Path> files = Files.walk(TESTS)) {
            for (Path f : files.filter(p -> p.getFileName().toString().equals(parts[0] + ".java"))
                    .toList()) {
                if (Files.readString(f).contains(" void " + parts[1] + "(")) return true;
            }
        }
        return false;
    }
}
