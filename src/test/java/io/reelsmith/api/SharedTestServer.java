package io.reelsmith.api;

import io.reelsmith.kernel.FileTrees;
import io.reelsmith.pipeline.Stages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link TestServer} for a test class, registered on a static field with {@code @RegisterExtension}: it starts in a
 * fresh data folder before the first test and is closed, its folder deleted, after the last.
 */
final class SharedTestServer implements BeforeAllCallback, AfterAllCallback {
    private final Supplier<Function<String, Stages>> providers;
    private final Map<String, String> settings;
    private Path data;
    private TestServer server;

    SharedTestServer(Supplier<Function<String, Stages>> providers, Map<String, String> settings) {
        this.providers = providers;
        this.settings = settings;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        data = Files.createTempDirectory("reelsmith-api");
        server = new TestServer(data, providers.get(), settings);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.close();
        FileTrees.deleteTreeQuietly(data);
    }

    TestServer server() {
        return server;
    }

    Path data() {
        return data;
    }
}
