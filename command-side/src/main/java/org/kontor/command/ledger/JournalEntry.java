package org.kontor.command.ledger;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.kontor.config.error.BusinessRuleViolation;
import org.kontor.events.ledger.JournalEntryEvent.JournalEntryPosted;
import org.kontor.events.ledger.JournalEntryEvent.JournalEntryReversed;

/** A posted journal entry. It never changes; it can only be reversed, once. */
@Aggregate
class JournalEntry {

    @AggregateIdentifier
    private String entryId;
    private JournalEntryPosted posted;
    private JournalEntryReversed reversal;

    JournalEntry() {
        // for Axon
    }

    /** Posts the entry; {@link JournalPosting} has checked it and recorded it in its period. */
    JournalEntry(JournalEntryPosted posted) {
        apply(posted);
    }

    JournalEntryPosted posted() {
        return posted;
    }

    /** How the entry was reversed, or {@code null} while it stands. */
    JournalEntryReversed reversal() {
        return reversal;
    }

    void reverse(JournalEntryReversed attempt) {
        if (reversal != null) {
            throw new BusinessRuleViolation(LedgerRule.ENTRY_ALREADY_REVERSED, "The entry " + entryId
                    + " was reversed by " + reversal.reversalEntryId() + " on " + reversal.reversalDate() + ".");
        }
        apply(attempt);
    }

    @EventSourcingHandler
    void on(JournalEntryPosted event) {
        entryId = event.entryId();
        posted = event;
    }

    @EventSourcingHandler
    void on(JournalEntryReversed event) {
        reversal = event;
    }
}
