package org.kontor.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.kontor.events.ledger.LedgerPeriodEvent.AccountBalance;
import org.kontor.events.ledger.LedgerPeriodEvent.AccountMovement;
import org.kontor.events.ledger.LedgerPeriodEvent.EntryRecordedInPeriod;
import org.kontor.events.ledger.LedgerPeriodEvent.PeriodClosed;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Issue 4's hardest rule: no entry dated in a closed period is ever accepted, also while a close
 * and many postings race. Postings go in from many concurrent requests; the close is sent while
 * they are in flight. Every posting must end either accepted or refused with PERIOD_CLOSED, and the
 * balances the close recorded must be exactly the sum of the accepted ones. The books are the
 * test's own, so the month's closing balance of the bank is exactly the accepted postings too.
 */
class PeriodCloseRaceTest extends OwnBooksHttpTest {

    private static final int POSTINGS = 300;
    private static final int IN_FLIGHT = 16;
    private static final int CLOSE_AFTER_ANSWERS = 60;

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;

    @Test
    void closeWhilePostingsAreInFlight_everyAcceptedEntryIsInTheClosedBalancesAndNoneAfter() {
        http.post().uri("/api/ledger/accounts/defaults").exchange().expectStatus().isOk();
        String period = "2026-03";
        WebClient client = WebClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeaders(headers -> headers.setBasicAuth("admin", ADMIN_PASSWORD)).build();
        AtomicInteger answers = new AtomicInteger();
        Mono<Integer> close = Mono.defer(() -> client.post().uri("/api/ledger/periods/{p}/close", period)
                .exchangeToMono(response -> Mono.just(response.statusCode().value())));
        List<Mono<Integer>> closeSent = new ArrayList<>();

        List<Outcome> outcomes = Flux.range(1, POSTINGS)
                .flatMap(amount -> post(client, period, amount).doOnNext(outcome -> {
                    if (answers.incrementAndGet() == CLOSE_AFTER_ANSWERS) {
                        Mono<Integer> closing = close.cache();
                        closing.subscribe();
                        closeSent.add(closing);
                    }
                }), IN_FLIGHT)
                .collectList()
                .block(Duration.ofMinutes(2));

        assertThat(closeSent).hasSize(1);
        assertThat(closeSent.get(0).block(Duration.ofSeconds(30))).isEqualTo(200);
        Map<String, Long> accepted = new HashMap<>();
        int refused = 0;
        for (Outcome outcome : outcomes) {
            assertThat(outcome.status()).as(outcome.body()).isIn(201, 422);
            if (outcome.status() == 201) {
                accepted.put(outcome.entryId(), outcome.amountMinor());
            } else {
                assertThat(outcome.body()).contains("PERIOD_CLOSED");
                refused++;
            }
        }
        assertThat(accepted).as("some postings were accepted before the close").isNotEmpty();
        assertThat(refused).as("some postings came after the close").isPositive();

        // The period's own stream: every accepted entry recorded before the close, none after it.
        List<String> recordedBeforeClose = new ArrayList<>();
        PeriodClosed closed = null;
        DomainEventStream stream = eventStore.readEvents("period:" + period);
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (event.getPayload() instanceof EntryRecordedInPeriod recorded) {
                assertThat(closed).as("an entry recorded after the close").isNull();
                recordedBeforeClose.add(recorded.entryId());
            } else if (event.getPayload() instanceof PeriodClosed periodClosed) {
                closed = periodClosed;
            }
        }
        assertThat(recordedBeforeClose).containsExactlyInAnyOrderElementsOf(accepted.keySet());
        long acceptedTotal = accepted.values().stream().mapToLong(Long::longValue).sum();
        AccountMovement bank = closed.movements().stream().filter(movement -> movement.account().equals("1100"))
                .findFirst().orElseThrow();
        assertThat(bank.debitMinor()).isEqualTo(acceptedTotal);
        assertThat(closed.closingBalances()).contains(new AccountBalance("1100", acceptedTotal));

        http.post().uri("/api/ledger/journal-entries").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(entryJson(UUID.randomUUID().toString(), period, 1))
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("PERIOD_CLOSED");
    }

    private static Mono<Outcome> post(WebClient client, String period, int amount) {
        String entryId = UUID.randomUUID().toString();
        return client.post().uri("/api/ledger/journal-entries").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(entryJson(entryId, period, amount))
                .exchangeToMono(response -> response.bodyToMono(String.class).defaultIfEmpty("")
                        .map(body -> new Outcome(entryId, amount * 100L, response.statusCode().value(), body)));
    }

    /** Sales on account: the bank is debited, revenue credited, {@code amount} euros. */
    private static String entryJson(String entryId, String period, int amount) {
        return """
                {"id": "%s", "date": "%s-15", "description": "Sale %d", "currency": "EUR",
                 "lines": [{"account": "1100", "debit": "%d.00"}, {"account": "4000", "credit": "%d.00"}]}
                """.formatted(entryId, period, amount, amount, amount);
    }

    private record Outcome(String entryId, long amountMinor, int status, String body) {
    }
}
