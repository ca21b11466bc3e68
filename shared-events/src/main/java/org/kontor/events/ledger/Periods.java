package org.kontor.events.ledger;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;

/** Accounting periods are calendar months, written {@code YYYY-MM}. */
public final class Periods {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM");

    private Periods() {
    }

    /** The period a business date falls in. */
    public static String of(LocalDate date) {
        return YearMonth.from(date).format(FORMAT);
    }

    /** The period written {@code YYYY-MM}; throws on anything else. */
    public static YearMonth parse(String period) {
        return YearMonth.parse(period, FORMAT);
    }
}
