package io.reelsmith.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.reelsmith.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelsDownloadTest {
    private final byte[] model = new byte[300_000];
    private final AtomicInteger requests = new AtomicInteger();
    private HttpServer server;
    private String baseUrl;

    @BeforeEach
    void serveAModel() throws Exception {
        new Random(1).nextBytes(model);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/models/", exchange -> {
            requests.incrementAndGet();
            boolean known = exchange.getRequestURI().getPath().equals("/models/ggml-tiny.bin");
            exchange.sendResponseHeaders(known ? 200 : 404, known ? model.length : -1);
            if (known) exchange.getResponseBody().write(model);
            exchange.close();
        });
        server.start();
        baseUrl = "http://127.0.0.1:" + server.getAddress().getPort() + "/models/";
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void fetchesFromTheServerAndVerifiesTheChecksum(@TempDir Path dir) throws Exception {
        String sha =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(model));

        int exit = download(new StringWriter(), "whisper-tiny", dir, "--sha256", sha);

        assertThat(exit).isZero();
        assertThat(Files.readAllBytes(dir.resolve("ggml-tiny.bin"))).isEqualTo(model);
        assertThat(requests.get()).isEqualTo(1);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(dir.resolve("ggml-tiny.bin"));
        }
    }

    @Test
    void refusesAChecksumMismatchAndLeavesNothingBehind(@TempDir Path dir) throws Exception {
        StringWriter err = new StringWriter();

        // the catalogue's checksum is that of the real whisper-tiny, not of these random bytes
        int exit = download(err, "whisper-tiny", dir);

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString())
                .contains("checksum mismatch")
                .contains(ModelCatalog.named("whisper-tiny").sha256());
        assertThat(requests.get()).isEqualTo(1);
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aServerErrorIsReportedAndLeavesNothingBehind(@TempDir Path dir) throws Exception {
        Model missing = new Model("x", "ggml-missing.bin", "00", 1);

        Assertions.assertThatThrownBy(() -> new ModelDownloader().download(missing, baseUrl, dir, b -> {}))
                .hasMessageContaining("HTTP 404");
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void anUnknownModelNameIsABadRequest(@TempDir Path dir) {
        StringWriter err = new StringWriter();

        int exit = download(err, "whisper-huge", dir);

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("unknown model 'whisper-huge'").contains("whisper-base");
        assertThat(requests.get()).isZero();
    }

    /** {@code reelsmith models download NAME} from this test's server into {@code dir}, its errors into {@code err}. */
    private int download(StringWriter err, String name, Path dir, String... more) {
        String[] args = {"models", "download", name, "--base-url", baseUrl, "--dir", dir.toString()};
        String[] all = Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return Main.run(new PrintWriter(err, true), all);
    }
}
