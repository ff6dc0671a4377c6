package io.reelsmith.api;

import io.javalin.http.Context;

/** {@code ?limit=&offset=} of list routes: limit 1..100 (default 20), offset 0..1,000,000 (default 0). */
record Paging(int limit, int offset) {
    static final String LIMIT_DOC = "limit: page size, 1..100, default 20";
    static final String OFFSET_DOC = "offset: items to skip, 0..1000000, default 0";

    static Paging of(Context ctx) {
        return new Paging(number(ctx, "limit", 20, 1, 100), number(ctx, "offset", 0, 0, 1_000_000));
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
