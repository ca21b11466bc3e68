package org.kontor.query.openitems;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** The aging buckets of API.md: not yet due, then by days past the due date. */
enum AgingBucket {

    CURRENT, DAYS_1_30, DAYS_31_60, DAYS_61_90, OVER_90;

    /** The bucket of a document due on {@code dueOn}, seen at the end of {@code asOf}. */
    static AgingBucket of(LocalDate dueOn, LocalDate asOf) {
        long daysPastDue = ChronoUnit.DAYS.between(dueOn, asOf);
        if (daysPastDue <= 0) {
            return CURRENT;
        }
        if (daysPastDue <= 30) {
            return DAYS_1_30;
        }
        if (daysPastDue <= 60) {
            return DAYS_31_60;
        }
        return daysPastDue <= 90 ? DAYS_61_90 : OVER_90;
    }
}
