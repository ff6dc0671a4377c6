package io.reelsmith.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The data files of the benchmarks' sets, kept as resources beside these classes. */
final class BenchResource {
    private BenchResource() {}

    static String text(String name) {
        try (InputStream in = BenchResource.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException(name + " is missing from the jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    /** The lines of a resource, without blank lines and {@code #} comments. */
    static List<String> lines(String name) {
        return text(name)
                .lines()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .toList();
    }
}
