package io.reelsmith.api;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;

import java.nio.charset.StandardCharsets;

/** bcrypt (cost 10); passwords over bcrypt's 72 bytes are pre-hashed with SHA-512 instead of cut. */
final class Passwords {
    static final int MIN = 8, MAX = 200;
    private static final BCrypt.Hasher HASHER = BCrypt.with(BCrypt.Version.VERSION_2A, LongPasswordStrategies.hashSha512(BCrypt.Version.VERSION_2A));
    private static final BCrypt.Verifyer VERIFYER = BCrypt.verifyer(BCrypt.Version.VERSION_2A, LongPasswordStrategies.hashSha512(BCrypt.Version.VERSION_2A));
    /** Compared against when the email is unknown, so a login takes as long whether or not the account exists. */
    private static final String DUMMY = hash("not-a-real-password");

    private Passwords() { }

    static String hash(String password) {
        return HASHER.hashToString(10, password.toCharArray());
    }

    static boolean matches(String password, String hash) {
        return VERIFYER.verify(password.getBytes(StandardCharsets.UTF_8), (hash == null ? DUMMY : hash).getBytes(StandardCharsets.UTF_8)).verified
                && hash != null;
    }
}
