package io.reelsmith.config;

import io.reelsmith.kernel.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/** The token signing key, made once per data directory so tokens survive a restart. */
final class JwtSecretFile {
    private JwtSecretFile() {}

    static String readOrCreate(Path file) throws IOException {
        if (Files.exists(file)) return Files.readString(file).strip();
        byte[] key = new byte[48];
        new SecureRandom().nextBytes(key);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(key);
        AtomicFiles.writeAtomically(file, secret);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the file keeps the default permissions
        }
        return secret;
    }
}
