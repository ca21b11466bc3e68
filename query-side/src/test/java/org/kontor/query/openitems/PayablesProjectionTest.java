package org.kontor.query.openitems;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kontor.events.purchasing.BillEvent;
import org.kontor.events.purchasing.BillEvent.BillLine;
import org.kontor.events.purchasing.BillEvent.BillPaymentRecorded;
import org.kontor.events.purchasing.BillEvent.BillRecorded;
import org.kontor.events.purchasing.SupplierEvent;
import org.kontor.events.purchasing.SupplierEvent.SupplierRegistered;
import org.kontor.query.openitems.AgingQueries.FetchAgingQuery;
import org.kontor.query.projection.ProjectionHarness;

class PayablesProjectionTest {

    private static final String SUPPLIER_ID = "3f4a5b6c-7d8e-4f9a-8b0c-1d2e3f4a5b6c";
    private static final String BILL_ID = "5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e";
    /** Net 60.00 and 11.40 input tax, due 2026-04-03. */
    private static final BillRecorded BILL = new BillRecorded(BILL_ID, "4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d",
            SUPPLIER_ID, LocalDate.of(2026, 3, 4), LocalDate.of(2026, 4, 3), "EUR",
            List.of(new BillLine("BOLT-M8-40", 500, 12, new BigDecimal("19"), 6_000, 1_140)), 6_000, 1_140);
    private static final BillPaymentRecorded PART_PAID = new BillPaymentRecorded(BILL_ID, SUPPLIER_ID,
            "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d", LocalDate.of(2026, 4, 20), 5_000, "EUR", "BANK_TRANSFER", 2_140);

    private final ProjectionHarness harness = new ProjectionHarness();
    private final PayablesProjection projection = new PayablesProjection(harness.database());
    private final AgingQueryHandler queries = new AgingQueryHandler(harness.database());

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void processor_isTheOnceTheBookNames() {
        assertThat(PayablesProjection.PROCESSOR).isEqualTo(OpenItemKind.PAYABLE.processor());
    }

    @Test
    void billThenPartPayment_theSupplierOwesTheGrossAmountLessWhatWasPaidByThatDay() {
        String supplierStream = SupplierEvent.aggregateId(SUPPLIER_ID);
        String billStream = BillEvent.aggregateId(BILL_ID);
        harness.handle(projection, List.of(
                harness.next(supplierStream, 0, new SupplierRegistered(SUPPLIER_ID, "Schraubenwerk", null, 30)),
                harness.next(billStream, 0, BILL),
                harness.next(billStream, 1, PART_PAID)));

        AgingReport beforePayment = aging(LocalDate.of(2026, 4, 19));
        assertThat(beforePayment.rows()).containsExactly(new AgingReport.Row(OpenItemKind.PAYABLE, SUPPLIER_ID,
                "Schraubenwerk", "EUR", "0.00", "71.40", "0.00", "0.00", "0.00", "71.40", 1));
        assertThat(aging(LocalDate.of(2026, 4, 20)).totals().get(0).total()).isEqualTo("21.40");
        assertThat(aging(LocalDate.of(2026, 3, 3)).rows()).isEmpty();
    }

    @Test
    void paymentDeliveredTwice_settlesOnce() {
        String billStream = BillEvent.aggregateId(BILL_ID);
        harness.handle(projection, List.of(harness.at(1, billStream, 0, BILL), harness.at(2, billStream, 1, PART_PAID)));
        harness.handle(projection, List.of(harness.at(2, billStream, 1, PART_PAID)));

        assertThat(aging(LocalDate.of(2026, 4, 30)).totals().get(0).total()).isEqualTo("21.40");
    }

    private AgingReport aging(LocalDate asOf) {
        return queries.handle(new FetchAgingQuery(OpenItemKind.PAYABLE, asOf, null, null, 50));
    }
}
