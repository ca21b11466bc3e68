package org.kontor.server.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.kontor.events.crm.CustomerEvent.ContactAdded;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

/**
 * A contact stored before names had parts ({@code ContactAdded} revision 1, {@code "name": "Anna
 * Maria Berg"}), written into the event table as an older version of Kontor wrote it, is read in the
 * new shape: by the customer aggregate (which recognises a repeated add of that contact) and by the
 * customer view (which shows the name's parts).
 */
class ContactNameUpcastingTest extends HttpTestSupport {

    @Autowired
    DataSource dataSource;

    @Test
    void contactStoredAtRevision1_readWithItsNameInPartsByTheAggregateAndTheView() {
        String customerId = registerCustomer("Upcast Handel KG");
        String contactId = newId();
        storeRevision1ContactAdded(customerId, contactId, "Anna Maria Berg");

        // The aggregate loads the old event: adding the same contact again is a repeat, answered as the first add.
        addContact(customerId, contactId, "Anna Maria Berg")
                .expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(2);
        addContact(customerId, contactId, "Bernd Lau")
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("ALREADY_EXISTS");

        // The view applies it with the name in parts; the name in one field is as it was.
        http.get().uri("/api/customers/{id}?consistent=true", customerId).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.contacts.length()").isEqualTo(1)
                .jsonPath("$.contacts[0].name").isEqualTo("Anna Maria Berg")
                .jsonPath("$.contacts[0].givenName").isEqualTo("Anna Maria")
                .jsonPath("$.contacts[0].familyName").isEqualTo("Berg")
                .jsonPath("$.contacts[0].role").isEqualTo("Purchasing");
        http.get().uri("/api/customers/{id}/timeline?consistent=true&types=ContactAdded", customerId).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.items[0].summary").isEqualTo("Contact added: Anna Maria Berg (Purchasing)");
    }

    /** The customer's next event, as revision 1 stored it: the registration's row with another payload. */
    private void storeRevision1ContactAdded(String customerId, String contactId, String name) {
        JdbcTemplate database = new JdbcTemplate(dataSource);
        Map<String, Object> registered = database.queryForMap(
                "SELECT * FROM DomainEventEntry WHERE aggregateIdentifier = ? AND sequenceNumber = 0", customerId);
        String payload = """
                {"customerId": "%s", "contactId": "%s", "name": "%s", "email": "anna.berg@example.com",
                 "role": "Purchasing"}
                """.formatted(customerId, contactId, name);
        database.update("INSERT INTO DomainEventEntry (aggregateIdentifier, sequenceNumber, type, eventIdentifier,"
                        + " metaData, payload, payloadRevision, payloadType, timeStamp) VALUES (?, 1, ?, ?, ?, ?, '1', ?, ?)",
                customerId, registered.get("TYPE"), UUID.randomUUID().toString(), registered.get("METADATA"),
                payload.getBytes(StandardCharsets.UTF_8), ContactAdded.class.getName(), registered.get("TIMESTAMP"));
    }

    private ResponseSpec addContact(String customerId, String contactId, String name) {
        return http.post().uri("/api/customers/{id}/contacts", customerId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"id": "%s", "name": "%s", "email": "anna.berg@example.com", "role": "Purchasing"}
                        """.formatted(contactId, name))
                .exchange();
    }
}
