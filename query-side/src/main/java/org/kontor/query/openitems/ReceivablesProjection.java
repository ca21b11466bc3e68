package org.kontor.query.openitems;

import com.mongodb.client.MongoDatabase;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.kontor.events.crm.AboutCustomer;
import org.kontor.events.crm.CustomerEvent.CustomerDetailsChanged;
import org.kontor.events.crm.CustomerEvent.CustomerRegistered;
import org.kontor.events.sales.InvoiceEvent.InvoiceIssued;
import org.kontor.events.sales.InvoiceEvent.InvoicePaymentReceived;
import org.springframework.stereotype.Component;

/**
 * Keeps the receivables book: customers' names from the CRM, their invoices (the total, net plus
 * tax, as the receivables account is debited with it) and the payments that settle them, each with
 * its own date, so the aging as of any day reads what was open then.
 */
@Component
@ProcessingGroup(ReceivablesProjection.PROCESSOR)
class ReceivablesProjection {

    static final String PROCESSOR = "open-items-receivables";

    private final OpenItemBook book;

    ReceivablesProjection(MongoDatabase readStore) {
        this.book = new OpenItemBook(OpenItemKind.RECEIVABLE, readStore, ReceivablesProjection::customerOf);
    }

    @EventHandler
    void on(CustomerRegistered event, TrackingToken token) {
        book.named(event.customerId(), event.name(), token);
    }

    @EventHandler
    void on(CustomerDetailsChanged event, TrackingToken token) {
        book.named(event.customerId(), event.name(), token);
    }

    @EventHandler
    void on(InvoiceIssued event, TrackingToken token) {
        book.issued(event.customerId(), event.invoiceId(), event.currency(), event.date(), event.dueDate(),
                event.totalMinor(), token);
    }

    @EventHandler
    void on(InvoicePaymentReceived event, TrackingToken token) {
        book.settled(event.customerId(), event.invoiceId(), event.paymentId(), event.date(), event.amountMinor(),
                token);
    }

    @ResetHandler
    void clear() {
        book.clear();
    }

    /** The customer of the events this book handles; other events of the batch need no document. */
    static String customerOf(Object payload) {
        boolean handled = payload instanceof CustomerRegistered || payload instanceof CustomerDetailsChanged
                || payload instanceof InvoiceIssued || payload instanceof InvoicePaymentReceived;
        return handled ? ((AboutCustomer) payload).customerId() : null;
    }
}
