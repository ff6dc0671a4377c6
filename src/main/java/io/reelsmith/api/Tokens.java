package io.reelsmith.api;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.exceptions.TokenExpiredException;
import com.auth0.jwt.interfaces.DecodedJWT;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.reelsmith.storage.Sessions;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Sign-in: short-lived HS256 access tokens (subject = user id, {@code sid} = session id, {@code exp} required)
 * over a session row ({@link Sessions}) that a refresh token renews and logout or account deletion ends. A token
 * is accepted only while its session exists: ending a session ends its tokens at once on the API process that ended
 * it, and within {@link #SESSION_RECHECK} on the others ({@link LiveSessions}).
 */
public final class Tokens {
    static final String ISSUER = "reelsmith";
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Algorithm algorithm;
    private final JWTVerifier verifier;
    private final Duration lifetime, sessionLifetime;
    private final Clock clock;
    private final Sessions sessions;
    private final LiveSessions live;

    /** How long a session found live is taken as live without asking the database again (the REST routes). */
    static final Duration SESSION_RECHECK = Duration.ofSeconds(1);

    /** Who called: the user and the session their token belongs to. */
    record Caller(String userId, String sessionId) {}

    /** What a login, sign-up or refresh answers. */
    record Issued(String token, long expiresIn, String refreshToken) {}

    /** {@code recheck}: see {@link LiveSessions}; {@link Duration#ZERO} checks the session in the database every time. */
    public Tokens(
            String secret,
            Duration lifetime,
            Duration sessionLifetime,
            Clock clock,
            Sessions sessions,
            Duration recheck) {
        this.algorithm = Algorithm.HMAC256(secret);
        this.verifier = JWT.require(algorithm)
                .withIssuer(ISSUER)
                .withClaimPresence("exp")
                .withClaimPresence("sid")
                .withClaimPresence("sub")
                .build();
        this.lifetime = lifetime;
        this.sessionLifetime = sessionLifetime;
        this.clock = clock;
        this.sessions = sessions;
        this.live = new LiveSessions(sessions, recheck, System::nanoTime);
    }

    /** A new session for the user and its first access token. */
    Issued start(String userId) {
        String secret = secret();
        String sessionId = sessions.create(userId, sha256(secret), sessionLifetime);
        return new Issued(access(userId, sessionId), lifetime.toSeconds(), sessionId + "." + secret);
    }

    /** A new access token and refresh token for a refresh token that is its session's current one; empty otherwise. */
    Optional<Issued> refresh(String refreshToken) {
        int dot = refreshToken == null ? -1 : refreshToken.indexOf('.');
        if (dot != 36 || refreshToken.length() > 200) return Optional.empty();
        String sessionId = refreshToken.substring(0, dot), secret = secret();
        Optional<String> userId = sessions.rotate(sessionId, sha256(refreshToken.substring(dot + 1)), sha256(secret));
        if (userId.isEmpty()) live.ended(sessionId); // a replayed refresh token ends its session
        return userId.map(u -> new Issued(access(u, sessionId), lifetime.toSeconds(), sessionId + "." + secret));
    }

    void end(Caller caller) {
        sessions.delete(caller.sessionId());
        live.ended(caller.sessionId());
    }

    /** After the user's account (and with it every session of theirs) was deleted. */
    void endedAllOf(String userId) {
        live.endedAllOf(userId);
    }

    String access(String userId, String sessionId) {
        Instant now = clock.instant();
        return JWT.create()
                .withIssuer(ISSUER)
                .withSubject(userId)
                .withClaim("sid", sessionId)
                .withIssuedAt(now)
                .withExpiresAt(now.plus(lifetime))
                .sign(algorithm);
    }

    /** The user id of a request's valid bearer token (see {@link #caller}). */
    public String userId(Context ctx) {
        return caller(ctx).userId();
    }

    /**
     * The caller of a request with a valid bearer token whose session still exists; 401 otherwise, saying what is
     * wrong. A GET may carry the token as {@code ?access_token=} instead, because a browser's {@code <img>} and
     * {@code <video>} cannot send headers.
     */
    Caller caller(Context ctx) {
        String header = ctx.header("Authorization");
        String query = ctx.queryParam("access_token");
        if ((header == null || header.isBlank()) && query != null && ctx.method() == HandlerType.GET)
            header = "Bearer " + query;
        return callerOf(header);
    }

    /**
     * The user id of an {@code Authorization} header's valid bearer token whose session is live; {@link ApiError} 401
     * otherwise. The one check every HTTP edge uses: the REST routes, and the MCP endpoint, a servlet beside them.
     */
    public String userIdOf(String header) {
        return callerOf(header).userId();
    }

    private Caller callerOf(String header) {
        if (header == null || header.isBlank())
            throw ApiError.unauthorized("sign in: send 'Authorization: Bearer <token>'");
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7))
            throw ApiError.unauthorized("the Authorization header must be 'Bearer <token>'");
        DecodedJWT jwt;
        try {
            jwt = verifier.verify(header.substring(7).strip());
        } catch (TokenExpiredException e) {
            throw ApiError.unauthorized("the token has expired; refresh it or sign in again");
        } catch (JWTVerificationException e) {
            throw ApiError.unauthorized("the token is not valid");
        }
        Caller c = new Caller(jwt.getSubject(), jwt.getClaim("sid").asString());
        if (c.sessionId() == null || !live.live(c.sessionId(), c.userId()))
            throw ApiError.unauthorized("this session has ended; sign in again");
        return c;
    }

    private static String secret() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
