package io.reelsmith.api;

import io.javalin.http.Context;
import io.reelsmith.app.video.VideoRow;
import io.reelsmith.app.video.VideoStore;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Live progress as Server-Sent Events: an {@code event: video} with the same JSON as GET /videos/{id} each
 * time it changes, a comment every 15 s to keep proxies from closing the stream, and the stream ends after
 * the video reaches completed, failed or cancelled, or after {@link #MAX_STREAM} (a request thread is not held for a
 * whole long video; clients reopen the stream, as the web UI does). It reads the database, so it sees jobs run by any worker.
 */
final class VideoEvents {
    private static final Duration POLL = Duration.ofMillis(500), KEEP_ALIVE = Duration.ofSeconds(15);
    static final Duration MAX_STREAM = Duration.ofMinutes(10);
    private final VideoApi api;

    VideoEvents(VideoApi api) {
        this.api = api;
    }

    void stream(Context ctx, String userId) throws IOException, InterruptedException {
        api.find(ctx, userId); // 404 before any event is sent
        var res = ctx.res();
        res.setStatus(200);
        res.setCharacterEncoding("UTF-8");
        res.setContentType("text/event-stream");
        res.setHeader("Cache-Control", "no-cache");
        res.setHeader("X-Accel-Buffering", "no");
        OutputStream out = res.getOutputStream();
        String last = null;
        long lastWrite = System.nanoTime(), end = lastWrite + MAX_STREAM.toNanos();
        int id = 0;
        while (true) {
            VideoStore.Status status = api.status(ctx, userId);
            VideoRow v = status.shown().video();
            String json = Json.write(api.view(status, false));
            if (!json.equals(last)) {
                write(out, "id: " + (++id) + "\nevent: video\ndata: " + json + "\n\n");
                last = json;
                lastWrite = System.nanoTime();
            } else if (System.nanoTime() - lastWrite > KEEP_ALIVE.toNanos()) {
                write(out, ": keep-alive\n\n");
                lastWrite = System.nanoTime();
            }
            if (v.status().finished()) {
                write(out, "event: end\ndata: {\"status\":\"" + v.status().wire() + "\"}\n\n");
                return;
            }
            if (System.nanoTime() > end) return;
            Thread.sleep(POLL.toMillis());
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush(); // a client that went away makes this throw, which ends the loop
    }
}
