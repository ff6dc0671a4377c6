package io.reelsmith.api;

import io.javalin.http.Context;
import io.reelsmith.storage.UserRow;
import io.reelsmith.storage.Users;

import java.util.Map;

/** Sign-up and login; both answer with a bearer token. */
record AuthApi(Users users, Tokens tokens) {
    record Credentials(String email, String password) { }

    void register(Context ctx) {
        Credentials c = Json.body(ctx, Credentials.class);
        String email = Check.email(c.email());
        String password = password(c.password());
        UserRow u = users.create(email, Passwords.hash(password))
                .orElseThrow(() -> ApiError.conflict("an account with this email already exists"));
        Json.respond(ctx, 201, tokenBody(u.id()));
    }

    void login(Context ctx) {
        Credentials c = Json.body(ctx, Credentials.class);
        if (c.email() == null || c.password() == null) throw ApiError.badRequest("invalid_field", "email and password are required");
        var user = users.byEmail(c.email().strip().toLowerCase(java.util.Locale.ROOT));
        if (!Passwords.matches(c.password(), user.map(UserRow::passwordHash).orElse(null)))
            throw ApiError.unauthorized("wrong email or password");
        Json.respond(ctx, 200, tokenBody(user.get().id()));
    }

    private Map<String, Object> tokenBody(String userId) {
        return Map.of("token", tokens.issue(userId), "expiresIn", tokens.lifetime().toSeconds());
    }

    private static String password(String p) {
        if (p == null || p.length() < Passwords.MIN) throw ApiError.badRequest("invalid_field", "password must have at least " + Passwords.MIN + " characters");
        if (p.length() > Passwords.MAX) throw ApiError.badRequest("invalid_field", "password must have at most " + Passwords.MAX + " characters");
        return p;
    }
}
