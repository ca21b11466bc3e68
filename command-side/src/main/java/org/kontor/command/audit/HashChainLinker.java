package org.kontor.command.audit;

import java.sql.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.kontor.config.storage.AxonServerStorageConfiguration;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Appends one link to the hash chain for every event the store holds, in the order the
 * {@value #PROCESSOR} processor reads them: one thread, one segment (see {@link AuditConfiguration}).
 *
 * <p>Why no link is skipped or doubled: the processor's token lives in {@code TokenEntry} of the same
 * database, and the link is written through the same transaction-bound connection, so a batch's
 * links and the token that passes them commit together or not at all. A redelivered event (a batch
 * retried after a failure, a reset) finds its link and adds none; {@code globalIndex} is unique in
 * the link table besides. An error stops the processor (it retries) instead of skipping the event.
 *
 * <p>Gaps in Axon's {@code globalIndex}: a transaction that took an index and rolled back leaves a
 * gap for ever; one that commits late fills its gap after higher indexes were stored. The
 * processor's gap-aware token delivers such a late event when it appears, so it is linked after the
 * events that overtook it: the chain's order ({@code chainPosition}, dense from 1) is the order of
 * linking, and each link names the event it covers. A gap still open after Axon's gap timeout (60 s)
 * is given up by the token like by every processor; such an event would stay unlinked.
 */
@Component
@ProcessingGroup(HashChainLinker.PROCESSOR)
@DisallowReplay
@Profile("!" + AxonServerStorageConfiguration.PROFILE)
class HashChainLinker {

    static final String PROCESSOR = "audit-hash-chain";
    private static final String BATCH_RESOURCE = HashChainLinker.class.getName() + ".batch";

    private final StoredEvents events;
    private final JdbcTemplate jdbc;

    HashChainLinker(StoredEvents events, DataSource dataSource) {
        this.events = events;
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** Every event, by its stored row: the payload is never deserialized here. */
    @EventHandler
    void on(EventMessage<?> message) {
        LinkingBatch batch = currentBatch();
        StoredEvent event = batch.stored(message.getIdentifier());
        if (event.hash() != null) {
            return; // linked before this delivery
        }
        Link last = batch.lastLink();
        String hash = ChainHash.link(event, last.hash());
        jdbc.update("INSERT INTO AuditChainLink (chainPosition, globalIndex, eventDay, hash) VALUES (?, ?, ?, ?)",
                last.chainPosition() + 1, event.globalIndex(), Date.valueOf(event.day()), hash);
        batch.linked(new Link(last.chainPosition() + 1, hash));
    }

    /** One per batch of the processor (its unit of work); a handler called on its own gets a batch of one. */
    private LinkingBatch currentBatch() {
        if (!CurrentUnitOfWork.isStarted()) {
            return new LinkingBatch(List.of());
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(BATCH_RESOURCE, key -> new LinkingBatch(identifiersIn(root)));
    }

    private static List<String> identifiersIn(UnitOfWork<?> unitOfWork) {
        if (unitOfWork instanceof BatchingUnitOfWork<?> batch) {
            return batch.getMessages().stream().map(Message::getIdentifier).toList();
        }
        return List.of(unitOfWork.getMessage().getIdentifier());
    }

    private Link lastStoredLink() {
        return jdbc.query("SELECT chainPosition, hash FROM AuditChainLink ORDER BY chainPosition DESC LIMIT 1",
                        (row, number) -> new Link(row.getLong("chainPosition"), row.getString("hash")))
                .stream().findFirst().orElse(new Link(0, ChainHash.GENESIS));
    }

    private record Link(long chainPosition, String hash) {
    }

    /**
     * What a batch reads once instead of once per event: the stored rows of all its events (in
     * queries of up to {@link StoredEvents#MOST_IDENTIFIERS}) and the chain's last link, which the
     * batch then carries forward itself. It lives as long as the batch's transaction, so a batch
     * that rolls back takes its links and this state with it.
     */
    private final class LinkingBatch {

        private final List<String> identifiers;
        private Map<String, StoredEvent> stored;
        private Link last;

        LinkingBatch(List<String> identifiers) {
            this.identifiers = identifiers;
        }

        StoredEvent stored(String eventIdentifier) {
            if (stored == null) {
                stored = new HashMap<>();
                for (int from = 0; from < identifiers.size(); from += StoredEvents.MOST_IDENTIFIERS) {
                    List<String> part = identifiers.subList(from,
                            Math.min(identifiers.size(), from + StoredEvents.MOST_IDENTIFIERS));
                    events.byEventIdentifiers(part).forEach(event -> stored.put(event.eventIdentifier(), event));
                }
            }
            StoredEvent event = stored.get(eventIdentifier);
            return event != null ? event : events.byEventIdentifier(eventIdentifier).orElseThrow(() ->
                    new IllegalStateException("event " + eventIdentifier + " was delivered but is not stored"));
        }

        Link lastLink() {
            if (last == null) {
                last = lastStoredLink();
            }
            return last;
        }

        void linked(Link link) {
            last = link;
        }
    }
}
