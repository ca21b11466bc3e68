package org.kontor.query.openitems;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kontor.events.crm.CustomerEvent.CustomerRegistered;
import org.kontor.events.crm.CustomerKind;
import org.kontor.events.sales.InvoiceEvent.InvoiceIssued;
import org.kontor.events.sales.InvoiceEvent.InvoicePaymentReceived;
import org.kontor.events.sales.PaymentMethod;
import org.kontor.events.sales.SalesOrderEvent.OrderLine;
import org.kontor.query.openitems.AgingQueries.FetchAgingQuery;
import org.kontor.query.projection.ProjectionHarness;

class ReceivablesProjectionTest {

    private static final String ACME = "11111111-1111-4111-8111-111111111111";

    private final ProjectionHarness harness = new ProjectionHarness();
    private final ReceivablesProjection projection = new ReceivablesProjection(harness.database());
    private final AgingQueryHandler queries = new AgingQueryHandler(harness.database());

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void processorName_isTheReceivablesBooks() {
        assertThat(ReceivablesProjection.PROCESSOR).isEqualTo(OpenItemKind.RECEIVABLE.processor());
    }

    @Test
    void invoicePaidInPartAfterItsDueDate_agedByWhatWasOpenOnEachDay() {
        harness.handle(projection, List.of(
                harness.next(ACME, 0, new CustomerRegistered(ACME, "Acme GmbH", CustomerKind.COMPANY, null, null, null,
                        null, null, null, List.of(), null)),
                harness.next("inv-1", 0, new InvoiceIssued("inv-1", "order-1", ACME, "EUR",
                        List.of(new OrderLine("BOLT-M8-40", 10, 10_00, new BigDecimal("19"))), 100_00, 19_00,
                        LocalDate.of(2026, 1, 10), LocalDate.of(2026, 2, 9))),
                harness.next("inv-1", 1, new InvoicePaymentReceived("inv-1", ACME, "pay-1", 19_00, "EUR",
                        LocalDate.of(2026, 3, 1), PaymentMethod.CASH, 100_00))));

        AgingReport endOfFebruary = aging(LocalDate.of(2026, 2, 28));
        AgingReport endOfMarch = aging(LocalDate.of(2026, 3, 31));

        // 19 days past due on 28 February, all 119.00 open; 50 days on 31 March, 100.00 open.
        assertThat(endOfFebruary.rows()).containsExactly(new AgingReport.Row(OpenItemKind.RECEIVABLE, ACME,
                "Acme GmbH", "EUR", "0.00", "119.00", "0.00", "0.00", "0.00", "119.00", 1));
        assertThat(endOfMarch.totals()).containsExactly(
                new AgingReport.Totals("EUR", "0.00", "0.00", "100.00", "0.00", "0.00", "100.00"));
        assertThat(aging(LocalDate.of(2026, 1, 9)).rows()).isEmpty();
    }

    private AgingReport aging(LocalDate asOf) {
        return queries.handle(new FetchAgingQuery(OpenItemKind.RECEIVABLE, asOf, null, null, 100));
    }
}
