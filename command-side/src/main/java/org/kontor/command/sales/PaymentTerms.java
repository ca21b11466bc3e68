package org.kontor.command.sales;

import java.time.LocalDate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When an invoice falls due when the request names no due date: {@code erp.sales.payment-term-days}
 * (30 by default) after its date. One term for every customer: the CRM keeps no terms per customer
 * yet; when it does, they take precedence here.
 */
@Component
class PaymentTerms {

    static final int DEFAULT_DAYS = 30;

    private final int days;

    PaymentTerms(@Value("${erp.sales.payment-term-days:" + DEFAULT_DAYS + "}") int days) {
        if (days < 0) {
            throw new IllegalArgumentException("erp.sales.payment-term-days must be 0 or more, not " + days);
        }
        this.days = days;
    }

    LocalDate dueDate(LocalDate invoiceDate) {
        return invoiceDate.plusDays(days);
    }
}
