package io.reelsmith.api;

/** An error the client caused or must know of; becomes {@code {"error": code, "message": text}} with the status. */
public final class ApiError extends RuntimeException {
    private final int status;
    private final String code;
    private final long retryAfter;

    public ApiError(int status, String code, String message) {
        this(status, code, message, 0);
    }

    private ApiError(int status, String code, String message, long retryAfter) {
        super(message);
        this.status = status;
        this.code = code;
        this.retryAfter = retryAfter;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** Seconds for a Retry-After header, 0 for none. */
    public long retryAfter() {
        return retryAfter;
    }

    public static ApiError badRequest(String code, String message) {
        return new ApiError(400, code, message);
    }

    public static ApiError notFound(String what) {
        return new ApiError(404, "not_found", what + " not found");
    }

    public static ApiError conflict(String message) {
        return new ApiError(409, "conflict", message);
    }

    public static ApiError unauthorized(String message) {
        return new ApiError(401, "unauthorized", message);
    }

    public static ApiError tooManyRequests(long retryAfterSeconds, String message) {
        return new ApiError(429, "too_many_requests", message, retryAfterSeconds);
    }
}
