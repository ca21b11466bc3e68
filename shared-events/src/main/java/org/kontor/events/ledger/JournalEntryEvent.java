package org.kontor.events.ledger;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/** Everything that can happen to a journal entry. The aggregate id is the entry id. */
public sealed interface JournalEntryEvent {

    String entryId();

    /**
     * An entry was posted, dated {@code accountingDate} in {@code period} (YYYY-MM). Its debits equal
     * its credits. {@code reversalOf} names the entry it reverses, if it is a reversal.
     */
    @Revision("1")
    record JournalEntryPosted(
            String entryId,
            LocalDate accountingDate,
            String period,
            String description,
            String currency,
            String reference,
            List<JournalLine> lines,
            String reversalOf) implements JournalEntryEvent {

        public JournalEntryPosted {
            lines = List.copyOf(lines);
        }
    }

    /** The entry was reversed by {@code reversalEntryId}; the entry itself never changes. */
    @Revision("1")
    record JournalEntryReversed(String entryId, String reversalEntryId, LocalDate reversalDate, String reason)
            implements JournalEntryEvent {
    }
}
