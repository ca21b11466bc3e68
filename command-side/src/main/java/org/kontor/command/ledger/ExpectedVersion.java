package org.kontor.command.ledger;

import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;

/**
 * If-Match for the ledger's handlers, which load aggregates themselves. Checked at once, before any
 * rule: Axon's own check for event-sourced aggregates only runs when the unit of work commits, so
 * a rule broken on the way (say, a second reversal) would answer instead of the 412.
 */
final class ExpectedVersion {

    private ExpectedVersion() {
    }

    /** Refuses with 412 when the aggregate has moved past {@code expectedVersion} (Axon's count; null: any). */
    static void check(Aggregate<?> aggregate, String aggregateId, Long expectedVersion) {
        Long current = aggregate.version();
        if (expectedVersion != null && current != null && current > expectedVersion) {
            throw new ConflictingAggregateVersionException(aggregateId, expectedVersion, current);
        }
    }
}
