package org.kontor.command.audit;

import java.util.List;
import org.kontor.command.audit.Lineage.Chain;
import org.kontor.command.audit.Lineage.Origin;
import org.kontor.command.audit.Lineage.Step;
import org.kontor.config.http.NotFoundException;
import org.kontor.config.storage.AxonServerStorageConfiguration;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Lineage over HTTP: from a journal entry (a line of the ledger names its {@code entryId}) or any
 * stored event to the command, the user and the business document it began with. JDBC blocks, so
 * every read runs off the event loop.
 */
@RestController
@RequestMapping(path = "/api/audit/lineage", produces = MediaType.APPLICATION_JSON_VALUE)
@Profile("!" + AxonServerStorageConfiguration.PROFILE)
class LineageController {

    private static final String JOURNAL_ENTRY = "JournalEntry";
    /** A journal entry has two events at most: posted, and perhaps reversed. */
    private static final int ENTRY_EVENTS = 10;

    private final StoredEvents events;
    private final Lineage lineage;

    LineageController(StoredEvents events, Lineage lineage) {
        this.events = events;
        this.lineage = lineage;
    }

    @GetMapping("/journal-entries/{entryId}")
    Mono<EntryLineage> journalEntry(@PathVariable String entryId) {
        return AuditController.blocking(() -> {
            List<StoredEvent> history = events.history(entryId, -1, ENTRY_EVENTS);
            if (history.isEmpty() || !JOURNAL_ENTRY.equals(history.get(0).aggregateType())) {
                throw new NotFoundException("journal entry", entryId);
            }
            Chain chain = lineage.trace(history.get(0));
            return new EntryLineage(entryId, AuditEventView.of(history), chain.steps(), chain.origin(),
                    chain.complete());
        });
    }

    @GetMapping("/events/{eventId}")
    Mono<EventLineage> event(@PathVariable String eventId) {
        return AuditController.blocking(() -> {
            StoredEvent event = events.byEventIdentifier(eventId)
                    .orElseThrow(() -> new NotFoundException("event", eventId));
            Chain chain = lineage.trace(event);
            return new EventLineage(eventId, chain.steps(), chain.origin(), chain.complete());
        });
    }

    /**
     * A journal entry's lineage: its own events ({@code events}: posted, reversed), the chain of
     * causes from its posting back to the origin ({@code chain}, the posting first), and the origin.
     */
    record EntryLineage(String entryId, List<AuditEventView> events, List<Step> chain, Origin origin,
                        boolean complete) {
    }

    /** Any stored event's lineage: the chain from the event back to its origin. */
    record EventLineage(String eventId, List<Step> chain, Origin origin, boolean complete) {
    }
}
