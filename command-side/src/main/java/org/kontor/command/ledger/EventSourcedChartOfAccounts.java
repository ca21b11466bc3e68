package org.kontor.command.ledger;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.kontor.events.ledger.AccountType;
import org.kontor.events.ledger.LedgerAccountEvent;
import org.kontor.events.ledger.LedgerAccountEvent.AccountOpened;
import org.springframework.stereotype.Component;

/**
 * Knows accounts from their event streams, without loading (and so locking) their aggregates: a
 * posting reads several accounts, and locking them would serialise every posting on the busiest
 * accounts and invite deadlocks. Accounts are never removed, so a known account stays known; at
 * most {@value #MAX_REMEMBERED} are remembered.
 */
@Component
class EventSourcedChartOfAccounts implements ChartOfAccounts {

    static final int MAX_REMEMBERED = 100_000;

    private final EventStore eventStore;
    private final Map<String, AccountType> known = new ConcurrentHashMap<>();

    EventSourcedChartOfAccounts(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public Optional<AccountType> find(String code) {
        AccountType type = known.get(code);
        if (type != null) {
            return Optional.of(type);
        }
        DomainEventStream events = eventStore.readEvents(LedgerAccountEvent.accountId(code));
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            if (event.getPayload() instanceof AccountOpened opened) {
                if (known.size() < MAX_REMEMBERED) {
                    known.put(code, opened.type());
                }
                return Optional.of(opened.type());
            }
        }
        return Optional.empty();
    }
}
