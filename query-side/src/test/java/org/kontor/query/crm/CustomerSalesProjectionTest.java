package org.kontor.query.crm;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kontor.config.http.MoneyJson;
import org.kontor.events.sales.InvoiceEvent.InvoiceIssued;
import org.kontor.events.sales.InvoiceEvent.InvoiceOverdue;
import org.kontor.events.sales.InvoiceEvent.InvoicePaymentReceived;
import org.kontor.events.sales.PaymentMethod;
import org.kontor.events.sales.SalesOrderEvent.OrderLine;
import org.kontor.events.sales.SalesOrderEvent.SalesOrderConfirmed;
import org.kontor.events.sales.SalesOrderEvent.SalesOrderDelivered;
import org.kontor.events.sales.SalesOrderEvent.SalesOrderDrafted;
import org.kontor.query.crm.CustomerQueries.FetchCustomerQuery;
import org.kontor.query.crm.CustomerViews.CustomerView;
import org.kontor.query.projection.ProjectionHarness;

class CustomerSalesProjectionTest {

    private static final String ACME = "11111111-1111-4111-8111-111111111111";
    private static final List<OrderLine> LINES = List.of(new OrderLine("BOLT-M8-40", 10, 10_00, new BigDecimal("19")));
    private static final LocalDate DATE = LocalDate.of(2026, 3, 6);

    private final ProjectionHarness harness = new ProjectionHarness();
    private final CustomerProjection customers = new CustomerProjection(harness.database());
    private final CustomerSalesProjection sales = new CustomerSalesProjection(harness.database());
    private final CustomerQueryHandlers queries = new CustomerQueryHandlers(harness.database());

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void invoicesPaidInPartAndOverdue_unpaidOverdueAndLifetimeRevenueShown() {
        harness.handle(customers, List.of(harness.next(ACME, 0, CustomerProjectionTest.registered(ACME, "Acme GmbH"))));
        harness.handle(sales, List.of(
                harness.next("inv-1", 0, issued("inv-1", 100_00, 19_00)),
                harness.next("inv-2", 0, issued("inv-2", 50_00, 0)),
                harness.next("inv-3", 0, issued("inv-3", 20_00, 0)),
                harness.next("inv-1", 1, paid("inv-1", 40_00, 79_00)),
                harness.next("inv-3", 1, paid("inv-3", 20_00, 0)),
                harness.next("inv-1", 2, new InvoiceOverdue("inv-1", ACME, DATE.plusDays(30), 79_00, "EUR"))));

        CustomerView view = queries.handle(new FetchCustomerQuery(ACME));

        assertThat(view.unpaid()).isEqualTo(new MoneyJson("129.00", "EUR")); // 79.00 + 50.00
        assertThat(view.overdue()).isEqualTo(new MoneyJson("79.00", "EUR"));
        assertThat(view.lifetimeRevenue()).isEqualTo(new MoneyJson("170.00", "EUR")); // net of all three
        assertThat(view.version()).as("sales is no change of the customer").isEqualTo(1);
    }

    @Test
    void ordersDraftedAndMovedOn_lastOrderIsTheLatestWithItsStatusAndTotal() {
        harness.handle(customers, List.of(harness.next(ACME, 0, CustomerProjectionTest.registered(ACME, "Acme GmbH"))));
        harness.handle(sales, List.of(
                harness.next("o-1", 0, new SalesOrderDrafted("o-1", ACME, "EUR", LINES)),
                harness.next("o-2", 0, new SalesOrderDrafted("o-2", ACME, "EUR", LINES)),
                harness.next("o-2", 1, new SalesOrderConfirmed("o-2", ACME, "w-1", "EUR", LINES, 100_00, 19_00)),
                harness.next("o-1", 1, new SalesOrderConfirmed("o-1", ACME, "w-1", "EUR", LINES, 100_00, 19_00)),
                harness.next("o-2", 2, new SalesOrderDelivered("o-2", ACME, "w-1", DATE, LINES))));

        CustomerView view = queries.handle(new FetchCustomerQuery(ACME));

        assertThat(view.lastOrder().id()).isEqualTo("o-2");
        assertThat(view.lastOrder().status()).isEqualTo("DELIVERED");
        assertThat(view.lastOrder().total()).isEqualTo(new MoneyJson("119.00", "EUR"));
        assertThat(view.unpaid()).as("no invoice yet").isNull();
    }

    private static InvoiceIssued issued(String invoiceId, long netMinor, long taxMinor) {
        return new InvoiceIssued(invoiceId, "order-" + invoiceId, ACME, "EUR", LINES, netMinor, taxMinor, DATE,
                DATE.plusDays(30));
    }

    private static InvoicePaymentReceived paid(String invoiceId, long amountMinor, long openMinor) {
        return new InvoicePaymentReceived(invoiceId, ACME, "pay-" + invoiceId + "-" + amountMinor, amountMinor, "EUR",
                DATE.plusDays(3), PaymentMethod.CASH, openMinor);
    }
}
