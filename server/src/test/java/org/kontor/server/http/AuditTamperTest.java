package org.kontor.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.sql.DataSource;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Tamper evidence (issue 9, item 2): rows of the event store are changed behind the server's back,
 * straight in the H2 database, and the hash chain's verification names the first event that no
 * longer matches. Each test puts the rows back as they were, and the chain verifies again. A server
 * of its own, so no other test's events are tampered with.
 */
class AuditTamperTest extends OwnBooksHttpTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    EventProcessingConfiguration processing;

    private JdbcTemplate database;
    private AuditClient audit;

    @BeforeEach
    void directAccess() {
        database = new JdbcTemplate(dataSource);
        audit = new AuditClient(http);
    }

    @Test
    void alteredPayload_detectedAtItsPosition() throws InterruptedException {
        JsonNode event = linkedRegistrationOf(registerCustomer("Honest Books Ltd"));
        long position = event.get("position").asLong();
        byte[] original = payloadAt(position);
        assertVerified();

        String forged = new String(original, StandardCharsets.UTF_8).replace("Honest Books Ltd", "Forged Books Ltd");
        database.update("UPDATE DomainEventEntry SET payload = ? WHERE globalIndex = ?",
                forged.getBytes(StandardCharsets.UTF_8), position);
        try {
            JsonNode mismatch = firstMismatch();
            assertThat(mismatch.get("position").asLong()).isEqualTo(position);
            assertThat(mismatch.get("expected").asText()).isEqualTo(event.get("hash").asText());
            assertThat(mismatch.get("actual").asText()).matches("[0-9a-f]{64}").isNotEqualTo(event.get("hash").asText());
        } finally {
            database.update("UPDATE DomainEventEntry SET payload = ? WHERE globalIndex = ?", original, position);
        }
        assertVerified();
    }

    @Test
    void deletedRow_detectedAsMissing() throws InterruptedException {
        JsonNode event = linkedRegistrationOf(registerCustomer("Vanishing Goods GmbH"));
        long position = event.get("position").asLong();
        Map<String, Object> row = database.queryForMap("SELECT * FROM DomainEventEntry WHERE globalIndex = ?", position);
        assertVerified();

        database.update("DELETE FROM DomainEventEntry WHERE globalIndex = ?", position);
        try {
            JsonNode mismatch = firstMismatch();
            assertThat(mismatch.get("position").asLong()).isEqualTo(position);
            assertThat(mismatch.get("expected").asText()).isEqualTo(event.get("hash").asText());
            assertThat(mismatch.get("actual").isNull()).as("no event to hash").isTrue();
        } finally {
            database.update("INSERT INTO DomainEventEntry (globalIndex, aggregateIdentifier, sequenceNumber, type,"
                            + " eventIdentifier, metaData, payload, payloadRevision, payloadType, timeStamp)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    row.get("GLOBALINDEX"), row.get("AGGREGATEIDENTIFIER"), row.get("SEQUENCENUMBER"), row.get("TYPE"),
                    row.get("EVENTIDENTIFIER"), row.get("METADATA"), row.get("PAYLOAD"), row.get("PAYLOADREVISION"),
                    row.get("PAYLOADTYPE"), row.get("TIMESTAMP"));
        }
        assertVerified();
    }

    @Test
    void swappedPayloads_detectedAtTheEarlierOfTheTwo() throws InterruptedException {
        JsonNode first = linkedRegistrationOf(registerCustomer("Swap Left AG"));
        JsonNode second = linkedRegistrationOf(registerCustomer("Swap Right AG"));
        long firstPosition = first.get("position").asLong();
        long secondPosition = second.get("position").asLong();
        byte[] firstPayload = payloadAt(firstPosition);
        byte[] secondPayload = payloadAt(secondPosition);
        assertVerified();

        database.update("UPDATE DomainEventEntry SET payload = ? WHERE globalIndex = ?", secondPayload, firstPosition);
        database.update("UPDATE DomainEventEntry SET payload = ? WHERE globalIndex = ?", firstPayload, secondPosition);
        try {
            JsonNode mismatch = firstMismatch();
            assertThat(mismatch.get("position").asLong()).isEqualTo(Math.min(firstPosition, secondPosition));
            // Checked from the later of the two on, the other half of the swap shows as well.
            JsonNode fromSecond = audit.get("/api/audit/verify?from={from}", Math.max(firstPosition, secondPosition));
            assertThat(fromSecond.get("verified").asBoolean()).isFalse();
            assertThat(fromSecond.get("firstMismatch").get("position").asLong())
                    .isEqualTo(Math.max(firstPosition, secondPosition));
        } finally {
            database.update("UPDATE DomainEventEntry SET payload = ? WHERE globalIndex = ?", firstPayload, firstPosition);
            database.update("UPDATE DomainEventEntry SET payload = ? WHERE globalIndex = ?", secondPayload, secondPosition);
        }
        assertVerified();
    }

    @Test
    void digests_onePerDayEndingInTheDaysLastLink() throws InterruptedException {
        JsonNode event = linkedRegistrationOf(registerCustomer("Digest Daily SE"));
        String day = event.get("timestamp").asText().substring(0, 10);

        JsonNode digests = audit.get("/api/audit/digests?from={from}&to={to}", day, day).get("items");

        assertThat(digests).hasSize(1);
        JsonNode digest = digests.get(0);
        assertThat(digest.get("day").asText()).isEqualTo(day);
        assertThat(digest.get("lastPosition").asLong()).isGreaterThanOrEqualTo(event.get("position").asLong());
        assertThat(digest.get("events").asLong()).isPositive();
        assertThat(digest.get("hash").asText()).matches("[0-9a-f]{64}");
        String lastLinkHash = database.queryForObject("SELECT hash FROM AuditChainLink WHERE chainPosition = ?",
                String.class, digest.get("chainPosition").asLong());
        assertThat(digest.get("hash").asText()).isEqualTo(lastLinkHash);
    }

    /** Links and the token that passes them commit in one H2 transaction: none skipped, none doubled. */
    @Test
    void chainProcessor_oneSegmentWithItsTokenInTheEventDatabase() {
        assertThat(processing.tokenStore("audit-hash-chain")).isInstanceOf(JdbcTokenStore.class);
        assertThat(processing.eventProcessor("audit-hash-chain", TrackingEventProcessor.class)).isPresent()
                .get().extracting(TrackingEventProcessor::maxCapacity).isEqualTo(1);
    }

    private JsonNode linkedRegistrationOf(String customerId) throws InterruptedException {
        return audit.linkedHistory(customerId).get(0);
    }

    private byte[] payloadAt(long position) {
        return database.queryForObject("SELECT payload FROM DomainEventEntry WHERE globalIndex = ?", byte[].class,
                position);
    }

    private void assertVerified() {
        JsonNode verification = audit.verify();
        assertThat(verification.get("verified").asBoolean()).as("verification %s", verification).isTrue();
        assertThat(verification.get("firstMismatch").isNull()).isTrue();
        assertThat(verification.get("checkedEvents").asLong()).isPositive();
    }

    private JsonNode firstMismatch() {
        JsonNode verification = audit.verify();
        assertThat(verification.get("verified").asBoolean()).as("verification %s", verification).isFalse();
        return verification.get("firstMismatch");
    }
}
