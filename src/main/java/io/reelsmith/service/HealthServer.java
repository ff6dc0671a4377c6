package io.reelsmith.service;

import com.sun.net.httpserver.HttpServer;
import io.reelsmith.kernel.Daemons;
import io.reelsmith.storage.Database;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import org.jobrunr.server.BackgroundJobServer;

/**
 * {@code GET /health} on its own port, for load balancers and process supervisors of both {@code serve} and
 * {@code worker} (a worker has no API): 200 {"status":"ok",…} when the database answers and, in a process
 * that runs jobs, the job server is running; 503 otherwise. The JDK's small HTTP server is enough for this.
 */
final class HealthServer implements AutoCloseable {
    private final HttpServer server;

    HealthServer(String host, int port, Database db, BackgroundJobServer jobs) throws IOException {
        server = HttpServer.create(new InetSocketAddress(host, port), 0);
        server.setExecutor(Executors.newSingleThreadExecutor(Daemons.named("health")));
        server.createContext("/health", exchange -> {
            String db0 = database(db);
            String jobs0 = jobs == null ? "off" : jobs.isRunning() ? "running" : "stopped";
            boolean ok = db0.equals("ok") && !jobs0.equals("stopped");
            byte[] body = ("{\"status\":\"" + (ok ? "ok" : "unavailable") + "\",\"database\":\"" + db0
                            + "\",\"jobServer\":\"" + jobs0 + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(ok ? 200 : 503, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private static String database(Database db) {
        try {
            db.jdbi()
                    .useHandle(
                            h -> h.createQuery("SELECT 1").mapTo(Integer.class).one());
            return "ok";
        } catch (RuntimeException e) {
            return "unreachable";
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
