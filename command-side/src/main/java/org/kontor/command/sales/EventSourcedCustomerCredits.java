package org.kontor.command.sales;

import java.util.function.Consumer;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Repository;
import org.kontor.events.common.Money;
import org.kontor.events.sales.CustomerCreditEvent;
import org.springframework.stereotype.Component;

/**
 * {@link CustomerCredits} on the {@link CustomerCredit} aggregates, with each customer's credit
 * limit read from the CRM's events about them ({@link CustomerTerms}).
 */
@Component
class EventSourcedCustomerCredits implements CustomerCredits {

    private final Repository<CustomerCredit> credits;
    private final EventStore eventStore;

    EventSourcedCustomerCredits(Repository<CustomerCredit> customerCreditRepository, EventStore eventStore) {
        this.credits = customerCreditRepository;
        this.eventStore = eventStore;
    }

    @Override
    public void commit(String customerId, String orderId, Money total) {
        Money limit = CustomerTerms.fromEvents(eventStore, customerId).creditLimit();
        try {
            credits.loadOrCreate(CustomerCreditEvent.aggregateId(customerId), CustomerCredit::new)
                    .execute(credit -> credit.commit(customerId, orderId, total, limit));
        } catch (RuntimeException refused) {
            throw refused;
        } catch (Exception unexpected) {
            throw new IllegalStateException(unexpected);
        }
    }

    @Override
    public void release(String customerId, String orderId) {
        change(customerId, credit -> credit.release(customerId, orderId));
    }

    @Override
    public void invoice(String customerId, String orderId, String invoiceId, Money total) {
        change(customerId, credit -> credit.invoice(customerId, orderId, invoiceId, total));
    }

    @Override
    public void settle(String customerId, String invoiceId, String paymentId, Money amount) {
        change(customerId, credit -> credit.settle(customerId, invoiceId, paymentId, amount));
    }

    /** A change of a credit that exists (every invoiced order was committed when it was confirmed). */
    private void change(String customerId, Consumer<CustomerCredit> change) {
        String creditId = CustomerCreditEvent.aggregateId(customerId);
        if (eventStore.lastSequenceNumberFor(creditId).isPresent()) {
            credits.load(creditId).execute(change);
        }
    }
}
