package io.reelsmith.pipeline;

import io.reelsmith.storage.Files2;

import java.io.IOException;
import java.nio.file.Path;
import java.util.UUID;

/** Where the service keeps each video's {@link Workspace}: {@code ROOT/<video id>}; ids are server-made UUIDs. */
public record JobDirs(Path root) {
    public Workspace of(String videoId) {
        UUID.fromString(videoId); // never a path made from anything else
        return new Workspace(root.resolve(videoId));
    }

    public void delete(String videoId) throws IOException {
        Files2.deleteTree(of(videoId).dir());
    }
}
