package io.reelsmith.api;

import io.reelsmith.app.VideoService;
import io.reelsmith.app.BatchService;
import io.reelsmith.app.Budgets;
import io.reelsmith.app.DbSpendLedger;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.reelsmith.app.CharacterLibrary;
import io.reelsmith.app.VideoFiles;
import io.reelsmith.script.ScriptException;
import io.reelsmith.storage.BlobStore;
import io.reelsmith.storage.Characters;
import io.reelsmith.storage.Database;
import io.reelsmith.storage.Users;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The HTTP side of {@code serve}: the /api/v1 routes, JSON errors, and the web UI's static files at /. */
public final class ApiServer {
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

    /** What the API works with; built by the service. */
    /** {@code downloadLinkLifetime}: null to stream downloads, else redirect to signed URLs valid this long. */
    public record Deps(Database db, VideoFiles files, CharacterLibrary characters, VideoService videos, Budgets budgets,
                       DbSpendLedger ledger, String secret, Duration tokenLifetime, long uploadMaxBytes, String characterProvider,
                       Duration downloadLinkLifetime, BatchService batches) {
        BlobStore blobs() {
            return files.blobs();
        }
    }

    private ApiServer() { }

    public static List<Route> routes(Deps d) {
        var jdbi = d.db().jdbi();
        Tokens tokens = new Tokens(d.secret(), d.tokenLifetime(), Clock.systemUTC());
        Characters characters = new Characters(jdbi);
        VideoApi videoApi = new VideoApi(d.videos());
        // The document lists the routes and the route serving it is one of them: it is filled in once they exist.
        var doc = new java.util.concurrent.atomic.AtomicReference<String>();
        List<Route> routes = Routes.all(tokens, new AuthApi(new Users(jdbi), tokens),
                new CharacterApi(d.characters(), characters, d.blobs(), d.characterProvider(), d.uploadMaxBytes()),
                videoApi, new VideoFilesApi(videoApi, d.files().blobs(), d.downloadLinkLifetime()), new VideoEvents(videoApi),
                new SpendApi(d.budgets(), d.ledger()), new BatchApi(d.batches(), d.files().blobs()),
                ctx -> health(ctx, jdbi),
                ctx -> ctx.contentType("application/json").result(doc.get()));
        doc.set(Json.write(OpenApi.document(routes, d.uploadMaxBytes())));
        return routes;
    }

    public static Javalin start(String host, int port, Deps d) {
        List<Route> routes = routes(d);
        Javalin app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.http.maxRequestSize = d.uploadMaxBytes() + 64 * 1024;
            cfg.jetty.multipartConfig.maxFileSize(d.uploadMaxBytes(), SizeUnit.BYTES);
            cfg.jetty.multipartConfig.maxTotalRequestSize(d.uploadMaxBytes() + 64 * 1024, SizeUnit.BYTES);
            cfg.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
            cfg.staticFiles.add(sf -> {
                sf.hostedPath = "/";
                sf.directory = "/web";
                sf.location = Location.CLASSPATH;
            });
            for (Route r : routes) cfg.routes.addHttpHandler(r.method(), r.path(), r.handler());
            cfg.routes.exception(ApiError.class, (e, ctx) -> error(ctx, e.status(), e.code(), e.getMessage()));
            cfg.routes.exception(io.reelsmith.app.Refusal.class, (e, ctx) -> {
                switch (e.kind()) {
                    case NOT_FOUND -> error(ctx, 404, "not_found", e.getMessage());
                    case CONFLICT -> error(ctx, 409, "conflict", e.getMessage());
                    case INVALID -> error(ctx, 400, "invalid_field", e.getMessage());
                }
            });
            cfg.routes.exception(io.reelsmith.app.BudgetExceeded.class, (e, ctx) -> budgetExceeded(ctx, e));
            cfg.routes.exception(ScriptException.class, (e, ctx) -> error(ctx, 400, "invalid_script", e.getMessage()));
            cfg.routes.exception(IllegalArgumentException.class, (e, ctx) -> error(ctx, 400, "invalid_field", e.getMessage()));
            cfg.routes.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), code(e.getStatus()), e.getMessage()));
            cfg.routes.exception(Exception.class, (e, ctx) -> {
                if (tooLarge(e)) {
                    error(ctx, 413, "too_large", "the request is larger than the upload limit of " + d.uploadMaxBytes() + " bytes");
                    return;
                }
                LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                error(ctx, 500, "internal", "internal error; the server log has the details");
            });
            cfg.routes.error(404, ctx -> {
                if (ctx.attribute("api-error") == null) error(ctx, 404, "not_found", "no such route: " + ctx.method() + " " + ctx.path());
            });
            cfg.routes.error(405, ctx -> {
                if (ctx.attribute("api-error") == null) error(ctx, 405, "method_not_allowed", ctx.method() + " is not allowed on " + ctx.path());
            });
        });
        return app.start(host, port);
    }

    static void error(Context ctx, int status, String code, String message) {
        ctx.attribute("api-error", code);
        Json.respond(ctx, status, Map.of("error", code, "message", message == null ? code : message));
    }

    /** 402: the estimate, what the budget still allows, and why in plain words; nothing was paid. */
    static void budgetExceeded(Context ctx, io.reelsmith.app.BudgetExceeded e) {
        ctx.attribute("api-error", "budget_exceeded");
        Json.respond(ctx, 402, Json.object("error", "budget_exceeded", "estimateUsd", e.estimateUsd(), "remainingUsd", e.remainingUsd(),
                "message", e.getMessage()));
    }

    private static String code(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 413 -> "too_large";
            default -> status >= 500 ? "internal" : "error";
        };
    }

    /** Jetty reports an over-limit multipart body as an exception somewhere in the cause chain. */
    private static boolean tooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (m.contains("exceeds") || m.contains("too large") || m.contains("max file size") || m.contains("413")) return true;
        }
        return false;
    }

    private static void health(Context ctx, org.jdbi.v3.core.Jdbi jdbi) {
        jdbi.useHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one());
        Json.respond(ctx, 200, Map.of("status", "ok"));
    }
}
