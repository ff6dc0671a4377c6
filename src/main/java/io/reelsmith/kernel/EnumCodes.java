package io.reelsmith.kernel;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads an enum constant from the short code that files, options and requests give it ("429", "vertex"). */
public final class EnumCodes {
    private EnumCodes() {}

    /**
     * The constant of {@code type} whose code, or whose own name, {@code text} is (case and outer spaces aside); else a
     * refusal naming the known codes.
     */
    public static <E extends Enum<E>> E parse(Class<E> type, String what, String text, Function<E, String> code) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        E[] all = type.getEnumConstants();
        for (E e : all)
            if (code.apply(e).equals(t) || e.name().toLowerCase(Locale.ROOT).equals(t)) return e;
        throw new IllegalArgumentException("unknown " + what + " '" + text + "'; known: "
                + Arrays.stream(all).map(code).collect(Collectors.joining(", ")));
    }
}
