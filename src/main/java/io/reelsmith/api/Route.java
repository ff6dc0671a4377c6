package io.reelsmith.api;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.List;

/**
 * One API operation: the single description from which the server registers its handler and the OpenAPI
 * document lists it (so a route cannot exist without being documented, and the authorization test, which
 * reads the document, cannot miss one).
 *
 * @param body    the request body: a schema name of {@link OpenApi}, {@link #MULTIPART}, or null for none
 * @param produces the success response's content type, or several separated by ", "
 * @param query   query parameters, each "name: description"
 * @param returns the success response's schema name of {@link OpenApi}, or null
 */
public record Route(
        HandlerType method,
        String path,
        String tag,
        String summary,
        boolean authenticated,
        String body,
        int okStatus,
        String produces,
        List<String> query,
        String returns,
        Handler handler) {
    public static final String MULTIPART = "multipart/form-data";
    public static final String JSON = "application/json";

    public static Route open(
            HandlerType method, String path, String tag, String summary, String body, int okStatus, Handler h) {
        return new Route(method, path, tag, summary, false, body, okStatus, JSON, List.of(), null, h);
    }

    public static Route user(
            HandlerType method, String path, String tag, String summary, String body, int okStatus, Handler h) {
        return new Route(method, path, tag, summary, true, body, okStatus, JSON, List.of(), null, h);
    }

    public Route producing(String contentType) {
        return new Route(
                method, path, tag, summary, authenticated, body, okStatus, contentType, query, returns, handler);
    }

    public Route withQuery(String... params) {
        return new Route(
                method, path, tag, summary, authenticated, body, okStatus, produces, List.of(params), returns, handler);
    }

    public Route returning(String schema) {
        return new Route(method, path, tag, summary, authenticated, body, okStatus, produces, query, schema, handler);
    }
}
