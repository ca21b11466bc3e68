package org.kontor.config.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.axonframework.eventhandling.EventData;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kontor.events.common.Money;
import org.kontor.events.common.PersonName;
import org.kontor.events.common.PostalAddress;
import org.kontor.events.crm.CustomerEvent.ContactAdded;
import org.kontor.events.crm.CustomerEvent.CustomerDetailsChanged;
import org.kontor.events.crm.CustomerEvent.CustomerRegistered;
import org.kontor.events.crm.ActivityEvent.ActivityCompleted;
import org.kontor.events.crm.ActivityEvent.ActivityOverdue;
import org.kontor.events.crm.ActivityEvent.ActivityScheduled;
import org.kontor.events.crm.ActivityType;
import org.kontor.events.crm.CampaignEvent.CampaignPlanned;
import org.kontor.events.crm.CaseEvent.CaseAssigned;
import org.kontor.events.crm.CaseEvent.CaseOpened;
import org.kontor.events.crm.CaseEvent.CasePriorityChanged;
import org.kontor.events.crm.CaseEvent.CaseReopened;
import org.kontor.events.crm.CaseEvent.CaseResolved;
import org.kontor.events.crm.CasePriority;
import org.kontor.events.crm.CustomerKind;
import org.kontor.events.crm.LeadEvent.LeadCaptured;
import org.kontor.events.crm.LeadEvent.LeadDisqualified;
import org.kontor.events.crm.LeadEvent.LeadQualified;
import org.kontor.events.crm.OpportunityEvent.OpportunityLost;
import org.kontor.events.crm.OpportunityEvent.OpportunityOpened;
import org.kontor.events.crm.OpportunityEvent.OpportunityStageChanged;
import org.kontor.events.crm.OpportunityEvent.OpportunityWon;
import org.kontor.events.crm.OpportunityStage;
import org.kontor.events.crm.InteractionChannel;
import org.kontor.events.crm.InteractionDirection;
import org.kontor.events.crm.InteractionEvent.InteractionRecorded;
import org.kontor.events.inventory.CostMethod;
import org.kontor.events.inventory.MovementKind;
import org.kontor.events.inventory.ProductEvent.ProductRegistered;
import org.kontor.events.inventory.StockEvent.StockAdjusted;
import org.kontor.events.inventory.StockEvent.StockCostRevised;
import org.kontor.events.inventory.StockEvent.StockIssued;
import org.kontor.events.inventory.StockEvent.StockReceived;
import org.kontor.events.inventory.StockEvent.StockReservationRefused;
import org.kontor.events.inventory.StockEvent.StockReservationReleased;
import org.kontor.events.inventory.StockEvent.StockReserved;
import org.kontor.events.inventory.StockEvent.StockTransferredIn;
import org.kontor.events.inventory.StockEvent.StockTransferredOut;
import org.kontor.events.inventory.StockMovementEvent.AdjustmentRecorded;
import org.kontor.events.inventory.StockMovementEvent.CostedLine;
import org.kontor.events.inventory.StockMovementEvent.IssueRecorded;
import org.kontor.events.inventory.StockMovementEvent.ReceiptRecorded;
import org.kontor.events.inventory.StockMovementEvent.ReceivedLine;
import org.kontor.events.inventory.StockMovementEvent.TransferRecorded;
import org.kontor.events.inventory.WarehouseEvent.WarehouseOpened;
import org.kontor.events.ledger.AccountType;
import org.kontor.events.sales.CustomerCreditEvent.InvoiceCreditSettled;
import org.kontor.events.purchasing.BillEvent.BillLine;
import org.kontor.events.purchasing.BillEvent.BillPaymentRecorded;
import org.kontor.events.purchasing.BillEvent.BillRecorded;
import org.kontor.events.purchasing.PurchaseOrderEvent.GoodsReceived;
import org.kontor.events.purchasing.PurchaseOrderEvent.OrderQuantity;
import org.kontor.events.purchasing.PurchaseOrderEvent.OrderedLine;
import org.kontor.events.purchasing.PurchaseOrderEvent.PurchaseOrderBilled;
import org.kontor.events.purchasing.PurchaseOrderEvent.PurchaseOrderCancelled;
import org.kontor.events.purchasing.PurchaseOrderEvent.PurchaseOrderPlaced;
import org.kontor.events.purchasing.PurchaseOrderEvent.ReceivedGoods;
import org.kontor.events.purchasing.SupplierEvent.SupplierRegistered;
import org.kontor.events.sales.CustomerCreditEvent.OrderCreditCommitted;
import org.kontor.events.sales.CustomerCreditEvent.OrderCreditInvoiced;
import org.kontor.events.sales.CustomerCreditEvent.OrderCreditReleased;
import org.kontor.events.sales.InvoiceEvent.InvoiceIssued;
import org.kontor.events.sales.InvoiceEvent.InvoiceOverdue;
import org.kontor.events.sales.InvoiceEvent.InvoicePaymentReceived;
import org.kontor.events.sales.PaymentMethod;
import org.kontor.events.sales.SalesOrderEvent.OrderLine;
import org.kontor.events.sales.SalesOrderEvent.SalesOrderCancelled;
import org.kontor.events.sales.SalesOrderEvent.SalesOrderConfirmed;
import org.kontor.events.sales.SalesOrderEvent.SalesOrderDelivered;
import org.kontor.events.sales.SalesOrderEvent.SalesOrderDrafted;
import org.kontor.events.sales.SalesOrderEvent.SalesOrderInvoiced;
import org.kontor.events.sales.SalesOrderEvent.SalesOrderReservationFailed;
import org.kontor.events.sales.SalesOrderEvent.SalesOrderStockReserved;
import org.kontor.events.ledger.JournalEntryEvent.JournalEntryPosted;
import org.kontor.events.ledger.JournalEntryEvent.JournalEntryReversed;
import org.kontor.events.ledger.JournalLine;
import org.kontor.events.ledger.LedgerAccountEvent.AccountOpened;
import org.kontor.events.ledger.LedgerCalendarEvent.BooksClosedThrough;
import org.kontor.events.ledger.LedgerCalendarEvent.BooksReopened;
import org.kontor.events.ledger.LedgerCalendarEvent.FirstEntryInPeriod;
import org.kontor.events.ledger.LedgerPeriodEvent.AccountBalance;
import org.kontor.events.ledger.LedgerPeriodEvent.AccountMovement;
import org.kontor.events.ledger.LedgerPeriodEvent.EntryRecordedInPeriod;
import org.kontor.events.ledger.LedgerPeriodEvent.PeriodClosed;
import org.kontor.events.ledger.LedgerPeriodEvent.PeriodReopened;
import org.kontor.events.people.Role;
import org.kontor.events.people.UserAccountEvent.UserDisabled;
import org.kontor.events.people.UserAccountEvent.UserEnabled;
import org.kontor.events.people.UserAccountEvent.UserPasswordChanged;
import org.kontor.events.people.UserAccountEvent.UserRegistered;
import org.kontor.events.people.UserAccountEvent.UserRolesChanged;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Pins the stored JSON of every event. Events stay in the store for years and are replayed by
 * newer code, so a renamed or retyped field must fail here, in CI, instead of breaking a replay in
 * production. A changed approval is a decision: keep the old shape readable (an upcaster, a new
 * {@code @Revision}) before accepting the new one.
 */
class EventJsonApprovalTest {

    /** Where every event type lives; each aggregate lists its events in one sealed interface. */
    private static final String EVENTS_PACKAGE = "org.kontor.events";
    private static final String APPROVED_DIRECTORY = "approved-events";
    private static final String SOURCE_APPROVED_DIRECTORY = "src/test/resources/" + APPROVED_DIRECTORY;
    private static final String RECEIVED_DIRECTORY = "target/approved-events-received";

    private static final Serializer SERIALIZER = SerializerConfiguration.storageSerializer();
    private static final ObjectMapper MAPPER = SerializerConfiguration.storageObjectMapper();

    private static final PostalAddress ADDRESS =
            new PostalAddress("Hafenstraße 12", "20457", "Hamburg", "Hamburg", "DE");
    private static final Money CREDIT_LIMIT = Money.of(500_000, "EUR");
    /** Shaped like bcrypt, but the hash of no password: approved files must not hold real credentials. */
    private static final String PASSWORD_HASH = "$2a$10$EXAMPLEsaltEXAMPLEsaltEXAMPLEhashNotOfAnyRealPassword";
    private static final String NEW_PASSWORD_HASH = "$2a$10$EXAMPLEsaltEXAMPLEsal2EXAMPLEhashNotOfAnyRealPassword";
    private static final String PRODUCT_ID = "6a1f0c2e-7b3d-4e5f-8a9b-0c1d2e3f4a5b";
    private static final String WAREHOUSE_ID = "2b3c4d5e-6f70-4a8b-9c0d-1e2f3a4b5c6d";
    private static final String OTHER_WAREHOUSE_ID = "8e9f0a1b-2c3d-4e5f-a6b7-c8d9e0f1a2b3";
    private static final String MOVEMENT_ID = "4d5e6f70-8192-4a3b-8c4d-5e6f7a8b9c0d";
    private static final String OTHER_MOVEMENT_ID = "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d";
    private static final String RESERVATION_ID = "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f";
    private static final String ENTRY_ID = "3e9a1b7c-2d4f-4e8a-b6c1-5d7e9f0a1b23";
    private static final String REVERSAL_ID = "c4d2e6f8-1a3b-3c5d-8e7f-9a0b1c2d3e45";
    /** A sale reversed: every line has a cost center and a memo, so their names are pinned too. */
    private static final List<JournalLine> REVERSAL_LINES = List.of(
            new JournalLine("4000", 10_000, 0, "shop", "Cancelled order 2026-0042"),
            new JournalLine("2200", 1_900, 0, "shop", "Output tax 19%"),
            new JournalLine("1200", 0, 11_900, "shop", "Receivable Nordwind GmbH"));
    private static final String CUSTOMER_ID = "5f0c7f3e-8d1a-4c55-9a52-0c6f1f3b2a11";
    private static final String LEAD_ID = "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    private static final String OPPORTUNITY_ID = "8b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e";
    private static final String CAMPAIGN_ID = "9c3d4e5f-6a7b-4c8d-8e9f-1a2b3c4d5e6f";
    private static final String ACTIVITY_ID = "1d4e5f6a-7b8c-4d9e-8f0a-2b3c4d5e6f7a";
    private static final String CASE_ID = "2e5f6a7b-8c9d-4e0f-9a1b-3c4d5e6f7a8b";
    private static final Money DEAL = Money.of(2_500_000, "EUR");
    private static final String ORDER_ID = "6c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f";
    private static final String INVOICE_ID = "7d8e9f0a-1b2c-4d3e-8f4a-5b6c7d8e9f0a";
    private static final String PAYMENT_ID = "3a4b5c6d-7e8f-4a9b-8c0d-1e2f3a4b5c6d";
    /** 40 bolts at 12.50 taxed at 19 %: the rate keeps its decimals, so its form is pinned too. */
    private static final List<OrderLine> ORDER_LINES = List.of(
            new OrderLine("BOLT-M8-40", 40, 1_250, new BigDecimal("19.00")));
    private static final String SUPPLIER_ID = "3f4a5b6c-7d8e-4f9a-8b0c-1d2e3f4a5b6c";
    private static final String PURCHASE_ORDER_ID = "4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d";
    private static final String BILL_ID = "5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e";
    /** 500 bolts at 0.12 with 19 % input tax: net 60.00, tax 11.40. */
    private static final List<BillLine> BILL_LINES = List.of(
            new BillLine("BOLT-M8-40", 500, 12, new BigDecimal("19.00"), 6_000, 1_140));
    private static final List<AccountMovement> MOVEMENTS = List.of(
            new AccountMovement("1200", 0, 11_900),
            new AccountMovement("2200", 1_900, 0),
            new AccountMovement("4000", 10_000, 0));
    private static final List<AccountBalance> CLOSING_BALANCES = List.of(
            new AccountBalance("1200", 1_250_000),
            new AccountBalance("2200", -85_100),
            new AccountBalance("4000", -1_164_900));

    /**
     * One fully populated example per event type: every field set, so that every field name and
     * form is pinned (the store leaves null fields out). Adding an event means adding it here.
     */
    private static final List<Object> EXAMPLES = List.of(
            new CustomerRegistered("5f0c7f3e-8d1a-4c55-9a52-0c6f1f3b2a11", "Nordwind GmbH", CustomerKind.COMPANY,
                    "info@nordwind.example", "+49 40 123456", "DE123456789", ADDRESS, CREDIT_LIMIT,
                    "employee-7", List.of("wholesale", "north"), 30),
            new CustomerDetailsChanged("5f0c7f3e-8d1a-4c55-9a52-0c6f1f3b2a11",
                    List.of("email", "ownerId", "paymentTermDays"), "Nordwind GmbH", CustomerKind.COMPANY,
                    "orders@nordwind.example", "+49 40 123456", "DE123456789", ADDRESS, CREDIT_LIMIT, "employee-9",
                    List.of("wholesale", "north"), 14),
            new ContactAdded("5f0c7f3e-8d1a-4c55-9a52-0c6f1f3b2a11", "9b2e4a10-3c7d-4e8f-a1b2-c3d4e5f60718",
                    new PersonName("Anna", "Berg"), "anna.berg@nordwind.example", "+49 40 123457", "Purchasing"),
            new InteractionRecorded("0d6a3c2e-1b4f-4a8e-9c7d-2e5f6a7b8c90", "5f0c7f3e-8d1a-4c55-9a52-0c6f1f3b2a11",
                    InteractionChannel.CALL, InteractionDirection.INBOUND, Instant.parse("2026-03-01T09:30:00Z"),
                    "Asked for a quote", "Wants 40 pallets before Easter.", "employee-7"),
            new CampaignPlanned(CAMPAIGN_ID, "Spring fair 2026", "EVENT", Money.of(1_000_000, "EUR"),
                    LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31)),
            new LeadCaptured(LEAD_ID, "Anna Berg", "Nordwind GmbH", "anna.berg@nordwind.example", "fair",
                    CAMPAIGN_ID),
            new LeadQualified(LEAD_ID, "Anna Berg", CUSTOMER_ID, true, OPPORTUNITY_ID, CAMPAIGN_ID),
            new LeadDisqualified(LEAD_ID, "Student project, no budget", CAMPAIGN_ID),
            new OpportunityOpened(OPPORTUNITY_ID, CUSTOMER_ID, "40 pallets before Easter", DEAL,
                    LocalDate.of(2026, 4, 1), OpportunityStage.PROSPECTING, "employee-7", LEAD_ID, CAMPAIGN_ID),
            new OpportunityStageChanged(OPPORTUNITY_ID, CUSTOMER_ID, OpportunityStage.PROSPECTING,
                    OpportunityStage.PROPOSAL, DEAL, "employee-7"),
            new OpportunityWon(OPPORTUNITY_ID, CUSTOMER_ID, OpportunityStage.NEGOTIATION, DEAL, "employee-7",
                    CAMPAIGN_ID),
            new OpportunityLost(OPPORTUNITY_ID, CUSTOMER_ID, OpportunityStage.PROPOSAL, "Price too high", DEAL,
                    "employee-7", CAMPAIGN_ID),
            new ActivityScheduled(ACTIVITY_ID, CUSTOMER_ID, ActivityType.CALL, Instant.parse("2026-03-02T10:00:00Z"),
                    "employee-7", "Call back about the quote"),
            new ActivityCompleted(ACTIVITY_ID, CUSTOMER_ID, "employee-7", "Quote accepted", true),
            new ActivityOverdue(ACTIVITY_ID, CUSTOMER_ID, "employee-7", Instant.parse("2026-03-02T10:00:00Z")),
            new CaseOpened(CASE_ID, CUSTOMER_ID, "Pallets arrived damaged", CasePriority.HIGH, "employee-3"),
            new CaseAssigned(CASE_ID, CUSTOMER_ID, "employee-4"),
            new CasePriorityChanged(CASE_ID, CUSTOMER_ID, CasePriority.URGENT),
            new CaseResolved(CASE_ID, CUSTOMER_ID, "Replacement delivered"),
            new CaseReopened(CASE_ID, CUSTOMER_ID, "Replacement damaged too", "Pallets arrived damaged",
                    CasePriority.URGENT, "employee-4"),
            new UserRegistered("anna.berg", PASSWORD_HASH, List.of(Role.SALES, Role.SUPPORT), "employee-7"),
            new UserRolesChanged("anna.berg", List.of(Role.MANAGER, Role.SALES)),
            new UserPasswordChanged("anna.berg", NEW_PASSWORD_HASH),
            new UserDisabled("anna.berg", "Left the company"),
            new UserEnabled("anna.berg", "Back from parental leave"),
            new AccountOpened("1110", "Bank, second account", AccountType.ASSET, "1100"),
            new JournalEntryPosted(REVERSAL_ID, LocalDate.of(2026, 3, 31), "2026-03",
                    "Reversal of " + ENTRY_ID + ": order cancelled", "EUR", "INV-2026-0042", REVERSAL_LINES,
                    ENTRY_ID),
            new JournalEntryReversed(ENTRY_ID, REVERSAL_ID, LocalDate.of(2026, 3, 31), "order cancelled"),
            new EntryRecordedInPeriod("2026-03", REVERSAL_ID, MOVEMENTS),
            new PeriodClosed("2026-03", MOVEMENTS, CLOSING_BALANCES),
            new PeriodReopened("2026-03", "Supplier invoice of March arrived late"),
            new FirstEntryInPeriod("2026-03"),
            new BooksClosedThrough("2026-03", CLOSING_BALANCES),
            new BooksReopened("2026-04", "2026-03"),
            new ProductRegistered("BOLT-M8-40", PRODUCT_ID, "Hex bolt M8x40", "piece", CostMethod.FIFO,
                    Money.of(45, "EUR")),
            new WarehouseOpened(WAREHOUSE_ID, "HAM-1", "Hamburg harbour"),
            new StockReceived(WAREHOUSE_ID, "BOLT-M8-40", MOVEMENT_ID, LocalDate.of(2026, 3, 2), 1_000, 12_000),
            new StockIssued(WAREHOUSE_ID, "BOLT-M8-40", MOVEMENT_ID, LocalDate.of(2026, 3, 9), 40, 480, "Order 2026-0042",
                    RESERVATION_ID),
            new StockTransferredOut(WAREHOUSE_ID, "BOLT-M8-40", MOVEMENT_ID, LocalDate.of(2026, 3, 10), 200, 2_400,
                    OTHER_WAREHOUSE_ID),
            new StockTransferredIn(OTHER_WAREHOUSE_ID, "BOLT-M8-40", MOVEMENT_ID, LocalDate.of(2026, 3, 10), 200, 2_400,
                    WAREHOUSE_ID),
            new StockAdjusted(WAREHOUSE_ID, "BOLT-M8-40", MOVEMENT_ID, LocalDate.of(2026, 3, 31), 755, -5, -60,
                    "Year-end count"),
            new StockReserved(WAREHOUSE_ID, "BOLT-M8-40", RESERVATION_ID, 40),
            new StockReservationReleased(WAREHOUSE_ID, "BOLT-M8-40", RESERVATION_ID, 40),
            new StockCostRevised(WAREHOUSE_ID, "BOLT-M8-40", MOVEMENT_ID, MovementKind.ISSUE, LocalDate.of(2026, 3, 9),
                    -480, -460, OTHER_MOVEMENT_ID),
            new ReceiptRecorded(MOVEMENT_ID, WAREHOUSE_ID, LocalDate.of(2026, 3, 2), "EUR",
                    List.of(new ReceivedLine("BOLT-M8-40", 1_000, 12, 12_000))),
            new IssueRecorded(MOVEMENT_ID, WAREHOUSE_ID, LocalDate.of(2026, 3, 9), "Order 2026-0042", RESERVATION_ID,
                    "EUR", List.of(new CostedLine("BOLT-M8-40", 40, 480))),
            new TransferRecorded(MOVEMENT_ID, WAREHOUSE_ID, OTHER_WAREHOUSE_ID, LocalDate.of(2026, 3, 10), "EUR",
                    List.of(new CostedLine("BOLT-M8-40", 200, 2_400))),
            new AdjustmentRecorded(MOVEMENT_ID, WAREHOUSE_ID, "BOLT-M8-40", LocalDate.of(2026, 3, 31), 755, -5, -60,
                    "Year-end count", "EUR"),
            new StockReservationRefused(WAREHOUSE_ID, "BOLT-M8-40", ORDER_ID + "/1", 40, "INSUFFICIENT_STOCK",
                    "Fewer than 40 of BOLT-M8-40 are available in warehouse " + WAREHOUSE_ID + " now."),
            new SalesOrderDrafted(ORDER_ID, CUSTOMER_ID, "EUR", ORDER_LINES),
            new SalesOrderConfirmed(ORDER_ID, CUSTOMER_ID, WAREHOUSE_ID, "EUR", ORDER_LINES, 50_000, 9_500),
            new SalesOrderStockReserved(ORDER_ID, CUSTOMER_ID),
            new SalesOrderReservationFailed(ORDER_ID, CUSTOMER_ID, WAREHOUSE_ID, "BOLT-M8-40", "INSUFFICIENT_STOCK",
                    "Fewer than 40 of BOLT-M8-40 are available.", ORDER_LINES),
            new SalesOrderDelivered(ORDER_ID, CUSTOMER_ID, WAREHOUSE_ID, LocalDate.of(2026, 3, 9), ORDER_LINES),
            new SalesOrderCancelled(ORDER_ID, CUSTOMER_ID, "Customer changed their mind", WAREHOUSE_ID,
                    ORDER_LINES),
            new OrderCreditCommitted(CUSTOMER_ID, ORDER_ID, 59_500, "EUR"),
            new OrderCreditReleased(CUSTOMER_ID, ORDER_ID, 59_500, "EUR"),
            new SalesOrderInvoiced(ORDER_ID, CUSTOMER_ID, INVOICE_ID, LocalDate.of(2026, 3, 10),
                    LocalDate.of(2026, 4, 9)),
            new OrderCreditInvoiced(CUSTOMER_ID, ORDER_ID, INVOICE_ID, 59_500, "EUR"),
            new InvoiceCreditSettled(CUSTOMER_ID, INVOICE_ID, PAYMENT_ID, 20_000, "EUR"),
            new InvoiceIssued(INVOICE_ID, ORDER_ID, CUSTOMER_ID, "EUR", ORDER_LINES, 50_000, 9_500,
                    LocalDate.of(2026, 3, 10), LocalDate.of(2026, 4, 9)),
            new InvoicePaymentReceived(INVOICE_ID, CUSTOMER_ID, PAYMENT_ID, 20_000, "EUR", LocalDate.of(2026, 3, 20),
                    PaymentMethod.BANK_TRANSFER, 39_500),
            new InvoiceOverdue(INVOICE_ID, CUSTOMER_ID, LocalDate.of(2026, 4, 9), 39_500, "EUR"),
            new SupplierRegistered(SUPPLIER_ID, "Schraubenwerk Süd GmbH", "orders@schraubenwerk.example", 30),
            new PurchaseOrderPlaced(PURCHASE_ORDER_ID, SUPPLIER_ID, "EUR",
                    List.of(new OrderedLine("BOLT-M8-40", 1_000, 12, new BigDecimal("19.00")))),
            new GoodsReceived(PURCHASE_ORDER_ID, SUPPLIER_ID, 1, MOVEMENT_ID, WAREHOUSE_ID, LocalDate.of(2026, 3, 2),
                    "EUR", List.of(new ReceivedGoods("BOLT-M8-40", 500, 12))),
            new PurchaseOrderBilled(PURCHASE_ORDER_ID, SUPPLIER_ID, BILL_ID, LocalDate.of(2026, 3, 4),
                    List.of(new OrderQuantity("BOLT-M8-40", 500))),
            new PurchaseOrderCancelled(PURCHASE_ORDER_ID, SUPPLIER_ID, "Supplier discontinued the size",
                    List.of(new OrderQuantity("BOLT-M8-40", 500))),
            new BillRecorded(BILL_ID, PURCHASE_ORDER_ID, SUPPLIER_ID, LocalDate.of(2026, 3, 4),
                    LocalDate.of(2026, 4, 3), "EUR", BILL_LINES, 6_000, 1_140),
            new BillPaymentRecorded(BILL_ID, SUPPLIER_ID, OTHER_MOVEMENT_ID, LocalDate.of(2026, 3, 20), 5_000, "EUR",
                    "BANK_TRANSFER", 2_140));

    /** The revision each changed event type is at; every other type is at revision 1. */
    private static final Map<Class<?>, String> CURRENT_REVISIONS =
            Map.of(PeriodClosed.class, "2", ContactAdded.class, "2", CustomerRegistered.class, "2",
                    CustomerDetailsChanged.class, "2");

    /**
     * Older revisions as they were stored, and what they read as today, through the upcasters:
     * stored events are never rewritten, so every old shape must stay readable. (A field added,
     * as in {@code PeriodClosed} revision 2, needs no upcaster: the tolerant reader leaves it empty;
     * so do {@code paymentTermDays} of the customer's revision-2 events: a revision-1 event has no terms.)
     */
    private static final Map<String, Object> OLDER_REVISIONS = Map.of(
            "PeriodClosed-revision-1", new PeriodClosed("2026-03", MOVEMENTS, List.of()),
            "ContactAdded-revision-1", new ContactAdded("5f0c7f3e-8d1a-4c55-9a52-0c6f1f3b2a11",
                    "9b2e4a10-3c7d-4e8f-a1b2-c3d4e5f60718", new PersonName("Anna", "Berg"),
                    "anna.berg@nordwind.example", "+49 40 123457", "Purchasing"),
            "CustomerRegistered-revision-1", new CustomerRegistered("5f0c7f3e-8d1a-4c55-9a52-0c6f1f3b2a11",
                    "Nordwind GmbH", CustomerKind.COMPANY, "info@nordwind.example", "+49 40 123456", "DE123456789",
                    ADDRESS, CREDIT_LIMIT, "employee-7", List.of("wholesale", "north"), null),
            "CustomerDetailsChanged-revision-1", new CustomerDetailsChanged("5f0c7f3e-8d1a-4c55-9a52-0c6f1f3b2a11",
                    List.of("email", "ownerId"), "Nordwind GmbH", CustomerKind.COMPANY, "orders@nordwind.example",
                    "+49 40 123456", "DE123456789", ADDRESS, CREDIT_LIMIT, "employee-9", List.of("wholesale", "north"),
                    null));
    /** The upcasters of the application, as the event stores apply them to what they read. */
    private static final EventUpcasterChain UPCASTERS = new EventUpcasterChain(new ContactNameUpcaster());

    static Stream<Named<Object>> examples() {
        return EXAMPLES.stream().map(event -> Named.of(event.getClass().getSimpleName(), event));
    }

    @Test
    void everyEventType_hasAnExample() throws Exception {
        Set<String> eventTypes = names(eventTypes());
        Set<String> exampleTypes = names(EXAMPLES.stream().map(Object::getClass).toList());

        assertThat(eventTypes).as("event types found in the sealed interfaces of " + EVENTS_PACKAGE).isNotEmpty();
        assertThat(exampleTypes)
                .as("every event type needs one fully populated example in EXAMPLES, and so an approved JSON file")
                .containsExactlyInAnyOrderElementsOf(eventTypes);
    }

    @Test
    void everyRevisionedType_isListedInASealedEventInterface() throws Exception {
        // An event outside every sealed interface would escape the check above.
        Set<String> revisioned = names(classesIn(EVENTS_PACKAGE).stream()
                .filter(type -> type.isAnnotationPresent(Revision.class)).toList());

        assertThat(names(eventTypes())).containsAll(revisioned);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void example_hasEveryFieldSet(Object event) throws Exception {
        for (RecordComponent component : event.getClass().getRecordComponents()) {
            Object value = component.getAccessor().invoke(event);
            assertThat(value).as(component.getName()).isNotNull();
            if (value instanceof Collection<?> collection) {
                assertThat(collection).as(component.getName()).isNotEmpty();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void eventType_carriesItsCurrentRevision(Object event) {
        Revision revision = event.getClass().getAnnotation(Revision.class);

        assertThat(revision).as("@Revision on " + event.getClass().getSimpleName()).isNotNull();
        assertThat(revision.value()).isEqualTo(currentRevision(event));
    }

    @Test
    void olderRevisions_stillDeserialize() throws IOException {
        for (Map.Entry<String, Object> older : OLDER_REVISIONS.entrySet()) {
            String revision = older.getKey().substring(older.getKey().lastIndexOf('-') + 1);
            String json = approved("older/" + older.getKey());
            assertThat(json).as("approved JSON of " + older.getKey()).isNotNull();
            EventData<String> stored = new GenericDomainEventEntry<>("Aggregate", "aggregate-1", 0, "event-1",
                    Instant.EPOCH, older.getValue().getClass().getName(), revision, json, "{}");
            IntermediateEventRepresentation read = UPCASTERS
                    .upcast(Stream.of(new InitialEventRepresentation(stored, SERIALIZER))).findFirst().orElseThrow();

            assertThat((Object) SERIALIZER.deserialize(read.getData())).as(older.getKey()).isEqualTo(older.getValue());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void serializedEvent_matchesApprovedJson(Object event) throws IOException {
        String name = event.getClass().getSimpleName();
        JsonNode received = MAPPER.readTree(SERIALIZER.serialize(event, String.class).getData());
        String approvedJson = approved(name);

        if (approvedJson == null) {
            Path written = writeReceived(name, received);
            fail("No approved JSON for " + name + ". The serialized form was written to " + written
                    + ". Review it; if it is right, copy it to " + SOURCE_APPROVED_DIRECTORY + "/" + name
                    + ".json and run the test again.");
        }
        if (!MAPPER.readTree(approvedJson).equals(received)) {
            Path written = writeReceived(name, received);
            fail("The stored JSON of " + name + " differs from " + SOURCE_APPROVED_DIRECTORY + "/" + name
                    + ".json; the new form was written to " + written + ". Events already stored keep the"
                    + " old form: make them readable (upcaster, new @Revision) before approving the new one.\n"
                    + "approved: " + MAPPER.readTree(approvedJson) + "\nreceived: " + received);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void serializedEvent_deserializesToAnEqualEvent(Object event) {
        SerializedObject<String> stored = SERIALIZER.serialize(event, String.class);

        assertThat(stored.getType().getRevision()).isEqualTo(currentRevision(event));
        Object readBack = SERIALIZER.deserialize(stored);

        assertThat(readBack).isEqualTo(event);
    }

    /** The concrete types permitted by every sealed interface in the events package, nested ones included. */
    private static List<Class<?>> eventTypes() throws IOException {
        List<Class<?>> events = new ArrayList<>();
        Deque<Class<?>> toVisit = new ArrayDeque<>(classesIn(EVENTS_PACKAGE).stream()
                .filter(type -> type.isInterface() && type.isSealed()).toList());
        while (!toVisit.isEmpty()) {
            for (Class<?> permitted : toVisit.pop().getPermittedSubclasses()) {
                if (permitted.isSealed()) {
                    toVisit.push(permitted);
                } else {
                    events.add(permitted);
                }
            }
        }
        return events;
    }

    private static List<Class<?>> classesIn(String packageName) throws IOException {
        String pattern = "classpath*:" + packageName.replace('.', '/') + "/**/*.class";
        Set<Class<?>> classes = new LinkedHashSet<>();
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources(pattern)) {
            String url = resource.getURL().toString();
            String path = url.substring(url.lastIndexOf(packageName.replace('.', '/')));
            String className = path.substring(0, path.length() - ".class".length()).replace('/', '.');
            try {
                classes.add(Class.forName(className, false, EventJsonApprovalTest.class.getClassLoader()));
            } catch (ClassNotFoundException notLoadable) {
                throw new IllegalStateException("found but cannot load " + className, notLoadable);
            }
        }
        return new ArrayList<>(classes);
    }

    private static String currentRevision(Object event) {
        return CURRENT_REVISIONS.getOrDefault(event.getClass(), "1");
    }

    private static Set<String> names(Collection<Class<?>> types) {
        Set<String> names = new TreeSet<>();
        types.forEach(type -> names.add(type.getName()));
        return names;
    }

    private static String approved(String name) throws IOException {
        try (InputStream in = EventJsonApprovalTest.class.getResourceAsStream(
                "/" + APPROVED_DIRECTORY + "/" + name + ".json")) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Path writeReceived(String name, JsonNode received) throws IOException {
        Path directory = Path.of(System.getProperty("basedir", "."), RECEIVED_DIRECTORY);
        Files.createDirectories(directory);
        Path file = directory.resolve(name + ".received.json");
        Files.writeString(file, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(received) + "\n");
        return file.toAbsolutePath();
    }
}
