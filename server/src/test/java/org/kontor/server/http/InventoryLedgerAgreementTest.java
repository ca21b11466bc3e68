package org.kontor.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Issue 6's promise to accountants: at every period end the inventory account's balance equals the
 * stock valuation, also after a backdated receipt changed what earlier-posted issues cost. The
 * ledger gets there through postings (the movements and the cost revisions the backdated receipt
 * caused); the valuation view by recomputing from the movements. Other tests also move stock and
 * post to the inventory account, in other years, so the test compares the change of both since the
 * end of the year before its own (a year of 4090 to 4099 that no other test uses).
 */
class InventoryLedgerAgreementTest extends InventoryHttpSupport {

    private static final int YEAR = ThreadLocalRandom.current().nextInt(4090, 4100);
    private static final String INVENTORY_ACCOUNT = "1300";
    private static final long WAIT_MS = 20_000;

    @Test
    void backdatedReceipts_revalueEarlierIssuesAndTheInventoryAccountEqualsTheValuationAtEveryMonthEnd()
            throws InterruptedException {
        String main = newWarehouse();
        String overflow = newWarehouse();
        String bolts = newProduct("FIFO");
        String paint = newProduct("AVERAGE");
        String screws = newProduct("FIFO");

        // January: bolts in at 1.00, six go out (at 1.00 each, so far); paint in at 2.00, four go out.
        receive(main, YEAR + "-01-05", bolts, 10, "1.00");
        String januaryIssue = issue(main, YEAR + "-01-20", bolts, 6);
        receive(main, YEAR + "-01-06", paint, 10, "2.00");
        issue(main, YEAR + "-01-25", paint, 4);
        // February: more bolts at 3.00, five go out; the paint is counted one short.
        receive(main, YEAR + "-02-03", bolts, 10, "3.00");
        issue(main, YEAR + "-02-10", bolts, 5);
        post("/api/stock/adjustments", """
                {"warehouseId": "%s", "sku": "%s", "countedQty": 5, "date": "%d-02-28", "reason": "Count"}
                """.formatted(main, paint, YEAR)).expectStatus().isCreated();
        // March: bolts and screws move to the overflow warehouse, at cost: nothing changes in total.
        receive(main, YEAR + "-03-01", screws, 100, "0.07");
        post("/api/stock/transfers", """
                {"fromWarehouseId": "%s", "toWarehouseId": "%s", "date": "%d-03-15",
                 "lines": [{"sku": "%s", "qty": 40}, {"sku": "%s", "qty": 4}]}
                """.formatted(main, overflow, YEAR, screws, bolts)).expectStatus().isCreated();
        issue(overflow, YEAR + "-03-20", screws, 3);
        issue(overflow, YEAR + "-03-25", bolts, 1);

        // Then receipts dated before everything else arrive late: cheaper bolts, dearer paint. The
        // bolts revalue January's and February's issues, the transfer, and the overflow's issue.
        receive(main, YEAR + "-01-02", bolts, 5, "0.50");
        receive(main, YEAR + "-01-03", paint, 10, "5.00");

        // FIFO now takes January's six bolts from the late receipt first: 5 x 0.50 + 1 x 1.00.
        JsonNode januaryLine = line(read("/api/stock/movements?consistent=true&warehouseId=" + main + "&sku=" + bolts),
                januaryIssue);
        assertThat(januaryLine.get("value").asText()).isEqualTo("-3.50");

        Map<String, BigDecimal[]> monthEnds = awaitAgreement();
        monthEnds.forEach((monthEnd, ledgerAndValuation) -> assertThat(ledgerAndValuation[0])
                .as("inventory account change vs valuation change up to %s", monthEnd)
                .isEqualByComparingTo(ledgerAndValuation[1]));
        // The book value of the year's stock is not zero, so the comparison is not trivially true.
        assertThat(monthEnds.get(YEAR + "-03-31")[1]).isPositive();
    }

    /** Postings are made by a processor behind the commands: wait until they are all in, at most 20 s. */
    private Map<String, BigDecimal[]> awaitAgreement() throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT_MS;
        Map<String, BigDecimal[]> monthEnds;
        do {
            monthEnds = changesSinceTheYearBefore();
            if (monthEnds.values().stream().allMatch(pair -> pair[0].compareTo(pair[1]) == 0)) {
                return monthEnds;
            }
            Thread.sleep(200);
        } while (System.currentTimeMillis() < deadline);
        return monthEnds;
    }

    private Map<String, BigDecimal[]> changesSinceTheYearBefore() {
        String yearBefore = (YEAR - 1) + "-12-31";
        BigDecimal ledgerStart = inventoryBalance(yearBefore);
        BigDecimal valuationStart = valuation(yearBefore);
        Map<String, BigDecimal[]> changes = new LinkedHashMap<>();
        for (int month = 1; month <= 3; month++) {
            String monthEnd = YearMonth.of(YEAR, month).atEndOfMonth().toString();
            changes.put(monthEnd, new BigDecimal[] {inventoryBalance(monthEnd).subtract(ledgerStart),
                    valuation(monthEnd).subtract(valuationStart)});
        }
        return changes;
    }

    private BigDecimal inventoryBalance(String asOf) {
        JsonNode trialBalance = read("/api/ledger/trial-balance?consistent=true&asOf=" + asOf);
        for (JsonNode row : trialBalance.get("rows")) {
            if (row.get("account").asText().equals(INVENTORY_ACCOUNT)) {
                return new BigDecimal(row.get("balance").asText());
            }
        }
        return BigDecimal.ZERO;
    }

    private BigDecimal valuation(String asOf) {
        return new BigDecimal(read("/api/stock/valuation?consistent=true&limit=1&asOf=" + asOf).get("totalValue")
                .asText());
    }

    private static JsonNode line(JsonNode ledger, String movementId) {
        List<JsonNode> lines = ledger.get("items").findParents("movementId");
        return lines.stream().filter(line -> line.get("movementId").asText().equals(movementId)).findFirst()
                .orElseThrow(() -> new AssertionError("no line of " + movementId + " in " + ledger));
    }
}
