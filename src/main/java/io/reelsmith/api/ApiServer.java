package io.reelsmith.api;

import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.reelsmith.app.Refusal;
import io.reelsmith.app.batch.BatchService;
import io.reelsmith.app.character.CharacterLibrary;
import io.reelsmith.app.files.BlobStore;
import io.reelsmith.app.files.VideoFiles;
import io.reelsmith.app.money.BudgetExceeded;
import io.reelsmith.app.money.Budgets;
import io.reelsmith.app.video.StoryboardService;
import io.reelsmith.app.video.VideoService;
import io.reelsmith.kernel.SpendLedger;
import io.reelsmith.script.ScriptException;
import io.reelsmith.storage.Accounts;
import io.reelsmith.storage.Characters;
import io.reelsmith.storage.Database;
import io.reelsmith.storage.Sessions;
import io.reelsmith.storage.Users;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP side of {@code serve}: the /api/v1 routes, JSON errors, and the web UI's static files at /. */
public final class ApiServer {
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

    /** What the API works with; built by the service. */
    /** {@code downloadLinkLifetime}: null to stream downloads, else redirect to signed URLs valid this long. */
    public record Deps(
            Database db,
            VideoFiles files,
            CharacterLibrary characters,
            VideoService videos,
            Budgets budgets,
            SpendLedger ledger,
            String secret,
            ApiLimits limits,
            long uploadMaxBytes,
            String characterProvider,
            Duration downloadLinkLifetime,
            BatchService batches,
            StoryboardService storyboards) {
        BlobStore blobs() {
            return files.blobs();
        }
    }

    private ApiServer() {}

    public static List<Route> routes(Deps d) {
        var jdbi = d.db().jdbi();
        Tokens tokens = new Tokens(
                d.secret(),
                d.limits().tokenLifetime(),
                d.limits().sessionLifetime(),
                Clock.systemUTC(),
                new Sessions(jdbi),
                Tokens.SESSION_RECHECK);
        Characters characters = new Characters(jdbi);
        VideoApi videoApi = new VideoApi(d.videos());
        // The document lists the routes and the route serving it is one of them: it is filled in once they exist.
        var doc = new AtomicReference<String>();
        VideoFilesApi files = new VideoFilesApi(videoApi, d.files().blobs(), d.downloadLinkLifetime());
        List<Route> routes = Routes.all(
                tokens,
                new AuthApi(new Users(jdbi), tokens, d.limits()),
                new AccountApi(new Accounts(jdbi), d.blobs()),
                new CharacterApi(d.characters(), characters, d.blobs(), d.characterProvider(), d.uploadMaxBytes()),
                videoApi,
                files,
                new VideoEvents(videoApi),
                new SpendApi(d.budgets(), d.ledger()),
                new BatchApi(d.batches(), d.files().blobs()),
                new StoryboardApi(d.storyboards(), files),
                ctx -> health(ctx, jdbi),
                ctx -> ctx.contentType("application/json").result(doc.get()));
        doc.set(Json.write(OpenApi.document(routes, d.uploadMaxBytes())));
        return routes;
    }

    public static Javalin start(String host, int port, Deps d) {
        return start(host, port, d, handler -> {});
    }

    /** {@code more}: servlets mounted beside the API on the same server (the MCP endpoint at /mcp). */
    public static Javalin start(String host, int port, Deps d, Consumer<ServletContextHandler> more) {
        List<Route> routes = routes(d);
        ApiLimits limits = d.limits();
        Javalin app = Javalin.create(cfg -> {
            cfg.jetty.modifyServletContextHandler(more);
            cfg.startup.showJavalinBanner = false;
            // A bounded pool, and at most 10 connections per thread (past that Jetty stops accepting until some close;
            // Jetty warns against a bounded job queue, which can starve its own selector tasks). A request that stops
            // reading or sending is dropped after the idle timeout (its stream's; the connector's is Jetty's 30 s), so
            // no request holds a thread for ever.
            cfg.jetty.threadPool = new QueuedThreadPool(limits.threads(), Math.min(8, limits.threads()), 60_000);
            cfg.jetty.modifyServer(server -> server.addBean(new NetworkConnectionLimit(limits.threads() * 10, server)));
            cfg.jetty.modifyHttpConfiguration(
                    http -> http.setIdleTimeout(limits.idleTimeout().toMillis()));
            cfg.http.maxRequestSize = d.uploadMaxBytes() + 64 * 1024;
            cfg.jetty.multipartConfig.maxFileSize(d.uploadMaxBytes(), SizeUnit.BYTES);
            cfg.jetty.multipartConfig.maxTotalRequestSize(d.uploadMaxBytes() + 64 * 1024, SizeUnit.BYTES);
            cfg.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
            cfg.staticFiles.add(sf -> {
                sf.hostedPath = "/";
                sf.directory = "/web";
                sf.location = Location.CLASSPATH;
            });
            cfg.routes.before(ctx -> Hardening.headers(ctx, ClientAddress.secure(ctx, limits.forwardedHops())));
            for (Route r : routes) cfg.routes.addHttpHandler(r.method(), r.path(), r.handler());
            cfg.routes.exception(ApiError.class, (e, ctx) -> {
                if (e.retryAfter() > 0) ctx.header("Retry-After", String.valueOf(e.retryAfter()));
                error(ctx, e.status(), e.code(), e.getMessage());
            });
            cfg.routes.exception(Refusal.class, (e, ctx) -> {
                switch (e.kind()) {
                    case NOT_FOUND -> error(ctx, 404, "not_found", e.getMessage());
                    case CONFLICT -> error(ctx, 409, "conflict", e.getMessage());
                    case INVALID -> error(ctx, 400, "invalid_field", e.getMessage());
                }
            });
            cfg.routes.exception(BudgetExceeded.class, (e, ctx) -> budgetExceeded(ctx, e));
            cfg.routes.exception(ScriptException.class, (e, ctx) -> error(ctx, 400, "invalid_script", e.getMessage()));
            cfg.routes.exception(
                    IllegalArgumentException.class, (e, ctx) -> error(ctx, 400, "invalid_field", e.getMessage()));
            cfg.routes.exception(
                    HttpResponseException.class,
                    (e, ctx) -> error(ctx, e.getStatus(), code(e.getStatus()), e.getMessage()));
            cfg.routes.exception(Exception.class, (e, ctx) -> {
                if (tooLarge(e)) {
                    error(
                            ctx,
                            413,
                            "too_large",
                            "the request is larger than the upload limit of " + d.uploadMaxBytes() + " bytes");
                    return;
                }
                LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                error(ctx, 500, "internal", "internal error; the server log has the details");
            });
            cfg.routes.error(404, ctx -> {
                if (ctx.attribute("api-error") == null)
                    error(ctx, 404, "not_found", "no such route: " + ctx.method() + " " + ctx.path());
            });
            cfg.routes.error(405, ctx -> {
                if (ctx.attribute("api-error") == null)
                    error(ctx, 405, "method_not_allowed", ctx.method() + " is not allowed on " + ctx.path());
            });
        });
        return app.start(host, port);
    }

    /**
     * The API's sign-in check for another HTTP edge of this server: the user id of a request's bearer token whose
     * session is live, or {@link ApiError} 401 (its message says what is wrong with the token).
     */
    public static Function<String, String> authentication(Deps d) {
        return new Tokens(
                        d.secret(),
                        d.limits().tokenLifetime(),
                        d.limits().sessionLifetime(),
                        Clock.systemUTC(),
                        new Sessions(d.db().jdbi()),
                        Duration.ZERO)
                ::userIdOf; // not the routes' Tokens: it does not see their logouts, so it never remembers
    }

    /** An error answer; its message never names a Java class (one from a library could). */
    static void error(Context ctx, int status, String code, String message) {
        ctx.attribute("api-error", code);
        if (status == 413) dropTheRest(ctx);
        Json.respond(ctx, status, Map.of("error", code, "message", message == null ? code : Json.scrub(message)));
    }

    /**
     * Reads and drops what is left of a refused body (at most 32 MB, 2 s), then closes: a client still sending when
     * the connection closes gets a TCP reset that loses the 413 (RFC 9112 §9.6, tear-down). A body declared larger
     * than that is not read at all: the connection just closes.
     */
    private static void dropTheRest(Context ctx) {
        ctx.header("Connection", "close");
        long declared = ctx.req().getContentLengthLong(), left = 32L << 20;
        if (declared > left) return;
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        byte[] buffer = new byte[64 * 1024];
        try {
            InputStream in = ctx.req().getInputStream();
            for (int n; left > 0 && System.nanoTime() < deadline && (n = in.read(buffer)) > 0; ) left -= n;
        } catch (IOException | IllegalStateException e) {
            // the body is gone already (or was read as parts): the answer is sent and the connection closed anyway
        }
    }

    /** 402: the estimate, what the budget still allows, and why in plain words; nothing was paid. */
    static void budgetExceeded(Context ctx, BudgetExceeded e) {
        ctx.attribute("api-error", "budget_exceeded");
        Json.respond(
                ctx,
                402,
                Json.object(
                        "error",
                        "budget_exceeded",
                        "estimateUsd",
                        e.estimateUsd(),
                        "remainingUsd",
                        e.remainingUsd(),
                        "message",
                        e.getMessage()));
    }

    private static String code(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 413 -> "too_large";
            case 415 -> "unsupported_media_type";
            case 429 -> "too_many_requests";
            default -> status >= 500 ? "internal" : "error";
        };
    }

    /** Jetty reports an over-limit multipart body as an exception somewhere in the cause chain. */
    private static boolean tooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (m.contains("exceeds") || m.contains("too large") || m.contains("max file size") || m.contains("413"))
                return true;
        }
        return false;
    }

    private static void health(Context ctx, Jdbi jdbi) {
        jdbi.useHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one());
        Json.respond(ctx, 200, Map.of("status", "ok"));
    }
}
