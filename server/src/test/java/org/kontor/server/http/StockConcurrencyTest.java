package org.kontor.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Issue 6's hardest rule: available stock never goes below zero, also when many issues race for
 * the same product in the same warehouse. Every issue must end accepted or refused with
 * INSUFFICIENT_STOCK, and the accepted ones must add up to no more than the stock.
 */
class StockConcurrencyTest extends InventoryHttpSupport {

    private static final int STOCK = 60;
    private static final int ISSUES = 150;
    private static final int IN_FLIGHT = 16;
    private static final String YEAR = String.valueOf(ThreadLocalRandom.current().nextInt(4000, 4090));

    @LocalServerPort
    int port;

    @Test
    void manyConcurrentIssuesOfOneStock_acceptedNeverExceedTheStockAndTheRestAreInsufficientStock() {
        String warehouse = newWarehouse();
        String sku = newProduct("FIFO");
        receive(warehouse, YEAR + "-03-01", sku, STOCK, "1.00");
        WebClient client = client();

        List<Outcome> outcomes = Flux.range(0, ISSUES)
                .flatMap(index -> {
                    long qty = 1 + index % 3;
                    return send(client, "/api/stock/issues",
                            issueJson(UUID.randomUUID().toString(), warehouse, YEAR + "-03-02", sku, qty))
                            .map(outcome -> outcome.withQuantity(qty));
                }, IN_FLIGHT)
                .collectList()
                .block(Duration.ofMinutes(2));

        long accepted = 0;
        int refused = 0;
        for (Outcome outcome : outcomes) {
            assertThat(outcome.status()).as(outcome.body()).isIn(201, 422);
            if (outcome.status() == 201) {
                accepted += outcome.quantity();
            } else {
                assertThat(outcome.body()).contains("INSUFFICIENT_STOCK");
                refused++;
            }
        }
        assertThat(accepted).as("issued in total").isLessThanOrEqualTo(STOCK).isGreaterThan(STOCK - 3);
        assertThat(refused).isPositive();
        assertThat(level(warehouse, sku).get("onHand").asLong()).isEqualTo(STOCK - accepted);
    }

    /** Two-line issues naming the same two stocks in both orders: locks are taken in id order, so none waits for ever. */
    @Test
    void concurrentMultiLineIssuesInOppositeLineOrder_allAnsweredWithoutDeadlock() {
        String warehouse = newWarehouse();
        String first = newProduct("AVERAGE");
        String second = newProduct("AVERAGE");
        receive(warehouse, YEAR + "-04-01", first, STOCK, "1.00");
        receive(warehouse, YEAR + "-04-01", second, STOCK, "1.00");
        WebClient client = client();

        List<Outcome> outcomes = Flux.range(0, 80)
                .flatMap(index -> send(client, "/api/stock/issues", twoLineIssue(warehouse,
                        index % 2 == 0 ? first : second, index % 2 == 0 ? second : first)), IN_FLIGHT)
                .collectList()
                .block(Duration.ofMinutes(2));

        long accepted = outcomes.stream().filter(outcome -> outcome.status() == 201).count();
        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.status()).as(outcome.body()).isIn(201, 422));
        assertThat(accepted).isEqualTo(STOCK);
        assertThat(level(warehouse, first).get("onHand").asLong()).isZero();
        assertThat(level(warehouse, second).get("onHand").asLong()).isZero();
    }

    private String twoLineIssue(String warehouse, String skuA, String skuB) {
        return """
                {"id": "%s", "warehouseId": "%s", "date": "%s-04-02", "reason": "Kit assembly",
                 "lines": [{"sku": "%s", "qty": 1}, {"sku": "%s", "qty": 1}]}
                """.formatted(UUID.randomUUID(), warehouse, YEAR, skuA, skuB);
    }

    private WebClient client() {
        return WebClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeaders(headers -> headers.setBasicAuth("admin", ADMIN_PASSWORD)).build();
    }

    private static Mono<Outcome> send(WebClient client, String uri, String body) {
        return client.post().uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchangeToMono(response -> response.bodyToMono(String.class).defaultIfEmpty("")
                        .map(text -> new Outcome(response.statusCode().value(), text, 0)));
    }

    private record Outcome(int status, String body, long quantity) {

        Outcome withQuantity(long issued) {
            return new Outcome(status, body, issued);
        }
    }
}
