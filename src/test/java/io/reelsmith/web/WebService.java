package io.reelsmith.web;

import io.reelsmith.config.ConfigLoader;
import io.reelsmith.service.Service;

import io.reelsmith.pipeline.Stages;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/** The service the web UI tests drive: in-process on a free port, a temporary data directory, the local provider. */
final class WebService {
    private WebService() { }

    static Service start(Path data) throws Exception {
        return start(data, LocalWithOutage.providers(), Map.of());
    }

    /** With other stages (a test's fast stand-ins) and more settings ({@code more} wins over the defaults here). */
    static Service start(Path data, Function<String, Stages> providers, Map<String, String> more) throws Exception {
        Map<String, String> settings = new HashMap<>(Map.of("reelsmith.http.port", "0", "reelsmith.data.dir", data.toString(),
                "reelsmith.dashboard.port", "-1", "reelsmith.jobs.poll.seconds", "5", "reelsmith.jobs.max.attempts", "1",
                // no health server: its default port 8001 is fixed, and other tests may run beside these
                "reelsmith.health.port", "-1"));
        settings.putAll(more);
        return Service.start(ConfigLoader.load(null, Map.of(), settings), providers, true, true);
    }

    /** A served UI and a browser for it, closed together (the browser first). */
    record Session(Service server, Browser browser, String baseUrl) implements AutoCloseable {
        @Override
        public void close() {
            browser.close();
            server.close();
        }
    }

    /** The service with these stages and settings, and a browser whose screenshots go to docs/screenshots. */
    static Session open(Path data, Function<String, Stages> providers, Map<String, String> more) throws Exception {
        Service server = start(data, providers, more);
        try {
            return new Session(server, new Browser(WebUiTest.SCREENSHOTS), baseUrl(server));
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    static String baseUrl(Service service) {
        return "http://127.0.0.1:" + service.port();
    }
}
