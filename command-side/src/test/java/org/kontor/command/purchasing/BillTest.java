package org.kontor.command.purchasing;

import static org.kontor.command.RuleViolations.violationOf;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kontor.command.purchasing.PurchasingCommands.PayBill;
import org.kontor.config.error.CommonRule;
import org.kontor.config.http.CommandOutcome;
import org.kontor.events.purchasing.BillEvent;
import org.kontor.events.purchasing.BillEvent.BillLine;
import org.kontor.events.purchasing.BillEvent.BillPaymentRecorded;
import org.kontor.events.purchasing.BillEvent.BillRecorded;

class BillTest {

    private static final String BILL_ID = "5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e";
    private static final String AGGREGATE_ID = BillEvent.aggregateId(BILL_ID);
    private static final String SUPPLIER_ID = "3f4a5b6c-7d8e-4f9a-8b0c-1d2e3f4a5b6c";
    private static final String PAYMENT_ID = "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d";
    private static final LocalDate PAID_ON = LocalDate.of(2026, 3, 20);
    /** Net 60.00 and 11.40 input tax: 71.40 owed. */
    private static final BillRecorded RECORDED = new BillRecorded(BILL_ID, "4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d",
            SUPPLIER_ID, LocalDate.of(2026, 3, 4), LocalDate.of(2026, 4, 3), "EUR",
            List.of(new BillLine("BOLT-M8-40", 500, 12, new BigDecimal("19"), 6_000, 1_140)), 6_000, 1_140);
    private static final BillPaymentRecorded FIFTY_PAID = new BillPaymentRecorded(BILL_ID, SUPPLIER_ID, PAYMENT_ID,
            PAID_ON, 5_000, "EUR", "BANK_TRANSFER", 2_140);

    private FixtureConfiguration<Bill> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Bill.class);
    }

    @Test
    void payPart_paymentRecordedWithWhatIsStillOpen() {
        fixture.given(RECORDED)
                .when(new PayBill(AGGREGATE_ID, PAYMENT_ID, 5_000, PAID_ON, "BANK_TRANSFER", null))
                .expectEvents(FIFTY_PAID)
                .expectResultMessagePayload(new CommandOutcome(PAYMENT_ID, 2, true));
    }

    @Test
    void payTheRest_nothingOpen() {
        fixture.given(RECORDED, FIFTY_PAID)
                .when(new PayBill(AGGREGATE_ID, "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f", 2_140, PAID_ON, "CASH", null))
                .expectEvents(new BillPaymentRecorded(BILL_ID, SUPPLIER_ID, "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f",
                        PAID_ON, 2_140, "EUR", "CASH", 0));
    }

    @Test
    void payMoreThanIsOpen_refused() {
        fixture.given(RECORDED, FIFTY_PAID)
                .when(new PayBill(AGGREGATE_ID, "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f", 2_141, PAID_ON, "CASH", null))
                .expectNoEvents()
                .expectException(violationOf(PurchasingRule.PAYMENT_EXCEEDS_BALANCE));
    }

    @Test
    void payBeforeTheBillsDate_refused() {
        fixture.given(RECORDED)
                .when(new PayBill(AGGREGATE_ID, PAYMENT_ID, 1_000, LocalDate.of(2026, 3, 3), "CASH", null))
                .expectNoEvents()
                .expectException(violationOf(PurchasingRule.PAYMENT_BEFORE_BILL));
    }

    @Test
    void samePaymentAgain_answeredAsBeforeAndNothingPaidTwice() {
        fixture.given(RECORDED, FIFTY_PAID)
                .when(new PayBill(AGGREGATE_ID, PAYMENT_ID, 5_000, PAID_ON, "BANK_TRANSFER", null))
                .expectNoEvents()
                .expectResultMessagePayload(new CommandOutcome(PAYMENT_ID, 2, false));
    }

    @Test
    void paymentIdReusedForAnotherAmount_conflict() {
        fixture.given(RECORDED, FIFTY_PAID)
                .when(new PayBill(AGGREGATE_ID, PAYMENT_ID, 1_000, PAID_ON, "BANK_TRANSFER", null))
                .expectNoEvents()
                .expectException(violationOf(CommonRule.ALREADY_EXISTS));
    }
}
