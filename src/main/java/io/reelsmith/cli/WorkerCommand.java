package io.reelsmith.cli;

import io.reelsmith.config.ReelsmithConfig;
import io.reelsmith.service.Service;
import picocli.CommandLine.Command;

/**
 * {@code reelsmith worker}: only the background job server, for more machines. Every worker and the server
 * must share one PostgreSQL database (reelsmith.db.url; an H2 file database can be opened by one process
 * only) and one S3 or GCS bucket (reelsmith.storage.*); each keeps its own data directory as scratch space.
 */
@Command(
        name = "worker",
        description =
                "Run only the background job server (video jobs); share the server's PostgreSQL database and S3/GCS bucket.")
public final class WorkerCommand extends ServiceCommand {
    @Override
    int run(ReelsmithConfig config) throws Exception {
        Service service = Service.start(config, false, true);
        System.out.println("reelsmith worker running (data " + config.service().dataDir() + ", "
                + config.service().workers() + " workers)");
        System.out.flush();
        UntilStopped.run(service);
        return 0;
    }
}
