package org.kontor.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The trading story, end to end over HTTP, told the way the business lives it: a wholesaler buys
 * lamps from a supplier (procure to pay), then sells part of them to a customer (quote to cash).
 * After each step the views that step should change are checked: the purchase order, stock, the
 * ledger, the aging of payables and receivables, and the customer's 360 view and timeline.
 *
 * <p>Books of its own, so that every balance is exactly this story's.
 */
class TradingScenarioTest extends OwnBooksHttpTest {

    private static final String CASH = "1000";
    private static final String BANK = "1100";
    private static final String RECEIVABLES = "1200";
    private static final String INVENTORY = "1300";
    private static final String INPUT_TAX = "1400";
    private static final String PAYABLES = "2000";
    private static final String GRNI = "2100";
    private static final String OUTPUT_TAX = "2200";
    private static final String REVENUE = "4000";
    private static final String COST_OF_GOODS_SOLD = "5000";

    @Test
    void buyLampsPayTheSupplierSellToACustomerAndGetPaid_everyViewTellsTheSameStory() throws InterruptedException {
        InventoryClient inventory = new InventoryClient(http);
        PurchasingClient purchasing = new PurchasingClient(http);
        SalesClient sales = new SalesClient(inventory);
        inventory.loadDefaultChart();
        String lamp = inventory.newProduct("FIFO");
        String warehouse = inventory.newWarehouse();

        // --- Procure to pay ---------------------------------------------------------------------
        // The wholesaler orders 100 lamps at 12.00 from Lumen, who bill 19 % input tax, 30 days net.
        String lumen = purchasing.newSupplier("Lumen Wholesale", 30);
        String purchaseOrder = purchasing.placeOrder(lumen, PurchasingClient.line(lamp, 100, "12.00", "19"));

        // 60 arrive on 5 January: in stock at the order's cost, and owed as goods received not invoiced.
        purchasing.receive(purchaseOrder, warehouse, "2026-01-05", lamp, 60);
        JsonNode partlyReceived = purchasing.order(purchaseOrder, 2);
        assertThat(partlyReceived.get("status").asText()).isEqualTo("PARTIALLY_RECEIVED");
        assertThat(partlyReceived.at("/lines/0/received").asLong()).isEqualTo(60);
        JsonNode firstLevel = levelOnceReceived(inventory, warehouse, lamp, 60);
        assertThat(firstLevel.get("value").asText()).isEqualTo("720.00");
        assertBalance("2026-01-05", INVENTORY, "720.00");
        assertBalance("2026-01-05", GRNI, "720.00");

        // The other 40 arrive on 10 January: the order is received in full.
        purchasing.receiveAll(purchaseOrder, warehouse, "2026-01-10");
        assertThat(purchasing.order(purchaseOrder, 3).get("status").asText()).isEqualTo("RECEIVED");
        assertThat(levelOnceReceived(inventory, warehouse, lamp, 100).get("value").asText()).isEqualTo("1200.00");
        assertBalance("2026-01-10", GRNI, "1200.00");

        // Lumen's bill of 12 January: 1200.00 + 228.00 tax, due on 11 February. GRNI is cleared
        // into payables; the bill is current in the payables aging at the month end.
        String bill = purchasing.bill(purchaseOrder, "2026-01-12");
        JsonNode booked = purchasing.bill(bill);
        assertThat(booked.get("total").asText()).isEqualTo("1428.00");
        assertThat(booked.get("dueDate").asText()).isEqualTo("2026-02-11");
        assertThat(booked.get("status").asText()).isEqualTo("OVERDUE"); // today is long after February 2026
        assertBalance("2026-01-31", GRNI, "0.00");
        assertBalance("2026-01-31", INPUT_TAX, "228.00");
        assertBalance("2026-01-31", PAYABLES, "1428.00");
        JsonNode payablesInJanuary = purchasing.payablesAging("2026-01-31");
        assertThat(payablesInJanuary.at("/rows/0/supplierId").asText()).isEqualTo(lumen);
        assertThat(payablesInJanuary.at("/rows/0/current").asText()).isEqualTo("1428.00");

        // The wholesaler pays the bill by bank transfer on 5 February.
        purchasing.pay(bill, "1428.00", "2026-02-05", "BANK_TRANSFER");
        assertThat(purchasing.bill(bill).get("status").asText()).isEqualTo("PAID");
        assertBalance("2026-02-28", PAYABLES, "0.00");
        assertBalance("2026-02-28", BANK, "-1428.00");
        assertThat(purchasing.payablesAging("2026-02-28").get("rows")).isEmpty();
        assertThat(purchasing.payablesAging("2026-01-31").at("/totals/0/total").asText())
                .as("what was open at the end of January stays as it was").isEqualTo("1428.00");

        // --- Quote to cash ----------------------------------------------------------------------
        // Nordwind (credit limit 5000.00) orders 30 lamps at 25.00 plus 19 % tax: 892.50.
        String nordwind = registerCustomer("Nordwind");
        String salesOrder = sales.draft(nordwind, lamp, 30, "25.00", "19");

        // Confirmed from the warehouse: the totals are fixed, inventory holds 30 of the 100 for the order.
        inventory.post("/api/sales-orders/" + salesOrder + "/confirm", "{\"warehouseId\": \"" + warehouse + "\"}")
                .expectStatus().isOk();
        JsonNode confirmed = inventory.read("/api/sales-orders/" + salesOrder + "?minVersion=3");
        assertThat(confirmed.get("status").asText()).isEqualTo("RESERVED");
        assertThat(confirmed.get("total").asText()).isEqualTo("892.50");
        JsonNode reserved = inventory.level(warehouse, lamp);
        assertThat(reserved.get("reserved").asLong()).isEqualTo(30);
        assertThat(reserved.get("available").asLong()).isEqualTo(70);

        // Delivered on 10 February: the lamps leave at their FIFO cost, 30 x 12.00 = 360.00.
        inventory.post("/api/sales-orders/" + salesOrder + "/deliver", "{\"date\": \"2026-02-10\"}")
                .expectStatus().isOk();
        assertBalance("2026-02-10", COST_OF_GOODS_SOLD, "360.00");
        assertBalance("2026-02-10", INVENTORY, "840.00");
        assertThat(inventory.level(warehouse, lamp).get("onHand").asLong()).isEqualTo(70);

        // Invoiced the same day, due on 20 February: receivable 892.50, revenue 750.00, tax 142.50.
        String invoice = sales.invoice(salesOrder, "2026-02-10", "2026-02-20");
        assertBalance("2026-02-10", RECEIVABLES, "892.50");
        assertBalance("2026-02-10", REVENUE, "750.00");
        assertBalance("2026-02-10", OUTPUT_TAX, "142.50");
        // 20 February is long past: the invoice's deadline makes it overdue, on the 360 view too.
        // minVersion=1: the invoice view may not have the new invoice yet, which is a 404 otherwise.
        JsonNode overdue = SalesClient.eventually(() -> inventory.read("/api/invoices/" + invoice + "?minVersion=1"),
                read -> read.get("status").asText().equals("OVERDUE"));
        assertThat(overdue.get("open").asText()).isEqualTo("892.50");
        JsonNode owing = SalesClient.eventually(() -> customer(nordwind, null),
                view -> view.at("/overdue/amount").asText().equals("892.50"));
        assertThat(owing.at("/unpaid/amount").asText()).isEqualTo("892.50");
        assertThat(owing.at("/lifetimeRevenue/amount").asText()).isEqualTo("750.00");
        assertThat(owing.at("/lastOrder/id").asText()).isEqualTo(salesOrder);
        Instant beforeAnyPayment = Instant.now();
        Thread.sleep(5); // the next event is recorded strictly after this instant

        // Nordwind pays too much by mistake: refused, nothing recorded. Then 400.00 on 25 February.
        sales.pay(invoice, SalesClient.paymentJson(newId(), "900.00", "2026-02-25", "BANK_TRANSFER"))
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("PAYMENT_EXCEEDS_BALANCE");
        sales.pay(invoice, "400.00", "2026-02-25", "BANK_TRANSFER");
        JsonNode receivablesInFebruary = sales.receivablesAging("2026-02-28");
        assertThat(receivablesInFebruary.at("/rows/0/customerId").asText()).isEqualTo(nordwind);
        assertThat(receivablesInFebruary.at("/rows/0/days1to30").asText()).isEqualTo("492.50");
        assertBalance("2026-02-28", RECEIVABLES, "492.50");

        // The rest, 492.50 in cash on 2 March: the invoice is paid, nothing is owed.
        sales.pay(invoice, "492.50", "2026-03-02", "CASH");
        assertThat(SalesClient.eventually(() -> inventory.read("/api/invoices/" + invoice),
                read -> read.get("status").asText().equals("PAID")).get("open").asText()).isEqualTo("0.00");
        JsonNode settled = SalesClient.eventually(() -> customer(nordwind, null),
                view -> view.at("/unpaid/amount").asText().equals("0.00"));
        assertThat(settled.at("/overdue/amount").asText()).isEqualTo("0.00");
        assertBalance("2026-03-31", RECEIVABLES, "0.00");
        assertBalance("2026-03-31", CASH, "492.50");
        assertBalance("2026-03-31", BANK, "-1028.00");
        assertThat(sales.receivablesAging("2026-03-31").get("rows")).isEmpty();

        // As the auditors see it: before the payments, the 360 view said 892.50 unpaid.
        assertThat(customer(nordwind, beforeAnyPayment).at("/unpaid/amount").asText()).isEqualTo("892.50");

        // The customer's timeline tells the sale from order to payment.
        assertThat(timelineTypes(nordwind)).contains("SalesOrderDrafted", "SalesOrderConfirmed",
                "SalesOrderDelivered", "InvoiceIssued", "InvoiceOverdue", "InvoicePaymentReceived");

        // The books: debits equal credits, and the inventory account equals the stock's value.
        JsonNode trialBalance = read("/api/ledger/trial-balance?consistent=true&asOf=2026-03-31");
        assertThat(trialBalance.at("/totals/debit").asText()).isEqualTo(trialBalance.at("/totals/credit").asText());
        assertThat(inventory.level(warehouse, lamp).get("value").asText()).isEqualTo("840.00");
        assertBalance("2026-03-31", INVENTORY, "840.00");
    }

    /** The stock level once inventory has received what the purchase order's receipts sent it. */
    private static JsonNode levelOnceReceived(InventoryClient inventory, String warehouse, String sku, long onHand) {
        // No level at all until the first receipt is in: read the page, not its first item.
        return SalesClient.eventually(() -> inventory.read("/api/stock/levels?consistent=true&warehouseId="
                        + warehouse + "&sku=" + sku).path("items").path(0),
                level -> level.path("onHand").asLong() == onHand);
    }

    /**
     * The account's balance in the trial balance as of the day, on its normal side (a liability's
     * credit balance is positive, an asset's credit balance negative). Postings are made by
     * processors behind the commands, so the ledger is read until it shows the expected figure.
     */
    private void assertBalance(String asOf, String account, String expected) {
        JsonNode balance = SalesClient.eventually(() -> new TextNode(balance(asOf, account)),
                found -> found.asText().equals(expected));
        assertThat(balance.asText()).as("%s as of %s", account, asOf).isEqualTo(expected);
    }

    private String balance(String asOf, String account) {
        for (JsonNode row : read("/api/ledger/trial-balance?consistent=true&asOf=" + asOf).get("rows")) {
            if (row.get("account").asText().equals(account)) {
                return row.get("balance").asText();
            }
        }
        return "0.00";
    }

    private JsonNode customer(String customerId, Instant knownAt) {
        return read("/api/customers/" + customerId + "?consistent=true"
                + (knownAt == null ? "" : "&knownAt=" + knownAt));
    }

    private List<String> timelineTypes(String customerId) {
        List<String> types = new ArrayList<>();
        read("/api/customers/" + customerId + "/timeline?consistent=true&limit=100").get("items")
                .forEach(entry -> types.add(entry.get("type").asText()));
        return types;
    }

    private JsonNode read(String uri) {
        return new InventoryClient(http).read(uri);
    }
}
