package org.kontor.command.sales;

import java.time.LocalDate;
import java.util.function.Function;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When an invoice falls due when the request names no due date: the customer's payment terms
 * ({@code paymentTermDays} in the CRM) after its date, or {@code erp.sales.payment-term-days} (30 by
 * default) for a customer without terms of its own.
 */
@Component
class PaymentTerms {

    static final int DEFAULT_DAYS = 30;

    private final int days;
    /** A customer's own terms in days, or {@code null} when it has none. */
    private final Function<String, Integer> customerTermDays;

    @Autowired
    PaymentTerms(@Value("${erp.sales.payment-term-days:" + DEFAULT_DAYS + "}") int days, EventStore eventStore) {
        this(days, customerId -> CustomerTerms.fromEvents(eventStore, customerId).paymentTermDays());
    }

    PaymentTerms(int days, Function<String, Integer> customerTermDays) {
        if (days < 0) {
            throw new IllegalArgumentException("erp.sales.payment-term-days must be 0 or more, not " + days);
        }
        this.days = days;
        this.customerTermDays = customerTermDays;
    }

    LocalDate dueDate(String customerId, LocalDate invoiceDate) {
        Integer customerDays = customerTermDays.apply(customerId);
        return invoiceDate.plusDays(customerDays != null ? customerDays : days);
    }
}
