package org.kontor.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

/**
 * The inventory requests the HTTP tests make, on any server: products and warehouses of their own
 * (unique SKUs, fresh warehouse ids, so tests sharing a server never meet), movements, and reads
 * that wait for the views. {@link InventoryHttpSupport} uses it on the shared server; a test with
 * books of its own uses it directly.
 */
final class InventoryClient {

    private static final AtomicInteger SKUS = new AtomicInteger();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int READ_ATTEMPTS = 15;

    private final WebTestClient http;

    InventoryClient(WebTestClient http) {
        this.http = http;
    }

    /** Opens the default chart: every movement posts to it. It opens 25 accounts, slow on a busy machine. */
    void loadDefaultChart() {
        http.mutate().responseTimeout(Duration.ofSeconds(60)).build()
                .post().uri("/api/ledger/accounts/defaults").exchange().expectStatus().isOk();
    }

    String newProduct(String costMethod) {
        String sku = "T" + Long.toString(System.nanoTime(), 36).toUpperCase() + "-" + SKUS.incrementAndGet();
        post("/api/products", """
                {"sku": "%s", "name": "Test product %s", "uom": "piece", "costMethod": "%s"}
                """.formatted(sku, sku, costMethod)).expectStatus().isCreated();
        return sku;
    }

    String newWarehouse() {
        String id = UUID.randomUUID().toString();
        post("/api/warehouses", """
                {"id": "%s", "code": "W-%s", "name": "Test warehouse"}
                """.formatted(id, id.substring(0, 8))).expectStatus().isCreated();
        return id;
    }

    ResponseSpec post(String uri, String body) {
        return http.post().uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    /** Receives {@code qty} of {@code sku} at {@code unitCost} (a decimal string in EUR); answers the movement id. */
    String receive(String warehouseId, String date, String sku, long qty, String unitCost) {
        String id = UUID.randomUUID().toString();
        post("/api/stock/receipts", receiptJson(id, warehouseId, date, sku, qty, unitCost)).expectStatus().isCreated();
        return id;
    }

    String issue(String warehouseId, String date, String sku, long qty) {
        String id = UUID.randomUUID().toString();
        post("/api/stock/issues", issueJson(id, warehouseId, date, sku, qty)).expectStatus().isCreated();
        return id;
    }

    /** The level of one product in one warehouse, once the view has every event stored so far. */
    JsonNode level(String warehouseId, String sku) {
        JsonNode page = read("/api/stock/levels?consistent=true&warehouseId=" + warehouseId + "&sku=" + sku);
        return page.get("items").get(0);
    }

    /**
     * A read that waits for the view. Tests cap that wait at 2 s, and a burst of concurrent movements
     * on a busy machine can keep the view further behind: a 503 is asked again, for at most 30 s.
     */
    JsonNode read(String uri) {
        for (int attempt = 1; ; attempt++) {
            EntityExchangeResult<byte[]> result = http.get().uri(uri).exchange().expectBody().returnResult();
            if (result.getStatus().value() == 503 && attempt < READ_ATTEMPTS) {
                continue;
            }
            assertThat(result.getStatus().value()).as(uri).isEqualTo(200);
            try {
                return JSON.readTree(result.getResponseBody());
            } catch (IOException unreadable) {
                throw new UncheckedIOException(unreadable);
            }
        }
    }

    static String receiptJson(String id, String warehouseId, String date, String sku, long qty, String unitCost) {
        return """
                {"id": "%s", "warehouseId": "%s", "date": "%s",
                 "lines": [{"sku": "%s", "qty": %d, "unitCost": {"amount": "%s", "currency": "EUR"}}]}
                """.formatted(id, warehouseId, date, sku, qty, unitCost);
    }

    static String issueJson(String id, String warehouseId, String date, String sku, Object qty) {
        return """
                {"id": "%s", "warehouseId": "%s", "date": "%s", "reason": "Consumed in production",
                 "lines": [{"sku": "%s", "qty": %s}]}
                """.formatted(id, warehouseId, date, sku, qty);
    }
}
