package io.reelsmith.storage;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small S3-protocol server for tests: path-style {@code /bucket/key}, in memory, speaking exactly the
 * operations {@link S3BlobStore} uses (create bucket, PUT/GET/HEAD/DELETE object), with S3's status codes
 * and XML error bodies; anything else answers 501 so an adapter that starts using more of the API fails
 * loudly here. Signatures (SigV4) are not checked.
 *
 * <p>Why not a third-party S3 server: Adobe's S3Mock 5.x brings Spring Boot 4 + Kotlin, S3Proxy 4.x brings
 * Jackson 3, Azure, OpenStack and OpenTelemetry clients (2.x brings Jetty 11, whose packages clash with
 * Javalin's Jetty 12), findify's s3mock brings Scala + Akka; MinIO and moto are not on Maven Central or in
 * Debian 12, and Docker does not run here. The adapter is the AWS SDK's own client, so what this server
 * checks is our use of it: keys, content types, sizes, 404 handling, uploads as the SDK encodes them.
 */
final class S3TestServer implements AutoCloseable {
    record StoredObject(byte[] bytes, String contentType, String etag) { }

    private final HttpServer http;
    private final Set<String> buckets = ConcurrentHashMap.newKeySet();
    private final Map<String, StoredObject> objects = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    S3TestServer() throws IOException {
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/", this::handle);
        http.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        http.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort());
    }

    void createBucket(String name) {
        buckets.add(name);
    }

    StoredObject object(String bucket, String key) {
        return objects.get(bucket + "/" + key);
    }

    int objectCount() {
        return objects.size();
    }

    /** "METHOD /bucket/key" for each request received, in order. */
    List<String> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath(); // decoded
            String method = ex.getRequestMethod();
            requests.add(method + " " + path);
            String[] parts = path.replaceFirst("^/", "").split("/", 2);
            String bucket = parts[0];
            String key = parts.length > 1 ? parts[1] : "";
            if (bucket.isEmpty()) {
                error(ex, 501, "NotImplemented", "listing buckets is not supported here");
            } else if (key.isEmpty()) {
                bucketRequest(ex, method, bucket);
            } else if (!buckets.contains(bucket)) {
                error(ex, 404, "NoSuchBucket", "The specified bucket does not exist");
            } else {
                objectRequest(ex, method, bucket + "/" + key);
            }
        }
    }

    private void bucketRequest(HttpExchange ex, String method, String bucket) throws IOException {
        switch (method) {
            case "PUT" -> {
                buckets.add(bucket);
                ex.sendResponseHeaders(200, -1);
            }
            case "HEAD" -> ex.sendResponseHeaders(buckets.contains(bucket) ? 200 : 404, -1);
            default -> error(ex, 501, "NotImplemented", method + " on a bucket is not supported here");
        }
    }

    private void objectRequest(HttpExchange ex, String method, String name) throws IOException {
        StoredObject o = objects.get(name);
        switch (method) {
            case "PUT" -> {
                if (ex.getRequestURI().getRawQuery() != null) {
                    error(ex, 501, "NotImplemented", "PUT with ?" + ex.getRequestURI().getRawQuery() + " is not supported here");
                    return;
                }
                byte[] body = body(ex);
                String type = ex.getRequestHeaders().getFirst("Content-Type");
                StoredObject stored = new StoredObject(body, type == null ? "binary/octet-stream" : type, md5(body));
                objects.put(name, stored);
                ex.getResponseHeaders().set("ETag", stored.etag());
                ex.sendResponseHeaders(200, -1);
            }
            case "GET", "HEAD" -> {
                if (o == null) {
                    if (method.equals("HEAD")) ex.sendResponseHeaders(404, -1); // S3 sends no body on HEAD
                    else error(ex, 404, "NoSuchKey", "The specified key does not exist.");
                    return;
                }
                ex.getResponseHeaders().set("Content-Type", o.contentType());
                ex.getResponseHeaders().set("ETag", o.etag());
                if (method.equals("HEAD")) {
                    ex.getResponseHeaders().set("Content-Length", String.valueOf(o.bytes().length));
                    ex.sendResponseHeaders(200, -1);
                } else {
                    ex.sendResponseHeaders(200, o.bytes().length == 0 ? -1 : o.bytes().length);
                    try (OutputStream out = ex.getResponseBody()) {
                        out.write(o.bytes());
                    }
                }
            }
            case "DELETE" -> {
                objects.remove(name);
                ex.sendResponseHeaders(204, -1); // S3 answers 204 whether or not the key existed
            }
            default -> error(ex, 501, "NotImplemented", method + " on an object is not supported here");
        }
    }

    /** The upload's bytes; the SDK may send them aws-chunked ("size;chunk-signature=…" framed, trailers after). */
    private static byte[] body(HttpExchange ex) throws IOException {
        byte[] raw = ex.getRequestBody().readAllBytes();
        String sha = ex.getRequestHeaders().getFirst("x-amz-content-sha256");
        String encoding = ex.getRequestHeaders().getFirst("Content-Encoding");
        boolean chunked = (sha != null && sha.startsWith("STREAMING-")) || (encoding != null && encoding.contains("aws-chunked"));
        return chunked ? decodeAwsChunked(raw) : raw;
    }

    static byte[] decodeAwsChunked(byte[] raw) throws IOException {
        InputStream in = new java.io.ByteArrayInputStream(raw);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            String header = line(in);
            int size = Integer.parseInt(header.split(";", 2)[0].strip(), 16);
            if (size == 0) return out.toByteArray(); // what follows are trailers (checksums): not needed here
            out.write(in.readNBytes(size));
            line(in); // the CRLF after the chunk
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c; (c = in.read()) != -1; ) {
            if (c == '\n') break;
            if (c != '\r') b.write(c);
        }
        return b.toString(StandardCharsets.US_ASCII);
    }

    private static void error(HttpExchange ex, int status, String code, String message) throws IOException {
        byte[] xml = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>" + message
                + "</Message></Error>").getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/xml");
        ex.sendResponseHeaders(status, xml.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(xml);
        }
    }

    private static String md5(byte[] bytes) {
        try {
            return "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes)) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        http.stop(0);
        ((java.util.concurrent.ExecutorService) http.getExecutor()).shutdownNow();
    }
}
