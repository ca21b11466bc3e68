package org.kontor.command.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import org.kontor.config.error.BusinessRuleViolation;
import org.kontor.events.common.Money;
import org.kontor.events.sales.CustomerCreditEvent;
import org.kontor.events.sales.CustomerCreditEvent.InvoiceCreditSettled;
import org.kontor.events.sales.CustomerCreditEvent.OrderCreditCommitted;
import org.kontor.events.sales.CustomerCreditEvent.OrderCreditInvoiced;

/**
 * The credit rule: unpaid invoice balances plus open orders plus the new order may not exceed the
 * limit. The credit has no command handlers of its own (orders and invoices change it inside their
 * units of work), so it is driven here through an event-sourcing repository, as in production.
 */
class CustomerCreditTest {

    private static final String CUSTOMER_ID = "5f0c7f3e-8d1a-4c55-9a52-0c6f1f3b2a11";
    private static final Money LIMIT = Money.of(1_000_00, "EUR");

    private final EmbeddedEventStore events = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private final EventSourcingRepository<CustomerCredit> credits = EventSourcingRepository
            .builder(CustomerCredit.class).eventStore(events).build();

    @Test
    void newOrderWithUnpaidInvoicesAndOpenOrders_refusedOverTheLimit() {
        commit("order-1", 500_00);
        invoice("order-1", "invoice-1", 500_00);
        commit("order-2", 300_00);

        // 500.00 unpaid + 300.00 open + 200.01 > 1000.00
        assertThatThrownBy(() -> commit("order-3", 200_01)).isInstanceOf(BusinessRuleViolation.class)
                .extracting(refusal -> ((BusinessRuleViolation) refusal).code()).isEqualTo("CREDIT_LIMIT_EXCEEDED");
        commit("order-3", 200_00);
    }

    @Test
    void paymentOfAnInvoice_makesRoomUnderTheLimit() {
        commit("order-1", 900_00);
        invoice("order-1", "invoice-1", 900_00);
        assertThatThrownBy(() -> commit("order-2", 400_00)).isInstanceOf(BusinessRuleViolation.class);

        settle("invoice-1", "payment-1", 300_00);
        commit("order-2", 400_00);

        assertThat(types()).containsExactly(OrderCreditCommitted.class, OrderCreditInvoiced.class,
                InvoiceCreditSettled.class, OrderCreditCommitted.class);
    }

    @Test
    void invoicingMovesTheOrder_itIsNotCountedTwice() {
        commit("order-1", 600_00);
        invoice("order-1", "invoice-1", 600_00);

        commit("order-2", 400_00); // 600.00 unpaid + 400.00 = the limit exactly
    }

    private void commit(String orderId, long amountMinor) {
        change(credit -> credit.commit(CUSTOMER_ID, orderId, Money.of(amountMinor, "EUR"), LIMIT), true);
    }

    private void invoice(String orderId, String invoiceId, long amountMinor) {
        change(credit -> credit.invoice(CUSTOMER_ID, orderId, invoiceId, Money.of(amountMinor, "EUR")), false);
    }

    private void settle(String invoiceId, String paymentId, long amountMinor) {
        change(credit -> credit.settle(CUSTOMER_ID, invoiceId, paymentId, Money.of(amountMinor, "EUR")), false);
    }

    private void change(java.util.function.Consumer<CustomerCredit> change, boolean mayCreate) {
        String creditId = CustomerCreditEvent.aggregateId(CUSTOMER_ID);
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            if (mayCreate) {
                credits.loadOrCreate(creditId, CustomerCredit::new).execute(change);
            } else {
                credits.load(creditId).execute(change);
            }
            unitOfWork.commit();
        } catch (Exception refused) {
            unitOfWork.rollback(refused);
            if (refused instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(refused);
        }
    }

    private List<Class<?>> types() {
        List<Class<?>> types = new ArrayList<>();
        events.readEvents(CustomerCreditEvent.aggregateId(CUSTOMER_ID))
                .asStream().forEach(event -> types.add(event.getPayloadType()));
        return types;
    }
}
