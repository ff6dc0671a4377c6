package io.reelsmith.api;

import io.javalin.http.Context;
import io.reelsmith.app.files.BlobKeys;
import io.reelsmith.app.files.BlobStore;
import io.reelsmith.storage.Accounts;
import java.io.IOException;

/**
 * DELETE /account: the caller's account and everything it owns — characters and their images, videos and every
 * file of theirs in the blob store, batches, spend entries, sessions (so every token of the account stops working).
 * Files go first and rows last, so a failure half-way is finished by asking again (nothing left unreachable).
 */
record AccountApi(Accounts accounts, BlobStore blobs) {
    void delete(Context ctx, Tokens.Caller caller) throws IOException {
        String userId = caller.userId();
        if (accounts.busy(userId))
            throw ApiError.conflict(
                    "a video of yours is queued or running, or a batch is starting videos: cancel them first");
        Accounts.Holdings held = accounts.holdings(userId);
        for (String videoId : held.videoIds()) blobs.deleteAll(BlobKeys.videoPrefix(userId, videoId));
        for (String key : held.characterImageKeys()) blobs.delete(key);
        accounts.delete(userId);
        ctx.status(204);
    }
}
