package io.reelsmith.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The same no-cycle rule as {@link PackageRulesTest} read from the source's import lines: an import kept only for a
 * comment never reaches the bytecode ArchUnit reads, yet a reader (and the layering) still sees a loop.
 */
class SourceImportsTest {
    private static final Pattern PACKAGE = Pattern.compile("^package io\\.reelsmith\\.(\\w+)", Pattern.MULTILINE);
    private static final Pattern IMPORT =
            Pattern.compile("^import (?:static )?io\\.reelsmith\\.(\\w+)\\.", Pattern.MULTILINE);

    @Test
    void topLevelPackagesImportEachOtherWithoutALoop() throws IOException {
        Map<String, Set<String>> imports = new TreeMap<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/io/reelsmith"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(f);
                Matcher pkg = PACKAGE.matcher(text);
                if (!pkg.find()) continue;
                Set<String> to = imports.computeIfAbsent(pkg.group(1), k -> new TreeSet<>());
                for (Matcher m = IMPORT.matcher(text); m.find(); )
                    if (!m.group(1).equals(pkg.group(1))) to.add(m.group(1));
            }
        }
        assertThat(imports).containsKeys("app", "kernel", "pipeline", "storage");
        List<String> loops = new ArrayList<>();
        for (String start : imports.keySet()) {
            List<String> path = loop(imports, start, start, new ArrayList<>(List.of(start)), new TreeSet<>());
            if (path != null) loops.add(String.join(" → ", path));
        }
        assertThat(loops)
                .as("loops between top-level packages, from their import lines")
                .isEmpty();
    }

    /** A path of imports from {@code at} back to {@code start}, or null. */
    private static List<String> loop(
            Map<String, Set<String>> imports, String start, String at, List<String> path, Set<String> seen) {
        for (String next : imports.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                List<String> found = new ArrayList<>(path);
                found.add(start);
                return found;
            }
            if (!seen.add(next)) continue;
            path.add(next);
            List<String> found = loop(imports, start, next, path, seen);
            if (found != null) return found;
            path.remove(path.size() - 1);
        }
        return null;
    }
}
