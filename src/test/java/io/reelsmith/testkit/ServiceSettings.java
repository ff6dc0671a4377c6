package io.reelsmith.testkit;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The settings of a service a test starts in this JVM. */
public final class ServiceSettings {
    private ServiceSettings() {}

    /**
     * Any free HTTP port, data in {@code data}, no dashboard and no health server (their default ports are fixed, and
     * other tests run beside), then {@code more} (key, value, …) over these.
     */
    public static Map<String, String> of(Path data, String... more) {
        Map<String, String> settings = new HashMap<>(Map.of(
                "reelsmith.http.port",
                "0",
                "reelsmith.data.dir",
                data.toString(),
                "reelsmith.dashboard.port",
                "-1",
                "reelsmith.health.port",
                "-1"));
        for (int i = 0; i + 1 < more.length; i += 2) settings.put(more[i], more[i + 1]);
        return settings;
    }
}
