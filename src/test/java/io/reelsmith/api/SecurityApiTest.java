package io.reelsmith.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #23 against one real server with the default sign-in throttles and one trusted proxy hop (so a test can
 * speak from several client addresses through X-Forwarded-For): ranges as RFC 9110 §14 says on the file routes,
 * throttled guessing, sessions that end, account deletion, decompression bombs, browser headers, the dashboard on
 * loopback only. (Bad JSON, passwords and tokens case by case: BadInputTest; the UI under its CSP: WebUiTest.)
 */
class SecurityApiTest {
    @TempDir
    static Path data;

    static TestServer server;
    static String token;
    static byte[] image, script;
    static String imagePath, scriptPath;

    @BeforeAll
    static void start() throws Exception {
        server = new TestServer(
                data,
                FakeStages.providers(),
                Map.of(
                        "reelsmith.http.forwarded.hops",
                        "1",
                        "reelsmith.dashboard.port",
                        "0",
                        "reelsmith.auth.address.signups",
                        "10",
                        "reelsmith.auth.address.attempts",
                        "30",
                        "reelsmith.auth.tarpit.millis",
                        "300"));
        token = register("owner@example.com", "203.0.113.1").get("token").asText();
        String character = upload(token, FakeStages.png()).get("id").asText();
        imagePath = "/api/v1/characters/" + character + "/image";
        String video = server.newVideo(token, "the sea", character, 1);
        scriptPath = "/api/v1/videos/" + video + "/files/script.json";
        image = get(imagePath, token, null).body();
        script = get(scriptPath, token, null).body();
        assertThat(image.length).isGreaterThan(200);
        assertThat(script.length).isGreaterThan(100);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everyRangeCaseGetsTheRfcAnswerOnTheFileRoutes() throws Exception {
        for (String path : List.of(imagePath, scriptPath)) {
            byte[] file = path.equals(imagePath) ? image : script;
            int n = file.length;
            expect(
                    path,
                    "bytes=-100",
                    206,
                    "bytes " + (n - 100) + "-" + (n - 1) + "/" + n,
                    Arrays.copyOfRange(file, n - 100, n));
            expect(path, "bytes=0-0", 206, "bytes 0-0/" + n, Arrays.copyOfRange(file, 0, 1));
            expect(path, "bytes=10-", 206, "bytes 10-" + (n - 1) + "/" + n, Arrays.copyOfRange(file, 10, n));
            expect(
                    path,
                    "bytes=5-99999999999999999999999",
                    206,
                    "bytes 5-" + (n - 1) + "/" + n,
                    Arrays.copyOfRange(file, 5, n));
            expect(path, "bytes=-" + (n + 50), 206, "bytes 0-" + (n - 1) + "/" + n, file);
            expect(path, "bytes=" + n + "-", 416, "bytes */" + n, null);
            expect(path, "bytes=99999999-", 416, "bytes */" + n, null);
            expect(path, "bytes=5-1", 416, "bytes */" + n, null);
            expect(path, "bytes=abc", 416, "bytes */" + n, null);
            expect(path, "bytes=-0", 416, "bytes */" + n, null);
            expect(path, "items=0-5", 200, null, file);
            expect(path, "bytes=0-5,10-15", 200, null, file);
            expect(path, null, 200, null, file);
        }
        // If-Range names a validator we never send: the range is ignored.
        var r = server.http.send(
                HttpRequest.newBuilder(URI.create(server.base + imagePath))
                        .header("Authorization", "Bearer " + token)
                        .header("Range", "bytes=0-9")
                        .header("If-Range", "\"x\"")
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(image);
    }

    @Test
    void aRangePastTheEndAnswers416AtOnceAndLeavesNoThreadBehind() throws Exception {
        get(scriptPath, token, "bytes=0-1"); // warm
        int before = Thread.activeCount();
        Set<Long> old =
                Thread.getAllStackTraces().keySet().stream().map(Thread::getId).collect(Collectors.toSet());
        long t0 = System.nanoTime();
        var r = get(scriptPath, token, "bytes=99999999-");
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertThat(r.statusCode()).isEqualTo(416);
        assertThat(r.headers().firstValue("Content-Range")).hasValue("bytes */" + script.length);
        assertThat(millis).as("416 in %d ms", millis).isLessThan(100);
        // Javalin's SeekableWriter spun for ever on a new thread of its async pool: any thread that is new now must be
        // an
        // idle pool thread (parked), none may be serving a file.
        await().pollInSameThread()
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(Thread.getAllStackTraces().entrySet())
                        .filteredOn(e ->
                                !old.contains(e.getKey().getId()) && e.getKey().getState() == Thread.State.RUNNABLE)
                        .isEmpty());
        assertThat(Thread.getAllStackTraces().entrySet())
                .noneMatch(e -> e.getKey().getName().contains("JavalinDefaultAsyncThreadPool")
                        || Arrays.stream(e.getValue())
                                .anyMatch(f -> f.getClassName().contains("SeekableWriter")
                                        || f.getClassName().contains("FileResponse")));
        System.out.printf(
                "bytes=99999999- → 416 in %d ms; threads before %d, after %d%n", millis, before, Thread.activeCount());
    }

    @Test
    void guessingOneAccountIsThrottledWhileOthersStillSignIn() throws Exception {
        register("victim@example.com", "203.0.113.2");
        register("bystander@example.com", "203.0.113.3");
        int firstRefusal = -1;
        String retryAfter = null;
        for (int i = 1; i <= 20; i++) {
            var r = login(
                    "victim@example.com",
                    "wrong password " + i,
                    "198.51.100." + i); // a botnet: each try from its own address
            if (r.statusCode() == 429 && firstRefusal < 0) {
                firstRefusal = i;
                retryAfter = r.headers().firstValue("Retry-After").orElse(null);
            }
            assertThat(r.statusCode()).as("attempt %d", i).isEqualTo(firstRefusal < 0 ? 401 : 429);
        }
        assertThat(firstRefusal).as("429 from some attempt on").isBetween(2, 20);
        assertThat(Long.parseLong(retryAfter)).isPositive();
        // the right password waits too (the account is the one being guessed), another account from another address
        // does not
        assertThat(login("victim@example.com", "a long passphrase for tests", "198.51.100.77")
                        .statusCode())
                .isEqualTo(429);
        assertThat(login("bystander@example.com", "a long passphrase for tests", "192.0.2.9")
                        .statusCode())
                .isEqualTo(200);
        // a refused attempt is answered late (the tarpit, 300 ms here), without holding a request thread meanwhile
        long t0 = System.nanoTime();
        assertThat(login("victim@example.com", "one more guess", "198.51.100.99")
                        .statusCode())
                .isEqualTo(429);
        assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(300);
        // one address trying many accounts at once is stopped by the address's own limit (30 a minute)
        List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
        for (int i = 0; i < 45; i++)
            burst.add(server.http.sendAsync(
                    request(
                            "POST",
                            "/api/v1/auth/login",
                            "{\"email\":\"nobody" + i + "@example.com\",\"password\":\"wrong password\"}",
                            "192.0.2.200"),
                    HttpResponse.BodyHandlers.ofString()));
        long refused = 0;
        for (var f : burst) if (f.get().statusCode() == 429 && f.get().body().contains("from your address")) refused++;
        assertThat(refused).as("refused for the address, of 45 at once").isGreaterThanOrEqualTo(10);
        // sign-ups: 10 an hour from one address
        int signedUp = 0;
        for (int i = 0; i < 12; i++) if (registerStatus("many" + i + "@example.com", "192.0.2.50") == 201) signedUp++;
        assertThat(signedUp).isEqualTo(10);
        System.out.printf(
                "first 429 at attempt %d (Retry-After %s s); sign-ups from one address: %d of 12%n",
                firstRefusal, retryAfter, signedUp);
    }

    @Test
    void logoutEndsTheSessionAndRefreshRotates() throws Exception {
        JsonNode s = register("sessions@example.com", "203.0.113.4");
        String access = s.get("token").asText(), refresh = s.get("refreshToken").asText();
        assertThat(s.get("expiresIn").asLong()).isBetween(60L, 3600L);
        var renewed = TestServer.parse(
                server.json("POST", "/api/v1/auth/refresh", null, "{\"refreshToken\":\"" + refresh + "\"}"));
        String access2 = renewed.get("token").asText(),
                refresh2 = renewed.get("refreshToken").asText();
        assertThat(refresh2).isNotEqualTo(refresh);
        assertThat(server.json("GET", "/api/v1/characters", access2, null).statusCode())
                .isEqualTo(200);
        assertThat(server.json("POST", "/api/v1/auth/logout", access2, null).statusCode())
                .isEqualTo(204);
        for (String t : List.of(access, access2))
            assertThat(server.json("GET", "/api/v1/characters", t, null).statusCode())
                    .isEqualTo(401);
        assertThat(server.json("POST", "/api/v1/auth/refresh", null, "{\"refreshToken\":\"" + refresh2 + "\"}")
                        .statusCode())
                .isEqualTo(401);
        // an old refresh token used again ends its session (it was stolen, or replayed)
        JsonNode t = TestServer.parse(login("sessions@example.com", "a long passphrase for tests", "203.0.113.4"));
        String r1 = t.get("refreshToken").asText();
        String r2 = TestServer.parse(
                        server.json("POST", "/api/v1/auth/refresh", null, "{\"refreshToken\":\"" + r1 + "\"}"))
                .get("refreshToken")
                .asText();
        assertThat(server.json("POST", "/api/v1/auth/refresh", null, "{\"refreshToken\":\"" + r1 + "\"}")
                        .statusCode())
                .isEqualTo(401);
        assertThat(server.json("POST", "/api/v1/auth/refresh", null, "{\"refreshToken\":\"" + r2 + "\"}")
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void deletingAnAccountEndsItsTokensAndRemovesItsFiles() throws Exception {
        JsonNode s = register("leaver@example.com", "203.0.113.5");
        String access = s.get("token").asText();
        String second = TestServer.parse(login("leaver@example.com", "a long passphrase for tests", "203.0.113.5"))
                .get("token")
                .asText();
        String character = upload(access, FakeStages.png()).get("id").asText();
        JsonNode video = TestServer.parse(server.json(
                "POST",
                "/api/v1/videos",
                access,
                "{\"theme\":\"leaving\",\"characterId\":\"" + character + "\",\"blocks\":1}"));
        String userId = server.db()
                .withHandle(h -> h.createQuery("SELECT id FROM users WHERE email = 'leaver@example.com'")
                        .mapTo(String.class)
                        .one());
        Path videoFiles = server.config
                .service()
                .blobDir()
                .resolve("users/" + userId + "/videos/" + video.get("id").asText());
        String imageKey = server.db()
                .withHandle(h -> h.createQuery("SELECT image_key FROM characters WHERE id = ?")
                        .bind(0, character)
                        .mapTo(String.class)
                        .one());
        assertThat(videoFiles.resolve("script.json")).exists();
        assertThat(server.config.service().blobDir().resolve(imageKey)).exists();

        assertThat(server.json("DELETE", "/api/v1/account", access, null).statusCode())
                .isEqualTo(204);

        for (String t : List.of(access, second)) {
            assertThat(server.json("GET", "/api/v1/videos", t, null).statusCode())
                    .isEqualTo(401);
            assertThat(server.json("POST", "/api/v1/characters", t, "{\"name\":\"Ghost\"}")
                            .statusCode())
                    .isEqualTo(401); // not a 500
        }
        assertThat(videoFiles).doesNotExist();
        assertThat(server.config.service().blobDir().resolve(imageKey)).doesNotExist();
        for (String table : List.of(
                "users WHERE email = 'leaver@example.com'",
                "characters WHERE owner_id = '" + userId + "'",
                "videos WHERE owner_id = '" + userId + "'",
                "sessions WHERE user_id = '" + userId + "'")) {
            long rows = server.db()
                    .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table)
                            .mapTo(Long.class)
                            .one());
            assertThat(rows).as(table).isZero();
        }
        assertThat(login("leaver@example.com", "a long passphrase for tests", "203.0.113.5")
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void aDecompressionBombIsRefusedBeforeDecodingAndSixteenAtOnceKeepTheHeapFlat() throws Exception {
        byte[] bomb = bombPng(8000, 8000);
        assertThat(bomb.length).isLessThan(300_000);
        var one = upload(token, bomb, "bomb.png");
        assertThat(one.statusCode()).isEqualTo(400);
        assertThat(TestServer.parse(one).get("message").asText())
                .contains("8000x8000")
                .contains("4096");

        System.gc();
        long before = heapUsed();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        List<CompletableFuture<HttpResponse<String>>> all = new ArrayList<>();
        var m = TestServer.multipart(Map.of("name", "Bomb", "description", "x"), "bomb.png", bomb);
        for (int i = 0; i < 16; i++) {
            all.add(server.http.sendAsync(
                    HttpRequest.newBuilder(URI.create(server.base + "/api/v1/characters/upload"))
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", m.contentType())
                            .POST(HttpRequest.BodyPublishers.ofByteArray(m.body()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        for (var f : all) assertThat(f.get().statusCode()).isEqualTo(400);
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        System.out.printf(
                "16 bombs at once: heap %d MB before, peak %d MB (+%d MB)%n",
                before >> 20, peak >> 20, (peak - before) >> 20);
        assertThat(peak - before).as("heap growth").isLessThan(256L << 20);
        assertThat(server.count("characters"))
                .isEqualTo(TestServer.parse(server.json("GET", "/api/v1/characters", token, null))
                        .get("total")
                        .asLong());
    }

    @Test
    void browsersGetThePoliciesAndTheUiIsNotFramed() throws Exception {
        var ui = server.send("GET", "/", null, null, null);
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.headers().firstValue("Content-Security-Policy")).hasValue(Hardening.UI_POLICY);
        assertThat(ui.headers().firstValue("Content-Security-Policy").orElseThrow())
                .doesNotContain("unsafe-inline")
                .doesNotContain("unsafe-eval");
        var api = server.send("GET", "/api/v1/health", null, null, null);
        assertThat(api.headers().firstValue("Content-Security-Policy")).hasValue(Hardening.API_POLICY);
        for (var r : List.of(ui, api, server.send("GET", "/js/app.js", null, null, null))) {
            assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(r.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
            assertThat(r.headers().firstValue("Strict-Transport-Security"))
                    .as("plain HTTP: no HSTS")
                    .isEmpty();
        }
        var tls = server.http.send(
                HttpRequest.newBuilder(URI.create(server.base + "/"))
                        .header("X-Forwarded-Proto", "https")
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(tls.headers().firstValue("Strict-Transport-Security"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("max-age="));
    }

    @Test
    void theDashboardListensOnLoopbackOnly() throws Exception {
        InetSocketAddress at = server.service.dashboardAddress();
        assertThat(at.getAddress().isLoopbackAddress()).isTrue();
        var r = server.http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + at.getPort() + "/dashboard/"))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(r.statusCode()).isEqualTo(200);
        // A socket on every interface would accept this too: 127.0.0.2 is another address of this machine.
        assertThatThrownBy(() -> new Socket().connect(new InetSocketAddress("127.0.0.2", at.getPort()), 2000))
                .isInstanceOf(ConnectException.class);
    }

    // --- helpers

    static JsonNode register(String email, String address) throws Exception {
        var r = send(
                "POST",
                "/api/v1/auth/register",
                "{\"email\":\"" + email + "\",\"password\":\"a long passphrase for tests\"}",
                address);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return TestServer.parse(r);
    }

    static int registerStatus(String email, String address) throws Exception {
        return send(
                        "POST",
                        "/api/v1/auth/register",
                        "{\"email\":\"" + email + "\",\"password\":\"a long passphrase for tests\"}",
                        address)
                .statusCode();
    }

    static HttpResponse<String> login(String email, String password, String address) throws Exception {
        return send(
                "POST",
                "/api/v1/auth/login",
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}",
                address);
    }

    static HttpResponse<String> send(String method, String path, String json, String address) throws Exception {
        return server.http.send(request(method, path, json, address), HttpResponse.BodyHandlers.ofString());
    }

    static HttpRequest request(String method, String path, String json, String address) {
        return HttpRequest.newBuilder(URI.create(server.base + path))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", address)
                .method(method, HttpRequest.BodyPublishers.ofString(json))
                .build();
    }

    static JsonNode upload(String token, byte[] png) throws Exception {
        var r = upload(token, png, "me.png");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return TestServer.parse(r);
    }

    static HttpResponse<String> upload(String token, byte[] png, String name) throws Exception {
        var m = TestServer.multipart(Map.of("name", "Hero", "description", "x"), name, png);
        return server.send("POST", "/api/v1/characters/upload", token, m.contentType(), m.body());
    }

    static HttpResponse<byte[]> get(String path, String token, String range) throws Exception {
        return server.bytes(path, token, range);
    }

    static void expect(String path, String range, int status, String contentRange, byte[] body) throws Exception {
        var r = get(path, token, range);
        assertThat(r.statusCode()).as("%s %s", path, range).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Range").orElse(null))
                .as("%s %s", path, range)
                .isEqualTo(contentRange);
        if (body != null) assertThat(r.body()).as("%s %s", path, range).isEqualTo(body);
        else
            assertThat(new String(r.body(), StandardCharsets.UTF_8))
                    .as("%s %s", path, range)
                    .contains("range_not_satisfiable")
                    .doesNotContain("Exception");
    }

    static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** A valid grey PNG of w x h black pixels: a few hundred KB that decode to w*h bytes (and more as ARGB). */
    static byte[] bombPng(int w, int h) throws IOException {
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(idat, new Deflater(9))) {
            byte[] row = new byte[w + 1]; // filter byte 0, then w zero pixels
            for (int y = 0; y < h; y++) z.write(row);
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        chunk(
                png,
                "IHDR",
                ByteBuffer.allocate(13)
                        .putInt(w)
                        .putInt(h)
                        .put((byte) 8)
                        .put((byte) 0)
                        .put((byte) 0)
                        .put((byte) 0)
                        .put((byte) 0)
                        .array());
        chunk(png, "IDAT", idat.toByteArray());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.write(ByteBuffer.allocate(4).putInt(data.length).array());
        out.write(t);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
