package io.reelsmith.mcp;

import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CountDownLatch;

/**
 * The stdio transport ({@code reelsmith mcp}): what an assistant on the creator's own machine starts. One local user,
 * who may also name image files on this machine; the process ends when the client closes its standard input.
 */
public final class McpStdio {
    /** Files up to this size are sent inside resources/read (stdio has no download link to offer instead). */
    static final long INLINE_LIMIT = 256L * 1024 * 1024;

    private McpStdio() {}

    /** Serves {@code userId} on {@code in}/{@code out} until {@code in} ends. */
    public static void serve(Services app, String userId, InputStream in, OutputStream out)
            throws InterruptedException {
        CountDownLatch ended = new CountDownLatch(1);
        InputStream watched = new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                return ended(super.read());
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return ended(super.read(b, off, len));
            }

            private int ended(int n) {
                if (n < 0) ended.countDown();
                return n;
            }
        };
        var transport = new StdioServerTransportProvider(McpServers.JSON, watched, out);
        Caller caller = new Caller(userId, null, true);
        McpSyncServer server = McpServers.build(McpServer.sync(transport), app, exchange -> caller, INLINE_LIMIT);
        try {
            ended.await();
        } finally {
            server.closeGracefully();
        }
    }
}
