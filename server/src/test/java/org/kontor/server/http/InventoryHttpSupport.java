package org.kontor.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient.BodyContentSpec;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

/**
 * What the inventory HTTP tests on the shared server have in common: an {@link InventoryClient}
 * signed in as the administrator, and the default chart loaded once. Stock tests date their
 * movements in years 4000 to 4099, which no other test uses; none of them closes a period (see
 * {@link InventoryClosedPeriodTest}, which has books of its own).
 */
abstract class InventoryHttpSupport extends HttpTestSupport {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    private static volatile boolean chartLoaded;
    private InventoryClient inventory;

    /** The server is shared by all test classes, so loading the chart once is enough. */
    @BeforeEach
    void loadDefaultChartOnce() {
        inventory = new InventoryClient(http);
        if (!chartLoaded) {
            inventory.loadDefaultChart();
            chartLoaded = true;
        }
    }

    InventoryClient inventory() {
        return inventory;
    }

    String newProduct(String costMethod) {
        return inventory.newProduct(costMethod);
    }

    String newWarehouse() {
        return inventory.newWarehouse();
    }

    ResponseSpec post(String uri, String body) {
        return inventory.post(uri, body);
    }

    String receive(String warehouseId, String date, String sku, long qty, String unitCost) {
        return inventory.receive(warehouseId, date, sku, qty, unitCost);
    }

    String issue(String warehouseId, String date, String sku, long qty) {
        return inventory.issue(warehouseId, date, sku, qty);
    }

    JsonNode level(String warehouseId, String sku) {
        return inventory.level(warehouseId, sku);
    }

    JsonNode read(String uri) {
        return inventory.read(uri);
    }

    static String receiptJson(String id, String warehouseId, String date, String sku, long qty, String unitCost) {
        return InventoryClient.receiptJson(id, warehouseId, date, sku, qty, unitCost);
    }

    static String issueJson(String id, String warehouseId, String date, String sku, Object qty) {
        return InventoryClient.issueJson(id, warehouseId, date, sku, qty);
    }

    static BodyContentSpec problem(ResponseSpec response, int status, String code) {
        return response.expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(status)
                .jsonPath("$.code").isEqualTo(code)
                .jsonPath("$.detail").isNotEmpty();
    }

    /**
     * Reads until the view shows what a reaction of another context leads to (inventory reserving
     * for an order, receiving a purchase order's goods), for at most {@link #PATIENCE}.
     */
    static JsonNode eventually(Supplier<JsonNode> read, Predicate<JsonNode> done) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        JsonNode last = read.get();
        while (!done.test(last) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(interrupted);
            }
            last = read.get();
        }
        assertThat(done.test(last)).as("reached in %s: %s", PATIENCE, last).isTrue();
        return last;
    }
}
