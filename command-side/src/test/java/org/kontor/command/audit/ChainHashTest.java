package org.kontor.command.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainHashTest {

    private static final StoredEvent EVENT = event(7, "event-1", "customer-1", 0, "{\"name\":\"Acme\"}",
            "{\"userId\":\"anna\"}");

    @Test
    void link_sameRowAndPredecessor_sameHash() {
        assertThat(ChainHash.link(EVENT, ChainHash.GENESIS)).isEqualTo(ChainHash.link(copy(EVENT), ChainHash.GENESIS))
                .matches("[0-9a-f]{64}");
    }

    @Test
    void link_anyChangedFieldOrPredecessor_anotherHash() {
        String original = ChainHash.link(EVENT, ChainHash.GENESIS);
        List<StoredEvent> changed = List.of(
                event(8, "event-1", "customer-1", 0, "{\"name\":\"Acme\"}", "{\"userId\":\"anna\"}"),
                event(7, "event-2", "customer-1", 0, "{\"name\":\"Acme\"}", "{\"userId\":\"anna\"}"),
                event(7, "event-1", "customer-2", 0, "{\"name\":\"Acme\"}", "{\"userId\":\"anna\"}"),
                event(7, "event-1", "customer-1", 1, "{\"name\":\"Acme\"}", "{\"userId\":\"anna\"}"),
                event(7, "event-1", "customer-1", 0, "{\"name\":\"Acne\"}", "{\"userId\":\"anna\"}"),
                event(7, "event-1", "customer-1", 0, "{\"name\":\"Acme\"}", "{\"userId\":\"otto\"}"),
                event(7, "event-1", "customer-1", 0, "{\"name\":\"Acme\"}", null));
        for (StoredEvent event : changed) {
            assertThat(ChainHash.link(event, ChainHash.GENESIS)).as("%s", event).isNotEqualTo(original);
        }
        assertThat(ChainHash.link(EVENT, original)).isNotEqualTo(original);
    }

    /** Lengths come first, so moving bytes from one field to the next changes the hash. */
    @Test
    void link_sameBytesCutDifferently_anotherHash() {
        StoredEvent ab = event(7, "event-1", "customer-1", 0, "ab", "c");
        StoredEvent a = event(7, "event-1", "customer-1", 0, "a", "bc");
        assertThat(ChainHash.link(ab, ChainHash.GENESIS)).isNotEqualTo(ChainHash.link(a, ChainHash.GENESIS));
    }

    private static StoredEvent event(long position, String id, String aggregate, long sequence, String payload,
                                     String metadata) {
        return new StoredEvent(position, id, aggregate, sequence, "Customer", "org.kontor.events.crm.CustomerRegistered",
                "1", "2026-11-26T09:00:00.000Z", payload.getBytes(StandardCharsets.UTF_8),
                metadata == null ? null : metadata.getBytes(StandardCharsets.UTF_8), null);
    }

    private static StoredEvent copy(StoredEvent event) {
        return new StoredEvent(event.globalIndex(), event.eventIdentifier(), event.aggregateIdentifier(),
                event.sequenceNumber(), event.aggregateType(), event.payloadType(), event.payloadRevision(),
                event.timestamp(), event.payload().clone(), event.metadata().clone(), null);
    }
}
