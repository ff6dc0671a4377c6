package io.reelsmith.mcp;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A tool call's arguments, read with one-sentence errors that name the argument and the rule (the JSON schema says
 * the same to the client; this is what answers a client that sent something else anyway).
 */
final class Args {
    private final Map<String, Object> values;

    Args(Map<String, Object> values) {
        this.values = values == null ? Map.of() : values;
    }

    /** Refuses arguments the tool does not know (a typo would otherwise be silently ignored). */
    Args only(String... names) {
        Set<String> known = Set.of(names);
        for (String k : values.keySet()) {
            if (!known.contains(k))
                throw new ToolError("unknown argument '" + k + "'; this tool takes " + String.join(", ", names) + ".");
        }
        return this;
    }

    String text(String name, int max) {
        String v = optionalText(name, max);
        if (v == null || v.isEmpty()) throw new ToolError(name + " is required.");
        return v;
    }

    String optionalText(String name, int max) {
        Object v = values.get(name);
        if (v == null) return null;
        if (!(v instanceof String s)) throw new ToolError(name + " must be a string.");
        String t = s.strip();
        if (t.codePointCount(0, t.length()) > max)
            throw new ToolError(name + " is longer than " + max + " characters.");
        if (t.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t'))
            throw new ToolError(name + " contains control characters.");
        return t;
    }

    String oneOf(String name, String fallback, Set<String> allowed) {
        String v = optionalText(name, 40);
        if (v == null) return fallback;
        if (!allowed.contains(v))
            throw new ToolError(name + " must be one of "
                    + String.join(", ", allowed.stream().sorted().toList()) + ", not '" + v + "'.");
        return v;
    }

    int integer(String name, int fallback, int min, int max) {
        Object v = values.get(name);
        if (v == null) return fallback;
        if (!(v instanceof Number n)
                || n.doubleValue() != Math.rint(n.doubleValue())
                || n.intValue() < min
                || n.intValue() > max) {
            throw new ToolError(name + " must be a whole number between " + min + " and " + max + ", not " + v + ".");
        }
        return n.intValue();
    }

    boolean flag(String name, boolean fallback) {
        Object v = values.get(name);
        if (v == null) return fallback;
        if (!(v instanceof Boolean b)) throw new ToolError(name + " must be true or false, not " + v + ".");
        return b;
    }

    /** An amount of US dollars, {@code 0 < usd <= max}. */
    BigDecimal usd(String name, BigDecimal max) {
        Object v = values.get(name);
        if (v == null)
            throw new ToolError(
                    name
                            + " is required: the most you allow this to spend, in US dollars (0 for a free local video is not enough: give e.g. 1).");
        BigDecimal usd;
        try {
            usd = new BigDecimal(v.toString());
        } catch (NumberFormatException e) {
            throw new ToolError(name + " must be an amount of US dollars such as 5 or 12.50, not '" + v + "'.");
        }
        if (usd.signum() <= 0 || usd.compareTo(max) > 0)
            throw new ToolError(
                    name + " must be above 0 and at most " + max.toPlainString() + " US dollars, not " + v + ".");
        return usd;
    }

    /** A server-made id: anything that is not a UUID names nothing, so it is simply not found. */
    String id(String name, String what) {
        String v = text(name, 64);
        try {
            if (UUID.fromString(v).toString().equals(v)) return v;
        } catch (IllegalArgumentException e) {
            // falls through: not an id of ours
        }
        throw new ToolError(what + " " + v + " not found.");
    }

    /** A list of 1..max ids. */
    List<String> ids(String name, String what, int max) {
        Object v = values.get(name);
        if (!(v instanceof List<?> list) || list.isEmpty() || list.size() > max) {
            throw new ToolError(name + " must list 1 to " + max + " " + what + " ids.");
        }
        List<String> out = new ArrayList<>();
        for (Object o : list) out.add(new Args(Map.of(name, o == null ? "" : o)).id(name, what));
        if (out.stream().distinct().count() != out.size())
            throw new ToolError(name + ": the same " + what + " is listed twice.");
        return out;
    }

    /** A list of 1..max texts of at most maxChars each. */
    List<String> texts(String name, int max, int maxChars) {
        Object v = values.get(name);
        if (!(v instanceof List<?> list) || list.isEmpty() || list.size() > max)
            throw new ToolError(name + " must list 1 to " + max + " texts.");
        List<String> out = new ArrayList<>();
        for (Object o : list) out.add(new Args(Map.of(name, o == null ? "" : o)).text(name, maxChars));
        return out;
    }
}
