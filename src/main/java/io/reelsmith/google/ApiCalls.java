package io.reelsmith.google;

import com.google.genai.errors.ApiException;
import com.google.genai.errors.GenAiIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs one SDK call with our retry policy: 429, 5xx and network errors are retried with exponential backoff
 * up to {@code maxRetries} times and never past {@code deadline}; anything else fails at once with a readable
 * message. Used for calls that are safe to repeat: a refused submission (no operation was created), a poll,
 * a download, a text or image call that failed (not billed).
 */
public final class ApiCalls {
    private static final Set<Integer> TRANSIENT = Set.of(408, 429, 500, 502, 503, 504);

    private final GoogleConfig config;

    public ApiCalls(GoogleConfig config) {
        this.config = config;
    }

    public GoogleConfig config() {
        return config;
    }

    public <T> T call(String what, Supplier<T> call) throws GoogleException {
        return call(what, call, System.nanoTime() + config.operationTimeout().toNanos());
    }

    /**
     * A paid submission: retried only when Google answered with an error (no operation was created) or the
     * connection was never made. A network error after the request was sent (a read timeout, a reset) may
     * hide an accepted, billed operation, so it is not retried here: the run fails and the next run finds the
     * submission claim without an operation and records it as uncertain spend.
     */
    public <T> T submit(String what, Supplier<T> call) throws GoogleException {
        return call(what, call, System.nanoTime() + config.operationTimeout().toNanos(), true);
    }

    public <T> T call(String what, Supplier<T> call, long deadlineNanos) throws GoogleException {
        return call(what, call, deadlineNanos, false);
    }

    private <T> T call(String what, Supplier<T> call, long deadlineNanos, boolean paid) throws GoogleException {
        Duration wait = config.backoffInitial();
        for (int attempt = 0; ; attempt++) {
            try {
                return call.get();
            } catch (ApiException e) {
                RetiredModelException retired = retired(e);
                if (retired != null) throw retired; // a shut-down model never comes back: not retried, nothing billed
                if (!TRANSIENT.contains(e.code())) throw new GoogleException(what + " failed: " + describe(e), e);
                if (attempt >= config.maxRetries() || pastDeadline(wait, deadlineNanos)) {
                    throw new GoogleException(
                            what + " failed: " + describe(e) + gaveUp(attempt, deadlineNanos, wait), e);
                }
            } catch (GenAiIOException e) {
                if (paid && !neverConnected(e)) {
                    throw new GoogleException(
                            what + " failed after it was sent (" + rootMessage(e) + "): Google may have accepted it,"
                                    + " so it is not sent again by this run",
                            e);
                }
                if (attempt >= config.maxRetries() || pastDeadline(wait, deadlineNanos)) {
                    throw new GoogleException(
                            what + " failed: " + rootMessage(e) + gaveUp(attempt, deadlineNanos, wait), e);
                }
            }
            sleep(wait);
            wait = min(wait.multipliedBy(2), config.backoffMax());
        }
    }

    private static String gaveUp(int attempt, long deadlineNanos, Duration wait) {
        return " (" + (attempt + 1) + (attempt == 0 ? " attempt" : " attempts")
                + (pastDeadline(wait, deadlineNanos) ? ", time limit reached)" : ")");
    }

    private static final Pattern NO_LONGER = Pattern.compile("(?:models/)?([A-Za-z0-9._-]+) is no longer available");

    /** Google's 404 "models/X is no longer available…" as the catalogue's one line for X (or Google's words). */
    RetiredModelException retired(ApiException e) {
        if (e.code() != 404 || e.message() == null) return null;
        Matcher m = NO_LONGER.matcher(e.message());
        if (!m.find()) return null;
        String id = m.group(1);
        String line = config.catalogue()
                .find(id)
                .filter(GoogleModels.Model::isShutdown)
                .map(GoogleModels.Model::retiredMessage)
                .orElse(id + " is no longer available (Google: " + e.message()
                        + "); choose a current model with `reelsmith models google`");
        return new RetiredModelException(line);
    }

    public static boolean isTransient(ApiException e) {
        return TRANSIENT.contains(e.code());
    }

    public static String describe(ApiException e) {
        String status = e.status() == null || e.status().isBlank() ? "" : " " + e.status();
        return "HTTP " + e.code() + status + ": " + e.message();
    }

    private static boolean neverConnected(Throwable t) {
        for (; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException) return true;
        }
        return false;
    }

    public static String rootMessage(Throwable t) {
        while (t.getCause() != null) t = t.getCause();
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    private static boolean pastDeadline(Duration wait, long deadlineNanos) {
        return System.nanoTime() + wait.toNanos() > deadlineNanos;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    public static void sleep(Duration d) throws GoogleException {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GoogleException("interrupted while waiting for Google");
        }
    }
}
