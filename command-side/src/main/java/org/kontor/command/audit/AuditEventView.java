package org.kontor.command.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A stored event as auditors see it (API.md, Audit rows): {@code type} is the event's simple name
 * ({@code CustomerRegistered}), {@code eventId} its identifier (what {@code causationId} and
 * {@code commandCausationId} in other events' metadata name), {@code payloadType} and {@code revision} what the store recorded,
 * {@code payload} and {@code metadata} the stored JSON, {@code hash} its chain link ({@code null}
 * until linked, which takes milliseconds).
 *
 * <p>Secrets are redacted: a field named like one of {@link #REDACTED_FIELDS} anywhere in the
 * payload or metadata shows {@value #REDACTED}. The hash still covers the stored bytes.
 */
record AuditEventView(long position, String eventId, String aggregateId, String aggregateType, long sequence,
                      String type, String payloadType, String revision, Instant timestamp, JsonNode payload,
                      JsonNode metadata, String hash) {

    static final String REDACTED = "[redacted]";
    /** The people context's bcrypt hashes: not the password, but a guessing target all the same. */
    static final Set<String> REDACTED_FIELDS = Set.of("passwordHash");
    private static final ObjectMapper JSON = new ObjectMapper();

    static AuditEventView of(StoredEvent event) {
        return new AuditEventView(event.globalIndex(), event.eventIdentifier(), event.aggregateIdentifier(),
                event.aggregateType(), event.sequenceNumber(), simpleName(event.payloadType()), event.payloadType(),
                event.payloadRevision(), event.instant(), redacted(event.payload()), redacted(event.metadata()), event.hash());
    }

    static List<AuditEventView> of(List<StoredEvent> events) {
        List<AuditEventView> views = new ArrayList<>(events.size());
        for (StoredEvent event : events) {
            views.add(of(event));
        }
        return views;
    }

    static String simpleName(String payloadType) {
        return payloadType.substring(Math.max(payloadType.lastIndexOf('.'), payloadType.lastIndexOf('$')) + 1);
    }

    /** The stored JSON with secrets replaced; bytes that are not JSON are shown as text. */
    private static JsonNode redacted(byte[] serialized) {
        if (serialized == null) {
            return null;
        }
        try {
            JsonNode tree = JSON.readTree(serialized);
            redact(tree);
            return tree;
        } catch (IOException notJson) {
            return TextNode.valueOf(new String(serialized, StandardCharsets.UTF_8));
        }
    }

    private static void redact(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                if (REDACTED_FIELDS.contains(name)) {
                    object.put(name, REDACTED);
                } else {
                    redact(object.get(name));
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(AuditEventView::redact);
        }
    }
}
