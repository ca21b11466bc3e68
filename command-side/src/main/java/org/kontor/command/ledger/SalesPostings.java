package org.kontor.command.ledger;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.kontor.command.ledger.PolicyPostings.EntryLines;
import org.kontor.command.ledger.PostingMap.Documents;
import org.kontor.events.sales.InvoiceEvent.InvoiceIssued;
import org.kontor.events.sales.InvoiceEvent.InvoicePaymentReceived;
import org.springframework.stereotype.Component;

/**
 * Posts customer invoices and their payments to the ledger (see {@link PolicyPostings} for how:
 * derived entry ids, refusals counted in {@code kontor.ledger.sales.postings.refused} and skipped):
 * an invoice Dr receivables (its total) / Cr revenue (net) / Cr output tax (tax), dated like the
 * invoice; a payment Dr cash or bank (by method) / Cr receivables, dated like the payment. Both
 * refer to the invoice, so the receivables account's lines can be matched to the open items.
 */
@Component
@ProcessingGroup(SalesPostings.PROCESSOR)
@DisallowReplay
class SalesPostings {

    static final String PROCESSOR = "ledger-sales-postings";
    static final String SOURCE = "sales";

    private final PolicyPostings postings;
    private final PostingMap accounts;

    SalesPostings(CommandGateway commandGateway, PostingMap accounts, MeterRegistry meters) {
        this.postings = new PolicyPostings(SOURCE, commandGateway, meters);
        this.accounts = accounts;
    }

    @PreDestroy
    void stop() {
        postings.close();
    }

    @EventHandler
    void on(InvoiceIssued event, EventMessage<?> message) throws Exception {
        Documents documents = accounts.documents();
        postings.post(message, postings.entryId("invoice", event.invoiceId()), event.date(),
                "Invoice " + event.invoiceId() + " for order " + event.orderId(), event.currency(), event.invoiceId(),
                new EntryLines().debit(documents.receivables(), event.totalMinor())
                        .credit(documents.revenue(), event.netMinor())
                        .credit(documents.outputTax(), event.taxMinor()));
    }

    @EventHandler
    void on(InvoicePaymentReceived event, EventMessage<?> message) throws Exception {
        postings.post(message, postings.entryId("payment", event.invoiceId() + "/" + event.paymentId()), event.date(),
                "Payment " + event.paymentId() + " of invoice " + event.invoiceId() + " (" + event.method() + ")",
                event.currency(), event.invoiceId(), EntryLines.transfer(
                        accounts.settlement().accountFor(event.method().name()), accounts.documents().receivables(),
                        event.amountMinor()));
    }
}
