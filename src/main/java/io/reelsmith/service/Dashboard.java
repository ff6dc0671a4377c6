package io.reelsmith.service;

import com.sun.net.httpserver.BasicAuthenticator;
import com.sun.net.httpserver.HttpServer;
import io.reelsmith.kernel.Daemons;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jobrunr.dashboard.JobRunrApiHandler;
import org.jobrunr.dashboard.JobRunrSseHandler;
import org.jobrunr.dashboard.JobRunrStaticFileHandler;
import org.jobrunr.dashboard.server.HttpExchangeHandler;
import org.jobrunr.dashboard.server.http.RedirectHttpHandler;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.storage.ThreadSafeStorageProvider;
import org.jobrunr.utils.mapper.JsonMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JobRunr's job dashboard, on 127.0.0.1 only. JobRunr's own {@code JobRunrDashboardWebServer} (8.7) binds every
 * interface and has no setting for the address, so its three handlers are served here by the JDK's HTTP server bound
 * to the loopback address; reach it from elsewhere through an SSH tunnel. It lists every user's jobs and can requeue
 * them, which is why it is off unless {@code reelsmith.dashboard.port} is set (and takes HTTP basic authentication
 * when {@code reelsmith.dashboard.user}/{@code password} are set).
 */
final class Dashboard implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Dashboard.class);
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4, Daemons.named("dashboard"));
    private final List<HttpExchangeHandler> handlers;

    Dashboard(StorageProvider jobs, JsonMapper json, int port, String user, String password) throws IOException {
        StorageProvider storage = new ThreadSafeStorageProvider(jobs);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.setExecutor(threads);
        BasicAuthenticator login = user.isBlank() || password.isBlank()
                ? null
                : new BasicAuthenticator("JobRunr") {
                    @Override
                    public boolean checkCredentials(String u, String p) {
                        return MessageDigest.isEqual(
                                        u.getBytes(StandardCharsets.UTF_8), user.getBytes(StandardCharsets.UTF_8))
                                & MessageDigest.isEqual(
                                        p.getBytes(StandardCharsets.UTF_8), password.getBytes(StandardCharsets.UTF_8));
                    }
                };
        handlers = List.of(
                new RedirectHttpHandler("/", "/dashboard"),
                new JobRunrStaticFileHandler(),
                new JobRunrApiHandler(storage, json, false),
                new JobRunrSseHandler(storage, json));
        for (HttpExchangeHandler h : handlers) {
            var context = server.createContext(h.getContextPath(), h);
            if (login != null && !(h instanceof RedirectHttpHandler)) context.setAuthenticator(login);
        }
        server.start();
        LOG.info(
                "job dashboard on http://{}:{}/dashboard (loopback only)",
                address().getHostString(),
                address().getPort());
    }

    InetSocketAddress address() {
        return server.getAddress();
    }

    @Override
    public void close() {
        for (HttpExchangeHandler h : handlers) h.close();
        server.stop(0);
        threads.shutdownNow();
    }
}
