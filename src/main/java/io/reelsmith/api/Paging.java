package io.reelsmith.api;

import io.javalin.http.Context;
import io.reelsmith.app.Page;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** {@code ?limit=&offset=} of list routes: limit 1..100 (default 20), offset 0..1,000,000 (default 0). */
record Paging(int limit, int offset) {
    static final String LIMIT_DOC = "limit: page size, 1..100, default 20";
    static final String OFFSET_DOC = "offset: items to skip, 0..1000000, default 0";

    static Paging of(Context ctx) {
        return new Paging(number(ctx, "limit", 20, 1, 100), number(ctx, "offset", 0, 0, 1_000_000));
    }

    /** A page of a list as the list routes answer it, each item shown by {@code view}. */
    static <T> void respond(Context ctx, Page<T> page, Function<T, ?> view) {
        respond(ctx, page, page.items().stream().map(view).toList());
    }

    /** {@code items}: the page's items as shown. */
    static void respond(Context ctx, Page<?> page, List<?> items) {
        Json.respond(
                ctx,
                200,
                Map.of("items", items, "total", page.total(), "limit", page.limit(), "offset", page.offset()));
    }

    private static int number(Context ctx, String name, int fallback, int min, int max) {
        String v = ctx.queryParam(name);
        if (v == null || v.isEmpty()) return fallback;
        try {
            return Check.range(name, Integer.parseInt(v), fallback, min, max);
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("invalid_field", name + " must be a whole number, not '" + v + "'");
        }
    }
}
