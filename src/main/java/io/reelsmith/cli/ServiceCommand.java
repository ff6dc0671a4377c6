package io.reelsmith.cli;

import io.reelsmith.config.ReelsmithConfig;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/**
 * A command that runs the service ({@code serve}, {@code worker}, {@code mcp}): the shared options
 * ({@link ServiceOptions}) and the configuration loaded once from them.
 */
abstract class ServiceCommand implements Callable<Integer> {
    @Mixin
    ServiceOptions options = new ServiceOptions();

    /** Settings this command puts over the file's and the environment's (and under the shared options). */
    Map<String, String> overrides() {
        return Map.of();
    }

    abstract int run(ReelsmithConfig config) throws Exception;

    @Override
    public final Integer call() throws Exception {
        return run(options.load(overrides()));
    }
}
