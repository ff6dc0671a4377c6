package io.reelsmith.config;

import java.util.List;

/** The settings could not be read: one readable line per bad key (unknown, or a value of the wrong form). */
public final class ConfigException extends IllegalArgumentException {
    private final List<String> problems;

    ConfigException(String where, List<String> problems) {
        super((problems.size() == 1 ? "" : problems.size() + " bad settings" + where + ": ")
                + String.join("; ", problems)
                + (problems.size() == 1 ? where : ""));
        this.problems = List.copyOf(problems);
    }

    /** Each bad key's line. */
    public List<String> problems() {
        return problems;
    }
}
