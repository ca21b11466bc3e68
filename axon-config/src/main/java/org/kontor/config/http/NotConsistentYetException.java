package org.kontor.config.http;

import java.time.Duration;

/** A read asked to wait for the views to catch up, and they did not in time. */
public class NotConsistentYetException extends RuntimeException {

    private final Duration retryAfter;

    public NotConsistentYetException(String detail, Duration retryAfter) {
        super(detail, null, false, false);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
