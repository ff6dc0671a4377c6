package io.reelsmith.cli;

import io.reelsmith.config.ConfigLoader;
import io.reelsmith.config.ReelsmithConfig;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** The one {@code --config FILE} of every command that loads the configuration. */
final class ConfigFile {
    @Option(
            names = "--config",
            paramLabel = "FILE",
            description =
                    "Properties file with reelsmith.* settings, any of them: Google's, budgets, models… (see docs/service.md).")
    Path file;

    /** The configuration: defaults, then the file, the environment, then {@code options} (the command's own). */
    ReelsmithConfig load(Map<String, String> options) {
        return ConfigLoader.load(file, options);
    }
}
