package org.kontor.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * Invoices and payments end to end (API.md, Sales rows): a delivered order is invoiced, paid in part
 * and in full, posted to the ledger, shown on the customer's timeline; an invoice past due becomes
 * overdue through its deadline. Stock, invoices and payments are dated in a year of 4200 to 4299,
 * which no other test uses, except where the deadline needs dates around today.
 */
class InvoiceApiTest extends InventoryHttpSupport {

    private static final int YEAR = ThreadLocalRandom.current().nextInt(4200, 4300);

    private SalesClient sales;
    private String warehouse;
    private String sku;

    @BeforeEach
    void stock() {
        sales = new SalesClient(inventory());
        warehouse = newWarehouse();
        sku = newProduct("FIFO");
        receive(warehouse, YEAR + "-01-02", sku, 100, "4.00");
    }

    @Test
    void invoiceWithoutDueDate_dueAfterTheCustomersOwnTermsElseAfterTheSettingsThirtyDays() {
        String withTerms = newId();
        post("/api/customers", """
                {"id": "%s", "name": "Vierzehn Tage GmbH", "kind": "COMPANY", "paymentTermDays": 14}
                """.formatted(withTerms)).expectStatus().isCreated();
        String withoutTerms = registerCustomer("Ohne Ziel GmbH");
        String date = YEAR + "-03-02";

        String fourteenDays = invoiceWithoutDueDate(withTerms, date);
        String thirtyDays = invoiceWithoutDueDate(withoutTerms, date);

        assertThat(read("/api/invoices/" + fourteenDays + "?consistent=true").get("dueDate").asText())
                .isEqualTo(LocalDate.parse(date).plusDays(14).toString());
        assertThat(read("/api/invoices/" + thirtyDays + "?consistent=true").get("dueDate").asText())
                .isEqualTo(LocalDate.parse(date).plusDays(30).toString());
    }

    @Test
    void invoiceAfterTheCustomersTermsChanged_dueAfterTheChangedTerms() {
        String customer = registerCustomer("Umgestellt KG");
        http.patch().uri("/api/customers/" + customer).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"paymentTermDays\": 0}").exchange().expectStatus().isOk();
        String date = YEAR + "-03-03";

        String invoiceId = invoiceWithoutDueDate(customer, date);

        // Terms of 0 days: due on the invoice's date, not after the setting's 30 days.
        assertThat(read("/api/invoices/" + invoiceId + "?consistent=true").get("dueDate").asText()).isEqualTo(date);
    }

    /** Delivers an order of the customer and invoices it on {@code date}, naming no due date. */
    private String invoiceWithoutDueDate(String customerId, String date) {
        String order = sales.deliveredOrder(customerId, warehouse, sku, 1, "10.00", "19", date);
        String invoiceId = newId();
        sales.invoice(order, """
                {"invoiceId": "%s", "date": "%s"}""".formatted(invoiceId, date)).expectStatus().isCreated();
        return invoiceId;
    }

    @Test
    void invoiceThenPayInPartAndInFull_openBalanceStatusLedgerAndTimelineFollow() {
        String customer = registerCustomer("Zahlungsfreudig GmbH");
        String order = sales.deliveredOrder(customer, warehouse, sku, 10, "10.00", "19", YEAR + "-02-01");
        String invoiceId = newId();
        String invoiceJson = """
                {"invoiceId": "%s", "date": "%s-02-02"}""".formatted(invoiceId, YEAR);

        // The order issues its invoice: 201, the invoice's id and version, Location the invoice.
        sales.invoice(order, invoiceJson).expectStatus().isCreated()
                .expectHeader().location("/api/invoices/" + invoiceId)
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"")
                .expectBody().json("{\"id\": \"" + invoiceId + "\", \"version\": 1}", true);
        sales.invoice(order, invoiceJson).expectStatus().isOk();
        problem(sales.invoice(order, invoiceJson.replace("-02-02", "-02-03")), 409, "ALREADY_EXISTS");

        JsonNode invoice = read("/api/invoices/" + invoiceId + "?consistent=true");
        assertThat(invoice.get("status").asText()).isEqualTo("OPEN");
        assertThat(invoice.get("orderId").asText()).isEqualTo(order);
        assertThat(invoice.get("customerId").asText()).isEqualTo(customer);
        assertThat(invoice.get("net").asText()).isEqualTo("100.00");
        assertThat(invoice.get("tax").asText()).isEqualTo("19.00");
        assertThat(invoice.get("total").asText()).isEqualTo("119.00");
        assertThat(invoice.get("open").asText()).isEqualTo("119.00");
        String due = LocalDate.parse(YEAR + "-02-02").plusDays(30).toString(); // 30 days of payment terms
        assertThat(invoice.get("dueDate").asText()).isEqualTo(due);
        JsonNode invoicedOrder = read("/api/sales-orders/" + order + "?minVersion=5");
        assertThat(invoicedOrder.get("status").asText()).isEqualTo("INVOICED");
        assertThat(invoicedOrder.get("invoiceId").asText()).isEqualTo(invoiceId);

        // A partial payment: 201 with the payment's id and the invoice's version; a repeat is 200.
        String paymentId = newId();
        String paymentJson = SalesClient.paymentJson(paymentId, "40.00", YEAR + "-02-10", "BANK_TRANSFER");
        sales.pay(invoiceId, paymentJson).expectStatus().isCreated()
                .expectHeader().location("/api/invoices/" + invoiceId)
                .expectBody().json("{\"id\": \"" + paymentId + "\", \"version\": 2}", true);
        sales.pay(invoiceId, paymentJson).expectStatus().isOk()
                .expectBody().json("{\"id\": \"" + paymentId + "\", \"version\": 2}", true);
        problem(sales.pay(invoiceId, paymentJson.replace("40.00", "41.00")), 409, "ALREADY_EXISTS");
        problem(sales.pay(invoiceId, SalesClient.paymentJson(newId(), "79.01", YEAR + "-02-11", "CASH")), 422,
                "PAYMENT_EXCEEDS_BALANCE");
        JsonNode partlyPaid = read("/api/invoices/" + invoiceId + "?minVersion=2");
        assertThat(partlyPaid.get("status").asText()).isEqualTo("OPEN");
        assertThat(partlyPaid.get("paid").asText()).isEqualTo("40.00");
        assertThat(partlyPaid.get("open").asText()).isEqualTo("79.00");
        assertThat(partlyPaid.at("/payments/0/method").asText()).isEqualTo("BANK_TRANSFER");

        // The rest, in cash: paid in full.
        sales.pay(invoiceId, "79.00", YEAR + "-02-12", "CASH");
        JsonNode paid = read("/api/invoices/" + invoiceId + "?minVersion=3");
        assertThat(paid.get("status").asText()).isEqualTo("PAID");
        assertThat(paid.get("open").asText()).isEqualTo("0.00");

        // The ledger: Dr receivables 119.00 / Cr revenue 100.00 / Cr output tax 19.00, dated like the invoice.
        JsonNode entry = postedEntry("invoice:" + invoiceId);
        assertThat(entry.get("date").asText()).isEqualTo(YEAR + "-02-02");
        assertThat(entry.get("reference").asText()).isEqualTo(invoiceId);
        assertThat(entry.get("lines").toString()).contains("\"account\":\"1200\",\"debit\":\"119.00\"",
                "\"account\":\"4000\",\"debit\":null,\"credit\":\"100.00\"",
                "\"account\":\"2200\",\"debit\":null,\"credit\":\"19.00\"");
        // Dr bank 40.00 / Cr receivables for the transfer.
        JsonNode transfer = postedEntry("payment:" + invoiceId + "/" + paymentId);
        assertThat(transfer.get("lines").toString()).contains("\"account\":\"1100\",\"debit\":\"40.00\"",
                "\"account\":\"1200\",\"debit\":null,\"credit\":\"40.00\"");

        // Lists: the customer's invoices, by status.
        assertThat(ids(read("/api/invoices?consistent=true&customerId=" + customer))).containsExactly(invoiceId);
        assertThat(read("/api/invoices?customerId=" + customer + "&status=OPEN").get("items")).isEmpty();
        assertThat(ids(read("/api/invoices?customerId=" + customer + "&status=PAID"))).containsExactly(invoiceId);

        // The 360 view: nothing unpaid, 100.00 net invoiced, the order invoiced.
        JsonNode view = read("/api/customers/" + customer + "?consistent=true");
        assertThat(view.at("/unpaid/amount").asText()).isEqualTo("0.00");
        assertThat(view.at("/overdue/amount").asText()).isEqualTo("0.00");
        assertThat(view.at("/lifetimeRevenue/amount").asText()).isEqualTo("100.00");
        assertThat(view.at("/lastOrder/id").asText()).isEqualTo(order);
        assertThat(view.at("/lastOrder/status").asText()).isEqualTo("INVOICED");
        assertThat(view.at("/lastOrder/total/amount").asText()).isEqualTo("119.00");

        // The timeline tells the story, the invoice's entries referring to the invoice.
        JsonNode timeline = read("/api/customers/" + customer + "/timeline?consistent=true").get("items");
        assertThat(timeline.findValuesAsText("type")).contains("SalesOrderDelivered", "SalesOrderInvoiced",
                "InvoiceIssued", "InvoicePaymentReceived");
        assertThat(timeline.findValuesAsText("summary")).contains("Invoice issued: 119.00 EUR, due " + due,
                "Payment received: 79.00 EUR by cash, paid in full");
    }

    @Test
    void invoiceDueYesterday_becomesOverdueByItsDeadlineAndPaidAfterwards() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String customer = registerCustomer("Spätzahler KG");
        receive(warehouse, today.minusDays(20).toString(), sku, 5, "4.00");
        String order = sales.deliveredOrder(customer, warehouse, sku, 1, "50.00", "0", today.minusDays(10).toString());
        String invoiceId = sales.invoice(order, today.minusDays(10).toString(), today.minusDays(1).toString());

        // The deadline was due at midnight: the next poll of the deadline store fires it.
        JsonNode overdue = SalesClient.eventually(() -> read("/api/invoices/" + invoiceId + "?consistent=true"),
                invoice -> invoice.get("status").asText().equals("OVERDUE"));
        assertThat(overdue.get("version").asLong()).isEqualTo(2);
        assertThat(ids(read("/api/invoices?customerId=" + customer + "&status=OVERDUE"))).containsExactly(invoiceId);
        JsonNode timeline = read("/api/customers/" + customer + "/timeline?consistent=true").get("items");
        assertThat(timeline.get(0).get("type").asText()).isEqualTo("InvoiceOverdue");
        assertThat(timeline.get(0).get("by").asText()).isEqualTo("system");
        assertThat(timeline.get(0).get("refId").asText()).isEqualTo(invoiceId);
        JsonNode view = read("/api/customers/" + customer + "?consistent=true");
        assertThat(view.at("/unpaid/amount").asText()).isEqualTo("50.00");
        assertThat(view.at("/overdue/amount").asText()).isEqualTo("50.00");

        sales.pay(invoiceId, "50.00", today.toString(), "CARD");
        assertThat(read("/api/invoices/" + invoiceId + "?minVersion=3").get("status").asText()).isEqualTo("PAID");
    }

    @Test
    void invoiceWithoutAnId_theOrdersOneInvoiceSoARetryIsARepeat() {
        String customer = registerCustomer("Ohne Nummer AG");
        String order = sales.deliveredOrder(customer, warehouse, sku, 1, "10.00", "7", YEAR + "-04-01");
        String json = "{\"date\": \"" + YEAR + "-04-02\", \"dueDate\": \"" + YEAR + "-04-16\"}";

        String invoiceId = sales.invoice(order, json).expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asText();
        String again = sales.invoice(order, json).expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asText();

        assertThat(again).isEqualTo(invoiceId);
        assertThat(read("/api/invoices/" + invoiceId + "?consistent=true").get("dueDate").asText())
                .isEqualTo(YEAR + "-04-16");
    }

    @Test
    void invoiceOrderNotDelivered_unprocessable() {
        String customer = registerCustomer("Zu Früh GmbH");
        String draft = sales.draft(customer, sku, 1, "1.00", "19");

        problem(sales.invoice(draft, "{\"date\": \"" + YEAR + "-05-01\"}"), 422, "ORDER_NOT_DELIVERED");
        problem(sales.invoice(newId(), "{\"date\": \"" + YEAR + "-05-01\"}"), 404, "NOT_FOUND");
    }

    @Test
    void badInvoicesAndPayments_badRequestNamingTheField() {
        String customer = registerCustomer("Formfehler GmbH");
        String order = sales.deliveredOrder(customer, warehouse, sku, 1, "10.00", "19", YEAR + "-06-01");
        String invoiceId = sales.invoice(order, YEAR + "-06-02", YEAR + "-07-02");

        problem(sales.invoice(order, "{}"), 400, "INVALID_REQUEST").jsonPath("$.errors[0].field").isEqualTo("date");
        problem(sales.invoice(order, "{\"date\": \"" + YEAR + "-06-02\", \"dueDate\": \"" + YEAR + "-06-01\"}"), 400,
                "INVALID_REQUEST").jsonPath("$.errors[0].field").isEqualTo("dueDate");
        problem(sales.pay(invoiceId, SalesClient.paymentJson(newId(), "0", YEAR + "-06-03", "CASH")), 400,
                "INVALID_REQUEST").jsonPath("$.errors[0].field").isEqualTo("amount");
        problem(sales.pay(invoiceId, SalesClient.paymentJson(newId(), "-5.00", YEAR + "-06-03", "CASH")), 400,
                "INVALID_REQUEST").jsonPath("$.errors[0].field").isEqualTo("amount");
        problem(sales.pay(invoiceId, SalesClient.paymentJson(newId(), "1.001", YEAR + "-06-03", "CASH")), 400,
                "INVALID_REQUEST").jsonPath("$.errors[0].field").isEqualTo("amount");
        problem(sales.pay(invoiceId, SalesClient.paymentJson(newId(), "1.00", YEAR + "-06-03", "BITCOIN")), 400,
                "INVALID_REQUEST").jsonPath("$.errors[0].field").isEqualTo("method");
        problem(sales.pay(invoiceId, "{\"amount\": \"1.00\", \"method\": \"CASH\"}"), 400, "INVALID_REQUEST")
                .jsonPath("$.errors[0].field").isEqualTo("date");
        problem(sales.pay(invoiceId, "{\"amount\": \"1.00\", \"currency\": \"USD\", \"date\": \"" + YEAR
                + "-06-03\", \"method\": \"CASH\"}"), 400, "INVALID_REQUEST")
                .jsonPath("$.errors[0].field").isEqualTo("currency");
        problem(sales.pay(invoiceId, SalesClient.paymentJson(newId(), "1.00", YEAR + "-06-01", "CASH")), 422,
                "PAYMENT_BEFORE_INVOICE");
        problem(sales.pay(newId(), SalesClient.paymentJson(newId(), "1.00", YEAR + "-06-03", "CASH")), 404,
                "NOT_FOUND");
        problem(http.get().uri("/api/invoices/" + newId()).exchange(), 404, "NOT_FOUND");
        problem(http.get().uri("/api/invoices?status=LATE").exchange(), 400, "INVALID_REQUEST");
    }

    /** The ids of a page's invoices (their payments have ids too). */
    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(invoice -> ids.add(invoice.get("id").asText()));
        return ids;
    }

    /** The entry the sales postings derive for a document, once the policy has posted it. */
    private JsonNode postedEntry(String documentKey) {
        String entryId = UUID.nameUUIDFromBytes(("sales-" + documentKey).getBytes(StandardCharsets.UTF_8)).toString();
        return SalesClient.eventually(() -> http.get().uri("/api/ledger/journal-entries/" + entryId + "?consistent=true")
                        .exchange().expectBody(JsonNode.class).returnResult().getResponseBody(),
                entry -> entry.has("lines"));
    }
}
