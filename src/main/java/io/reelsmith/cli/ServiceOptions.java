package io.reelsmith.cli;

import io.reelsmith.config.ReelsmithConfig;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options shared by {@code serve} and {@code worker}; each overrides the same key of the file and the environment. */
final class ServiceOptions {
    @Mixin
    ConfigFile config = new ConfigFile();

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description = "Where the database and files live (reelsmith.data.dir, default ./data).")
    String dataDir;

    @Option(
            names = "--dashboard-port",
            paramLabel = "PORT",
            description =
                    "JobRunr dashboard port on 127.0.0.1, -1 for none (reelsmith.dashboard.port, default -1: off).")
    Integer dashboardPort;

    @Option(
            names = "--health-port",
            paramLabel = "PORT",
            description = "Port of GET /health, -1 for none (reelsmith.health.port, default 8001).")
    Integer healthPort;

    ReelsmithConfig load(Map<String, String> more) {
        Map<String, String> o = new HashMap<>(more);
        if (dataDir != null) o.put("reelsmith.data.dir", dataDir);
        if (healthPort != null) o.put("reelsmith.health.port", String.valueOf(healthPort));
        if (dashboardPort != null) o.put("reelsmith.dashboard.port", String.valueOf(dashboardPort));
        return config.load(o);
    }
}
