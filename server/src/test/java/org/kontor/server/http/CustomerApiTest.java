package org.kontor.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** The CRM customer endpoints end to end: commands in, views out. */
class CustomerApiTest extends HttpTestSupport {

    @Autowired
    EventStore eventStore;

    @Test
    void registerCustomer_createdWithLocationVersionAndETag() {
        String id = newId();

        http.post().uri("/api/customers").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(customerJson(id, "Acme GmbH"))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().location("/api/customers/" + id)
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"")
                .expectBody().json("{\"id\": \"" + id + "\", \"version\": 1}", true);
    }

    @Test
    void registerCustomerWithoutId_serverMakesOne() {
        http.post().uri("/api/customers").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": \"Nameless Id Ltd\", \"kind\": \"PERSON\"}")
                .exchange()
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.id").value(value -> assertThat((String) value).hasSize(36));
    }

    @Test
    void registerCustomerTwiceWithSameContent_secondAnswers200AndWritesNothing() {
        String id = newId();
        String body = customerJson(id, "Twice GmbH");
        http.post().uri("/api/customers").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isCreated();

        http.post().uri("/api/customers").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isOk()
                .expectBody().json("{\"id\": \"" + id + "\", \"version\": 1}", true);

        assertThat(eventStore.readEvents(id).asStream().count()).isEqualTo(1);
    }

    @Test
    void registerCustomerTwiceWithOtherContent_conflictAlreadyExists() {
        String id = registerCustomerWithId("First Name AG");

        http.post().uri("/api/customers").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(customerJson(id, "Second Name AG"))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("ALREADY_EXISTS")
                .jsonPath("$.status").isEqualTo(409)
                .jsonPath("$.type").isNotEmpty()
                .jsonPath("$.title").isNotEmpty()
                .jsonPath("$.detail").isNotEmpty()
                .jsonPath("$.instance").isNotEmpty();
        assertThat(eventStore.readEvents(id).asStream().count()).isEqualTo(1);
    }

    @Test
    void readRightAfterRegisteringWithConsistentTrue_seesTheCustomer() {
        String id = registerCustomer("Consistent KG");

        http.get().uri("/api/customers/{id}?consistent=true", id)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"")
                .expectBody()
                .jsonPath("$.name").isEqualTo("Consistent KG")
                .jsonPath("$.creditLimit.amount").isEqualTo("5000.00")
                .jsonPath("$.creditLimit.currency").isEqualTo("EUR")
                .jsonPath("$.version").isEqualTo(1);
    }

    @Test
    void changeDetailsWithCurrentIfMatch_changedAndNewVersionReadable() {
        String id = registerCustomer("Before Rename GmbH");

        http.patch().uri("/api/customers/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.IF_MATCH, "\"1\"")
                .bodyValue("{\"name\": \"After Rename GmbH\", \"phone\": \"+49 30 123456\"}")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"")
                .expectBody().json("{\"id\": \"" + id + "\", \"version\": 2}", true);

        http.get().uri("/api/customers/{id}?minVersion=2", id)
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.name").isEqualTo("After Rename GmbH")
                .jsonPath("$.phone").isEqualTo("+49 30 123456")
                .jsonPath("$.version").isEqualTo(2);
    }

    @Test
    void changeDetailsWithStaleIfMatch_preconditionFailedAndNothingChanged() {
        String id = registerCustomer("Stale GmbH");
        http.patch().uri("/api/customers/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"phone\": \"+49 30 111111\"}").exchange().expectStatus().isOk();

        http.patch().uri("/api/customers/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.IF_MATCH, "1")
                .bodyValue("{\"phone\": \"+49 30 222222\"}")
                .exchange()
                .expectStatus().isEqualTo(412)
                .expectBody().jsonPath("$.code").isEqualTo("VERSION_CONFLICT");

        assertThat(eventStore.readEvents(id).asStream().count()).isEqualTo(2);
    }

    @Test
    void paymentTermsGivenThenChangedThenCleared_shownOnThe360ViewNullWhenNotSet() {
        String id = newId();
        http.post().uri("/api/customers").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"id\": \"" + id + "\", \"name\": \"Termin GmbH\", \"kind\": \"COMPANY\","
                        + " \"paymentTermDays\": 14}")
                .exchange().expectStatus().isCreated();
        http.get().uri("/api/customers/{id}?consistent=true", id).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.paymentTermDays").isEqualTo(14);

        changeTerms(id, "45");
        http.get().uri("/api/customers/{id}?minVersion=2", id).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.paymentTermDays").isEqualTo(45);

        changeTerms(id, "null");
        http.get().uri("/api/customers/{id}?minVersion=3", id).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.paymentTermDays").value(terms -> assertThat(terms).isNull());
    }

    @Test
    void paymentTermsOutOfRangeOrNotANumber_badRequestNamingTheFieldAndNothingStored() {
        String id = registerCustomer("Ungültig AG");
        for (String wrong : List.of("-1", "366", "\"fourteen\"")) {
            http.post().uri("/api/customers").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"name\": \"Ungültig AG\", \"kind\": \"COMPANY\", \"paymentTermDays\": " + wrong + "}")
                    .exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.code").isEqualTo("INVALID_REQUEST")
                    .jsonPath("$.errors[0].field").isEqualTo("paymentTermDays");
            http.patch().uri("/api/customers/{id}", id).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"paymentTermDays\": " + wrong + "}")
                    .exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.code").isEqualTo("INVALID_REQUEST")
                    .jsonPath("$.errors[0].field").isEqualTo("paymentTermDays");
        }

        assertThat(eventStore.readEvents(id).asStream().count()).isEqualTo(1);
    }

    private void changeTerms(String id, String paymentTermDays) {
        http.patch().uri("/api/customers/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"paymentTermDays\": " + paymentTermDays + "}")
                .exchange().expectStatus().isOk();
    }

    @Test
    void readWithMinVersionNeverReached_serviceUnavailableWithRetryAfter() {
        String id = registerCustomer("Patience AG");

        http.get().uri("/api/customers/{id}?minVersion=99", id)
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().exists("Retry-After")
                .expectBody().jsonPath("$.code").isEqualTo("NOT_CONSISTENT_YET");
    }

    @Test
    void addContactAndRecordInteraction_shownOnThe360View() {
        String id = registerCustomer("Three Sixty SE");

        http.post().uri("/api/customers/{id}/contacts", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": \"Jane Doe\", \"role\": \"CFO\"}")
                .exchange()
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.version").isEqualTo(2);
        http.post().uri("/api/customers/{id}/interactions", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(interactionJson(newId(), "2026-11-20T10:00:00Z", "Renewal"))
                .exchange()
                .expectStatus().isCreated();

        http.get().uri("/api/customers/{id}?consistent=true", id)
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.contacts[0].name").isEqualTo("Jane Doe")
                .jsonPath("$.interactionCount").isEqualTo(1)
                .jsonPath("$.lastInteraction.subject").isEqualTo("Renewal")
                .jsonPath("$.lastInteraction.occurredAt").isEqualTo("2026-11-20T10:00:00Z");
    }

    @Test
    void timeline_newestFirstAndPagedWithCursor() {
        String id = registerCustomer("Timeline Oy");
        for (int day = 1; day <= 3; day++) {
            http.post().uri("/api/customers/{id}/interactions", id).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(interactionJson(newId(), "2026-11-0" + day + "T10:00:00Z", "Call " + day))
                    .exchange().expectStatus().isCreated();
        }

        TimelinePage first = http.get().uri("/api/customers/{id}/timeline?consistent=true&limit=2", id)
                .exchange().expectStatus().isOk().expectBody(TimelinePage.class).returnResult().getResponseBody();
        TimelinePage second = http.get().uri("/api/customers/{id}/timeline?limit=2&cursor={c}", id, first.nextCursor())
                .exchange().expectStatus().isOk().expectBody(TimelinePage.class).returnResult().getResponseBody();

        assertThat(first.items()).extracting(entry -> entry.get("summary"))
                .containsExactly("Call (outbound): Call 3", "Call (outbound): Call 2");
        assertThat(second.items()).extracting(entry -> entry.get("type"))
                .containsExactly("InteractionRecorded", "CustomerRegistered");
        assertThat(second.nextCursor()).isNull();
        assertThat(first.items().get(0)).containsKeys("at", "type", "summary", "refId", "by");
    }

    @Test
    void customerList_searchedAndPagedByName() {
        String tag = "paging-" + newId().substring(0, 8);
        registerCustomer("Paging C", tag);
        registerCustomer("Paging A", tag);
        registerCustomer("Paging B", tag);

        TimelinePage first = http.get().uri("/api/customers?tag={t}&limit=2&consistent=true", tag)
                .exchange().expectStatus().isOk().expectBody(TimelinePage.class).returnResult().getResponseBody();
        TimelinePage second = http.get().uri("/api/customers?tag={t}&limit=2&cursor={c}", tag, first.nextCursor())
                .exchange().expectStatus().isOk().expectBody(TimelinePage.class).returnResult().getResponseBody();

        assertThat(first.items()).extracting(item -> item.get("name")).containsExactly("Paging A", "Paging B");
        assertThat(second.items()).extracting(item -> item.get("name")).containsExactly("Paging C");
        assertThat(second.nextCursor()).isNull();
    }

    @Test
    void commandMetadata_onEveryEventForAuditors() {
        String id = newId();
        http.post().uri("/api/customers").contentType(MediaType.APPLICATION_JSON)
                .header("X-Request-Id", "req-42")
                .header("X-Correlation-Id", "onboarding-7")
                .bodyValue(customerJson(id, "Audited AG"))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().valueEquals("X-Request-Id", "req-42");

        DomainEventMessage<?> registered = eventStore.readEvents(id).next();
        Map<String, Object> metadata = registered.getMetaData();
        assertThat(metadata).containsEntry("userId", "admin")
                .containsEntry("requestId", "req-42")
                .containsEntry("correlationId", "onboarding-7")
                .containsKeys("causationId", "clientIp");
        assertThat(metadata.get("causationId")).isNotEqualTo("req-42"); // the command caused it, not the request
    }

    @Test
    void metricsEndpoint_showsAxonCommandAndProcessorMetrics() {
        registerCustomer("Metrics GmbH");

        // A larger buffer than the client's default 1 MiB, so that a scrape grown past it fails the
        // size assertion below rather than the read.
        http.mutate().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)).build()
                .get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class)
                .value(text -> {
                    assertThat(text).contains("commandBus_").contains("eventProcessor_latency")
                            .contains("kontor_processor_lag_events{application=\"kontor\",processorName=\"crm-timeline\"}")
                            // processor timers: one series per processor, no client-side percentiles
                            .contains("eventProcessor_successTimer_seconds_count{application=\"kontor\","
                                    + "processorName=\"crm-timeline\"}")
                            .doesNotContain("eventProcessor_successTimer_seconds_count{application=\"kontor\","
                                    + "payloadType=")
                            .doesNotContain("eventProcessor_allTimer_seconds{application=\"kontor\","
                                    + "processorName=\"crm-timeline\",quantile=");
                    assertThat(text.length()).as("scrape size").isLessThan(1024 * 1024);
                });
    }

    private String registerCustomerWithId(String name) {
        return registerCustomer(name);
    }

    /** A list page as a client sees it. */
    record TimelinePage(List<Map<String, Object>> items, String nextCursor) {
    }
}
