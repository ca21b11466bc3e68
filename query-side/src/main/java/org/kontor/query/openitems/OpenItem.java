package org.kontor.query.openitems;

import java.time.LocalDate;
import java.util.List;

/**
 * One invoice or bill of a party as the book holds it: what it was for, when it fell due, and every
 * settlement (payment) with its date. What was open on a given day is computed from these, so the
 * aging as of any past date needs no snapshot.
 */
record OpenItem(String documentId, String currency, LocalDate issuedOn, LocalDate dueOn, long amountMinor,
                List<Settlement> settlements) {

    record Settlement(String settlementId, LocalDate date, long amountMinor) {
    }

    /**
     * What was still owed at the end of {@code asOf}: nothing for a document issued later, else its
     * amount less the settlements dated on or before that day.
     */
    long openAsOf(LocalDate asOf) {
        if (issuedOn.isAfter(asOf)) {
            return 0;
        }
        long settled = settlements.stream().filter(settlement -> !settlement.date().isAfter(asOf))
                .mapToLong(Settlement::amountMinor).sum();
        return amountMinor - settled;
    }
}
