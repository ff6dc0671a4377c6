package io.reelsmith.api;

import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** Field validation with messages that name the field and the rule. Limits live with the values they guard. */
final class Check {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,189}\\.[^@\\s.]{2,63}");

    private Check() {}

    /** Required text of {@code 1..max} characters (after stripping), without control characters. */
    static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) throw ApiError.badRequest("invalid_field", field + " is required");
        return optionalText(field, value, max);
    }

    /** Text that may be absent (null/blank → ""), at most {@code max} characters, no control characters. */
    static String optionalText(String field, String value, int max) {
        if (value == null) return "";
        String v = value.strip();
        if (v.codePointCount(0, v.length()) > max)
            throw ApiError.badRequest("invalid_field", field + " is longer than " + max + " characters");
        if (v.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t'))
            throw ApiError.badRequest("invalid_field", field + " contains control characters");
        if (v.codePoints().anyMatch(c -> Character.getType(c) == Character.SURROGATE || c == 0xFFFD))
            throw ApiError.badRequest("invalid_field", field + " is not valid UTF-8 text");
        return v;
    }

    static String email(String value) {
        String v = text("email", value, 254).toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(v).matches()) throw ApiError.badRequest("invalid_field", "email is not an email address");
        return v;
    }

    static String oneOf(String field, String value, String fallback, Set<String> allowed) {
        String v = value == null ? fallback : value.strip();
        if (!allowed.contains(v))
            throw ApiError.badRequest("invalid_field", field + " must be one of " + allowed + ", not '" + v + "'");
        return v;
    }

    static int range(String field, Integer value, int fallback, int min, int max) {
        int v = value == null ? fallback : value;
        if (v < min || v > max)
            throw ApiError.badRequest(
                    "invalid_field", field + " must be between " + min + " and " + max + ", not " + v);
        return v;
    }

    /** Ids are UUIDs made by the server; anything else cannot name an object, so it is simply not found. */
    static String id(String what, String value) {
        try {
            return UUID.fromString(value).toString().equals(value) ? value : fail(what);
        } catch (IllegalArgumentException e) {
            return fail(what);
        }
    }

    private static String fail(String what) {
        throw ApiError.notFound(what);
    }
}
