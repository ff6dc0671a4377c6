package io.reelsmith.web;

import io.reelsmith.config.ConfigLoader;
import io.reelsmith.kernel.FileTrees;
import io.reelsmith.pipeline.Stages;
import io.reelsmith.service.Service;
import io.reelsmith.testkit.ServiceSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The service the web UI tests drive: in-process on a free port, a temporary data directory, the local provider.
 * A test class that needs one server for all its tests registers it on a static field:
 * {@code @RegisterExtension static final WebService ui = new WebService(providers, settings);}.
 */
final class WebService implements BeforeAllCallback, AfterAllCallback {
    private final Function<String, Stages> providers;
    private final Map<String, String> settings;
    private Path data;
    private Service server;

    WebService(Function<String, Stages> providers, Map<String, String> settings) {
        this.providers = providers;
        this.settings = settings;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        data = Files.createTempDirectory("reelsmith-web");
        server = start(data, providers, settings);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) server.close();
        FileTrees.deleteTreeQuietly(data);
    }

    String baseUrl() {
        return baseUrl(server);
    }

    /** A fresh tab of the JVM's browser on this server; screenshots go to docs/screenshots. */
    Browser.Tab newTab() {
        return Browser.shared().newTab(baseUrl());
    }

    /** With the test stages and more settings ({@code more} wins over the defaults here). */
    static Service start(Path data, Function<String, Stages> providers, Map<String, String> more) throws IOException {
        Map<String, String> settings = ServiceSettings.of(
                data,
                "reelsmith.jobs.poll.seconds",
                "5",
                "reelsmith.jobs.max.attempts",
                "1",
                "reelsmith.auth.address.signups",
                "100000",
                "reelsmith.auth.address.attempts",
                "100000");
        settings.putAll(more);
        return Service.start(ConfigLoader.load(null, Map.of(), settings), providers, true, true);
    }

    static String baseUrl(Service service) {
        return "http://127.0.0.1:" + service.port();
    }
}
