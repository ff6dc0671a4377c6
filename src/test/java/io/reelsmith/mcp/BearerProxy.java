package io.reelsmith.mcp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The conformance suite's client sends no headers of its own, and /mcp needs a bearer token: this HTTP/1.1 proxy on
 * 127.0.0.1 adds {@code Authorization: Bearer <token>} to each request and passes everything else through byte for
 * byte — the Host and Origin headers the suite sets (DNS-rebinding checks), the bodies, the SSE streams back.
 */
final class BearerProxy implements AutoCloseable {
    private final ServerSocket server;
    private final int target;
    private final String token;

    BearerProxy(int target, String token) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.target = target;
        this.token = token;
        Thread accept = new Thread(this::accept, "bearer-proxy");
        accept.setDaemon(true);
        accept.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                daemon(() -> requests(client, upstream));
                daemon(() -> copy(upstream, client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /** Client → server: each request's head gets the header, its body follows as sent. */
    private void requests(Socket client, Socket upstream) {
        try (client;
                upstream) {
            InputStream in = client.getInputStream();
            OutputStream out = upstream.getOutputStream();
            while (true) {
                String head = head(in);
                if (head == null) return;
                int eol = head.indexOf("\r\n");
                String rest = head.substring(eol + 2);
                out.write((head.substring(0, eol + 2)
                                + (rest.toLowerCase(Locale.ROOT).contains("\r\nauthorization:")
                                                || rest.toLowerCase(Locale.ROOT).startsWith("authorization:")
                                        ? ""
                                        : "Authorization: Bearer " + token + "\r\n")
                                + rest)
                        .getBytes(StandardCharsets.ISO_8859_1));
                String lower = head.toLowerCase(Locale.ROOT);
                if (lower.contains("transfer-encoding: chunked")) chunked(in, out);
                else out.write(in.readNBytes((int) length(lower)));
                out.flush();
            }
        } catch (IOException e) {
            // a side closed: the connection is over
        }
    }

    private static String head(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            b.write(c);
            byte[] a = b.toByteArray();
            int n = a.length;
            if (n >= 4 && a[n - 4] == '\r' && a[n - 3] == '\n' && a[n - 2] == '\r' && a[n - 1] == '\n')
                return b.toString(StandardCharsets.ISO_8859_1);
        }
        return null;
    }

    private static long length(String lowerHead) {
        for (String line : lowerHead.split("\r\n"))
            if (line.startsWith("content-length:"))
                return Long.parseLong(line.substring(15).strip());
        return 0;
    }

    private static void chunked(InputStream in, OutputStream out) throws IOException {
        while (true) {
            String size = line(in);
            out.write((size + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            int n = Integer.parseInt(size.split(";")[0].strip(), 16);
            out.write(in.readNBytes(n + 2)); // the chunk and its CRLF
            if (n == 0) return;
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') if (c != '\r') b.write(c);
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    private static void copy(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException e) {
            // closed
        } finally {
            try {
                to.shutdownOutput();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    private static void daemon(Runnable r) {
        Thread t = new Thread(r, "bearer-proxy-conn");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
