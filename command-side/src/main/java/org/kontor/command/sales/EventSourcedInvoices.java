package org.kontor.command.sales;

import java.util.Optional;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Repository;
import org.kontor.command.sales.InvoiceCommands.IssueInvoice;
import org.kontor.config.error.BusinessRuleViolation;
import org.kontor.config.error.CommonRule;
import org.kontor.events.sales.InvoiceEvent.InvoiceIssued;
import org.springframework.stereotype.Component;

/** {@link Invoices} on the {@link Invoice} aggregates and their streams. */
@Component
class EventSourcedInvoices implements Invoices {

    private final Repository<Invoice> invoices;
    private final EventStore eventStore;

    EventSourcedInvoices(Repository<Invoice> invoiceRepository, EventStore eventStore) {
        this.invoices = invoiceRepository;
        this.eventStore = eventStore;
    }

    @Override
    public void issue(InvoiceIssued issued, DeadlineManager deadlines) {
        if (eventStore.lastSequenceNumberFor(issued.invoiceId()).isPresent()) {
            throw new BusinessRuleViolation(CommonRule.ALREADY_EXISTS, "The id " + issued.invoiceId()
                    + " is taken already; choose another invoice id.");
        }
        try {
            invoices.newInstance(() -> new Invoice(new IssueInvoice(issued), deadlines));
        } catch (RuntimeException refused) {
            throw refused;
        } catch (Exception unexpected) {
            throw new IllegalStateException(unexpected);
        }
    }

    @Override
    public Optional<String> currencyOf(String invoiceId) {
        if (eventStore.lastSequenceNumberFor(invoiceId).isEmpty()) {
            return Optional.empty();
        }
        DomainEventStream stream = eventStore.readEvents(invoiceId);
        return stream.hasNext() && stream.next().getPayload() instanceof InvoiceIssued issued
                ? Optional.of(issued.currency()) : Optional.empty();
    }
}
