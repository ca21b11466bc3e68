package org.kontor.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

/**
 * The order-to-cash requests the HTTP tests make, on any server: an order drafted, confirmed,
 * reserved and delivered in one call, invoices and payments. Stock comes from {@link InventoryClient}.
 */
final class SalesClient {

    private final InventoryClient inventory;

    SalesClient(InventoryClient inventory) {
        this.inventory = inventory;
    }

    /** Drafts, confirms and delivers an order of one line from stock in the warehouse; answers its id. */
    String deliveredOrder(String customerId, String warehouseId, String sku, long qty, String unitPrice,
                          String taxRate, String deliveryDate) {
        String orderId = draft(customerId, sku, qty, unitPrice, taxRate);
        inventory.post("/api/sales-orders/" + orderId + "/confirm", "{\"warehouseId\": \"" + warehouseId + "\"}")
                .expectStatus().isOk();
        assertThat(inventory.read("/api/sales-orders/" + orderId + "?minVersion=3").get("status").asText())
                .isEqualTo("RESERVED");
        inventory.post("/api/sales-orders/" + orderId + "/deliver", "{\"date\": \"" + deliveryDate + "\"}")
                .expectStatus().isOk();
        return orderId;
    }

    String draft(String customerId, String sku, long qty, String unitPrice, String taxRate) {
        String orderId = UUID.randomUUID().toString();
        inventory.post("/api/sales-orders", """
                {"id": "%s", "customerId": "%s", "currency": "EUR",
                 "lines": [{"sku": "%s", "qty": %d, "unitPrice": "%s", "taxRate": %s}]}
                """.formatted(orderId, customerId, sku, qty, unitPrice, taxRate)).expectStatus().isCreated();
        return orderId;
    }

    ResponseSpec invoice(String orderId, String json) {
        return inventory.post("/api/sales-orders/" + orderId + "/invoice", json);
    }

    /** Invoices the order, due on {@code dueDate}; answers the invoice id. */
    String invoice(String orderId, String date, String dueDate) {
        String invoiceId = UUID.randomUUID().toString();
        invoice(orderId, """
                {"invoiceId": "%s", "date": "%s", "dueDate": "%s"}
                """.formatted(invoiceId, date, dueDate)).expectStatus().isCreated();
        return invoiceId;
    }

    ResponseSpec pay(String invoiceId, String json) {
        return inventory.post("/api/invoices/" + invoiceId + "/payments", json);
    }

    /** Pays {@code amount} of the invoice; answers the payment id. */
    String pay(String invoiceId, String amount, String date, String method) {
        String paymentId = UUID.randomUUID().toString();
        pay(invoiceId, paymentJson(paymentId, amount, date, method)).expectStatus().isCreated();
        return paymentId;
    }

    /** The receivables aging as of the end of {@code asOf}, over every customer. */
    JsonNode receivablesAging(String asOf) {
        return inventory.read("/api/reports/ar-aging?consistent=true&asOf=" + asOf);
    }

    static String paymentJson(String paymentId, String amount, String date, String method) {
        return """
                {"id": "%s", "amount": "%s", "date": "%s", "method": "%s"}
                """.formatted(paymentId, amount, date, method);
    }

    /** Reads until the view shows what a processor behind the commands (postings, deadlines) leads to. */
    static JsonNode eventually(Supplier<JsonNode> read, Predicate<JsonNode> done) {
        return InventoryHttpSupport.eventually(read, done);
    }
}
