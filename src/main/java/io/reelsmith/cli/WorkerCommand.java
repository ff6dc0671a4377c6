package io.reelsmith.cli;

import io.reelsmith.service.Service;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code reelsmith worker}: only the background job server, for more machines. Every worker and the server
 * must share one PostgreSQL database (reelsmith.db.url; an H2 file database can be opened by one process
 * only) and one S3 or GCS bucket (reelsmith.storage.*); each keeps its own data directory as scratch space.
 */
@Command(
        name = "worker",
        description =
                "Run only the background job server (video jobs); share the server's PostgreSQL database and S3/GCS bucket.")
public final class WorkerCommand implements Callable<Integer> {
    @Mixin
    ServiceOptions options = new ServiceOptions();

    @Override
    public Integer call() throws Exception {
        var config = options.load(Map.of());
        Service service = Service.start(config, false, true);
        System.out.println("reelsmith worker running (data " + config.service().dataDir() + ", "
                + config.service().workers() + " workers)");
        System.out.flush();
        UntilStopped.run(service);
        return 0;
    }
}
