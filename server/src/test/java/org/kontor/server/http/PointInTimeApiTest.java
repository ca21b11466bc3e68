package org.kontor.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * Reads as known at an instant ({@code knownAt}): the figures as the events recorded up to then
 * made them, while the plain reads show the present. The test notes an instant between each two
 * steps (the server runs in this JVM, so its clock is the test's). Its ledger accounts are its
 * own, so their rows hold only its entries.
 */
class PointInTimeApiTest extends HttpTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PERIOD = ThreadLocalRandom.current().nextInt(4200, 4300) + "-06";

    @Test
    void customer_knownAtAnInstant_showsTheViewAsItWasThen() throws InterruptedException {
        Instant beforeRegistration = instantBetweenSteps();
        String id = registerCustomer("Then Trading GmbH");
        Instant afterRegistration = instantBetweenSteps();
        http.patch().uri("/api/customers/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": \"Now Trading GmbH\", \"phone\": \"+49 30 123456\"}")
                .exchange().expectStatus().isOk();
        Instant afterRename = instantBetweenSteps();
        http.post().uri("/api/customers/{id}/contacts", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": \"Jane Doe\", \"role\": \"CFO\"}")
                .exchange().expectStatus().isCreated();

        JsonNode now = read("/api/customers/" + id + "?consistent=true");
        assertThat(now.get("name").asText()).isEqualTo("Now Trading GmbH");
        assertThat(now.get("contacts")).hasSize(1);
        assertThat(now.get("version").asLong()).isEqualTo(3);

        JsonNode registered = read("/api/customers/" + id + "?knownAt=" + afterRegistration);
        assertThat(registered.get("name").asText()).isEqualTo("Then Trading GmbH");
        assertThat(registered.get("phone").isNull()).isTrue();
        assertThat(registered.get("contacts")).isEmpty();
        assertThat(registered.get("version").asLong()).isEqualTo(1);

        JsonNode renamed = read("/api/customers/" + id + "?knownAt=" + afterRename);
        assertThat(renamed.get("name").asText()).isEqualTo("Now Trading GmbH");
        assertThat(renamed.get("phone").asText()).isEqualTo("+49 30 123456");
        assertThat(renamed.get("contacts")).isEmpty();
        assertThat(renamed.get("version").asLong()).isEqualTo(2);

        http.get().uri("/api/customers/{id}?knownAt={at}", id, beforeRegistration.toString()).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("NOT_FOUND");
    }

    @Test
    void trialBalance_knownAtAnInstant_showsTheFiguresAsTheyWereThen() throws InterruptedException {
        String cash = openAccount("ASSET");
        String capital = openAccount("EQUITY");
        Instant afterOpening = instantBetweenSteps();
        post(cash, capital, "100.00");
        Instant afterFirst = instantBetweenSteps();
        post(cash, capital, "50.00");

        String uri = "/api/ledger/trial-balance?period=" + PERIOD;
        assertThat(row(read(uri + "&consistent=true"), cash).get("debit").asText()).isEqualTo("150.00");
        JsonNode first = read(uri + "&knownAt=" + afterFirst);
        assertThat(row(first, cash).get("debit").asText()).isEqualTo("100.00");
        assertThat(row(first, capital).get("credit").asText()).isEqualTo("100.00");
        assertThat(first.get("totals").get("debit").asText()).isEqualTo(first.get("totals").get("credit").asText());
        assertThat(row(read(uri + "&knownAt=" + afterOpening), cash)).as("opened, nothing posted").isNull();

        JsonNode beforeAnything = read(uri + "&knownAt=1970-01-01T00:00:00Z");
        assertThat(beforeAnything.get("rows")).isEmpty();
        assertThat(beforeAnything.get("totals").get("debit").asText()).isEqualTo("0.00");
    }

    @Test
    void knownAtThatIsNotAnInstant_badRequest() {
        http.get().uri("/api/ledger/trial-balance?period=2026-01&knownAt=yesterday").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("INVALID_REQUEST")
                .jsonPath("$.errors[0].field").isEqualTo("knownAt");
        http.get().uri("/api/customers/{id}?knownAt=2026-13-01T00:00:00Z", newId()).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("INVALID_REQUEST");
    }

    /** An instant after everything stored so far and before anything stored next. */
    private static Instant instantBetweenSteps() throws InterruptedException {
        Thread.sleep(5);
        Instant between = Instant.now();
        Thread.sleep(5);
        return between;
    }

    private String openAccount(String type) {
        String code = "K" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        http.post().uri("/api/ledger/accounts").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"code\": \"%s\", \"name\": \"Known-at %s\", \"type\": \"%s\"}".formatted(code, type, type))
                .exchange().expectStatus().isCreated();
        return code;
    }

    private void post(String debitAccount, String creditAccount, String amount) {
        http.post().uri("/api/ledger/journal-entries").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"id": "%s", "date": "%s-15", "description": "Capital paid in", "currency": "EUR",
                         "lines": [{"account": "%s", "debit": "%s"}, {"account": "%s", "credit": "%s"}]}
                        """.formatted(newId(), PERIOD, debitAccount, amount, creditAccount, amount))
                .exchange().expectStatus().isCreated();
    }

    private static JsonNode row(JsonNode trialBalance, String account) {
        for (JsonNode row : trialBalance.get("rows")) {
            if (account.equals(row.get("account").asText())) {
                return row;
            }
        }
        return null;
    }

    private JsonNode read(String uri) {
        byte[] body = http.get().uri(uri).exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBodyContent();
        try {
            return JSON.readTree(body);
        } catch (IOException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }
}
