package org.kontor.command.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kontor.command.RuleViolations.violationOf;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kontor.command.sales.InvoiceCommands.IssueInvoice;
import org.kontor.command.sales.InvoiceCommands.RecordInvoicePayment;
import org.kontor.config.error.CommonRule;
import org.kontor.config.http.CommandOutcome;
import org.kontor.events.common.Money;
import org.kontor.events.sales.InvoiceEvent.InvoiceIssued;
import org.kontor.events.sales.InvoiceEvent.InvoiceOverdue;
import org.kontor.events.sales.InvoiceEvent.InvoicePaymentReceived;
import org.kontor.events.sales.PaymentMethod;
import org.kontor.events.sales.SalesOrderEvent.OrderLine;

class InvoiceTest {

    private static final String INVOICE_ID = "7d8e9f0a-1b2c-4d3e-8f4a-5b6c7d8e9f0a";
    private static final String ORDER_ID = "6c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f";
    private static final String CUSTOMER_ID = "5f0c7f3e-8d1a-4c55-9a52-0c6f1f3b2a11";
    private static final String PAYMENT_ID = "3a4b5c6d-7e8f-4a9b-8c0d-1e2f3a4b5c6d";
    private static final String OTHER_PAYMENT_ID = "0f1e2d3c-4b5a-4968-8776-655443322110";
    private static final LocalDate DATE = LocalDate.of(2026, 3, 6);
    private static final LocalDate DUE = LocalDate.of(2026, 4, 5);
    /** Net 100.00 at 19 %: 119.00 owed. */
    private static final InvoiceIssued ISSUED = new InvoiceIssued(INVOICE_ID, ORDER_ID, CUSTOMER_ID, "EUR",
            List.of(new OrderLine("BOLT-M8-40", 10, 1_000, new BigDecimal("19"))), 10_000, 1_900, DATE, DUE);
    private static final Instant ISSUED_AT = Instant.parse("2026-03-06T09:00:00Z");
    /** The due date has ended: midnight UTC after it. */
    private static final Instant END_OF_DUE_DATE = Instant.parse("2026-04-06T00:00:00Z");

    private FixtureConfiguration<Invoice> fixture;
    /** What payments did to the customer's credit, in order. */
    private final List<String> settled = new ArrayList<>();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Invoice.class);
        fixture.registerInjectableResource(new CustomerCredits() {
            @Override
            public void commit(String customerId, String orderId, Money total) {
                throw new AssertionError("an invoice commits no order");
            }

            @Override
            public void release(String customerId, String orderId) {
                throw new AssertionError("an invoice releases no order");
            }

            @Override
            public void invoice(String customerId, String orderId, String invoiceId, Money total) {
                throw new AssertionError("the order moves its credit, not the invoice");
            }

            @Override
            public void settle(String customerId, String invoiceId, String paymentId, Money amount) {
                settled.add(invoiceId + " " + paymentId + " " + amount.toDecimalString());
            }
        });
    }

    @Test
    void issueInvoice_issuedWithADeadlineAtTheEndOfItsDueDate() {
        fixture.givenCurrentTime(ISSUED_AT)
                .when(new IssueInvoice(ISSUED))
                .expectEvents(ISSUED)
                .expectScheduledDeadlineWithName(END_OF_DUE_DATE, Invoice.DUE_DEADLINE);
    }

    @Test
    void partialPayment_recordedWithWhatIsStillOpenAndTheCreditSettled() {
        fixture.given(ISSUED)
                .when(pay(PAYMENT_ID, 40_00, PaymentMethod.BANK_TRANSFER))
                .expectEvents(new InvoicePaymentReceived(INVOICE_ID, CUSTOMER_ID, PAYMENT_ID, 40_00, "EUR",
                        DATE.plusDays(3), PaymentMethod.BANK_TRANSFER, 79_00))
                .expectResultMessagePayload(new CommandOutcome(PAYMENT_ID, 2, true));

        assertThat(settled).containsExactly(INVOICE_ID + " " + PAYMENT_ID + " 40.00");
    }

    @Test
    void paymentOfTheRest_paidInFull() {
        fixture.given(ISSUED, received(PAYMENT_ID, 40_00, 79_00))
                .when(pay(OTHER_PAYMENT_ID, 79_00, PaymentMethod.CASH))
                .expectEvents(new InvoicePaymentReceived(INVOICE_ID, CUSTOMER_ID, OTHER_PAYMENT_ID, 79_00, "EUR",
                        DATE.plusDays(3), PaymentMethod.CASH, 0));
    }

    @Test
    void paymentOverTheOpenBalance_refusedAsExceedingIt() {
        fixture.given(ISSUED, received(PAYMENT_ID, 40_00, 79_00))
                .when(pay(OTHER_PAYMENT_ID, 79_01, PaymentMethod.CARD))
                .expectNoEvents()
                .expectException(violationOf(SalesRule.PAYMENT_EXCEEDS_BALANCE));

        assertThat(settled).isEmpty();
    }

    @Test
    void paymentOfAPaidInvoice_refusedAsExceedingTheBalance() {
        fixture.given(ISSUED, received(PAYMENT_ID, 119_00, 0))
                .when(pay(OTHER_PAYMENT_ID, 1, PaymentMethod.CARD))
                .expectNoEvents()
                .expectException(violationOf(SalesRule.PAYMENT_EXCEEDS_BALANCE));
    }

    @Test
    void paymentRepeated_answeredAgainNothingRecorded() {
        fixture.given(ISSUED, received(PAYMENT_ID, 40_00, 79_00))
                .when(pay(PAYMENT_ID, 40_00, PaymentMethod.BANK_TRANSFER))
                .expectNoEvents()
                .expectResultMessagePayload(new CommandOutcome(PAYMENT_ID, 2, false));
    }

    @Test
    void paymentIdReusedForAnotherAmount_refusedAsAlreadyExists() {
        fixture.given(ISSUED, received(PAYMENT_ID, 40_00, 79_00))
                .when(pay(PAYMENT_ID, 41_00, PaymentMethod.BANK_TRANSFER))
                .expectNoEvents()
                .expectException(violationOf(CommonRule.ALREADY_EXISTS));
    }

    @Test
    void paymentDatedBeforeTheInvoice_refused() {
        fixture.given(ISSUED)
                .when(new RecordInvoicePayment(INVOICE_ID, PAYMENT_ID, Money.of(10_00, "EUR"), DATE.minusDays(1),
                        PaymentMethod.CASH, null))
                .expectNoEvents()
                .expectException(violationOf(SalesRule.PAYMENT_BEFORE_INVOICE));
    }

    @Test
    void paymentInAnotherCurrency_refused() {
        fixture.given(ISSUED)
                .when(new RecordInvoicePayment(INVOICE_ID, PAYMENT_ID, Money.of(10_00, "USD"), DATE,
                        PaymentMethod.CASH, null))
                .expectNoEvents()
                .expectException(violationOf(SalesRule.CURRENCY_MISMATCH));
    }

    @Test
    void dueDateEndsWhileOpen_invoiceOverdueWithWhatIsOpen() {
        fixture.givenCurrentTime(ISSUED_AT)
                .andGivenCommands(new IssueInvoice(ISSUED), pay(PAYMENT_ID, 40_00, PaymentMethod.BANK_TRANSFER))
                .whenTimeAdvancesTo(END_OF_DUE_DATE)
                .expectTriggeredDeadlinesWithName(Invoice.DUE_DEADLINE)
                .expectEvents(new InvoiceOverdue(INVOICE_ID, CUSTOMER_ID, DUE, 79_00, "EUR"));
    }

    @Test
    void dueDateEndsAfterFullPayment_nothingHappens() {
        fixture.givenCurrentTime(ISSUED_AT)
                .andGivenCommands(new IssueInvoice(ISSUED), pay(PAYMENT_ID, 119_00, PaymentMethod.BANK_TRANSFER))
                .whenTimeElapses(Duration.ofDays(40))
                .expectTriggeredDeadlinesWithName(Invoice.DUE_DEADLINE)
                .expectNoEvents();
    }

    private static RecordInvoicePayment pay(String paymentId, long amountMinor, PaymentMethod method) {
        return new RecordInvoicePayment(INVOICE_ID, paymentId, Money.of(amountMinor, "EUR"), DATE.plusDays(3), method,
                null);
    }

    private static InvoicePaymentReceived received(String paymentId, long amountMinor, long openMinor) {
        return new InvoicePaymentReceived(INVOICE_ID, CUSTOMER_ID, paymentId, amountMinor, "EUR", DATE.plusDays(3),
                PaymentMethod.BANK_TRANSFER, openMinor);
    }
}
