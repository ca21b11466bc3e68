package org.kontor.query.openitems;

import com.mongodb.client.MongoDatabase;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.kontor.events.purchasing.BillEvent;
import org.kontor.events.purchasing.BillEvent.BillPaymentRecorded;
import org.kontor.events.purchasing.BillEvent.BillRecorded;
import org.kontor.events.purchasing.SupplierEvent;
import org.kontor.events.purchasing.SupplierEvent.SupplierRegistered;
import org.springframework.stereotype.Component;

/**
 * Keeps the payables book: per supplier its name and its bills (the total owed, net plus input tax,
 * due on the bill's due date), each with the payments that settled it. What the ledger's payables
 * account holds at a period end is what this book has open at that day.
 */
@Component
@ProcessingGroup(PayablesProjection.PROCESSOR)
class PayablesProjection {

    static final String PROCESSOR = "open-items-payables";

    private final OpenItemBook book;

    PayablesProjection(MongoDatabase readStore) {
        this.book = new OpenItemBook(OpenItemKind.PAYABLE, readStore, PayablesProjection::supplierOf);
    }

    @EventHandler
    void on(SupplierRegistered event, TrackingToken token) {
        book.named(event.supplierId(), event.name(), token);
    }

    @EventHandler
    void on(BillRecorded event, TrackingToken token) {
        book.issued(event.supplierId(), event.billId(), event.currency(), event.date(), event.dueDate(),
                event.totalMinor(), token);
    }

    @EventHandler
    void on(BillPaymentRecorded event, TrackingToken token) {
        book.settled(event.supplierId(), event.billId(), event.paymentId(), event.date(), event.amountMinor(), token);
    }

    @ResetHandler
    void clear() {
        book.clear();
    }

    /** The supplier a purchasing event is about, which is the party document it changes. */
    static String supplierOf(Object payload) {
        if (payload instanceof SupplierEvent supplier) {
            return supplier.supplierId();
        }
        return payload instanceof BillEvent bill ? bill.supplierId() : null;
    }
}
