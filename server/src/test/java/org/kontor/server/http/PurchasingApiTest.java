package org.kontor.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kontor.server.http.PurchasingClient.line;
import static org.kontor.server.http.PurchasingClient.orderJson;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

/**
 * Procure to pay over HTTP (API.md, purchasing rows): suppliers, purchase orders received in parts
 * into stock through inventory, bills of what was received, their payments and the payables aging,
 * and the errors. Goods are dated in a year of 4200 to 4299, which no other test uses.
 */
class PurchasingApiTest extends InventoryHttpSupport {

    private static final String YEAR = String.valueOf(ThreadLocalRandom.current().nextInt(4200, 4300));

    private PurchasingClient purchasing;

    @BeforeEach
    void client() {
        purchasing = new PurchasingClient(http);
    }

    @Test
    void receiveInParts_eachReceiptBecomesStockAtTheOrdersCostAndTheOrderCountsIt() {
        String supplier = purchasing.newSupplier("Schraubenwerk Süd GmbH", 14);
        String warehouse = newWarehouse();
        String sku = newProduct("FIFO");
        String order = purchasing.placeOrder(supplier, line(sku, 10, "2.50", "19"));

        String first = purchasing.receive(order, warehouse, YEAR + "-01-10", sku, 4);

        JsonNode partly = purchasing.order(order, 2);
        assertThat(partly.get("status").asText()).isEqualTo("PARTIALLY_RECEIVED");
        assertThat(partly.get("lines").get(0).get("received").asLong()).isEqualTo(4);
        assertThat(partly.get("receipts").get(0).get("receiptId").asText()).isEqualTo(first);
        JsonNode stock = eventually(() -> level(warehouse, sku), onHand(4));
        assertThat(stock.get("value").asText()).isEqualTo("10.00");
        JsonNode movement = read("/api/stock/movements/" + first + "?consistent=true");
        assertThat(movement.get("kind").asText()).isEqualTo("RECEIPT");
        assertThat(movement.get("lines").get(0).get("value").asText()).isEqualTo("10.00"); // 4 at the order's 2.50

        // Without lines, the rest of the order arrives: a second receipt with an id of its own.
        String second = purchasing.receiveAll(order, warehouse, YEAR + "-01-12");

        assertThat(second).isNotEqualTo(first);
        JsonNode received = purchasing.order(order, 3);
        assertThat(received.get("status").asText()).isEqualTo("RECEIVED");
        assertThat(received.get("lines").get(0).get("received").asLong()).isEqualTo(10);
        assertThat(eventually(() -> level(warehouse, sku), onHand(10)).get("value").asText()).isEqualTo("25.00");
        problem(post("/api/purchase-orders/" + order + "/receive", receiveJson(warehouse, YEAR + "-01-13")), 422,
                "NOTHING_TO_RECEIVE");
    }

    @Test
    void billThenPay_theBillOwesNetPlusTaxUntilPaidAndTheAgingShowsIt() {
        String supplier = purchasing.newSupplier("Farbenhaus Nord", 14);
        String warehouse = newWarehouse();
        String sku = newProduct("AVERAGE");
        String order = purchasing.placeOrder(supplier, line(sku, 10, "2.50", "19"));
        problem(post("/api/purchase-orders/" + order + "/bill", "{\"date\": \"" + YEAR + "-02-01\"}"), 422,
                "NOTHING_TO_BILL");
        purchasing.receiveAll(order, warehouse, YEAR + "-02-01");
        // A bill cannot clear goods from GRNI before they entered it.
        problem(post("/api/purchase-orders/" + order + "/bill", "{\"date\": \"" + YEAR + "-01-31\"}"), 422,
                "BILL_BEFORE_RECEIPT");

        String billId = newId();
        post("/api/purchase-orders/" + order + "/bill", "{\"billId\": \"" + billId + "\", \"date\": \"" + YEAR
                + "-02-03\"}").expectStatus().isCreated()
                .expectHeader().location("/api/bills/" + billId)
                .expectBody().json("{\"id\": \"" + billId + "\", \"version\": 1}", true);
        post("/api/purchase-orders/" + order + "/bill", "{\"billId\": \"" + billId + "\", \"date\": \"" + YEAR
                + "-02-03\"}").expectStatus().isOk();
        problem(post("/api/purchase-orders/" + order + "/bill", "{\"billId\": \"" + billId + "\", \"date\": \""
                + YEAR + "-02-04\"}"), 409, "ALREADY_EXISTS");
        problem(post("/api/purchase-orders/" + order + "/bill", "{\"date\": \"" + YEAR + "-02-04\"}"), 422,
                "NOTHING_TO_BILL");

        JsonNode bill = purchasing.bill(billId);
        assertThat(bill.get("net").asText()).isEqualTo("25.00");
        assertThat(bill.get("tax").asText()).isEqualTo("4.75");
        assertThat(bill.get("total").asText()).isEqualTo("29.75");
        assertThat(bill.get("dueDate").asText()).isEqualTo(YEAR + "-02-17"); // the supplier's 14 days
        assertThat(bill.get("status").asText()).isEqualTo("OPEN");
        assertThat(purchasing.order(order, 3).get("status").asText()).isEqualTo("BILLED");

        String paymentId = newId();
        String payment = """
                {"id": "%s", "amount": "10.00", "date": "%s-02-20", "method": "BANK_TRANSFER"}
                """.formatted(paymentId, YEAR);
        post("/api/bills/" + billId + "/payments", payment).expectStatus().isCreated()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"");
        post("/api/bills/" + billId + "/payments", payment).expectStatus().isOk();
        problem(post("/api/bills/" + billId + "/payments", payment.replace("10.00", "11.00")), 409, "ALREADY_EXISTS");
        problem(post("/api/bills/" + billId + "/payments", """
                {"amount": "19.76", "date": "%s-02-21", "method": "CASH"}
                """.formatted(YEAR)), 422, "PAYMENT_EXCEEDS_BALANCE");
        problem(post("/api/bills/" + billId + "/payments", """
                {"amount": "1.00", "date": "%s-02-02", "method": "CASH"}
                """.formatted(YEAR)), 422, "PAYMENT_BEFORE_BILL");

        // Aged as of the day after it fell due, before it was paid in part.
        JsonNode aging = read("/api/reports/ap-aging?consistent=true&supplierId=" + supplier + "&asOf=" + YEAR
                + "-02-18");
        assertThat(aging.get("rows").get(0).get("name").asText()).isEqualTo("Farbenhaus Nord");
        assertThat(aging.get("rows").get(0).get("days1to30").asText()).isEqualTo("29.75");
        assertThat(read("/api/reports/ap-aging?consistent=true&supplierId=" + supplier + "&asOf=" + YEAR + "-02-20")
                .get("totals").get(0).get("total").asText()).isEqualTo("19.75");

        purchasing.pay(billId, "19.75", YEAR + "-02-21", "CASH");

        JsonNode paid = purchasing.bill(billId);
        assertThat(paid.get("status").asText()).isEqualTo("PAID");
        assertThat(paid.get("paid").asText()).isEqualTo("29.75");
        assertThat(paid.get("payments").size()).isEqualTo(2);
        JsonNode paidBills = read("/api/bills?consistent=true&status=PAID&supplierId=" + supplier).get("items");
        assertThat(paidBills.size()).isEqualTo(1);
        assertThat(paidBills.get(0).get("id").asText()).isEqualTo(billId);
        assertThat(read("/api/purchase-orders?consistent=true&supplierId=" + supplier).get("items")
                .findValuesAsText("status")).containsExactly("BILLED");
        assertThat(read("/api/reports/ap-aging?consistent=true&supplierId=" + supplier + "&asOf=" + YEAR + "-02-21")
                .get("rows").size()).isZero();
    }

    @Test
    void cancelAfterAPartReceipt_nothingMoreArrivesButWhatCameCanBeBilled() {
        String supplier = purchasing.newSupplier("Spätlieferant GmbH", 30);
        String warehouse = newWarehouse();
        String sku = newProduct("FIFO");
        String order = purchasing.placeOrder(supplier, line(sku, 10, "1.00", "0"));
        purchasing.receive(order, warehouse, YEAR + "-04-01", sku, 3);

        post("/api/purchase-orders/" + order + "/cancel", "{\"reason\": \"Supplier cannot deliver the rest\"}")
                .expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.ETAG, "\"3\"");
        post("/api/purchase-orders/" + order + "/cancel", "{\"reason\": \"Again\"}").expectStatus().isOk();

        JsonNode cancelled = purchasing.order(order, 3);
        assertThat(cancelled.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.get("lines").get(0).get("cancelled").asLong()).isEqualTo(7);
        problem(post("/api/purchase-orders/" + order + "/receive", receiveJson(warehouse, YEAR + "-04-02")), 422,
                "ORDER_CANCELLED");
        String bill = purchasing.bill(order, YEAR + "-04-03");
        assertThat(purchasing.bill(bill).get("total").asText()).isEqualTo("3.00");
    }

    @Test
    void suppliers_createdOnceWithThirtyDaysByDefaultAndListed() {
        String id = newId();
        String body = "{\"id\": \"" + id + "\", \"name\": \"Holz & Co\"}";

        post("/api/suppliers", body).expectStatus().isCreated()
                .expectHeader().location("/api/suppliers/" + id)
                .expectBody().json("{\"id\": \"" + id + "\", \"version\": 1}", true);
        post("/api/suppliers", body).expectStatus().isOk();
        problem(post("/api/suppliers", body.replace("Holz", "Stein")), 409, "ALREADY_EXISTS");

        JsonNode supplier = read("/api/suppliers/" + id + "?consistent=true");
        assertThat(supplier.get("name").asText()).isEqualTo("Holz & Co");
        assertThat(supplier.get("paymentTermDays").asInt()).isEqualTo(30);
        JsonNode page = read("/api/suppliers?consistent=true&limit=1");
        assertThat(page.get("items").size()).isEqualTo(1);
        assertThat(page.get("nextCursor").isNull()).isFalse();
    }

    @Test
    void ordersTheBooksCouldNotTake_unprocessableWithTheirCode() {
        String supplier = purchasing.newSupplier("Regelwerk KG", 30);
        String warehouse = newWarehouse();
        String sku = newProduct("FIFO");

        problem(post("/api/purchase-orders", orderJson(newId(), newId(), line(sku, 1, "1.00", "0"))), 422,
                "UNKNOWN_SUPPLIER");
        problem(post("/api/purchase-orders", orderJson(newId(), supplier, line("NO-SUCH-SKU-" + YEAR, 1, "1.00",
                "0"))), 422, "UNKNOWN_PRODUCT");
        problem(post("/api/purchase-orders", orderJson(newId(), supplier, line(sku, 1, "1.00", "0"))
                .replace("EUR", "USD")), 422, "CURRENCY_MISMATCH");
        String order = purchasing.placeOrder(supplier, line(sku, 5, "1.00", "7"));
        problem(post("/api/purchase-orders/" + order + "/receive", receiveJson(newId(), YEAR + "-03-01")), 422,
                "UNKNOWN_WAREHOUSE");
        problem(post("/api/purchase-orders/" + order + "/receive", """
                {"warehouseId": "%s", "date": "%s-03-01", "lines": [{"sku": "%s", "qty": 6}]}
                """.formatted(warehouse, YEAR, sku)), 422, "RECEIPT_EXCEEDS_ORDER");
        problem(post("/api/purchase-orders/" + order + "/receive", """
                {"warehouseId": "%s", "date": "%s-03-01", "lines": [{"sku": "OTHER-%s", "qty": 1}]}
                """.formatted(warehouse, YEAR, sku)), 422, "NOT_ON_ORDER");
        // If-Match names the order's version: a receipt against an older one is refused.
        String twoPieces = """
                {"warehouseId": "%s", "date": "%s-03-02", "lines": [{"sku": "%s", "qty": 2}]}
                """.formatted(warehouse, YEAR, sku);
        receiveIfMatch(order, "\"1\"", twoPieces).expectStatus().isCreated()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"");
        problem(receiveIfMatch(order, "\"1\"", twoPieces), 412, "VERSION_CONFLICT");
    }

    @Test
    void badRequestsAndUnknownIds_badRequestOrNotFound() {
        String supplier = purchasing.newSupplier("Fehler GmbH", 30);

        problem(post("/api/suppliers", "{\"name\": \"X\", \"paymentTermDays\": 366}"), 400, "INVALID_REQUEST")
                .jsonPath("$.errors[0].field").isEqualTo("paymentTermDays");
        problem(post("/api/purchase-orders", orderJson(newId(), supplier, line("A-1", 0, "1.00", "0"))), 400,
                "INVALID_REQUEST").jsonPath("$.errors[0].field").isEqualTo("lines[0].qty");
        problem(post("/api/purchase-orders", orderJson(newId(), supplier, line("A-1", 1, "1.001", "0"))), 400,
                "INVALID_REQUEST").jsonPath("$.errors[0].field").isEqualTo("lines[0].unitCost");
        problem(post("/api/purchase-orders", orderJson(newId(), supplier, line("A-1", 1, "1.00", "0"),
                line("A-1", 2, "1.00", "0"))), 400, "INVALID_REQUEST")
                .jsonPath("$.errors[0].field").isEqualTo("lines[1].sku");
        problem(post("/api/purchase-orders/" + newId() + "/bill", "{\"date\": \"" + YEAR + "-03-05\", "
                + "\"dueDate\": \"" + YEAR + "-03-04\"}"), 400, "INVALID_REQUEST")
                .jsonPath("$.errors[0].field").isEqualTo("dueDate");
        problem(post("/api/bills/" + newId() + "/payments", "{\"amount\": \"1.001\", \"date\": \"" + YEAR
                + "-03-05\", \"method\": \"GOLD\"}"), 400, "INVALID_REQUEST")
                .jsonPath("$.errors[0].field").isEqualTo("amount")
                .jsonPath("$.errors[1].field").isEqualTo("method");

        problem(post("/api/purchase-orders/" + newId() + "/receive", receiveJson(newWarehouse(), YEAR + "-03-05")),
                404, "NOT_FOUND");
        problem(post("/api/purchase-orders/" + newId() + "/bill", "{\"date\": \"" + YEAR + "-03-05\"}"), 404,
                "NOT_FOUND");
        problem(post("/api/bills/" + newId() + "/payments", "{\"amount\": \"1.00\", \"date\": \"" + YEAR
                + "-03-05\", \"method\": \"CASH\"}"), 404, "NOT_FOUND");
        problem(http.get().uri("/api/purchase-orders/" + newId()).exchange(), 404, "NOT_FOUND");
        problem(http.get().uri("/api/bills/" + newId()).exchange(), 404, "NOT_FOUND");
        problem(http.get().uri("/api/suppliers/" + newId()).exchange(), 404, "NOT_FOUND");
    }

    private ResponseSpec receiveIfMatch(String orderId, String version, String body) {
        return http.post().uri("/api/purchase-orders/" + orderId + "/receive").header(HttpHeaders.IF_MATCH, version)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private static String receiveJson(String warehouseId, String date) {
        return "{\"warehouseId\": \"" + warehouseId + "\", \"date\": \"" + date + "\"}";
    }

    /** The stock level shows {@code quantity} on hand (inventory receives after purchasing, so at first none). */
    private static Predicate<JsonNode> onHand(long quantity) {
        return level -> level != null && level.get("onHand").asLong() == quantity;
    }
}
