package org.kontor.query.crm;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import org.bson.Document;
import org.kontor.config.http.MoneyJson;
import org.kontor.events.common.Money;

/** Reading the fields views store: instants as dates, business dates as strings, money in minor units. */
final class Views {

    private Views() {
    }

    static Instant instant(Document document, String field) {
        Date date = document.getDate(field);
        return date == null ? null : date.toInstant();
    }

    static LocalDate date(Document document, String field) {
        String text = document.getString(field);
        return text == null ? null : LocalDate.parse(text);
    }

    /** Money from a minor-unit field and the document's {@code currency}; null when either is missing. */
    static MoneyJson money(Document document, String amountField) {
        Number amount = document.get(amountField, Number.class);
        String currency = document.getString("currency");
        return amount == null || currency == null ? null : MoneyJson.of(new Money(amount.longValue(), currency));
    }

    static long version(Document document) {
        return document.get("version", Number.class).longValue();
    }
}
