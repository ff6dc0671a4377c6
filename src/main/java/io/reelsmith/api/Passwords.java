package io.reelsmith.api;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import me.gosimple.nbvcxz.resources.DictionaryUtil;

/**
 * Passwords as NIST SP 800-63B §3.1.1.2 asks: at least {@link #MIN} characters, any characters (spaces and
 * emoji included), no composition rules, and not a value attackers try first — the 100 000 most common
 * passwords of nbvcxz's ranked list ({@code dictionaries/passwords.txt} in its jar, MIT licence), one character
 * repeated, or the account's own email. Stored with bcrypt (cost 10); passwords over bcrypt's 72 bytes are
 * pre-hashed with SHA-512 instead of cut.
 */
final class Passwords {
    static final int MIN = 8, MAX = 200;
    private static final BCrypt.Hasher HASHER =
            BCrypt.with(BCrypt.Version.VERSION_2A, LongPasswordStrategies.hashSha512(BCrypt.Version.VERSION_2A));
    private static final BCrypt.Verifyer VERIFYER =
            BCrypt.verifyer(BCrypt.Version.VERSION_2A, LongPasswordStrategies.hashSha512(BCrypt.Version.VERSION_2A));
    /** Compared against when the email is unknown, so a login takes as long whether or not the account exists. */
    private static final String DUMMY = hash("not-a-real-password");
    /** The list's entries that the length rule alone would let through (shorter ones are refused anyway). */
    private static final Set<String> COMMON =
            DictionaryUtil.loadRankedDictionary(DictionaryUtil.passwords).keySet().stream()
                    .filter(p -> p.length() >= MIN)
                    .map(p -> p.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());

    private Passwords() {}

    /** The reason a new password is refused, for the person choosing it; null when it is acceptable. */
    static String refusal(String password, String email) {
        if (password == null) return "password is required";
        int length = password.codePointCount(0, password.length());
        if (length < MIN) return "password must have at least " + MIN + " characters";
        if (length > MAX) return "password must have at most " + MAX + " characters";
        String p = Normalizer.normalize(password, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
        if (p.isEmpty() || p.codePoints().distinct().count() == 1)
            return "password must not be one character repeated; a few unrelated words make a good one";
        if (COMMON.contains(p))
            return "this password is one of the most common passwords, which attackers try first; choose another (a few unrelated words make a good one)";
        String mail = email == null ? "" : email.toLowerCase(Locale.ROOT);
        String local = mail.contains("@") ? mail.substring(0, mail.indexOf('@')) : mail;
        if (p.equals(mail) || (local.length() >= 4 && p.equals(local)))
            return "password must not be your email address";
        return null;
    }

    static String hash(String password) {
        return HASHER.hashToString(10, password.toCharArray());
    }

    static boolean matches(String password, String hash) {
        return VERIFYER.verify(
                                password.getBytes(StandardCharsets.UTF_8),
                                (hash == null ? DUMMY : hash).getBytes(StandardCharsets.UTF_8))
                        .verified
                && hash != null;
    }
}
