package org.kontor.config.http;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Instants in query parameters: ISO 8601 in UTC ({@code 2026-03-31T12:00:00Z}), anything else a 400. */
public final class Instants {

    private Instants() {
    }

    /** The instant, {@code null} when the parameter is absent or blank. */
    public static Instant parseOptional(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException invalid) {
            throw new InvalidRequestException(field, "must be an instant such as 2026-03-31T12:00:00Z");
        }
    }
}
