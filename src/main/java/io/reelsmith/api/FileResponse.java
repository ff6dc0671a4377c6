package io.reelsmith.api;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/**
 * Sends a stored file with HTTP Range (RFC 9110 §14), for every file route. It replaces Javalin's
 * {@code writeSeekableStream}, whose SeekableWriter (7.2.3) loops for ever on {@code skip} returning 0 past
 * the end ({@code bytes=99999999-}), reads {@code bytes=-100} as "from 100", answers a non-media file's range
 * with 200 and a Content-Range, and runs on an unbounded async pool. Here the range is read from the store at
 * its offset, on the request's own (bounded) thread, and the copy stops after the asked bytes or at the end
 * of the stream, whichever comes first.
 */
final class FileResponse {
    /** Opens the file at a byte offset (a blob store reads only from there). */
    @FunctionalInterface
    interface Opener {
        InputStream open(long offset) throws IOException;
    }

    private FileResponse() {}

    static void send(Context ctx, Opener opener, String contentType, long size) throws IOException {
        // If-Range needs a validator we do not send: per RFC 9110 §13.1.5 the range is then ignored.
        ByteRange range =
                ctx.header("If-Range") != null ? ByteRange.whole(size) : ByteRange.of(ctx.header("Range"), size);
        ctx.header("Accept-Ranges", "bytes");
        if (range.kind() == ByteRange.Kind.UNSATISFIABLE) {
            ctx.header("Content-Range", range.contentRange());
            ctx.header("Content-Disposition", "inline"); // the error body, not the file
            Json.respond(
                    ctx,
                    416,
                    Map.of(
                            "error",
                            "range_not_satisfiable",
                            "message",
                            "the Range header asks for no byte of this file, which has " + size + " bytes"));
            return;
        }
        var res = ctx.res();
        res.setStatus(range.kind() == ByteRange.Kind.PARTIAL ? 206 : 200);
        if (range.kind() == ByteRange.Kind.PARTIAL) res.setHeader("Content-Range", range.contentRange());
        res.setContentType(contentType);
        res.setContentLengthLong(range.count());
        if (range.count() == 0) return;
        try (InputStream in = opener.open(range.first());
                OutputStream out = res.getOutputStream()) {
            copy(in, out, range.count());
        }
    }

    /** Copies at most {@code n} bytes; a stream that ends early ends the copy (the client sees a short body). */
    static long copy(InputStream in, OutputStream out, long n) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long left = n;
        while (left > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) break;
            out.write(buffer, 0, read);
            left -= read;
        }
        return n - left;
    }
}
