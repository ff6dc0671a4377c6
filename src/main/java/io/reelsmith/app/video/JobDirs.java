package io.reelsmith.app.video;

import io.reelsmith.kernel.Workspace;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Where a worker keeps the scratch copy of each running video's {@link Workspace}: {@code ROOT/<video id>};
 * ids are server-made UUIDs. The copy is rebuilt from the blob store by each run ({@link VideoFiles#restore})
 * and dropped when the run ends.
 */
public record JobDirs(Path root) {
    public Workspace of(String videoId) {
        UUID.fromString(videoId); // never a path made from anything else
        return new Workspace(root.resolve(videoId));
    }
}
