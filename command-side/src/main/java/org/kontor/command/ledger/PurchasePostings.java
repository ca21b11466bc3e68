package org.kontor.command.ledger;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.kontor.command.ledger.PolicyPostings.EntryLines;
import org.kontor.events.purchasing.BillEvent.BillPaymentRecorded;
import org.kontor.events.purchasing.BillEvent.BillRecorded;
import org.springframework.stereotype.Component;

/**
 * Posts supplier bills and their payments to the ledger (see {@link PolicyPostings} for how:
 * derived entry ids, refusals counted in {@code kontor.ledger.purchasing.postings.refused} and
 * skipped). A bill clears the goods it covers from goods received not invoiced, at the value they
 * were received at, and owes the supplier that plus the input tax: Dr GRNI (net), Dr input tax / Cr
 * payables (total). A payment Dr payables / Cr bank (cash for method CASH). Both refer to the bill,
 * so the payables account's lines can be matched with the bills.
 */
@Component
@ProcessingGroup(PurchasePostings.PROCESSOR)
@DisallowReplay
class PurchasePostings {

    static final String PROCESSOR = "ledger-purchase-postings";
    static final String SOURCE = "purchasing";

    private final PolicyPostings postings;
    private final PostingMap accounts;

    PurchasePostings(CommandGateway commandGateway, PostingMap accounts, MeterRegistry meters) {
        this.postings = new PolicyPostings(SOURCE, commandGateway, meters);
        this.accounts = accounts;
    }

    @PreDestroy
    void stop() {
        postings.close();
    }

    @EventHandler
    void on(BillRecorded event, EventMessage<?> message) throws Exception {
        PostingMap.Documents documents = accounts.documents();
        EntryLines lines = new EntryLines()
                .debit(accounts.goodsReceivedNotInvoiced(), event.netMinor())
                .debit(documents.inputTax(), event.taxMinor())
                .credit(documents.payables(), event.totalMinor());
        postings.post(message, postings.entryId("bill", event.billId()), event.date(), "Supplier bill "
                + event.billId() + " for purchase order " + event.orderId(), event.currency(), event.billId(), lines);
    }

    @EventHandler
    void on(BillPaymentRecorded event, EventMessage<?> message) throws Exception {
        postings.post(message, postings.entryId("bill-payment", event.billId() + "/" + event.paymentId()),
                event.date(), "Payment " + event.paymentId() + " of supplier bill " + event.billId() + " ("
                        + event.method() + ")", event.currency(), event.billId(),
                EntryLines.transfer(accounts.documents().payables(),
                        accounts.settlement().accountFor(event.method()), event.amountMinor()));
    }
}
