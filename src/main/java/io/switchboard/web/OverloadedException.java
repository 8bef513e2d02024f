package io.switchboard.web;

import java.time.Duration;

/**
 * The server is too busy to take the request on now; nothing was done, and the caller may send it again after
 * {@link #retryAfter()}. A 503, because the state of the server is at fault, not the request.
 */
public class OverloadedException extends RuntimeException {
    private final Duration retryAfter;

    public OverloadedException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** What the Retry-After header says: whole seconds, rounded up, at least one. */
    public long retryAfterSeconds() {
        return wholeSeconds(retryAfter);
    }

    /** A wait as Retry-After gives it, for a message that names the same number. */
    public static long wholeSeconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
