package io.reelsmith.api;

import io.javalin.http.Context;

/**
 * Response headers for browsers, on every answer (UI files and API alike). The UI's policy allows only its own
 * scripts, styles, images and media (no inline script or style, no eval, no framing, no plugins); data: is for the
 * inline favicon and blob: for an upload's preview. API answers get a policy that allows nothing at all, in case one
 * is ever opened as a page.
 */
final class Hardening {
    static final String UI_POLICY =
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; media-src 'self' blob:; "
                    + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private Hardening() {}

    /** {@code secure}: the client reached us over TLS, so HSTS is sent (browsers ignore it over plain HTTP anyway). */
    static void headers(Context ctx, boolean secure) {
        ctx.header("Content-Security-Policy", ctx.path().startsWith(Routes.V1 + "/") ? API_POLICY : UI_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        if (secure) ctx.header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }
}
