package org.kontor.command.ledger;

import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.kontor.command.ledger.LedgerCommands.ClosePeriod;
import org.kontor.command.ledger.LedgerCommands.ReopenPeriod;
import org.kontor.config.error.BusinessRuleViolation;
import org.kontor.config.http.CommandOutcome;
import org.kontor.events.ledger.LedgerPeriodEvent.AccountBalance;
import org.kontor.events.ledger.LedgerPeriodEvent.AccountMovement;
import org.springframework.stereotype.Component;

/**
 * Closes and reopens periods. Each touches the period and the {@link LedgerCalendar} in one unit of
 * work: the period stops (or resumes) accepting entries, the calendar keeps the closes in order and
 * works out the closing balances. The period is locked first and the calendar last, as in a
 * posting, so the two cannot deadlock.
 */
@Component
class PeriodClosing {

    private final Repository<LedgerPeriod> periods;
    private final Repository<LedgerCalendar> calendars;

    PeriodClosing(Repository<LedgerPeriod> ledgerPeriodRepository, Repository<LedgerCalendar> ledgerCalendarRepository) {
        this.periods = ledgerPeriodRepository;
        this.calendars = ledgerCalendarRepository;
    }

    /** Closing a closed period, or one a later close covers, changes nothing and answers the same. */
    @CommandHandler
    CommandOutcome handle(ClosePeriod command) throws Exception {
        Aggregate<LedgerPeriod> period = load(command.periodId(), command.expectedVersion());
        if (!period.invoke(LedgerPeriod::isClosed)) {
            List<AccountMovement> movements = period.invoke(LedgerPeriod::movementsSoFar);
            Optional<List<AccountBalance>> closingBalances = LedgerCalendar.of(calendars)
                    .invoke(calendar -> calendar.closeThrough(command.period(), movements));
            closingBalances.ifPresent(balances -> period.execute(open -> open.close(command.period(), balances)));
        }
        return outcomeOf(command.period(), period);
    }

    @CommandHandler
    CommandOutcome handle(ReopenPeriod command) throws Exception {
        Aggregate<LedgerPeriod> period = load(command.periodId(), command.expectedVersion());
        Aggregate<LedgerCalendar> calendar = LedgerCalendar.of(calendars);
        if (!period.invoke(LedgerPeriod::isClosed)) {
            // A month without entries before the latest close is closed by that close, not by its own.
            Optional<String> closedThrough = calendar.invoke(LedgerCalendar::closedThrough)
                    .filter(latest -> command.period().compareTo(latest) < 0);
            if (closedThrough.isPresent()) {
                throw new BusinessRuleViolation(LedgerRule.LATER_PERIOD_CLOSED, "The period " + command.period()
                        + " is closed because the books are closed through " + closedThrough.get()
                        + ": reopen the periods after it first, latest first.");
            }
            throw new BusinessRuleViolation(LedgerRule.PERIOD_NOT_CLOSED, "The period " + command.period() + " is open.");
        }
        calendar.execute(books -> books.reopen(command.period()));
        period.execute(closed -> closed.reopen(command.reason()));
        return outcomeOf(command.period(), period);
    }

    /**
     * The period; with an expected version (If-Match), only if it has not moved past it, which a
     * month without events has not (412 otherwise).
     */
    private Aggregate<LedgerPeriod> load(String periodId, Long expectedVersion) throws Exception {
        Aggregate<LedgerPeriod> period = periods.loadOrCreate(periodId, LedgerPeriod::new);
        ExpectedVersion.check(period, periodId, expectedVersion);
        return period;
    }

    /** The period's version is the number of its events. */
    private static CommandOutcome outcomeOf(String period, Aggregate<LedgerPeriod> aggregate) {
        Long lastSequenceNumber = aggregate.version();
        return new CommandOutcome(period, lastSequenceNumber == null ? 0 : lastSequenceNumber + 1, false);
    }
}
