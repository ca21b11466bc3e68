package org.kontor.config.storage;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.common.DateTimeUtils;

/**
 * Reads the timestamps Axon writes into the event table ({@link DateTimeUtils#formatInstant}:
 * {@code 2026-11-27T05:30:00.123Z}, UTC, milliseconds) without a
 * {@link java.time.format.DateTimeFormatter}. Axon parses the column with a formatter each time an
 * event's timestamp is asked for, at least twice per event and processor in a replay: in a flight
 * recording of a replay that was 5 to 6 % of the samples and the largest single source of garbage (a
 * tenth of the bytes allocated). Any other form is left to Axon's own parser, so the result is the
 * same for every value. The hash chain reads the stored rows with it too.
 */
public final class StoredTimestamps {

    /** {@code yyyy-MM-ddTHH:mm:ss.SSSZ}, the only form Axon writes. */
    private static final int WRITTEN_LENGTH = "2026-11-27T05:30:00.123Z".length();

    private StoredTimestamps() {
    }

    /** The instant of a stored timestamp, as Axon's {@link DateTimeUtils#parseInstant} reads it. */
    public static Instant parse(String text) {
        Instant fast = parseAsWritten(text);
        return fast != null ? fast : DateTimeUtils.parseInstant(text);
    }

    /** The instant, or {@code null} when the text is not in the form Axon writes. */
    private static Instant parseAsWritten(String text) {
        if (text.length() != WRITTEN_LENGTH || text.charAt(4) != '-' || text.charAt(7) != '-'
                || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':'
                || text.charAt(19) != '.' || text.charAt(23) != 'Z') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int millis = digits(text, 20, 23);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59 || millis < 0) {
            return null;
        }
        try {
            long days = LocalDate.of(year, month, day).toEpochDay();
            return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second, millis * 1_000_000L);
        } catch (DateTimeException invalidDate) {
            return null;
        }
    }

    /** The decimal number in {@code text[from, to)}, or -1 if a character there is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int index = from; index < to; index++) {
            char digit = text.charAt(index);
            if (digit < '0' || digit > '9') {
                return -1;
            }
            value = value * 10 + (digit - '0');
        }
        return value;
    }
}
