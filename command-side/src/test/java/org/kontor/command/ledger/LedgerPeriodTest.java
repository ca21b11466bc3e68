package org.kontor.command.ledger;

import static org.kontor.command.RuleViolations.violationOf;

import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kontor.command.ledger.LedgerCommands.ClosePeriod;
import org.kontor.command.ledger.LedgerCommands.ReopenPeriod;
import org.kontor.config.http.CommandOutcome;
import org.kontor.events.ledger.LedgerPeriodEvent;
import org.kontor.events.ledger.LedgerPeriodEvent.AccountMovement;
import org.kontor.events.ledger.LedgerPeriodEvent.EntryRecordedInPeriod;
import org.kontor.events.ledger.LedgerPeriodEvent.PeriodClosed;
import org.kontor.events.ledger.LedgerPeriodEvent.PeriodReopened;

class LedgerPeriodTest {

    private static final String PERIOD = "2026-03";
    private static final String PERIOD_ID = LedgerPeriodEvent.periodId(PERIOD);
    private static final String REASON = "Supplier invoice of March arrived late";

    /** A cash sale of 119.00: bank to revenue and output tax. */
    private static final EntryRecordedInPeriod SALE = new EntryRecordedInPeriod(PERIOD,
            "0b6d2f8e-4c1a-4e6b-9f3d-7a8b9c0d1e21", List.of(
                    new AccountMovement("1100", 11_900, 0),
                    new AccountMovement("2200", 0, 1_900),
                    new AccountMovement("4000", 0, 10_000)));
    /** Rent paid from the bank, 800.00. */
    private static final EntryRecordedInPeriod RENT = new EntryRecordedInPeriod(PERIOD,
            "1c7e3a9f-5d2b-4f7c-8a4e-8b9c0d1e2f32", List.of(
                    new AccountMovement("1100", 0, 80_000),
                    new AccountMovement("6100", 80_000, 0)));
    /** What the two entries move, one line per account in account order. */
    private static final PeriodClosed CLOSED = new PeriodClosed(PERIOD, List.of(
            new AccountMovement("1100", 11_900, 80_000),
            new AccountMovement("2200", 0, 1_900),
            new AccountMovement("4000", 0, 10_000),
            new AccountMovement("6100", 80_000, 0)));
    private static final PeriodReopened REOPENED = new PeriodReopened(PERIOD, REASON);

    private FixtureConfiguration<LedgerPeriod> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(LedgerPeriod.class);
    }

    // --- close --------------------------------------------------------------------------------

    @Test
    void closePeriodWithRecordedEntries_periodClosedWithTheMovementsSummedPerAccount() {
        fixture.given(SALE, RENT)
                .when(new ClosePeriod(PERIOD_ID, PERIOD))
                .expectSuccessfulHandlerExecution()
                .expectEvents(CLOSED)
                .expectResultMessagePayload(new CommandOutcome(PERIOD, 3, false));
    }

    @Test
    void closePeriodWithoutEntries_periodClosedWithoutMovements() {
        // A month without postings can be closed too: nothing may be posted into it afterwards.
        fixture.givenNoPriorActivity()
                .when(new ClosePeriod(PERIOD_ID, PERIOD))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PeriodClosed(PERIOD, List.of()))
                .expectResultMessagePayload(new CommandOutcome(PERIOD, 1, false));
    }

    @Test
    void closeClosedPeriod_nothingHappens() {
        fixture.given(SALE, RENT, CLOSED)
                .when(new ClosePeriod(PERIOD_ID, PERIOD))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(new CommandOutcome(PERIOD, 3, false));
    }

    @Test
    void closeReopenedPeriodAfterAnotherEntry_periodClosedWithEveryEntryOfThePeriod() {
        // The second close records the whole month, not only what was posted since the reopening.
        EntryRecordedInPeriod lateInvoice = new EntryRecordedInPeriod(PERIOD, "2d8f4b0a-6e3c-4a8d-9b5f-9c0d1e2f3a43",
                List.of(new AccountMovement("2000", 0, 5_000), new AccountMovement("6200", 5_000, 0)));

        fixture.given(SALE, RENT, CLOSED, REOPENED, lateInvoice)
                .when(new ClosePeriod(PERIOD_ID, PERIOD))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PeriodClosed(PERIOD, List.of(
                        new AccountMovement("1100", 11_900, 80_000),
                        new AccountMovement("2000", 0, 5_000),
                        new AccountMovement("2200", 0, 1_900),
                        new AccountMovement("4000", 0, 10_000),
                        new AccountMovement("6100", 80_000, 0),
                        new AccountMovement("6200", 5_000, 0))));
    }

    // --- reopen -------------------------------------------------------------------------------

    @Test
    void reopenClosedPeriod_periodReopened() {
        fixture.given(SALE, RENT, CLOSED)
                .when(new ReopenPeriod(PERIOD_ID, PERIOD, REASON))
                .expectSuccessfulHandlerExecution()
                .expectEvents(REOPENED)
                .expectResultMessagePayload(new CommandOutcome(PERIOD, 4, false));
    }

    @Test
    void reopenOpenPeriod_refusedAsPeriodNotClosed() {
        fixture.given(SALE)
                .when(new ReopenPeriod(PERIOD_ID, PERIOD, REASON))
                .expectNoEvents()
                .expectException(violationOf(LedgerRule.PERIOD_NOT_CLOSED))
                .expectExceptionMessage("The period " + PERIOD + " is open.");
    }

    @Test
    void reopenReopenedPeriod_refusedAsPeriodNotClosed() {
        fixture.given(CLOSED, REOPENED)
                .when(new ReopenPeriod(PERIOD_ID, PERIOD, "Once more"))
                .expectNoEvents()
                .expectException(violationOf(LedgerRule.PERIOD_NOT_CLOSED));
    }

    @Test
    void reopenPeriodWithoutAnyActivity_refusedAsPeriodNotClosed() {
        // Every month is open until it is closed, also one nothing was posted in yet.
        fixture.givenNoPriorActivity()
                .when(new ReopenPeriod(PERIOD_ID, PERIOD, REASON))
                .expectNoEvents()
                .expectException(violationOf(LedgerRule.PERIOD_NOT_CLOSED))
                .expectExceptionMessage("The period " + PERIOD + " is open.");
    }
}
