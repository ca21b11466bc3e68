package org.kontor.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

/**
 * The purchasing requests the HTTP tests make, on any server: suppliers, purchase orders, receipts,
 * bills and bill payments, each answering the id it made, and reads that wait for the views. Amounts
 * are decimal strings in EUR. For the purchasing tests and the procure-to-pay scenario.
 */
final class PurchasingClient {

    private final WebTestClient http;
    private final InventoryClient reads;

    PurchasingClient(WebTestClient http) {
        this.http = http;
        this.reads = new InventoryClient(http);
    }

    ResponseSpec post(String uri, String body) {
        return http.post().uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    String newSupplier(String name, int paymentTermDays) {
        String id = UUID.randomUUID().toString();
        post("/api/suppliers", """
                {"id": "%s", "name": "%s", "email": "orders@example.com", "paymentTermDays": %d}
                """.formatted(id, name, paymentTermDays)).expectStatus().isCreated();
        return id;
    }

    /** Places an order in EUR with lines made by {@link #line}; answers its id. */
    String placeOrder(String supplierId, String... lines) {
        String id = UUID.randomUUID().toString();
        post("/api/purchase-orders", orderJson(id, supplierId, lines)).expectStatus().isCreated();
        return id;
    }

    /** Receives everything still outstanding; answers the receipt's (stock movement's) id. */
    String receiveAll(String orderId, String warehouseId, String date) {
        return idOf(post("/api/purchase-orders/" + orderId + "/receive", """
                {"warehouseId": "%s", "date": "%s"}
                """.formatted(warehouseId, date)));
    }

    /** Receives {@code qty} of one SKU; answers the receipt's id. */
    String receive(String orderId, String warehouseId, String date, String sku, long qty) {
        return idOf(post("/api/purchase-orders/" + orderId + "/receive", """
                {"warehouseId": "%s", "date": "%s", "lines": [{"sku": "%s", "qty": %d}]}
                """.formatted(warehouseId, date, sku, qty)));
    }

    /** Books the supplier's bill for what was received and not billed; due after the supplier's terms. */
    String bill(String orderId, String date) {
        String billId = UUID.randomUUID().toString();
        post("/api/purchase-orders/" + orderId + "/bill", """
                {"billId": "%s", "date": "%s"}
                """.formatted(billId, date)).expectStatus().isCreated();
        return billId;
    }

    String pay(String billId, String amount, String date, String method) {
        return idOf(post("/api/bills/" + billId + "/payments", """
                {"amount": "%s", "date": "%s", "method": "%s"}
                """.formatted(amount, date, method)));
    }

    JsonNode order(String orderId, long minVersion) {
        return reads.read("/api/purchase-orders/" + orderId + "?consistent=true&minVersion=" + minVersion);
    }

    JsonNode bill(String billId) {
        return reads.read("/api/bills/" + billId + "?consistent=true");
    }

    /** The payables aging as of the end of {@code asOf}, over every supplier. */
    JsonNode payablesAging(String asOf) {
        return reads.read("/api/reports/ap-aging?consistent=true&asOf=" + asOf);
    }

    static String line(String sku, long qty, String unitCost, String taxRate) {
        return """
                {"sku": "%s", "qty": %d, "unitCost": "%s", "taxRate": %s}""".formatted(sku, qty, unitCost, taxRate);
    }

    static String orderJson(String id, String supplierId, String... lines) {
        return """
                {"id": "%s", "supplierId": "%s", "currency": "EUR", "lines": [%s]}
                """.formatted(id, supplierId, String.join(", ", lines));
    }

    private static String idOf(ResponseSpec response) {
        return response.expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("id").asText();
    }
}
