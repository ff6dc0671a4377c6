package io.reelsmith.api;

import io.javalin.http.Context;
import io.reelsmith.kernel.Daemons;
import io.reelsmith.storage.UserRow;
import io.reelsmith.storage.Users;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Sign-up, login, refresh and logout. Every attempt is throttled per client address, and a login also per account,
 * before any bcrypt is computed (a refused attempt costs the server a map look-up); bcrypt itself runs on at most
 * {@link #HASHING} threads at once, so a flood of logins from many addresses cannot take every core either. A refused
 * or failed attempt is answered only after {@code tarpit} (1 s by default), without holding a thread meanwhile: each
 * guess costs the guesser a second and the server next to nothing.
 */
final class AuthApi {
    /** Leaves a core to the other routes on small machines. */
    static final int HASHING = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);

    private static final ScheduledExecutorService LATER =
            Executors.newSingleThreadScheduledExecutor(Daemons.named("auth-tarpit"));
    private final Users users;
    private final Tokens tokens;
    private final ApiLimits limits;
    private final Throttle accounts, addresses, signups;
    private final Semaphore hashing = new Semaphore(HASHING, true);

    record Credentials(String email, String password) {}

    record Refresh(String refreshToken) {}

    AuthApi(Users users, Tokens tokens, ApiLimits limits) {
        this.users = users;
        this.tokens = tokens;
        this.limits = limits;
        this.accounts = new Throttle(limits.accountAttempts(), ApiLimits.ACCOUNT_PERIOD);
        this.addresses = new Throttle(limits.addressAttempts(), ApiLimits.ADDRESS_PERIOD);
        this.signups = new Throttle(limits.addressSignups(), ApiLimits.SIGNUP_PERIOD);
    }

    void register(Context ctx) {
        Credentials c = Json.body(ctx, Credentials.class);
        String email = Check.email(c.email());
        String refusal = Passwords.refusal(c.password(), email);
        if (refusal != null) throw ApiError.badRequest("invalid_field", refusal);
        try {
            wait(signups.take(ClientAddress.of(ctx, limits.forwardedHops())), "sign-ups from your address");
            String hash = hashing(() -> Passwords.hash(c.password()));
            UserRow u = users.create(email, hash)
                    .orElseThrow(() -> ApiError.conflict("an account with this email already exists"));
            Json.respond(ctx, 201, tokens.start(u.id()));
        } catch (ApiError e) {
            if (e.status() != 429) throw e;
            later(ctx, e);
        }
    }

    void login(Context ctx) {
        Credentials c = Json.body(ctx, Credentials.class);
        if (c.email() == null || c.password() == null)
            throw ApiError.badRequest("invalid_field", "email and password are required");
        String email = c.email().strip().toLowerCase(Locale.ROOT);
        try {
            if (c.password().length() > Passwords.MAX * 2) throw ApiError.unauthorized("wrong email or password");
            wait(addresses.take(ClientAddress.of(ctx, limits.forwardedHops())), "sign-in attempts from your address");
            wait(accounts.take(email), "sign-in attempts for this account");
            var user = users.byEmail(email);
            boolean ok = hashing(() -> Passwords.matches(
                    c.password(), user.map(UserRow::passwordHash).orElse(null)));
            if (!ok) throw ApiError.unauthorized("wrong email or password");
            accounts.giveBack(email); // only failures count against an account
            Json.respond(ctx, 200, tokens.start(user.get().id()));
        } catch (ApiError e) {
            later(ctx, e);
        }
    }

    /** Answers the error after the tarpit delay; the request thread goes back to the pool meanwhile. */
    private void later(Context ctx, ApiError e) {
        CompletableFuture<Void> due = new CompletableFuture<>();
        LATER.schedule(() -> due.complete(null), limits.tarpit().toMillis(), TimeUnit.MILLISECONDS);
        ctx.future(() -> due.thenRun(() -> {
            if (e.retryAfter() > 0) ctx.header("Retry-After", String.valueOf(e.retryAfter()));
            ApiServer.error(ctx, e.status(), e.code(), e.getMessage());
        }));
    }

    void refresh(Context ctx) {
        Refresh r = Json.body(ctx, Refresh.class);
        Json.respond(
                ctx,
                200,
                tokens.refresh(r.refreshToken())
                        .orElseThrow(() -> ApiError.unauthorized(
                                "this session has ended or the refresh token is not valid; sign in again")));
    }

    void logout(Context ctx, Tokens.Caller caller) {
        tokens.end(caller);
        ctx.status(204);
    }

    /** 429 with Retry-After when a throttle says to wait. */
    private static void wait(long seconds, String what) {
        if (seconds > 0)
            throw ApiError.tooManyRequests(seconds, "too many " + what + "; try again in " + seconds + " s");
    }

    private interface Hashing<T> {
        T run();
    }

    private <T> T hashing(Hashing<T> work) {
        try {
            if (!hashing.tryAcquire(100, TimeUnit.MILLISECONDS))
                throw ApiError.tooManyRequests(1, "the server is busy signing people in; try again in 1 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiError.tooManyRequests(1, "the server is busy signing people in; try again in 1 s");
        }
        try {
            return work.run();
        } finally {
            hashing.release();
        }
    }
}
