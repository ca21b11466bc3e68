package org.kontor.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/**
 * The inventory endpoints end to end (API.md, Inventory rows), one test per error code. Movements
 * are dated in a year of 4000 to 4089 (InventoryLedgerAgreementTest takes 4090 to 4099).
 */
class InventoryApiTest extends InventoryHttpSupport {

    private static final String YEAR = String.valueOf(ThreadLocalRandom.current().nextInt(4000, 4090));

    // --- products and warehouses --------------------------------------------------------------

    @Test
    void registerProduct_createdWithLocationAndVersion() {
        String id = newId();

        post("/api/products", productJson(id, "P-" + id.substring(0, 8), "FIFO"))
                .expectStatus().isCreated()
                .expectHeader().location("/api/products/" + id)
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"")
                .expectBody().json("{\"id\": \"" + id + "\", \"version\": 1}", true);
    }

    @Test
    void registeredProductAndWarehouse_readableAtTheirLocationsAndInTheirLists() {
        String id = newId();
        String sku = "P-" + id.substring(0, 8);
        post("/api/products", productJson(id, sku, "AVERAGE")).expectStatus().isCreated();
        String warehouse = newWarehouse();

        JsonNode product = read("/api/products/" + id + "?consistent=true");
        JsonNode page = read("/api/products?consistent=true&limit=1000");

        assertThat(product.get("sku").asText()).isEqualTo(sku);
        assertThat(product.get("costMethod").asText()).isEqualTo("AVERAGE");
        assertThat(product.get("salesPrice").get("amount").asText()).isEqualTo("0.45");
        assertThat(page.get("items").findValuesAsText("sku")).contains(sku);
        assertThat(read("/api/warehouses/" + warehouse + "?consistent=true").get("name").asText())
                .isEqualTo("Test warehouse");
        JsonNode firstWarehouse = read("/api/warehouses?consistent=true&limit=1");
        assertThat(firstWarehouse.get("items")).hasSize(1);
        assertThat(read("/api/warehouses?consistent=true&limit=1&cursor=" + firstWarehouse.get("nextCursor").asText())
                .get("items").get(0).get("id").asText()).isGreaterThan(firstWarehouse.get("items").get(0).get("id")
                .asText());
        problem(http.get().uri("/api/products/" + newId() + "?consistent=true").exchange(), 404, "NOT_FOUND");
        problem(http.get().uri("/api/warehouses/" + newId() + "?consistent=true").exchange(), 404, "NOT_FOUND");
    }

    @Test
    void registerProductAgainWithSameContent_okWithTheSameId() {
        String id = newId();
        String body = productJson(id, "P-" + id.substring(0, 8), "AVERAGE");
        post("/api/products", body).expectStatus().isCreated();

        post("/api/products", body).expectStatus().isOk()
                .expectBody().json("{\"id\": \"" + id + "\", \"version\": 1}", true);
        // Without an id, the same product is still a repeat, answered with the id it was given.
        post("/api/products", body.replace("\"id\": \"" + id + "\", ", "")).expectStatus().isOk()
                .expectBody().jsonPath("$.id").isEqualTo(id);
    }

    @Test
    void registerSecondProductWithTheSameSku_conflictAlreadyExists() {
        String sku = newProduct("FIFO");

        problem(post("/api/products", productJson(newId(), sku, "FIFO")), 409, "ALREADY_EXISTS");
        problem(post("/api/products", """
                {"sku": "%s", "name": "Test product %s", "uom": "piece", "costMethod": "AVERAGE"}
                """.formatted(sku, sku)), 409, "ALREADY_EXISTS");
    }

    @Test
    void registerProductWithUnknownCostMethodOrBadSku_badRequest() {
        problem(post("/api/products", productJson(newId(), "P-1", "LIFO")), 400, "INVALID_REQUEST")
                .jsonPath("$.errors[0].field").isEqualTo("costMethod");
        problem(post("/api/products", productJson(newId(), "no spaces", "FIFO")), 400, "INVALID_REQUEST")
                .jsonPath("$.errors[0].field").isEqualTo("sku");
    }

    @Test
    void openWarehouseTwice_createdThenOkThenConflictForOtherContent() {
        String id = newId();
        String body = "{\"id\": \"" + id + "\", \"code\": \"NORTH\", \"name\": \"North\"}";

        post("/api/warehouses", body).expectStatus().isCreated().expectHeader().location("/api/warehouses/" + id);
        post("/api/warehouses", body).expectStatus().isOk();
        problem(post("/api/warehouses", body.replace("North\"}", "South\"}")), 409, "ALREADY_EXISTS");
    }

    // --- movements ----------------------------------------------------------------------------

    @Test
    void receiveThenIssue_levelShowsOnHandAvailableAndValueAtAverageCost() {
        String warehouse = newWarehouse();
        String sku = newProduct("AVERAGE");
        receive(warehouse, YEAR + "-01-10", sku, 10, "2.00");
        receive(warehouse, YEAR + "-01-11", sku, 10, "3.00");

        issue(warehouse, YEAR + "-01-12", sku, 5);

        JsonNode level = level(warehouse, sku);
        assertThat(level.get("onHand").asLong()).isEqualTo(15);
        assertThat(level.get("available").asLong()).isEqualTo(15);
        assertThat(level.get("value").asText()).isEqualTo("37.50"); // 50.00 - 5 x 2.50
        assertThat(level.get("unitCost").asText()).isEqualTo("2.50");
    }

    @Test
    void issueMoreThanAvailable_unprocessableInsufficientStock() {
        String warehouse = newWarehouse();
        String sku = newProduct("FIFO");
        receive(warehouse, YEAR + "-02-01", sku, 3, "1.00");

        problem(post("/api/stock/issues", issueJson(newId(), warehouse, YEAR + "-02-02", sku, 4)), 422,
                "INSUFFICIENT_STOCK");
        assertThat(level(warehouse, sku).get("onHand").asLong()).isEqualTo(3);
    }

    @Test
    void issueDatedBeforeTheGoodsArrived_unprocessableInsufficientStock() {
        String warehouse = newWarehouse();
        String sku = newProduct("FIFO");
        receive(warehouse, YEAR + "-03-10", sku, 3, "1.00");

        problem(post("/api/stock/issues", issueJson(newId(), warehouse, YEAR + "-03-09", sku, 1)), 422,
                "INSUFFICIENT_STOCK");
    }

    @Test
    void movementOfUnknownProductOrWarehouse_unprocessableWithNamedCode() {
        String warehouse = newWarehouse();

        problem(post("/api/stock/receipts", receiptJson(newId(), warehouse, YEAR + "-02-01", "NO-SUCH-SKU", 1, "1.00")),
                422, "UNKNOWN_PRODUCT");
        problem(post("/api/stock/receipts", receiptJson(newId(), newId(), YEAR + "-02-01", newProduct("FIFO"), 1,
                "1.00")), 422, "UNKNOWN_WAREHOUSE");
    }

    @Test
    void receiptInAnotherCurrency_unprocessableCurrencyMismatch() {
        String body = receiptJson(newId(), newWarehouse(), YEAR + "-02-01", newProduct("FIFO"), 1, "1.00")
                .replace("EUR", "USD");

        problem(post("/api/stock/receipts", body), 422, "CURRENCY_MISMATCH");
    }

    @Test
    void badQuantities_badRequestNamingTheField() {
        String warehouse = newWarehouse();
        String sku = newProduct("FIFO");

        for (String qty : new String[] {"0", "-1", "1.5", "\"many\""}) {
            problem(post("/api/stock/issues", issueJson(newId(), warehouse, YEAR + "-02-01", sku, qty)), 400,
                    "INVALID_REQUEST");
        }
        problem(post("/api/stock/adjustments", """
                {"warehouseId": "%s", "sku": "%s", "countedQty": -3, "date": "%s-02-01", "reason": "count"}
                """.formatted(warehouse, sku, YEAR)), 400, "INVALID_REQUEST")
                .jsonPath("$.errors[0].field").isEqualTo("countedQty");
        problem(post("/api/stock/receipts", receiptJson(newId(), warehouse, YEAR + "-02-01", sku, 1, "1.001")), 400,
                "INVALID_REQUEST");
    }

    @Test
    void repeatedMovement_sameAnswerAndNothingMovedTwice_otherContentConflicts() {
        String warehouse = newWarehouse();
        String sku = newProduct("FIFO");
        String id = newId();
        String body = receiptJson(id, warehouse, YEAR + "-04-01", sku, 7, "1.25");

        post("/api/stock/receipts", body).expectStatus().isCreated()
                .expectBody().json("{\"id\": \"" + id + "\", \"version\": 1}", true);
        post("/api/stock/receipts", body).expectStatus().isOk()
                .expectBody().json("{\"id\": \"" + id + "\", \"version\": 1}", true);
        problem(post("/api/stock/receipts", body.replace("\"qty\": 7", "\"qty\": 8")), 409, "ALREADY_EXISTS");

        assertThat(level(warehouse, sku).get("onHand").asLong()).isEqualTo(7);
    }

    @Test
    void movement_readableAtItsLocationAsRecorded_unknownOneNotFound() {
        String warehouse = newWarehouse();
        String sku = newProduct("FIFO");
        String id = receive(warehouse, YEAR + "-04-02", sku, 7, "1.25");

        JsonNode movement = read("/api/stock/movements/" + id + "?consistent=true");

        assertThat(movement.get("kind").asText()).isEqualTo("RECEIPT");
        assertThat(movement.get("date").asText()).isEqualTo(YEAR + "-04-02");
        assertThat(movement.get("lines").get(0).get("value").asText()).isEqualTo("8.75");
        problem(http.get().uri("/api/stock/movements/" + newId() + "?consistent=true").exchange(), 404, "NOT_FOUND");
    }

    @Test
    void transfer_movesQuantityAndValueAtCost() {
        String from = newWarehouse();
        String to = newWarehouse();
        String sku = newProduct("FIFO");
        receive(from, YEAR + "-05-01", sku, 4, "1.00");
        receive(from, YEAR + "-05-02", sku, 4, "2.00");

        post("/api/stock/transfers", """
                {"fromWarehouseId": "%s", "toWarehouseId": "%s", "date": "%s-05-03", "lines": [{"sku": "%s", "qty": 6}]}
                """.formatted(from, to, YEAR, sku)).expectStatus().isCreated();

        assertThat(level(from, sku).get("value").asText()).isEqualTo("4.00"); // 2 left at 2.00
        assertThat(level(to, sku).get("onHand").asLong()).isEqualTo(6);
        assertThat(level(to, sku).get("value").asText()).isEqualTo("8.00"); // 4 x 1.00 + 2 x 2.00
    }

    @Test
    void transferMoreThanAvailable_unprocessableAndNeitherWarehouseChanges() {
        String from = newWarehouse();
        String to = newWarehouse();
        String sku = newProduct("AVERAGE");
        receive(from, YEAR + "-05-01", sku, 2, "1.00");

        problem(post("/api/stock/transfers", """
                {"fromWarehouseId": "%s", "toWarehouseId": "%s", "date": "%s-05-03", "lines": [{"sku": "%s", "qty": 3}]}
                """.formatted(from, to, YEAR, sku)), 422, "INSUFFICIENT_STOCK");
        assertThat(read("/api/stock/levels?consistent=true&warehouseId=" + to).get("items")).isEmpty();
    }

    @Test
    void adjustment_theDifferenceToTheCountIsTheMovement() {
        String warehouse = newWarehouse();
        String sku = newProduct("AVERAGE");
        receive(warehouse, YEAR + "-06-01", sku, 10, "3.00");

        post("/api/stock/adjustments", """
                {"warehouseId": "%s", "sku": "%s", "countedQty": 8, "date": "%s-06-30", "reason": "Half-year count"}
                """.formatted(warehouse, sku, YEAR)).expectStatus().isCreated();

        JsonNode ledger = read("/api/stock/movements?consistent=true&warehouseId=" + warehouse + "&sku=" + sku);
        JsonNode count = ledger.get("items").get(1);
        assertThat(count.get("kind").asText()).isEqualTo("ADJUSTMENT");
        assertThat(count.get("quantity").asLong()).isEqualTo(-2);
        assertThat(count.get("runningQuantity").asLong()).isEqualTo(8);
        assertThat(count.get("value").asText()).isEqualTo("-6.00");
        assertThat(level(warehouse, sku).get("value").asText()).isEqualTo("24.00");
    }

    @Test
    void backdatedReceiptBeforeATransfer_theGoodsInTheOtherWarehouseAreRevaluedToo() {
        String from = newWarehouse();
        String to = newWarehouse();
        String sku = newProduct("AVERAGE");
        receive(from, YEAR + "-05-10", sku, 4, "1.00");
        post("/api/stock/transfers", """
                {"fromWarehouseId": "%s", "toWarehouseId": "%s", "date": "%s-05-20", "lines": [{"sku": "%s", "qty": 2}]}
                """.formatted(from, to, YEAR, sku)).expectStatus().isCreated();

        receive(from, YEAR + "-05-01", sku, 4, "3.00");

        // The transfer left at the new average, 2.00, and arrived at it.
        assertThat(level(to, sku).get("value").asText()).isEqualTo("4.00");
        assertThat(level(from, sku).get("value").asText()).isEqualTo("12.00");
    }

    @Test
    void stockLedger_runningQuantityInDateOrderAndPaged() {
        String warehouse = newWarehouse();
        String sku = newProduct("FIFO");
        receive(warehouse, YEAR + "-07-05", sku, 5, "1.00");
        issue(warehouse, YEAR + "-07-06", sku, 2);
        receive(warehouse, YEAR + "-07-01", sku, 1, "1.00"); // backdated: first in date order
        String uri = "/api/stock/movements?consistent=true&limit=2&sku=" + sku;

        JsonNode first = read(uri);
        JsonNode second = read(uri + "&cursor=" + first.get("nextCursor").asText());

        assertThat(first.get("items").findValuesAsText("date")).containsExactly(YEAR + "-07-01", YEAR + "-07-05");
        assertThat(first.get("items").findValues("runningQuantity")).extracting(JsonNode::asLong).containsExactly(1L, 6L);
        assertThat(second.get("items").findValues("runningQuantity")).extracting(JsonNode::asLong).containsExactly(4L);
        assertThat(second.get("nextCursor").isNull()).isTrue();
    }

    // --- reservations -------------------------------------------------------------------------

    @Test
    void reserve_availableDropsAndIssuesBeyondAvailableAreRefused() {
        String warehouse = newWarehouse();
        String sku = newProduct("FIFO");
        receive(warehouse, YEAR + "-08-01", sku, 10, "1.00");
        String reservation = newId();

        post("/api/stock/reservations", reservationJson(reservation, warehouse, sku, 7)).expectStatus().isCreated();
        post("/api/stock/reservations", reservationJson(reservation, warehouse, sku, 7)).expectStatus().isOk();

        JsonNode level = level(warehouse, sku);
        assertThat(level.get("reserved").asLong()).isEqualTo(7);
        assertThat(level.get("available").asLong()).isEqualTo(3);
        problem(post("/api/stock/issues", issueJson(newId(), warehouse, YEAR + "-08-02", sku, 4)), 422,
                "INSUFFICIENT_STOCK");
        problem(post("/api/stock/reservations", reservationJson(newId(), warehouse, sku, 4)), 422,
                "INSUFFICIENT_STOCK");
    }

    @Test
    void releaseThenIssueReserved_releasedIsAvailableAgainAndAReleasedOneCannotBeIssued() {
        String warehouse = newWarehouse();
        String sku = newProduct("FIFO");
        receive(warehouse, YEAR + "-08-01", sku, 10, "1.00");
        String released = newId();
        String issued = newId();
        post("/api/stock/reservations", reservationJson(released, warehouse, sku, 4)).expectStatus().isCreated();
        post("/api/stock/reservations", reservationJson(issued, warehouse, sku, 5)).expectStatus().isCreated();
        String stock = "{\"warehouseId\": \"%s\", \"sku\": \"%s\", \"date\": \"%s-08-05\"}".formatted(warehouse, sku, YEAR);

        post("/api/stock/reservations/" + released + "/release", stock).expectStatus().isOk();
        post("/api/stock/reservations/" + issued + "/issue", stock).expectStatus().isCreated();
        post("/api/stock/reservations/" + issued + "/issue", stock).expectStatus().isOk();

        JsonNode level = level(warehouse, sku);
        assertThat(level.get("onHand").asLong()).isEqualTo(5);
        assertThat(level.get("reserved").asLong()).isZero();
        assertThat(level.get("available").asLong()).isEqualTo(5);
        problem(post("/api/stock/reservations/" + released + "/issue", stock), 422, "RESERVATION_NOT_OPEN");
        problem(post("/api/stock/reservations/" + issued + "/release", stock), 422, "RESERVATION_NOT_OPEN");
        problem(post("/api/stock/reservations/" + newId() + "/release", stock), 404, "NOT_FOUND");
    }

    // --- valuation ----------------------------------------------------------------------------

    @Test
    void valuationAsOf_quantityValueAndUnitCostAtThatDate() {
        String warehouse = newWarehouse();
        String sku = newProduct("FIFO");
        receive(warehouse, YEAR + "-09-01", sku, 2, "1.00");
        receive(warehouse, YEAR + "-09-10", sku, 2, "2.00");
        issue(warehouse, YEAR + "-09-20", sku, 3);

        JsonNode before = row(read("/api/stock/valuation?consistent=true&limit=1000&asOf=" + YEAR + "-09-15"), sku);
        JsonNode after = row(read("/api/stock/valuation?consistent=true&limit=1000&asOf=" + YEAR + "-09-30"), sku);

        assertThat(before.get("quantity").asLong()).isEqualTo(4);
        assertThat(before.get("value").asText()).isEqualTo("6.00");
        assertThat(before.get("unitCost").asText()).isEqualTo("1.50");
        assertThat(after.get("quantity").asLong()).isEqualTo(1);
        assertThat(after.get("value").asText()).isEqualTo("2.00");
    }

    private static JsonNode row(JsonNode valuation, String sku) {
        for (JsonNode item : valuation.get("items")) {
            if (item.get("sku").asText().equals(sku)) {
                return item;
            }
        }
        throw new AssertionError("no valuation row for " + sku + " in " + valuation);
    }

    private static String productJson(String id, String sku, String costMethod) {
        return """
                {"id": "%s", "sku": "%s", "name": "Hex bolt", "uom": "piece", "costMethod": "%s",
                 "salesPrice": {"amount": "0.45", "currency": "EUR"}}
                """.formatted(id, sku, costMethod);
    }

    private static String reservationJson(String id, String warehouseId, String sku, long qty) {
        return "{\"id\": \"%s\", \"warehouseId\": \"%s\", \"sku\": \"%s\", \"qty\": %d}".formatted(id, warehouseId, sku,
                qty);
    }
}
