package io.reelsmith.config;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One setting: its name in a {@code --config} file ({@code reelsmith.http.port}), the environment variables that set
 * it (the first is its own, the others are older or Google's names), its default (null: none) and what a value
 * must look like ({@link #problem} words a bad one).
 */
record Key(String name, List<String> env, String defaultValue, Check check) {
    /** What a value must be; {@link #problem} is null for a good value. */
    interface Check {
        String problem(String value);
    }

    Key {
        env = List.copyOf(env);
    }

    /** The key and its derived environment name ({@code reelsmith.http.port} ↔ {@code REELSMITH_HTTP_PORT}). */
    static Key of(String name, String defaultValue, Check check) {
        return new Key(name, List.of(envName(name)), defaultValue, check);
    }

    static Key of(String name, String defaultValue, Check check, String... env) {
        return new Key(name, List.of(env), defaultValue, check);
    }

    static String envName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    /** Null when {@code value} is good, else one readable line naming the key (a secret's value is never repeated). */
    String problem(String value) {
        String p = check.problem(value);
        if (p == null) return null;
        return name + " " + p + (secret() ? "" : ", not '" + value + "'");
    }

    boolean secret() {
        return name.endsWith(".secret")
                || name.endsWith(".password")
                || name.endsWith(".key")
                || name.endsWith(".token");
    }

    static final Check TEXT = v -> null;

    static Check whole(long min, long max) {
        return v -> {
            try {
                long n = Long.parseLong(v.strip());
                return n >= min && n <= max ? null : "must be between " + min + " and " + max;
            } catch (NumberFormatException e) {
                return "must be a whole number" + (min == Long.MIN_VALUE ? "" : " between " + min + " and " + max);
            }
        };
    }

    static Check number(double min, double max) {
        String range = "must be a number within "
                + BigDecimal.valueOf(min).stripTrailingZeros().toPlainString() + ".."
                + BigDecimal.valueOf(max).stripTrailingZeros().toPlainString();
        return v -> {
            try {
                double d = Double.parseDouble(v.strip());
                return d >= min && d <= max ? null : range;
            } catch (NumberFormatException e) {
                return range;
            }
        };
    }

    /** An amount of US dollars, at least 0; empty where {@code optional}. */
    static Check usd(boolean optional) {
        return v -> {
            if (v.isBlank()) return optional ? null : "must be an amount of US dollars";
            try {
                return new BigDecimal(v.strip()).signum() < 0 ? "must be an amount of US dollars ≥ 0" : null;
            } catch (NumberFormatException e) {
                return "must be an amount of US dollars such as 25 or 12.50";
            }
        };
    }

    static Check oneOf(String... choices) {
        Set<String> ok = Set.of(choices);
        String words = String.join(", ", List.of(choices).subList(0, choices.length - 1)) + " or "
                + choices[choices.length - 1];
        return v -> ok.contains(v.strip()) ? null : "must be " + words;
    }

    /** true or false, in any case (Google's own examples write True). */
    static final Check BOOLEAN =
            v -> Set.of("true", "false").contains(v.strip().toLowerCase(Locale.ROOT)) ? null : "must be true or false";
    /** On when set to anything but empty, false, 0 or no (REELSMITH_DEBUG=1). */
    static final Check FLAG = TEXT;
}
