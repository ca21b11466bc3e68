package org.kontor.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * Inventory does not know periods: a movement dated in a closed month stands. Its posting is
 * refused by the ledger; the posting policy counts the refusal and goes on, so it neither loops on
 * it nor stops the postings behind it. Books of its own: the test closes a period, and a close
 * closes every earlier month of the ledger.
 */
class InventoryClosedPeriodTest extends OwnBooksHttpTest {

    private static final String INVENTORY_ACCOUNT = "1300";
    private static final long WAIT_MS = 20_000;

    @Test
    void movementInAClosedPeriod_standsItsPostingIsRefusedAndCountedAndLaterPostingsGoOn()
            throws InterruptedException {
        InventoryClient inventory = new InventoryClient(http);
        inventory.loadDefaultChart();
        http.post().uri("/api/ledger/periods/{period}/close", "2026-12").exchange().expectStatus().isOk();
        double refusedBefore = refusedPostings();
        String warehouse = inventory.newWarehouse();
        String sku = inventory.newProduct("FIFO");

        inventory.receive(warehouse, "2026-12-05", sku, 2, "10.00");
        inventory.receive(warehouse, "2027-01-05", sku, 1, "7.00");

        long deadline = System.currentTimeMillis() + WAIT_MS;
        BigDecimal january;
        do {
            Thread.sleep(200);
            january = inventoryBalance(inventory, "2027-01-31").subtract(inventoryBalance(inventory, "2026-12-31"));
        } while ((refusedPostings() <= refusedBefore || january.compareTo(new BigDecimal("7.00")) != 0)
                && System.currentTimeMillis() < deadline);
        assertThat(refusedPostings()).isEqualTo(refusedBefore + 1);
        assertThat(january).isEqualByComparingTo("7.00");
        assertThat(inventoryBalance(inventory, "2026-12-31")).isEqualByComparingTo("0.00");
        assertThat(inventory.level(warehouse, sku).get("onHand").asLong()).isEqualTo(3);
    }

    private double refusedPostings() {
        EntityExchangeResult<byte[]> response = http.get()
                .uri("/actuator/metrics/kontor.ledger.inventory.postings.refused?tag=code:PERIOD_CLOSED")
                .exchange().expectBody().returnResult();
        if (response.getStatus().value() == 404) {
            return 0;
        }
        try {
            return new ObjectMapper().readTree(response.getResponseBody())
                    .get("measurements").get(0).get("value").asDouble();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private static BigDecimal inventoryBalance(InventoryClient inventory, String asOf) {
        JsonNode trialBalance = inventory.read("/api/ledger/trial-balance?consistent=true&asOf=" + asOf);
        for (JsonNode row : trialBalance.get("rows")) {
            if (row.get("account").asText().equals(INVENTORY_ACCOUNT)) {
                return new BigDecimal(row.get("balance").asText());
            }
        }
        return BigDecimal.ZERO;
    }
}
