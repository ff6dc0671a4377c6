package io.reelsmith.mcp;

import io.modelcontextprotocol.spec.McpSchema;
import io.reelsmith.app.video.StepState;
import io.reelsmith.app.video.VideoRow;
import io.reelsmith.app.video.VideoService;
import java.time.Duration;
import java.util.List;

/**
 * Follows a running video until it finishes (or a time limit), reporting each finished step as an MCP progress
 * notification ({@code progress} = steps done, {@code total} = steps) when the call carried a progress token, and
 * as a log message (logger "reelsmith.progress") for clients that show the server's log. It reads the database, like
 * the REST API's event stream, so it sees a job whichever worker runs it.
 */
final class Follow {
    private static final Duration POLL = Duration.ofMillis(500), HEARTBEAT = Duration.ofSeconds(10);

    private Follow() {}

    /** The video as it is when it finished, or when {@code limit} ran out. */
    static VideoRow until(VideoService videos, Caller caller, String videoId, Tool.Call call, Duration limit)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        double reported = -1;
        long since = System.nanoTime();
        String last = null;
        while (true) {
            VideoRow v = videos.find(caller.userId(), videoId);
            List<StepState> steps = videos.steps(v);
            long done = StepState.countDone(steps);
            String running = StepState.running(steps);
            String message = v.status().finished()
                    ? "video " + v.status().wire()
                    : done + " of " + steps.size() + " steps done" + (running == null ? "" : ", making " + running);
            long quiet = System.nanoTime() - since;
            if (!message.equals(last)) {
                // progress must only grow and never pass the total: a regenerate forgets steps, so report the most done
                // so far
                double next = Math.min(steps.size(), Math.max(reported + 0.001, done));
                send(call, v, next > reported ? next : -1, steps.size(), message, true);
                reported = Math.max(reported, next);
                last = message;
                since = System.nanoTime();
            } else if (quiet > HEARTBEAT.toNanos() && reported < steps.size() - 0.01) {
                // a long step (the render) still moves: a fraction of the step, so clients that reset their timeout
                // on progress keep waiting, without ever claiming the step is done
                reported += (Math.floor(reported) + 1 - reported) / 4;
                send(call, v, reported, steps.size(), message, false);
                since = System.nanoTime();
            }
            if (v.status().finished() || System.nanoTime() > deadline) return v;
            Thread.sleep(POLL.toMillis());
        }
    }

    /** {@code progress} below 0: no progress notification (the value would not grow), only the log line. */
    private static void send(Tool.Call call, VideoRow v, double progress, int total, String message, boolean log) {
        if (call.progressToken() != null && progress >= 0) {
            call.exchange()
                    .progressNotification(new McpSchema.ProgressNotification(
                            call.progressToken(), progress, (double) total, message));
        }
        if (log) {
            call.exchange()
                    .loggingNotification(McpSchema.LoggingMessageNotification.builder()
                            .level(McpSchema.LoggingLevel.INFO)
                            .logger("reelsmith.progress")
                            .data("video " + v.id() + ": " + message)
                            .build());
        }
    }
}
