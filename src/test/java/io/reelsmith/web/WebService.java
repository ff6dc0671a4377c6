package io.reelsmith.web;

import io.reelsmith.service.Config;
import io.reelsmith.service.Service;

import java.nio.file.Path;
import java.util.Map;

/** The service the web UI tests drive: in-process on a free port, a temporary data directory, the local provider. */
final class WebService {
    private WebService() { }

    static Service start(Path data) throws Exception {
        Config config = Config.load(null, Map.of(), Map.of("reelsmith.http.port", "0", "reelsmith.data.dir", data.toString(),
                "reelsmith.dashboard.port", "-1", "reelsmith.jobs.poll.seconds", "5", "reelsmith.jobs.max.attempts", "1",
                // no health server: its default port 8001 is fixed, and tests of other engineers run beside these
                "reelsmith.health.port", "-1"));
        return Service.start(config, LocalWithOutage.providers(), true, true);
    }

    static String baseUrl(Service service) {
        return "http://127.0.0.1:" + service.port();
    }
}
