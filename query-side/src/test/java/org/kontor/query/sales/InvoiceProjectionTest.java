package org.kontor.query.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kontor.events.sales.InvoiceEvent.InvoiceIssued;
import org.kontor.events.sales.InvoiceEvent.InvoiceOverdue;
import org.kontor.events.sales.InvoiceEvent.InvoicePaymentReceived;
import org.kontor.events.sales.PaymentMethod;
import org.kontor.events.sales.SalesOrderEvent.OrderLine;
import org.kontor.query.projection.ProjectionHarness;
import org.kontor.query.sales.InvoiceQueries.FetchInvoiceQuery;
import org.kontor.query.sales.InvoiceQueries.FetchInvoicesQuery;
import org.kontor.query.sales.InvoiceQueries.InvoicePage;
import org.kontor.query.sales.InvoiceQueries.InvoiceView;
import org.kontor.query.sales.InvoiceQueries.PaymentView;

class InvoiceProjectionTest {

    private static final String ACME = "11111111-1111-4111-8111-111111111111";
    private static final String BOLT = "22222222-2222-4222-8222-222222222222";
    private static final LocalDate DATE = LocalDate.of(2026, 3, 6);

    private final ProjectionHarness harness = new ProjectionHarness();
    private final InvoiceProjection projection = new InvoiceProjection(harness.database());
    private final InvoiceQueryHandler queries = new InvoiceQueryHandler(harness.database());

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void issuedThenPaidInPart_openBalanceAndPaymentsShown() {
        feed(issued("inv-1", ACME, 10_000, 1_900),
                harness.next("inv-1", 1, paid("inv-1", ACME, "pay-1", 40_00, 79_00)));

        InvoiceView invoice = queries.handle(new FetchInvoiceQuery("inv-1"));

        assertThat(invoice.status()).isEqualTo("OPEN");
        assertThat(invoice.net()).isEqualTo("100.00");
        assertThat(invoice.tax()).isEqualTo("19.00");
        assertThat(invoice.total()).isEqualTo("119.00");
        assertThat(invoice.paid()).isEqualTo("40.00");
        assertThat(invoice.open()).isEqualTo("79.00");
        assertThat(invoice.dueDate()).isEqualTo("2026-04-05");
        assertThat(invoice.lines()).hasSize(1);
        assertThat(invoice.payments()).containsExactly(new PaymentView("pay-1", "40.00", "2026-03-09", "BANK_TRANSFER"));
        assertThat(invoice.version()).isEqualTo(2);
    }

    @Test
    void overdueThenPaidInFull_paid() {
        feed(issued("inv-1", ACME, 10_000, 1_900),
                harness.next("inv-1", 1, new InvoiceOverdue("inv-1", ACME, DATE.plusDays(30), 119_00, "EUR")));
        assertThat(queries.handle(new FetchInvoiceQuery("inv-1")).status()).isEqualTo("OVERDUE");

        feed(harness.next("inv-1", 2, paid("inv-1", ACME, "pay-1", 119_00, 0)));

        assertThat(queries.handle(new FetchInvoiceQuery("inv-1")).status()).isEqualTo("PAID");
    }

    @Test
    void paymentDeliveredTwice_countedOnce() {
        Object issued = issued("inv-1", ACME, 10_000, 1_900);
        Object payment = harness.next("inv-1", 1, paid("inv-1", ACME, "pay-1", 40_00, 79_00));
        feed(issued, payment);
        feed(payment);

        assertThat(queries.handle(new FetchInvoiceQuery("inv-1")).paid()).isEqualTo("40.00");
    }

    @Test
    void customersInvoices_listedInIssueOrderByStatusAndPaged() {
        feed(issued("inv-3", ACME, 1_00, 0), issued("inv-1", BOLT, 2_00, 0), issued("inv-2", ACME, 3_00, 0),
                issued("inv-0", ACME, 4_00, 0), harness.next("inv-2", 1, paid("inv-2", ACME, "pay-1", 3_00, 0)));

        InvoicePage first = queries.handle(new FetchInvoicesQuery(ACME, null, 2, null));
        InvoicePage second = queries.handle(new FetchInvoicesQuery(ACME, null, 2, first.lastInvoiceId()));
        InvoicePage open = queries.handle(new FetchInvoicesQuery(ACME, "OPEN", 50, null));

        assertThat(first.items()).extracting(InvoiceView::id).containsExactly("inv-3", "inv-2");
        assertThat(first.lastInvoiceId()).isEqualTo("inv-2");
        assertThat(second.items()).extracting(InvoiceView::id).containsExactly("inv-0");
        assertThat(second.lastInvoiceId()).isNull();
        assertThat(open.items()).extracting(InvoiceView::id).containsExactly("inv-3", "inv-0");
    }

    @Test
    void allInvoices_pagedByIdAndFilteredByStatus() {
        feed(issued("inv-b", ACME, 1_00, 0), issued("inv-a", BOLT, 2_00, 0), issued("inv-c", ACME, 3_00, 0),
                harness.next("inv-c", 1, paid("inv-c", ACME, "pay-1", 3_00, 0)));

        InvoicePage first = queries.handle(new FetchInvoicesQuery(null, null, 2, null));
        InvoicePage second = queries.handle(new FetchInvoicesQuery(null, null, 2, first.lastInvoiceId()));
        InvoicePage paid = queries.handle(new FetchInvoicesQuery(null, "PAID", 50, null));

        assertThat(first.items()).extracting(InvoiceView::id).containsExactly("inv-a", "inv-b");
        assertThat(second.items()).extracting(InvoiceView::id).containsExactly("inv-c");
        assertThat(second.lastInvoiceId()).isNull();
        assertThat(paid.items()).extracting(InvoiceView::id).containsExactly("inv-c");
    }

    private void feed(Object... messages) {
        harness.handle(projection, List.of(messages).stream()
                .map(message -> (org.axonframework.eventhandling.TrackedEventMessage<?>) message).toList());
    }

    private Object issued(String invoiceId, String customerId, long netMinor, long taxMinor) {
        return harness.next(invoiceId, 0, new InvoiceIssued(invoiceId, "order-of-" + invoiceId, customerId, "EUR",
                List.of(new OrderLine("BOLT-M8-40", 10, netMinor / 10, new BigDecimal("19"))), netMinor, taxMinor,
                DATE, DATE.plusDays(30)));
    }

    private static InvoicePaymentReceived paid(String invoiceId, String customerId, String paymentId, long amountMinor,
                                               long openMinor) {
        return new InvoicePaymentReceived(invoiceId, customerId, paymentId, amountMinor, "EUR", DATE.plusDays(3),
                PaymentMethod.BANK_TRANSFER, openMinor);
    }
}
