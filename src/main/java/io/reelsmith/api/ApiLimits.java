package io.reelsmith.api;

import java.time.Duration;

/**
 * How much one client may ask of the API (docs/service.md, "Security"): request threads and idle timeout, the
 * proxies trusted for the client's address, token and session lifetimes, and the sign-in throttles — attempts per
 * account (per 15 minutes), attempts per client address (per minute), sign-ups per client address (per hour) and how
 * long a refused or failed sign-in waits before it is answered ({@code tarpit}).
 */
public record ApiLimits(
        int threads,
        Duration idleTimeout,
        int forwardedHops,
        Duration tokenLifetime,
        Duration sessionLifetime,
        int accountAttempts,
        int addressAttempts,
        int addressSignups,
        Duration tarpit) {
    public static final Duration ACCOUNT_PERIOD = Duration.ofMinutes(15),
            ADDRESS_PERIOD = Duration.ofMinutes(1),
            SIGNUP_PERIOD = Duration.ofHours(1);
    /** Access tokens live at most this long; a session outlives them and renews them. */
    public static final Duration MAX_TOKEN_LIFETIME = Duration.ofHours(1);

    public ApiLimits {
        if (tokenLifetime.compareTo(MAX_TOKEN_LIFETIME) > 0)
            throw new IllegalArgumentException("access tokens live at most 1 hour");
    }
}
