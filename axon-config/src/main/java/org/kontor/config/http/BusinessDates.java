package org.kontor.config.http;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** Business dates in query parameters: {@code YYYY-MM-DD}, anything else a 400 naming the parameter. */
public final class BusinessDates {

    /** Compiled once: {@code String.matches} compiles its pattern on every call. */
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private BusinessDates() {
    }

    public static LocalDate parse(String field, String value) {
        if (value == null || !DATE.matcher(value).matches()) {
            throw new InvalidRequestException(field, "must be a date such as 2026-03-31");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException invalid) {
            throw new InvalidRequestException(field, "must be a date such as 2026-03-31");
        }
    }
}
