package io.reelsmith.cli;

import io.reelsmith.config.ReelsmithConfig;
import io.reelsmith.service.Service;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code reelsmith serve}: the REST API, the web UI, the job server and the JobRunr dashboard in one process. */
@Command(
        name = "serve",
        description =
                "Run the REST API (/api/v1, OpenAPI at /api/v1/openapi.json), the web UI and the background job server.")
public final class ServeCommand extends ServiceCommand {
    @Option(
            names = "--port",
            paramLabel = "PORT",
            description = "HTTP port (reelsmith.http.port, default 8080; 0 picks a free one).")
    Integer port;

    @Option(
            names = "--host",
            paramLabel = "HOST",
            description = "Address to listen on (reelsmith.http.host, default 127.0.0.1).")
    String host;

    @Override
    Map<String, String> overrides() {
        var o = new HashMap<String, String>();
        if (port != null) o.put("reelsmith.http.port", String.valueOf(port));
        if (host != null) o.put("reelsmith.http.host", host);
        return o;
    }

    @Override
    int run(ReelsmithConfig config) throws Exception {
        Service service = Service.start(config, true, true);
        // One line scripts (and the crash test) wait for: the server is ready at this address.
        System.out.println("reelsmith serving on http://" + config.service().host() + ":" + service.port() + " (data "
                + config.service().dataDir() + ")");
        System.out.flush();
        UntilStopped.run(service);
        return 0;
    }
}
