package io.reelsmith.api;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.exceptions.TokenExpiredException;
import io.javalin.http.Context;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** HS256 bearer tokens: subject = user id, with an expiry. The key comes from the configuration. */
public final class Tokens {
    static final String ISSUER = "reelsmith";
    private final Algorithm algorithm;
    private final JWTVerifier verifier;
    private final Duration lifetime;
    private final Clock clock;

    public Tokens(String secret, Duration lifetime, Clock clock) {
        this.algorithm = Algorithm.HMAC256(secret);
        this.verifier = JWT.require(algorithm).withIssuer(ISSUER).build();
        this.lifetime = lifetime;
        this.clock = clock;
    }

    public String issue(String userId) {
        Instant now = clock.instant();
        return JWT.create().withIssuer(ISSUER).withSubject(userId).withIssuedAt(now).withExpiresAt(now.plus(lifetime)).sign(algorithm);
    }

    public Duration lifetime() {
        return lifetime;
    }

    /**
     * The user id of a request's valid bearer token; 401 otherwise, saying what is wrong with the token.
     * A GET may carry the token as {@code ?access_token=} instead, because a browser's EventSource, {@code <img>}
     * and {@code <video>} cannot send headers (the web UI needs it for events, images and videos).
     */
    public String userId(Context ctx) {
        String header = ctx.header("Authorization");
        String query = ctx.queryParam("access_token");
        if ((header == null || header.isBlank()) && query != null && ctx.method() == io.javalin.http.HandlerType.GET) header = "Bearer " + query;
        return userIdOf(header);
    }

    /**
     * The user id of an {@code Authorization} header's valid bearer token; {@link ApiError} 401 otherwise. The one check
     * every HTTP edge uses: the REST routes above, and the MCP endpoint, which is a servlet beside them.
     */
    public String userIdOf(String header) {
        if (header == null || header.isBlank()) throw ApiError.unauthorized("sign in: send 'Authorization: Bearer <token>'");
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) throw ApiError.unauthorized("the Authorization header must be 'Bearer <token>'");
        try {
            return verifier.verify(header.substring(7).strip()).getSubject();
        } catch (TokenExpiredException e) {
            throw ApiError.unauthorized("the token has expired; log in again");
        } catch (JWTVerificationException e) {
            throw ApiError.unauthorized("the token is not valid");
        }
    }
}
