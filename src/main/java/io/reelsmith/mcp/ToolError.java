package io.reelsmith.mcp;

/** A tool call that cannot be done as asked: its message is the one sentence the agent reads (isError result). */
final class ToolError extends RuntimeException {
    ToolError(String message) {
        super(message);
    }
}
