package org.kontor.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kontor.server.http.PurchasingClient.line;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * Issue 8's promise to accountants, the payables half: at every period end the payables control
 * account (2000) holds exactly what the open bills add up to in the AP aging as of that day, and
 * goods received not invoiced (2100) exactly the value of what was received and not billed yet.
 * Goods are received, billed and paid across three month ends; each month is closed once its
 * postings are in, so later months are booked against closed earlier ones. Books of its own: the
 * test closes periods.
 */
class PayablesControlAccountTest extends OwnBooksHttpTest {

    private static final String PAYABLES = "2000";
    private static final String GOODS_RECEIVED_NOT_INVOICED = "2100";
    private static final long WAIT_MS = 20_000;

    @Test
    void receiptsBillsAndPaymentsOverThreeMonths_payablesEqualTheOpenBillsAndGrniTheUnbilledGoods()
            throws InterruptedException {
        InventoryClient inventory = new InventoryClient(http);
        PurchasingClient purchasing = new PurchasingClient(http);
        inventory.loadDefaultChart();
        String warehouse = inventory.newWarehouse();
        String bolts = inventory.newProduct("FIFO");
        String paint = inventory.newProduct("AVERAGE");
        String screwWorks = purchasing.newSupplier("Schraubenwerk", 30);
        String paintShop = purchasing.newSupplier("Farbenhaus", 10);

        // January: six of ten bolts arrive and are billed (30.00 + 19 % = 35.70); the paint arrives
        // in full (50.00) and is not billed yet.
        String boltOrder = purchasing.placeOrder(screwWorks, line(bolts, 10, "5.00", "19"));
        String paintOrder = purchasing.placeOrder(paintShop, line(paint, 4, "12.50", "7"));
        purchasing.receive(boltOrder, warehouse, "2031-01-10", bolts, 6);
        String firstBoltBill = purchasing.bill(boltOrder, "2031-01-20");
        purchasing.receiveAll(paintOrder, warehouse, "2031-01-25");
        assertMonthEnd("2031-01-31", "35.70", "50.00");
        close("2031-01");

        // February: the other four bolts arrive (20.00); the paint is billed (50.00 + 7 % = 53.50);
        // 20.00 of the first bolt bill is paid by bank transfer.
        purchasing.receiveAll(boltOrder, warehouse, "2031-02-03");
        String paintBill = purchasing.bill(paintOrder, "2031-02-05");
        purchasing.pay(firstBoltBill, "20.00", "2031-02-10", "BANK_TRANSFER");
        assertMonthEnd("2031-02-28", "69.20", "20.00");
        close("2031-02");

        // March: the last bolts are billed (20.00 + 19 % = 23.80); the rest of the first bolt bill is
        // paid in cash and the paint bill in full: only the second bolt bill is left.
        purchasing.bill(boltOrder, "2031-03-02");
        purchasing.pay(firstBoltBill, "15.70", "2031-03-05", "CASH");
        purchasing.pay(paintBill, "53.50", "2031-03-20", "BANK_TRANSFER");
        assertMonthEnd("2031-03-31", "23.80", "0.00");

        // The months closed before stay as they were: a later payment does not reach back.
        assertThat(creditBalance(PAYABLES, "2031-01-31")).isEqualByComparingTo("35.70");
        assertThat(openBills("2031-01-31")).isEqualByComparingTo("35.70");
    }

    /**
     * Postings are made by processors behind the commands: waits (at most 20 s) until the payables
     * account equals the aging, then checks both and GRNI against what the story says.
     */
    private void assertMonthEnd(String monthEnd, String payables, String unbilledGoods) throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT_MS;
        while (!settled(monthEnd, payables, unbilledGoods) && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertThat(creditBalance(PAYABLES, monthEnd)).as("payables account at %s", monthEnd)
                .isEqualByComparingTo(openBills(monthEnd));
        assertThat(openBills(monthEnd)).as("open bills at %s", monthEnd).isEqualByComparingTo(payables);
        assertThat(creditBalance(GOODS_RECEIVED_NOT_INVOICED, monthEnd)).as("GRNI at %s", monthEnd)
                .isEqualByComparingTo(unbilledGoods);
    }

    private boolean settled(String monthEnd, String payables, String unbilledGoods) {
        return creditBalance(PAYABLES, monthEnd).compareTo(new BigDecimal(payables)) == 0
                && openBills(monthEnd).compareTo(new BigDecimal(payables)) == 0
                && creditBalance(GOODS_RECEIVED_NOT_INVOICED, monthEnd).compareTo(new BigDecimal(unbilledGoods)) == 0;
    }

    private void close(String period) {
        http.post().uri("/api/ledger/periods/{period}/close", period).exchange().expectStatus().isOk();
    }

    /** What a liability account owes at the end of {@code asOf}: credits less debits. */
    private BigDecimal creditBalance(String account, String asOf) {
        JsonNode trialBalance = new InventoryClient(http).read("/api/ledger/trial-balance?consistent=true&asOf="
                + asOf);
        for (JsonNode row : trialBalance.get("rows")) {
            if (row.get("account").asText().equals(account)) {
                return new BigDecimal(row.get("credit").asText()).subtract(new BigDecimal(row.get("debit").asText()));
            }
        }
        return BigDecimal.ZERO;
    }

    /** The AP aging's total over every supplier as of the end of {@code asOf}. */
    private BigDecimal openBills(String asOf) {
        JsonNode totals = new PurchasingClient(http).payablesAging(asOf).get("totals");
        return totals.isEmpty() ? BigDecimal.ZERO : new BigDecimal(totals.get(0).get("total").asText());
    }
}
