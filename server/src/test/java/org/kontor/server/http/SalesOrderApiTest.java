package org.kontor.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/**
 * Sales orders end to end (API.md, Sales rows): drafting, confirmation with the stock reservation
 * that follows it through inventory and back, delivery and cancellation, and the errors. Stock is
 * dated in a year of 4100 to 4199, which no other test uses.
 */
class SalesOrderApiTest extends InventoryHttpSupport {

    private static final String YEAR = String.valueOf(ThreadLocalRandom.current().nextInt(4100, 4200));

    @Test
    void confirmThenDeliver_stockReservedThenIssuedAndTheOrderShowsEachStep() {
        String customer = newCustomer("Nordwind GmbH");
        String warehouse = newWarehouse();
        String sku = newProduct("FIFO");
        receive(warehouse, YEAR + "-01-10", sku, 10, "2.00");
        String order = draft(customer, line(sku, 3, "12.50", "19"));

        // Confirming answers at once; the reservation follows through inventory and the saga.
        post("/api/sales-orders/" + order + "/confirm", "{\"warehouseId\": \"" + warehouse + "\"}")
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"")
                .expectBody().json("{\"id\": \"" + order + "\", \"version\": 2}", true);
        JsonNode reserved = read("/api/sales-orders/" + order + "?minVersion=3");
        assertThat(reserved.get("status").asText()).isEqualTo("RESERVED");
        assertThat(reserved.get("net").asText()).isEqualTo("37.50");
        assertThat(reserved.get("tax").asText()).isEqualTo("7.13"); // 19 % of 37.50, rounded half up
        assertThat(reserved.get("total").asText()).isEqualTo("44.63");
        JsonNode held = level(warehouse, sku);
        assertThat(held.get("onHand").asLong()).isEqualTo(10);
        assertThat(held.get("available").asLong()).isEqualTo(7);

        post("/api/sales-orders/" + order + "/deliver", "{\"date\": \"" + YEAR + "-01-20\"}").expectStatus().isOk();

        assertThat(read("/api/sales-orders/" + order + "?minVersion=4").get("status").asText()).isEqualTo("DELIVERED");
        JsonNode issued = eventually(() -> level(warehouse, sku), level -> level.get("onHand").asLong() == 7);
        assertThat(issued.get("available").asLong()).isEqualTo(7); // nothing reserved any more
        assertThat(issued.get("value").asText()).isEqualTo("14.00");
        // The customer's timeline tells the order's story, each entry referring to the order.
        JsonNode timeline = read("/api/customers/" + customer + "/timeline?consistent=true").get("items");
        assertThat(timeline.findValuesAsText("type")).contains("SalesOrderDrafted", "SalesOrderConfirmed",
                "SalesOrderStockReserved", "SalesOrderDelivered");
        assertThat(timeline.findValuesAsText("summary")).contains("Order confirmed: 44.63 EUR");
        assertThat(timeline.findValuesAsText("refId")).contains(order);
    }

    @Test
    void confirmMoreThanAvailable_reservationFailedOnTheOrderAndWhatWasHeldGivenBack() {
        String customer = newCustomer("Kurz & Klein KG");
        String warehouse = newWarehouse();
        String plenty = newProduct("AVERAGE");
        String scarce = newProduct("AVERAGE");
        receive(warehouse, YEAR + "-02-01", plenty, 10, "1.00");
        receive(warehouse, YEAR + "-02-01", scarce, 2, "1.00");
        String order = draft(customer, line(plenty, 4, "3.00", "7") + ", " + line(scarce, 5, "3.00", "7"));

        post("/api/sales-orders/" + order + "/confirm", "{\"warehouseId\": \"" + warehouse + "\"}")
                .expectStatus().isOk();

        // INSUFFICIENT_STOCK reaches the client as the order's state, not as the confirm's answer.
        JsonNode failed = read("/api/sales-orders/" + order + "?minVersion=3");
        assertThat(failed.get("status").asText()).isEqualTo("RESERVATION_FAILED");
        assertThat(failed.get("reservationFailure").get("sku").asText()).isEqualTo(scarce);
        assertThat(failed.get("reservationFailure").get("code").asText()).isEqualTo("INSUFFICIENT_STOCK");
        eventually(() -> level(warehouse, plenty), level -> level.get("available").asLong() == 10);
        assertThat(level(warehouse, scarce).get("available").asLong()).isEqualTo(2);
        problem(post("/api/sales-orders/" + order + "/deliver", "{\"date\": \"" + YEAR + "-02-02\"}"), 422,
                "INSUFFICIENT_STOCK");
    }

    @Test
    void cancelReservedOrder_reservationReleased() {
        String customer = newCustomer("Storno AG");
        String warehouse = newWarehouse();
        String sku = newProduct("FIFO");
        receive(warehouse, YEAR + "-03-01", sku, 5, "1.00");
        String order = draft(customer, line(sku, 4, "2.00", "0"));
        post("/api/sales-orders/" + order + "/confirm", "{\"warehouseId\": \"" + warehouse + "\"}")
                .expectStatus().isOk();
        assertThat(read("/api/sales-orders/" + order + "?minVersion=3").get("status").asText()).isEqualTo("RESERVED");

        post("/api/sales-orders/" + order + "/cancel", "{\"reason\": \"Customer changed their mind\"}")
                .expectStatus().isOk();

        JsonNode cancelled = read("/api/sales-orders/" + order + "?minVersion=4");
        assertThat(cancelled.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.get("cancelReason").asText()).isEqualTo("Customer changed their mind");
        eventually(() -> level(warehouse, sku), level -> level.get("available").asLong() == 5);
        problem(post("/api/sales-orders/" + order + "/deliver", "{\"date\": \"" + YEAR + "-03-02\"}"), 422,
                "ORDER_CANCELLED");
    }

    @Test
    void confirmOverTheCreditLimit_unprocessableUntilAnotherOpenOrderIsCancelled() {
        // Test customers have a credit limit of 5000.00 EUR; open orders count against it.
        String customer = newCustomer("Grenzfall GmbH");
        String warehouse = newWarehouse();
        String sku = newProduct("FIFO");
        receive(warehouse, YEAR + "-05-01", sku, 100, "1.00");
        String first = draft(customer, line(sku, 30, "100.00", "0"));
        String second = draft(customer, line(sku, 25, "100.00", "0"));
        String confirm = "{\"warehouseId\": \"" + warehouse + "\"}";
        post("/api/sales-orders/" + first + "/confirm", confirm).expectStatus().isOk();

        problem(post("/api/sales-orders/" + second + "/confirm", confirm), 422, "CREDIT_LIMIT_EXCEEDED");
        assertThat(read("/api/sales-orders/" + second + "?consistent=true").get("status").asText())
                .isEqualTo("DRAFT");

        // Cancelling the first order gives its 3000.00 back: the second now fits.
        post("/api/sales-orders/" + first + "/cancel", "{\"reason\": \"Replaced\"}").expectStatus().isOk();
        post("/api/sales-orders/" + second + "/confirm", confirm).expectStatus().isOk();
        assertThat(read("/api/sales-orders/" + second + "?minVersion=3").get("status").asText())
                .isEqualTo("RESERVED");
    }

    @Test
    void confirmWhileAnInvoiceIsUnpaid_unprocessableUntilPartOfItIsPaid() {
        // Test customers have a credit limit of 5000.00 EUR; an invoiced order counts while unpaid.
        String customer = newCustomer("Schuldner GmbH");
        String warehouse = newWarehouse();
        String sku = newProduct("FIFO");
        receive(warehouse, YEAR + "-06-01", sku, 100, "1.00");
        SalesClient sales = new SalesClient(inventory());
        String first = sales.deliveredOrder(customer, warehouse, sku, 30, "100.00", "0", YEAR + "-06-02");
        String invoiceId = sales.invoice(first, YEAR + "-06-03", YEAR + "-07-03");
        String second = draft(customer, line(sku, 25, "100.00", "0"));
        String confirm = "{\"warehouseId\": \"" + warehouse + "\"}";

        // 3000.00 unpaid and 2500.00 more exceed 5000.00.
        problem(post("/api/sales-orders/" + second + "/confirm", confirm), 422, "CREDIT_LIMIT_EXCEEDED");

        // A payment of 1000.00 leaves 2000.00 unpaid: the second order now fits.
        sales.pay(invoiceId, "1000.00", YEAR + "-06-10", "BANK_TRANSFER");
        post("/api/sales-orders/" + second + "/confirm", confirm).expectStatus().isOk();
        assertThat(read("/api/sales-orders/" + second + "?minVersion=3").get("status").asText())
                .isEqualTo("RESERVED");
    }

    @Test
    void draftRepeated_okWithSameContentConflictWithOther() {
        String customer = newCustomer("Twice GmbH");
        String id = newId();
        String body = orderJson(id, customer, line("ANY-SKU", 1, "1.00", "19"));

        post("/api/sales-orders", body).expectStatus().isCreated()
                .expectHeader().location("/api/sales-orders/" + id)
                .expectBody().json("{\"id\": \"" + id + "\", \"version\": 1}", true);
        post("/api/sales-orders", body).expectStatus().isOk();
        problem(post("/api/sales-orders", body.replace("\"1.00\"", "\"2.00\"")), 409, "ALREADY_EXISTS");
        JsonNode draft = read("/api/sales-orders/" + id + "?consistent=true");
        assertThat(draft.get("status").asText()).isEqualTo("DRAFT");
        assertThat(draft.get("lines").get(0).get("unitPrice").asText()).isEqualTo("1.00");
        assertThat(draft.get("lines").get(0).get("taxRate").asText()).isEqualTo("19");
    }

    @Test
    void badOrders_badRequestNamingTheField() {
        String customer = newCustomer("Fehler GmbH");

        problem(post("/api/sales-orders", orderJson(newId(), customer, "")), 400, "INVALID_REQUEST")
                .jsonPath("$.errors[0].field").isEqualTo("lines");
        problem(post("/api/sales-orders", orderJson(newId(), customer, line("A-1", 1, "1.00", "101"))), 400,
                "INVALID_REQUEST").jsonPath("$.errors[0].field").isEqualTo("lines[0].taxRate");
        problem(post("/api/sales-orders", orderJson(newId(), customer, line("A-1", 1, "1.001", "19"))), 400,
                "INVALID_REQUEST").jsonPath("$.errors[0].field").isEqualTo("lines[0].unitPrice");
        problem(post("/api/sales-orders", orderJson(newId(), customer, line("A-1", 0, "1.00", "19"))), 400,
                "INVALID_REQUEST").jsonPath("$.errors[0].field").isEqualTo("lines[0].qty");
        problem(post("/api/sales-orders", orderJson(newId(), "not-a-uuid", line("A-1", 1, "1.00", "19"))), 400,
                "INVALID_REQUEST").jsonPath("$.errors[0].field").isEqualTo("customerId");
        problem(post("/api/sales-orders/" + newId() + "/cancel", "{}"), 400, "INVALID_REQUEST")
                .jsonPath("$.errors[0].field").isEqualTo("reason");
    }

    @Test
    void unknownCustomerOrOrder_notFound() {
        problem(post("/api/sales-orders", orderJson(newId(), newId(), line("A-1", 1, "1.00", "19"))), 404,
                "NOT_FOUND");
        problem(post("/api/sales-orders/" + newId() + "/confirm", "{\"warehouseId\": \"" + newId() + "\"}"), 404,
                "NOT_FOUND");
        problem(http.get().uri("/api/sales-orders/" + newId()).exchange(), 404, "NOT_FOUND");
    }

    @Test
    void deliverDraft_unprocessableNotConfirmed() {
        String order = draft(newCustomer("Eilig GmbH"), line("ANY-SKU", 1, "1.00", "19"));

        problem(post("/api/sales-orders/" + order + "/deliver", "{\"date\": \"" + YEAR + "-04-01\"}"), 422,
                "ORDER_NOT_CONFIRMED");
    }

    private String newCustomer(String name) {
        return registerCustomer(name);
    }

    private String draft(String customerId, String lines) {
        String id = newId();
        post("/api/sales-orders", orderJson(id, customerId, lines)).expectStatus().isCreated();
        return id;
    }

    private static String orderJson(String id, String customerId, String lines) {
        return """
                {"id": "%s", "customerId": "%s", "currency": "EUR", "lines": [%s]}
                """.formatted(id, customerId, lines);
    }

    private static String line(String sku, long qty, String unitPrice, String taxRate) {
        return """
                {"sku": "%s", "qty": %d, "unitPrice": "%s", "taxRate": %s}""".formatted(sku, qty, unitPrice, taxRate);
    }
}
