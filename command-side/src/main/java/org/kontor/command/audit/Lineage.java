package org.kontor.command.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.kontor.config.axon.RequestMetadata;
import org.kontor.config.storage.AxonServerStorageConfiguration;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Walks back from a stored event to where it began: the event, the command that caused it (named
 * in the event's metadata, see {@link RequestMetadata}), the event that caused that command (a
 * policy or saga reacted to it), its command, and so on, until a command whose cause is not a
 * stored event: the command a user sent over HTTP (its cause is the request), or one sent by a
 * deadline or by the system. That last event's aggregate is the originating business document. It
 * knows no event type: any posting a policy sends "caused by" an event is followed the same way.
 *
 * <p>Each step is one lookup by {@code eventIdentifier}, which is unique (an index) in the event
 * table; a chain longer than {@value #MAX_STEPS} steps is cut off and said to be incomplete.
 */
@Component
@Profile("!" + AxonServerStorageConfiguration.PROFILE)
class Lineage {

    static final int MAX_STEPS = 20;

    private final StoredEvents events;

    Lineage(StoredEvents events) {
        this.events = events;
    }

    /** The chain of causes of {@code start}, {@code start} first, the originating event last. */
    Chain trace(StoredEvent start) {
        List<Step> steps = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Optional<StoredEvent> next = Optional.of(start);
        while (next.isPresent() && steps.size() < MAX_STEPS && seen.add(next.get().eventIdentifier())) {
            Step step = Step.of(next.get());
            steps.add(step);
            next = step.command().causedBy() == null ? Optional.empty()
                    : events.byEventIdentifier(step.command().causedBy());
        }
        return new Chain(steps, next.isEmpty());
    }

    /** The steps from an event back to its origin; {@code complete} is false when cut off at the limit. */
    record Chain(List<Step> steps, boolean complete) {

        Origin origin() {
            Step last = steps.get(steps.size() - 1);
            return new Origin(last.event().aggregateType(), last.event().aggregateId(), last.event().type(),
                    last.event().position(), last.command());
        }
    }

    /** One stored event and the command behind it. */
    record Step(AuditEventView event, CommandBehind command) {

        static Step of(StoredEvent stored) {
            AuditEventView event = AuditEventView.of(stored);
            return new Step(event, CommandBehind.of(event));
        }
    }

    /**
     * The command behind an event as its metadata records it (commands are not stored): its name
     * (the payload type) and {@code type} (its simple name, {@code PostJournalEntry}), its
     * id ({@code causationId} of the event), user, request, correlation, client and its own cause
     * ({@code causedBy}: an event id, or the request id for a command sent over HTTP). {@code at}
     * is the event's stored timestamp, taken in the command's unit of work. {@code fromRequest}: the
     * command began a chain, sent for a request (over HTTP by {@code userId}, or by the system at
     * start, {@code userId} {@code system}) rather than in reaction to an event. Events stored before
     * {@code commandName} was recorded show {@code name} and {@code causedBy} as {@code null}.
     */
    record CommandBehind(String name, String type, String id, String userId, String requestId, String correlationId,
                         String clientIp, String causedBy, boolean fromRequest, Instant at) {

        static CommandBehind of(AuditEventView event) {
            JsonNode metadata = event.metadata();
            String requestId = text(metadata, RequestMetadata.REQUEST_ID);
            String causedBy = text(metadata, RequestMetadata.COMMAND_CAUSATION_ID);
            String name = text(metadata, RequestMetadata.COMMAND_NAME);
            return new CommandBehind(name, name == null ? null : AuditEventView.simpleName(name),
                    text(metadata, RequestMetadata.CAUSATION_ID), text(metadata, RequestMetadata.USER_ID), requestId,
                    text(metadata, RequestMetadata.CORRELATION_ID), text(metadata, RequestMetadata.CLIENT_IP),
                    causedBy, causedBy != null && causedBy.equals(requestId), event.timestamp());
        }

        private static String text(JsonNode metadata, String key) {
            JsonNode value = metadata == null ? null : metadata.get(key);
            return value == null || value.isNull() ? null : value.asText();
        }
    }

    /** Where a chain began: the aggregate (business document) of its first event and who sent its command. */
    record Origin(String aggregateType, String aggregateId, String type, long position, CommandBehind command) {
    }
}
