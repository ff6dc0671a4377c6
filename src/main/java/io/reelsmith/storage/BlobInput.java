package io.reelsmith.storage;

import io.reelsmith.app.files.BlobStore;
import java.io.IOException;
import java.io.InputStream;

/**
 * A blob as an {@link InputStream} that opens it only at the first read, from the offset reached by the
 * {@code skip} calls before: a ranged download (which skips to the range's start) then asks the store for
 * that part only, instead of fetching and discarding every byte before it.
 */
public final class BlobInput extends InputStream {
    private final BlobStore store;
    private final String key;
    private final long size;
    private long offset;
    private InputStream in;

    public BlobInput(BlobStore store, String key, long size) {
        this.store = store;
        this.key = key;
        this.size = size;
    }

    @Override
    public long skip(long n) throws IOException {
        if (in != null) return in.skip(n);
        long skipped = Math.max(0, Math.min(n, size - offset));
        offset += skipped;
        return skipped;
    }

    @Override
    public int read() throws IOException {
        return opened().read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        return opened().read(b, off, len);
    }

    private InputStream opened() throws IOException {
        if (in == null) in = offset >= size ? InputStream.nullInputStream() : store.open(key, offset);
        return in;
    }

    @Override
    public void close() throws IOException {
        if (in != null) in.close();
    }
}
