package org.kontor.command.sales;

import java.util.Optional;
import org.axonframework.deadline.DeadlineManager;
import org.kontor.events.sales.InvoiceEvent.InvoiceIssued;

/** Invoices, for the order that issues one and the payment endpoint that needs its currency. */
interface Invoices {

    /**
     * Issues the invoice inside the caller's unit of work (the order's invoicing command), so the
     * order, its invoice and the customer's credit change together or not at all; refuses
     * (ALREADY_EXISTS) an id that is taken. {@code deadlines} is the deadline manager of the
     * calling handler (Axon's, resolved as a handler parameter on every storage profile).
     */
    void issue(InvoiceIssued issued, DeadlineManager deadlines);

    /** The currency of an issued invoice; empty when there is no invoice with that id. */
    Optional<String> currencyOf(String invoiceId);
}
