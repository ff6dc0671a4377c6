package io.reelsmith.storage;

import java.io.IOException;

/**
 * One call of a bucket's client, its client-specific runtime failure turned into the {@link IOException}
 * {@link BlobStore} promises, with the same message shape for every store: "could not DOING WHERE: why".
 */
final class RemoteCall {
    /** The call; it may itself throw an IOException (a missing blob), which passes through unchanged. */
    interface Body<T> {
        T run() throws IOException;
    }

    private RemoteCall() {}

    static <T> T run(Class<? extends RuntimeException> clientFailure, String doing, String where, Body<T> body)
            throws IOException {
        try {
            return body.run();
        } catch (RuntimeException e) {
            if (!clientFailure.isInstance(e)) throw e;
            throw new IOException("could not " + doing + " " + where + ": " + e.getMessage(), e);
        }
    }
}
