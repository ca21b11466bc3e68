package org.kontor.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

/**
 * The receivables account (1200) is the control account of the open invoices: at every month end its
 * balance in the trial balance equals the total of the AR aging as of that day. Invoices and
 * payments here cross three month ends. Books of its own, so that no other test's invoices are in
 * either figure and both can be compared as they are.
 */
class ReceivablesControlAccountTest extends OwnBooksHttpTest {

    private static final String RECEIVABLES = "1200";

    @Test
    void invoicesAndPaymentsAcrossMonthEnds_receivablesAccountEqualsTheAgingAtEachMonthEnd() {
        InventoryClient inventory = new InventoryClient(http);
        inventory.loadDefaultChart();
        SalesClient sales = new SalesClient(inventory);
        String warehouse = inventory.newWarehouse();
        String sku = inventory.newProduct("FIFO");
        inventory.receive(warehouse, "2030-01-02", sku, 100, "4.00");
        String acme = registerCustomer("Acme GmbH");
        String bolt = registerCustomer("Bolt AG");

        // January: two invoices, 1190.00 and 200.00, nothing paid.
        String first = sales.invoice(sales.deliveredOrder(acme, warehouse, sku, 10, "100.00", "19", "2030-01-10"),
                "2030-01-10", "2030-02-09");
        String second = sales.invoice(sales.deliveredOrder(bolt, warehouse, sku, 2, "100.00", "0", "2030-01-20"),
                "2030-01-20", "2030-02-19");
        // February: part of the first paid, a third invoice of 53.50.
        sales.pay(first, "500.00", "2030-02-05", "BANK_TRANSFER");
        sales.invoice(sales.deliveredOrder(acme, warehouse, sku, 1, "50.00", "7", "2030-02-15"), "2030-02-15",
                "2030-03-17");
        // March: the first and the second paid off; only the third is open.
        sales.pay(first, "690.00", "2030-03-03", "CASH");
        sales.pay(second, "200.00", "2030-03-10", "BANK_TRANSFER");

        assertControlAccountAgrees("2030-01-31", "1390.00");
        assertControlAccountAgrees("2030-02-28", "943.50");
        assertControlAccountAgrees("2030-03-31", "53.50");
    }

    /** Postings are made by a processor behind the commands: the ledger is read until they are in. */
    private void assertControlAccountAgrees(String monthEnd, String expected) {
        JsonNode ledger = SalesClient.eventually(() -> new TextNode(receivablesBalance(monthEnd)),
                balance -> balance.asText().equals(expected));
        String aging = agingTotal(monthEnd);

        assertThat(aging).as("AR aging total as of %s", monthEnd).isEqualTo(ledger.asText());
        assertThat(aging).isEqualTo(expected);
    }

    private String receivablesBalance(String asOf) {
        JsonNode trialBalance = read("/api/ledger/trial-balance?consistent=true&asOf=" + asOf);
        for (JsonNode row : trialBalance.get("rows")) {
            if (row.get("account").asText().equals(RECEIVABLES)) {
                return row.get("balance").asText();
            }
        }
        return "0.00";
    }

    private String agingTotal(String asOf) {
        JsonNode totals = read("/api/reports/ar-aging?consistent=true&asOf=" + asOf).get("totals");
        assertThat(totals).as("one currency").hasSizeLessThanOrEqualTo(1);
        return totals.isEmpty() ? "0.00" : totals.get(0).get("total").asText();
    }

    private JsonNode read(String uri) {
        return new InventoryClient(http).read(uri);
    }
}
