package org.kontor.query.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Pattern;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.kontor.config.http.AxonCalls;
import org.kontor.config.http.BusinessDates;
import org.kontor.config.http.Instants;
import org.kontor.config.http.InvalidRequestException;
import org.kontor.config.http.NotFoundException;
import org.kontor.config.http.Page;
import org.kontor.config.http.PageRequest;
import org.kontor.config.http.ReadConsistency;
import org.kontor.query.ledger.LedgerQueries.FetchAccountLinesQuery;
import org.kontor.query.ledger.LedgerQueries.FetchBalanceSheetQuery;
import org.kontor.query.ledger.LedgerQueries.FetchJournalEntryQuery;
import org.kontor.query.ledger.LedgerQueries.FetchLedgerAccountQuery;
import org.kontor.query.ledger.LedgerQueries.FetchLedgerAccountsQuery;
import org.kontor.query.ledger.LedgerQueries.FetchPeriodBalancesQuery;
import org.kontor.query.ledger.LedgerQueries.FetchPeriodQuery;
import org.kontor.query.ledger.LedgerQueries.FetchProfitAndLossQuery;
import org.kontor.query.ledger.LedgerQueries.FetchTrialBalanceQuery;
import org.kontor.query.ledger.LedgerQueries.LinePosition;
import org.kontor.query.ledger.LedgerQueryHandlers.AccountList;
import org.kontor.query.ledger.LedgerViews.AccountLine;
import org.kontor.query.ledger.LedgerViews.AccountLinesPage;
import org.kontor.query.ledger.LedgerViews.AccountView;
import org.kontor.query.ledger.LedgerViews.BalanceSheet;
import org.kontor.query.ledger.LedgerViews.JournalEntryView;
import org.kontor.query.ledger.LedgerViews.PeriodBalances;
import org.kontor.query.ledger.LedgerViews.PeriodView;
import org.kontor.query.ledger.LedgerViews.ProfitAndLoss;
import org.kontor.query.ledger.LedgerViews.TrialBalance;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The ledger reads and reports over HTTP (API.md, Ledger rows). Every read takes
 * {@code consistent=true} to wait for the views it reads.
 *
 * <p>Amounts are decimal strings of the functional currency. A {@code balance}, {@code opening} or
 * {@code closing} is signed on the account's normal side (assets and expenses debit, the others
 * credit): a bank account with a debit balance of 100 and a loan with a credit balance of 100 both
 * show {@code "100.00"}; a negative value is a balance on the unusual side. {@code debits} and
 * {@code credits} are the movements themselves, never negative. In the trial balance the net
 * closing balance of a row stands in the {@code debit} or the {@code credit} column, so the column
 * totals are equal whenever every entry balanced.
 */
@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
class LedgerQueryController {

    /** Compiled once: {@code String.matches} compiles its pattern on every call. */
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

    private static final int MAX_ID_LENGTH = 100;
    private static final String ACCOUNT_CURSOR_PREFIX = "code:";
    private static final String LINE_CURSOR_PREFIX = "line:";

    private final QueryGateway queries;
    private final ReadConsistency consistency;
    private final LedgerKnownAt knownAtReads;

    LedgerQueryController(QueryGateway queries, ReadConsistency consistency, LedgerKnownAt knownAtReads) {
        this.queries = queries;
        this.consistency = consistency;
        this.knownAtReads = knownAtReads;
    }

    @GetMapping("/ledger/accounts")
    Mono<Page<AccountView>> accounts(@RequestParam(required = false) Integer limit,
                                     @RequestParam(required = false) String cursor,
                                     @RequestParam(required = false) Boolean consistent) {
        PageRequest page = PageRequest.of(limit, cursor);
        String afterCode = page.isFirstPage() ? null
                : PageRequest.withoutPrefix(page.cursorPosition(), ACCOUNT_CURSOR_PREFIX);
        FetchLedgerAccountsQuery query = new FetchLedgerAccountsQuery(page.limit(), afterCode);
        return consistency.awaitIfRequested(consistent, LedgerAccountProjection.PROCESSOR)
                .then(AxonCalls.offEventLoop(() -> queries.query(query, ResponseTypes.instanceOf(AccountList.class))))
                .map(found -> new Page<>(found.items(), found.lastCode() == null ? null
                        : PageRequest.encodeCursor(ACCOUNT_CURSOR_PREFIX + found.lastCode())));
    }

    @GetMapping("/ledger/accounts/{code}")
    Mono<AccountView> account(@PathVariable String code, @RequestParam(required = false) Boolean consistent) {
        requireShort("code", code);
        FetchLedgerAccountQuery query = new FetchLedgerAccountQuery(code);
        return consistency.awaitIfRequested(consistent, LedgerAccountProjection.PROCESSOR)
                .then(AxonCalls.offEventLoop(() -> queries.query(query, ResponseTypes.instanceOf(AccountView.class))))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("account", code)));
    }

    @GetMapping("/ledger/journal-entries/{entryId}")
    Mono<ResponseEntity<JournalEntryView>> entry(@PathVariable String entryId,
                                                 @RequestParam(required = false) Boolean consistent,
                                                 @RequestParam(required = false) Long minVersion) {
        requireShort("entryId", entryId);
        FetchJournalEntryQuery query = new FetchJournalEntryQuery(entryId);
        return consistency.readVersioned(JournalEntryProjection.PROCESSOR, consistent, minVersion,
                () -> AxonCalls.offEventLoop(() -> queries.query(query, ResponseTypes.instanceOf(JournalEntryView.class))),
                JournalEntryView::version, "journal entry", entryId);
    }

    @GetMapping("/ledger/periods/{period}")
    Mono<PeriodView> period(@PathVariable String period, @RequestParam(required = false) Boolean consistent) {
        FetchPeriodQuery query = new FetchPeriodQuery(month("period", period));
        return consistency.awaitIfRequested(consistent, AccountBalanceProjection.PROCESSOR)
                .then(AxonCalls.offEventLoop(() -> queries.query(query, ResponseTypes.instanceOf(PeriodView.class))));
    }

    /**
     * With {@code knownAt} (an instant), the trial balance as it was known then, folded from the
     * events recorded up to it ({@link LedgerKnownAt}); {@code consistent} does not apply.
     */
    @GetMapping("/ledger/trial-balance")
    Mono<TrialBalance> trialBalance(@RequestParam(required = false) String period,
                                    @RequestParam(required = false) String asOf,
                                    @RequestParam(required = false) Boolean consistent,
                                    @RequestParam(required = false) String knownAt) {
        Instant known = Instants.parseOptional("knownAt", knownAt);
        if ((period == null) == (asOf == null)) {
            throw new InvalidRequestException(period == null ? "period" : "asOf",
                    "must be given alone: either period (YYYY-MM) or asOf (YYYY-MM-DD)");
        }
        FetchTrialBalanceQuery query = new FetchTrialBalanceQuery(
                period == null ? null : month("period", period),
                asOf == null ? null : BusinessDates.parse("asOf", asOf));
        if (known != null) {
            return knownAtReads.trialBalance(query, known);
        }
        return consistency.awaitIfRequested(consistent, AccountBalanceProjection.PROCESSOR)
                .then(AxonCalls.offEventLoop(() -> queries.query(query, ResponseTypes.instanceOf(TrialBalance.class))));
    }

    @GetMapping("/ledger/balances")
    Mono<PeriodBalances> balances(@RequestParam(required = false) String period,
                                  @RequestParam(required = false) Boolean consistent) {
        FetchPeriodBalancesQuery query = new FetchPeriodBalancesQuery(month("period", required("period", period)));
        return consistency.awaitIfRequested(consistent, AccountBalanceProjection.PROCESSOR)
                .then(AxonCalls.offEventLoop(() -> queries.query(query, ResponseTypes.instanceOf(PeriodBalances.class))));
    }

    /** Lines dated {@code from} to {@code to}, inclusive; the range spans at most 120 months. */
    @GetMapping("/ledger/accounts/{code}/entries")
    Mono<AccountLinesResponse> accountLines(@PathVariable String code,
                                            @RequestParam(required = false) String from,
                                            @RequestParam(required = false) String to,
                                            @RequestParam(required = false) Integer limit,
                                            @RequestParam(required = false) String cursor,
                                            @RequestParam(required = false) Boolean consistent) {
        requireShort("code", code);
        LocalDate fromDate = BusinessDates.parse("from", required("from", from));
        LocalDate toDate = BusinessDates.parse("to", required("to", to));
        requireOrdered(fromDate, toDate);
        if (ChronoUnit.MONTHS.between(YearMonth.from(fromDate), YearMonth.from(toDate))
                >= AccountLinesQueryHandler.MAX_MONTHS) {
            throw new InvalidRequestException("to", "must be less than " + AccountLinesQueryHandler.MAX_MONTHS
                    + " months after from");
        }
        PageRequest page = PageRequest.of(limit, cursor);
        LinePosition after = page.isFirstPage() ? null : linePosition(page.cursorPosition(), fromDate, toDate);
        FetchAccountLinesQuery query = new FetchAccountLinesQuery(code, fromDate, toDate, page.limit(), after);
        // The lines come from one view, the opening balance from another: wait for both.
        return consistency.awaitIfRequested(consistent, AccountLinesProjection.PROCESSOR)
                .then(consistency.awaitIfRequested(consistent, AccountBalanceProjection.PROCESSOR))
                .then(AxonCalls.offEventLoop(() -> queries.query(query, ResponseTypes.instanceOf(AccountLinesPage.class))))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("account", code)))
                .map(found -> new AccountLinesResponse(found.account(), found.currency(), found.openingBalance(),
                        found.items(), found.next() == null ? null : PageRequest.encodeCursor(LINE_CURSOR_PREFIX
                        + found.next().date() + ":" + found.next().line() + ":" + found.next().balanceBeforeMinor())));
    }

    @GetMapping("/reports/profit-and-loss")
    Mono<ProfitAndLoss> profitAndLoss(@RequestParam(required = false) String from,
                                      @RequestParam(required = false) String to,
                                      @RequestParam(required = false) Boolean consistent) {
        LocalDate fromDate = BusinessDates.parse("from", required("from", from));
        LocalDate toDate = BusinessDates.parse("to", required("to", to));
        requireOrdered(fromDate, toDate);
        FetchProfitAndLossQuery query = new FetchProfitAndLossQuery(fromDate, toDate);
        return consistency.awaitIfRequested(consistent, AccountBalanceProjection.PROCESSOR)
                .then(AxonCalls.offEventLoop(() -> queries.query(query, ResponseTypes.instanceOf(ProfitAndLoss.class))));
    }

    @GetMapping("/reports/balance-sheet")
    Mono<BalanceSheet> balanceSheet(@RequestParam(required = false) String asOf,
                                    @RequestParam(required = false) Boolean consistent) {
        FetchBalanceSheetQuery query = new FetchBalanceSheetQuery(BusinessDates.parse("asOf", required("asOf", asOf)));
        return consistency.awaitIfRequested(consistent, AccountBalanceProjection.PROCESSOR)
                .then(AxonCalls.offEventLoop(() -> queries.query(query, ResponseTypes.instanceOf(BalanceSheet.class))));
    }

    /** A page of an account's lines: the balance before the first line, the lines, the cursor. */
    public record AccountLinesResponse(String account, String currency, String openingBalance, List<AccountLine> items,
                                String nextCursor) {
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException(field, "is required");
        }
        return value;
    }

    private static void requireShort(String field, String value) {
        if (value.length() > MAX_ID_LENGTH) {
            throw new InvalidRequestException(field, "must be at most " + MAX_ID_LENGTH + " characters");
        }
    }

    private static void requireOrdered(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new InvalidRequestException("to", "must not be before from");
        }
    }

    static YearMonth month(String field, String value) {
        if (value == null || !MONTH.matcher(value).matches()) {
            throw new InvalidRequestException(field, "must be a month such as 2026-03");
        }
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException invalid) {
            throw new InvalidRequestException(field, "must be a month such as 2026-03");
        }
    }



    /** A cursor of this list: {@code line:<date>:<line of the day>:<balance before, minor units>}. */
    private static LinePosition linePosition(String position, LocalDate from, LocalDate to) {
        String[] parts = PageRequest.withoutPrefix(position, LINE_CURSOR_PREFIX).split(":");
        try {
            if (parts.length != 3) {
                throw PageRequest.invalidCursor();
            }
            LinePosition parsed = new LinePosition(LocalDate.parse(parts[0]), Long.parseLong(parts[1]),
                    Long.parseLong(parts[2]));
            if (parsed.line() < 0 || parsed.date().isBefore(from) || parsed.date().isAfter(to)) {
                throw PageRequest.invalidCursor();
            }
            return parsed;
        } catch (DateTimeParseException | NumberFormatException notOurs) {
            throw PageRequest.invalidCursor();
        }
    }
}
