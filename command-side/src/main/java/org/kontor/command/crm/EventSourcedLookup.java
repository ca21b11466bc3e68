package org.kontor.command.crm;

import java.util.function.Predicate;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

/**
 * Whether an aggregate of a given type exists, from its own event stream rather than a read model,
 * so something created a moment ago is already known.
 */
final class EventSourcedLookup {

    private EventSourcedLookup() {
    }

    /**
     * Asks the event store before loading: a failed load costs an exception that Axon logs with its
     * stack trace, and an unknown id is a normal answer here. Loading then checks that the stream
     * really is one of {@code repository}'s type, not another aggregate's.
     */
    static <T> boolean exists(EventStore eventStore, Repository<T> repository, String id, Predicate<T> created) {
        if (eventStore.lastSequenceNumberFor(id).isEmpty()) {
            return false;
        }
        try {
            return repository.load(id).invoke(created::test);
        } catch (AggregateNotFoundException | IllegalArgumentException notOfThisType) {
            return false;
        }
    }
}
