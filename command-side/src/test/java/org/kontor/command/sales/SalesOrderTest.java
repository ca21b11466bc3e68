package org.kontor.command.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kontor.command.RuleViolations.violationOf;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kontor.command.sales.SalesOrderCommands.CancelSalesOrder;
import org.kontor.command.sales.SalesOrderCommands.ConfirmSalesOrder;
import org.kontor.command.sales.SalesOrderCommands.DeliverSalesOrder;
import org.kontor.command.sales.SalesOrderCommands.DraftSalesOrder;
import org.kontor.command.sales.SalesOrderCommands.InvoiceSalesOrder;
import org.kontor.command.sales.SalesOrderCommands.RecordReservationFailure;
import org.kontor.command.sales.SalesOrderCommands.RecordStockReserved;
import org.kontor.config.error.BusinessRuleViolation;
import org.kontor.config.error.CommonRule;
import org.kontor.config.http.CommandOutcome;
import org.kontor.events.common.Money;
import org.kontor.events.sales.InvoiceEvent.InvoiceIssued;
import org.kontor.events.sales.SalesOrderEvent.OrderLine;
import org.kontor.events.sales.SalesOrderEvent.SalesOrderCancelled;
import org.kontor.events.sales.SalesOrderEvent.SalesOrderConfirmed;
import org.kontor.events.sales.SalesOrderEvent.SalesOrderDelivered;
import org.kontor.events.sales.SalesOrderEvent.SalesOrderDrafted;
import org.kontor.events.sales.SalesOrderEvent.SalesOrderInvoiced;
import org.kontor.events.sales.SalesOrderEvent.SalesOrderReservationFailed;
import org.kontor.events.sales.SalesOrderEvent.SalesOrderStockReserved;

class SalesOrderTest {

    private static final String ORDER_ID = "6c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f";
    private static final String CUSTOMER_ID = "5f0c7f3e-8d1a-4c55-9a52-0c6f1f3b2a11";
    private static final String WAREHOUSE_ID = "2b3c4d5e-6f70-4a8b-9c0d-1e2f3a4b5c6d";
    private static final String OTHER_WAREHOUSE_ID = "8e9f0a1b-2c3d-4e5f-a6b7-c8d9e0f1a2b3";
    private static final LocalDate DELIVERY_DATE = LocalDate.of(2026, 3, 5);
    /** 3 x 12.50 at 19 % and 1 x 0.99 at 7 %: net 38.49, tax 7.125 -> 7.13 and 0.0693 -> 0.07. */
    private static final List<OrderLine> LINES = List.of(
            new OrderLine("BOLT-M8-40", 3, 1_250, new BigDecimal("19")),
            new OrderLine("NUT-M8", 1, 99, new BigDecimal("7")));
    private static final SalesOrderDrafted DRAFTED = new SalesOrderDrafted(ORDER_ID, CUSTOMER_ID, "EUR", LINES);
    private static final SalesOrderConfirmed CONFIRMED = new SalesOrderConfirmed(ORDER_ID, CUSTOMER_ID, WAREHOUSE_ID,
            "EUR", LINES, 3_849, 720);
    private static final SalesOrderStockReserved RESERVED = new SalesOrderStockReserved(ORDER_ID, CUSTOMER_ID);
    private static final SalesOrderDelivered DELIVERED = new SalesOrderDelivered(ORDER_ID, CUSTOMER_ID, WAREHOUSE_ID,
            DELIVERY_DATE, LINES);
    private static final String INVOICE_ID = "7d8e9f0a-1b2c-4d3e-8f4a-5b6c7d8e9f0a";
    private static final LocalDate INVOICE_DATE = LocalDate.of(2026, 3, 6);

    private FixtureConfiguration<SalesOrder> fixture;
    /** What the order asked of the customer's credit, in order. */
    private final List<String> creditCalls = new ArrayList<>();
    /** The invoices the order issued. */
    private final List<InvoiceIssued> issuedInvoices = new ArrayList<>();
    /** Customers' own payment terms in days, as the CRM has them; absent = none. */
    private final Map<String, Integer> customerTermDays = new HashMap<>();
    /** The credit refuses totals above this. */
    private long creditLeftMinor = 1_000_000;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SalesOrder.class);
        fixture.registerInjectableResource((SalesCustomers) CUSTOMER_ID::equals);
        fixture.registerInjectableResource(new CustomerCredits() {
            @Override
            public void commit(String customerId, String orderId, Money total) {
                if (total.amountMinor() > creditLeftMinor) {
                    throw new BusinessRuleViolation(SalesRule.CREDIT_LIMIT_EXCEEDED, "over the limit");
                }
                creditCalls.add("commit " + customerId + " " + orderId + " " + total.toDecimalString());
            }

            @Override
            public void release(String customerId, String orderId) {
                creditCalls.add("release " + customerId + " " + orderId);
            }

            @Override
            public void invoice(String customerId, String orderId, String invoiceId, Money total) {
                creditCalls.add("invoice " + orderId + " as " + invoiceId + " " + total.toDecimalString());
            }

            @Override
            public void settle(String customerId, String invoiceId, String paymentId, Money amount) {
                creditCalls.add("settle " + invoiceId + " " + amount.toDecimalString());
            }
        });
        fixture.registerInjectableResource(new Invoices() {
            @Override
            public void issue(InvoiceIssued invoice, DeadlineManager deadlines) {
                issuedInvoices.add(invoice);
            }

            @Override
            public Optional<String> currencyOf(String invoiceId) {
                return Optional.empty();
            }
        });
        fixture.registerInjectableResource(new PaymentTerms(30, customerTermDays::get));
    }

    @Test
    void confirmDraft_orderTotalCountedAgainstTheCustomersCredit() {
        fixture.given(DRAFTED)
                .when(new ConfirmSalesOrder(ORDER_ID, WAREHOUSE_ID, null))
                .expectEvents(CONFIRMED);

        assertThat(creditCalls).containsExactly("commit " + CUSTOMER_ID + " " + ORDER_ID + " 45.69");
    }

    @Test
    void confirmOverTheCreditLimit_refusedAndNothingRecorded() {
        creditLeftMinor = 4_568; // one cent less than the order's total of 45.69

        fixture.given(DRAFTED)
                .when(new ConfirmSalesOrder(ORDER_ID, WAREHOUSE_ID, null))
                .expectNoEvents()
                .expectException(violationOf(SalesRule.CREDIT_LIMIT_EXCEEDED));
    }

    @Test
    void cancelOrFailedReservation_creditGivenBack() {
        fixture.given(DRAFTED, CONFIRMED)
                .when(new RecordReservationFailure(ORDER_ID, "NUT-M8", "INSUFFICIENT_STOCK", "Fewer than 1"))
                .expectSuccessfulHandlerExecution();
        fixture.given(DRAFTED, CONFIRMED, RESERVED)
                .when(new CancelSalesOrder(ORDER_ID, "changed mind", null))
                .expectSuccessfulHandlerExecution();

        assertThat(creditCalls).containsExactly("release " + CUSTOMER_ID + " " + ORDER_ID,
                "release " + CUSTOMER_ID + " " + ORDER_ID);
    }

    @Test
    void draftSalesOrder_drafted() {
        fixture.givenNoPriorActivity()
                .when(new DraftSalesOrder(ORDER_ID, CUSTOMER_ID, "EUR", LINES))
                .expectEvents(DRAFTED)
                .expectResultMessagePayload(new CommandOutcome(ORDER_ID, 1, true));
    }

    @Test
    void draftSalesOrderForUnknownCustomer_refusedAsNotFound() {
        fixture.givenNoPriorActivity()
                .when(new DraftSalesOrder(ORDER_ID, "00000000-0000-4000-8000-000000000000", "EUR", LINES))
                .expectNoEvents()
                .expectException(violationOf(CommonRule.NOT_FOUND));
    }

    @Test
    void draftSalesOrderRepeatedWithOtherLines_refusedAsAlreadyExists() {
        fixture.given(DRAFTED)
                .when(new DraftSalesOrder(ORDER_ID, CUSTOMER_ID, "EUR", LINES.subList(0, 1)))
                .expectNoEvents()
                .expectException(violationOf(CommonRule.ALREADY_EXISTS));
    }

    @Test
    void confirmDraft_confirmedWithTotalsAndTaxRoundedPerLine() {
        fixture.given(DRAFTED)
                .when(new ConfirmSalesOrder(ORDER_ID, WAREHOUSE_ID, null))
                .expectEvents(CONFIRMED)
                .expectResultMessagePayload(new CommandOutcome(ORDER_ID, 2, false));
    }

    @Test
    void confirmAgainForAnotherWarehouse_refusedAsNotDraft() {
        fixture.given(DRAFTED, CONFIRMED)
                .when(new ConfirmSalesOrder(ORDER_ID, OTHER_WAREHOUSE_ID, null))
                .expectNoEvents()
                .expectException(violationOf(SalesRule.ORDER_NOT_DRAFT));
    }

    @Test
    void confirmAgainForTheSameWarehouse_nothingChanges() {
        fixture.given(DRAFTED, CONFIRMED)
                .when(new ConfirmSalesOrder(ORDER_ID, WAREHOUSE_ID, null))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void stockReservedForConfirmedOrder_orderReserved() {
        fixture.given(DRAFTED, CONFIRMED)
                .when(new RecordStockReserved(ORDER_ID))
                .expectEvents(RESERVED);
    }

    @Test
    void reservationFailedForConfirmedOrder_orderReservationFailedWithItsLines() {
        fixture.given(DRAFTED, CONFIRMED)
                .when(new RecordReservationFailure(ORDER_ID, "NUT-M8", "INSUFFICIENT_STOCK", "Fewer than 1"))
                .expectEvents(new SalesOrderReservationFailed(ORDER_ID, CUSTOMER_ID, WAREHOUSE_ID, "NUT-M8",
                        "INSUFFICIENT_STOCK", "Fewer than 1", LINES));
    }

    @Test
    void stockReservedAfterCancellation_ignored() {
        fixture.given(DRAFTED, CONFIRMED, new SalesOrderCancelled(ORDER_ID, CUSTOMER_ID, "changed mind",
                        WAREHOUSE_ID, LINES))
                .when(new RecordStockReserved(ORDER_ID))
                .expectNoEvents();
    }

    @Test
    void deliverReservedOrder_delivered() {
        fixture.given(DRAFTED, CONFIRMED, RESERVED)
                .when(new DeliverSalesOrder(ORDER_ID, DELIVERY_DATE, null))
                .expectEvents(new SalesOrderDelivered(ORDER_ID, CUSTOMER_ID, WAREHOUSE_ID, DELIVERY_DATE, LINES));
    }

    @Test
    void deliverBeforeReservation_refusedAsNotReserved() {
        fixture.given(DRAFTED, CONFIRMED)
                .when(new DeliverSalesOrder(ORDER_ID, DELIVERY_DATE, null))
                .expectNoEvents()
                .expectException(violationOf(SalesRule.STOCK_NOT_RESERVED));
    }

    @Test
    void deliverAfterFailedReservation_refusedAsInsufficientStock() {
        fixture.given(DRAFTED, CONFIRMED, new SalesOrderReservationFailed(ORDER_ID, CUSTOMER_ID, WAREHOUSE_ID,
                        "NUT-M8", "INSUFFICIENT_STOCK", "Fewer than 1", LINES))
                .when(new DeliverSalesOrder(ORDER_ID, DELIVERY_DATE, null))
                .expectNoEvents()
                .expectException(violationOf(SalesRule.INSUFFICIENT_STOCK));
    }

    @Test
    void deliverDraft_refusedAsNotConfirmed() {
        fixture.given(DRAFTED)
                .when(new DeliverSalesOrder(ORDER_ID, DELIVERY_DATE, null))
                .expectNoEvents()
                .expectException(violationOf(SalesRule.ORDER_NOT_CONFIRMED));
    }

    @Test
    void cancelDraft_cancelledWithoutWarehouse() {
        fixture.given(DRAFTED)
                .when(new CancelSalesOrder(ORDER_ID, "changed mind", null))
                .expectEvents(new SalesOrderCancelled(ORDER_ID, CUSTOMER_ID, "changed mind", null, LINES));
    }

    @Test
    void cancelReservedOrder_cancelledNamingTheWarehouseToReleaseFrom() {
        fixture.given(DRAFTED, CONFIRMED, RESERVED)
                .when(new CancelSalesOrder(ORDER_ID, "changed mind", null))
                .expectEvents(new SalesOrderCancelled(ORDER_ID, CUSTOMER_ID, "changed mind", WAREHOUSE_ID, LINES));
    }

    @Test
    void cancelDeliveredOrder_refusedAsDelivered() {
        fixture.given(DRAFTED, CONFIRMED, RESERVED,
                        new SalesOrderDelivered(ORDER_ID, CUSTOMER_ID, WAREHOUSE_ID, DELIVERY_DATE, LINES))
                .when(new CancelSalesOrder(ORDER_ID, "too late", null))
                .expectNoEvents()
                .expectException(violationOf(SalesRule.ORDER_DELIVERED));
    }

    @Test
    void invoiceDeliveredOrder_invoiceIssuedDueAfterThePaymentTermsAndTheTotalOwedOnIt() {
        fixture.given(DRAFTED, CONFIRMED, RESERVED, DELIVERED)
                .when(new InvoiceSalesOrder(ORDER_ID, INVOICE_ID, INVOICE_DATE, null, null))
                .expectEvents(new SalesOrderInvoiced(ORDER_ID, CUSTOMER_ID, INVOICE_ID, INVOICE_DATE,
                        LocalDate.of(2026, 4, 5)))
                .expectResultMessagePayload(new CommandOutcome(INVOICE_ID, 1, true));

        assertThat(issuedInvoices).containsExactly(new InvoiceIssued(INVOICE_ID, ORDER_ID, CUSTOMER_ID, "EUR", LINES,
                3_849, 720, INVOICE_DATE, LocalDate.of(2026, 4, 5)));
        assertThat(creditCalls).containsExactly("invoice " + ORDER_ID + " as " + INVOICE_ID + " 45.69");
    }

    @Test
    void invoiceForCustomerWithOwnTerms_dueAfterTheCustomersTermsNotTheSetting() {
        customerTermDays.put(CUSTOMER_ID, 14);

        fixture.given(DRAFTED, CONFIRMED, RESERVED, DELIVERED)
                .when(new InvoiceSalesOrder(ORDER_ID, INVOICE_ID, INVOICE_DATE, null, null))
                .expectEvents(new SalesOrderInvoiced(ORDER_ID, CUSTOMER_ID, INVOICE_ID, INVOICE_DATE,
                        LocalDate.of(2026, 3, 20)));

        assertThat(issuedInvoices).extracting(InvoiceIssued::dueDate).containsExactly(LocalDate.of(2026, 3, 20));
    }

    @Test
    void invoiceAgainWithoutDueDateAfterTheCustomersTermsChanged_answeredAsBefore() {
        customerTermDays.put(CUSTOMER_ID, 14); // invoiced under the setting's 30 days, terms set since

        fixture.given(DRAFTED, CONFIRMED, RESERVED, DELIVERED, new SalesOrderInvoiced(ORDER_ID, CUSTOMER_ID,
                        INVOICE_ID, INVOICE_DATE, LocalDate.of(2026, 4, 5)))
                .when(new InvoiceSalesOrder(ORDER_ID, INVOICE_ID, INVOICE_DATE, null, null))
                .expectNoEvents()
                .expectResultMessagePayload(new CommandOutcome(INVOICE_ID, 1, false));
    }

    @Test
    void invoiceAgainWithAnotherDueDate_refusedAsAlreadyExists() {
        fixture.given(DRAFTED, CONFIRMED, RESERVED, DELIVERED, new SalesOrderInvoiced(ORDER_ID, CUSTOMER_ID,
                        INVOICE_ID, INVOICE_DATE, LocalDate.of(2026, 4, 5)))
                .when(new InvoiceSalesOrder(ORDER_ID, INVOICE_ID, INVOICE_DATE, LocalDate.of(2026, 4, 6), null))
                .expectNoEvents()
                .expectException(violationOf(CommonRule.ALREADY_EXISTS));
    }

    @Test
    void invoiceWithADueDate_dueThen() {
        LocalDate due = LocalDate.of(2026, 3, 20);

        fixture.given(DRAFTED, CONFIRMED, RESERVED, DELIVERED)
                .when(new InvoiceSalesOrder(ORDER_ID, INVOICE_ID, INVOICE_DATE, due, null))
                .expectEvents(new SalesOrderInvoiced(ORDER_ID, CUSTOMER_ID, INVOICE_ID, INVOICE_DATE, due));

        assertThat(issuedInvoices).extracting(InvoiceIssued::dueDate).containsExactly(due);
    }

    @Test
    void invoiceAgainTheSame_answeredAsBeforeNothingIssued() {
        fixture.given(DRAFTED, CONFIRMED, RESERVED, DELIVERED, new SalesOrderInvoiced(ORDER_ID, CUSTOMER_ID,
                        INVOICE_ID, INVOICE_DATE, LocalDate.of(2026, 4, 5)))
                .when(new InvoiceSalesOrder(ORDER_ID, INVOICE_ID, INVOICE_DATE, null, null))
                .expectNoEvents()
                .expectResultMessagePayload(new CommandOutcome(INVOICE_ID, 1, false));

        assertThat(issuedInvoices).isEmpty();
    }

    @Test
    void invoiceAgainWithAnotherDate_refusedAsAlreadyExists() {
        fixture.given(DRAFTED, CONFIRMED, RESERVED, DELIVERED, new SalesOrderInvoiced(ORDER_ID, CUSTOMER_ID,
                        INVOICE_ID, INVOICE_DATE, LocalDate.of(2026, 4, 5)))
                .when(new InvoiceSalesOrder(ORDER_ID, INVOICE_ID, INVOICE_DATE.plusDays(1), null, null))
                .expectNoEvents()
                .expectException(violationOf(CommonRule.ALREADY_EXISTS));
    }

    @Test
    void invoiceReservedOrderBeforeDelivery_refusedAsNotDelivered() {
        fixture.given(DRAFTED, CONFIRMED, RESERVED)
                .when(new InvoiceSalesOrder(ORDER_ID, INVOICE_ID, INVOICE_DATE, null, null))
                .expectNoEvents()
                .expectException(violationOf(SalesRule.ORDER_NOT_DELIVERED));

        assertThat(issuedInvoices).isEmpty();
    }

    @Test
    void cancelInvoicedOrder_refusedAsDelivered() {
        fixture.given(DRAFTED, CONFIRMED, RESERVED, DELIVERED, new SalesOrderInvoiced(ORDER_ID, CUSTOMER_ID,
                        INVOICE_ID, INVOICE_DATE, LocalDate.of(2026, 4, 5)))
                .when(new CancelSalesOrder(ORDER_ID, "too late", null))
                .expectNoEvents()
                .expectException(violationOf(SalesRule.ORDER_DELIVERED));
    }
}
