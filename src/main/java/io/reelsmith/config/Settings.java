package io.reelsmith.config;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Every setting's value after defaults, file, environment and options, each already checked by its {@link Key}. */
record Settings(Map<String, String> values) {
    Settings {
        values = Collections.unmodifiableMap(values);
    }

    /** The value, or null when the key has none (no default, not set). */
    String text(String key) {
        if (!Keys.ALL.containsKey(key)) throw new IllegalArgumentException("no setting " + key);
        String v = values.get(key);
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** The value as it was given, blank included (passwords may be empty). */
    String raw(String key) {
        String v = values.get(key);
        return v == null ? "" : v;
    }

    int integer(String key) {
        return Math.toIntExact(whole(key));
    }

    long whole(String key) {
        return Long.parseLong(text(key));
    }

    double number(String key) {
        return Double.parseDouble(text(key));
    }

    /** Null when empty. */
    BigDecimal usd(String key) {
        String v = text(key);
        return v == null ? null : new BigDecimal(v);
    }

    boolean bool(String key) {
        return Boolean.parseBoolean(text(key));
    }

    /** A flag is on when set to anything but empty, false, 0 or no. */
    boolean flag(String key) {
        String v = text(key);
        return v != null && !Set.of("false", "0", "no").contains(v.toLowerCase(Locale.ROOT));
    }

    Path path(String key) {
        String v = text(key);
        return v == null ? null : Path.of(v);
    }

    Duration seconds(String key) {
        return Duration.ofSeconds(whole(key));
    }

    Duration millis(String key) {
        return Duration.ofMillis(whole(key));
    }
}
