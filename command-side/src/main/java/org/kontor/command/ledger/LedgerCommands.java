package org.kontor.command.ledger;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.kontor.events.ledger.AccountType;
import org.kontor.events.ledger.JournalLine;

/** The commands of the general ledger. */
final class LedgerCommands {

    private LedgerCommands() {
    }

    /** Add an account to the chart; the code is its identity, so repeating it is harmless. */
    record OpenAccount(@TargetAggregateIdentifier String accountId, String code, String name, AccountType type,
                       String parentCode) {

        OpenAccount {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
        }
    }

    /** Post a journal entry dated {@code accountingDate}. */
    record PostJournalEntry(String entryId, LocalDate accountingDate, String description, String currency,
                            String reference, List<JournalLine> lines) {

        PostJournalEntry {
            Objects.requireNonNull(entryId, "entryId");
            Objects.requireNonNull(accountingDate, "accountingDate");
            Objects.requireNonNull(currency, "currency");
            lines = List.copyOf(lines);
        }
    }

    /**
     * Post the reversal of an entry, under the id {@code reversalEntryId}; with an
     * {@code expectedVersion} (Axon's count, from If-Match) only if the entry is still at it.
     */
    record ReverseJournalEntry(String entryId, String reversalEntryId, LocalDate reversalDate, String reason,
                               Long expectedVersion) {

        ReverseJournalEntry {
            Objects.requireNonNull(entryId, "entryId");
            Objects.requireNonNull(reversalEntryId, "reversalEntryId");
            Objects.requireNonNull(reason, "reason");
        }

        ReverseJournalEntry(String entryId, String reversalEntryId, LocalDate reversalDate, String reason) {
            this(entryId, reversalEntryId, reversalDate, reason, null);
        }
    }

    /** Close a period: no entry dated in it or before it is accepted any more. */
    record ClosePeriod(@TargetAggregateIdentifier String periodId, String period, Long expectedVersion) {

        ClosePeriod(String periodId, String period) {
            this(periodId, period, null);
        }
    }

    /** Open a closed period again, for a reason that stays on the audit trail. */
    record ReopenPeriod(@TargetAggregateIdentifier String periodId, String period, String reason,
                        Long expectedVersion) {

        ReopenPeriod {
            Objects.requireNonNull(reason, "reason");
        }

        ReopenPeriod(String periodId, String period, String reason) {
            this(periodId, period, reason, null);
        }
    }
}
