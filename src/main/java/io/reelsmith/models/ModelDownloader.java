package io.reelsmith.models;

import io.reelsmith.kernel.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.LongConsumer;

/**
 * Fetches a model file into a directory: streamed to a temporary file beside the target while its SHA-256 is
 * computed, renamed into place only when the checksum matches. A mismatch or a broken transfer leaves
 * nothing behind, so a half-downloaded or tampered model can never be picked up later.
 */
public final class ModelDownloader {
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(20))
            .build();

    /** Downloads {@code baseUrl + model.file()} into {@code dir}; returns the verified file. */
    public Path download(Model model, String baseUrl, Path dir, LongConsumer progressBytes) throws IOException {
        Path target = dir.resolve(model.file()).toAbsolutePath();
        Files.createDirectories(target.getParent());
        if (Files.isRegularFile(target) && sha256(target).equals(model.sha256())) return target;
        URI uri = URI.create(baseUrl.endsWith("/") ? baseUrl + model.file() : baseUrl + "/" + model.file());
        HttpResponse<InputStream> resp;
        try {
            resp = http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while downloading " + uri);
        }
        Path tmp = Files.createTempFile(target.getParent(), "." + model.file(), ".part");
        try {
            if (resp.statusCode() != 200) {
                resp.body().close();
                throw new IOException("download of " + uri + " failed: HTTP " + resp.statusCode());
            }
            MessageDigest sha = sha256Digest();
            long total = 0;
            try (InputStream in = resp.body();
                    OutputStream out = Files.newOutputStream(tmp)) {
                byte[] buf = new byte[1 << 16];
                for (int n; (n = in.read(buf)) > 0; ) {
                    out.write(buf, 0, n);
                    sha.update(buf, 0, n);
                    total += n;
                    progressBytes.accept(total);
                }
            }
            String got = HexFormat.of().formatHex(sha.digest());
            if (!got.equals(model.sha256())) {
                throw new IOException("checksum mismatch for " + model.name() + " from " + uri + ": expected SHA-256 "
                        + model.sha256() + ", got " + got + " (" + total + " bytes); the file was discarded");
            }
            AtomicFiles.moveAtomically(tmp, target);
            return target;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static String sha256(Path file) throws IOException {
        MessageDigest sha = sha256Digest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) sha.update(buf, 0, n);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
