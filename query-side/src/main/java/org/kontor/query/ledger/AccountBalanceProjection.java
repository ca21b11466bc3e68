package org.kontor.query.ledger;

import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Date;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;
import org.kontor.events.ledger.JournalEntryEvent.JournalEntryPosted;
import org.kontor.events.ledger.JournalLine;
import org.kontor.events.ledger.LedgerAccountEvent.AccountOpened;
import org.kontor.events.ledger.LedgerCalendarEvent;
import org.kontor.events.ledger.LedgerCalendarEvent.BooksClosedThrough;
import org.kontor.events.ledger.LedgerCalendarEvent.BooksReopened;
import org.kontor.events.ledger.LedgerPeriodEvent.PeriodClosed;
import org.kontor.events.ledger.LedgerPeriodEvent.PeriodReopened;
import org.kontor.query.projection.AppliedPosition;
import org.kontor.query.projection.DocumentBatch;
import org.springframework.stereotype.Component;

/**
 * Keeps the balances: per account and month one document ({@code <code>:<YYYY-MM>}) with the
 * debits and credits of the month and of each of its days; per account one index document with
 * its name, type and the debits and credits of every month that has any ({@code totals}). A
 * posting dated in month M adds to the document of M and to M's totals in the index, so a
 * backdated entry changes two documents per account, however many later months there are; a
 * month's opening balance is the sum of the earlier months' totals, added up when it is read (at
 * most a few hundred months per account). The period status lives here too.
 *
 * <p>Until layout 2 each month document carried its opening balance, and a posting rewrote the
 * document of every later month of its accounts: about a fifth of this projection's time in a
 * replay, and a dozen documents read and written per live posting. A read store kept from before
 * needs this view rebuilt (docs/operations.md, Upgrades).
 *
 * <p>Every document records the last event it applied and skips a redelivered one.
 */
@Component
@ProcessingGroup(AccountBalanceProjection.PROCESSOR)
class AccountBalanceProjection {

    static final String PROCESSOR = "ledger-balances";
    static final String ACCOUNTS = "ledger_account_index";
    static final String MONTHS = "ledger_account_months";
    static final String PERIODS = "ledger_periods";
    /** The field of an account's index document with the debits and credits of each month. */
    static final String TOTALS = "totals";
    /** The id of the document in {@link #PERIODS} that says how far the books are closed. */
    static final String BOOKS = "books";

    private final MongoDatabase readStore;

    AccountBalanceProjection(MongoDatabase readStore) {
        this.readStore = readStore;
    }

    @EventHandler
    void on(AccountOpened event, TrackingToken token) {
        DocumentBatch batch = DocumentBatch.current(readStore);
        Document account = batch.loadAmong(ACCOUNTS, event.code(), AccountBalanceProjection::accountsOf);
        if (AppliedPosition.alreadyApplied(account, token)) {
            return;
        }
        account = account == null ? newAccount(event.code()) : account;
        account.put("name", event.name());
        account.put("type", event.type().name());
        account.put("parentCode", event.parentCode());
        AppliedPosition.recordApplied(account, token);
        batch.save(ACCOUNTS, account);
    }

    @EventHandler
    void on(JournalEntryPosted event, TrackingToken token) {
        DocumentBatch batch = DocumentBatch.current(readStore);
        YearMonth month = YearMonth.from(event.accountingDate());
        Movement.byAccount(event.lines()).forEach((code, movement) -> {
            Document account = batch.loadAmong(ACCOUNTS, code, AccountBalanceProjection::accountsOf);
            account = account == null ? newAccount(code) : account;
            if (!AppliedPosition.alreadyApplied(account, token)) {
                addAmounts(totalsOf(account), month.toString(), movement);
                AppliedPosition.recordApplied(account, token);
                batch.save(ACCOUNTS, account);
            }
            addToMonth(batch, code, month, event.accountingDate(), movement, token);
        });
    }

    @EventHandler
    void on(PeriodClosed event, @Timestamp Instant recordedAt, TrackingToken token) {
        DocumentBatch.current(readStore).apply(PERIODS, event.period(), AccountBalanceProjection::periodOf, token,
                period -> {
                    period.put("status", "CLOSED");
                    period.put("closedAt", Date.from(recordedAt));
                    period.put("movements", event.movements().stream()
                            .map(movement -> new Document("account", movement.account())
                                    .append("debitMinor", movement.debitMinor())
                                    .append("creditMinor", movement.creditMinor()))
                            .toList());
                    period.put("closingBalances", event.closingBalances().stream()
                            .map(balance -> new Document("account", balance.account())
                                    .append("balanceMinor", balance.balanceMinor()))
                            .toList());
                });
    }

    /** How far the books are closed: one document, so a period's status is two reads by id. */
    @EventHandler
    void on(BooksClosedThrough event, TrackingToken token) {
        DocumentBatch.current(readStore).apply(PERIODS, BOOKS, AccountBalanceProjection::periodOf, token,
                books -> books.put("closedThrough", event.period()));
    }

    @EventHandler
    void on(BooksReopened event, TrackingToken token) {
        DocumentBatch.current(readStore).apply(PERIODS, BOOKS, AccountBalanceProjection::periodOf, token,
                books -> books.put("closedThrough", event.closedThrough()));
    }

    @EventHandler
    void on(PeriodReopened event, @Timestamp Instant recordedAt, TrackingToken token) {
        DocumentBatch.current(readStore).apply(PERIODS, event.period(), AccountBalanceProjection::periodOf, token,
                period -> {
                    period.put("status", "OPEN");
                    period.put("reopenedAt", Date.from(recordedAt));
                    period.put("reopenReason", event.reason());
                });
    }

    @ResetHandler
    void clear() {
        readStore.getCollection(ACCOUNTS).drop();
        readStore.getCollection(MONTHS).drop();
        readStore.getCollection(PERIODS).drop();
    }

    static String monthId(String code, YearMonth month) {
        return code + ":" + month;
    }

    /** Two digits, so the days sort as text; without String.format, which a replay calls per line. */
    static String dayKey(LocalDate date) {
        int day = date.getDayOfMonth();
        return day < 10 ? "0" + day : Integer.toString(day);
    }

    private static void addToMonth(DocumentBatch batch, String code, YearMonth month, LocalDate date,
                                   Movement movement, TrackingToken token) {
        Document monthDocument = batch.loadAmong(MONTHS, monthId(code, month), AccountBalanceProjection::monthsOf);
        monthDocument = monthDocument == null ? newMonth(code, month) : monthDocument;
        if (AppliedPosition.alreadyApplied(monthDocument, token)) {
            return;
        }
        add(monthDocument, "debitMinor", movement.debitMinor());
        add(monthDocument, "creditMinor", movement.creditMinor());
        addAmounts(monthDocument.get("days", Document.class), dayKey(date), movement);
        AppliedPosition.recordApplied(monthDocument, token);
        batch.save(MONTHS, monthDocument);
    }

    /** The account's totals by month; created on first use, for a document made before any posting. */
    private static Document totalsOf(Document account) {
        Document totals = account.get(TOTALS, Document.class);
        if (totals == null) {
            totals = new Document();
            account.put(TOTALS, totals);
        }
        return totals;
    }

    private static Document newAccount(String code) {
        return new Document("_id", code).append(TOTALS, new Document());
    }

    private static Document newMonth(String code, YearMonth month) {
        return new Document("_id", monthId(code, month))
                .append("account", code)
                .append("month", month.toString())
                .append("debitMinor", 0L)
                .append("creditMinor", 0L)
                .append("days", new Document());
    }

    /** Adds the movement to the {@code {d, c}} document under {@code key}, created when missing. */
    private static void addAmounts(Document parent, String key, Movement movement) {
        Document amounts = parent.get(key, Document.class);
        amounts = amounts == null ? new Document("d", 0L).append("c", 0L) : amounts;
        add(amounts, "d", movement.debitMinor());
        add(amounts, "c", movement.creditMinor());
        parent.put(key, amounts);
    }

    private static void add(Document document, String field, long amountMinor) {
        document.put(field, longOf(document, field) + amountMinor);
    }

    static long longOf(Document document, String field) {
        Number value = document.get(field, Number.class);
        return value == null ? 0L : value.longValue();
    }

    /** Every account an event touches: the index documents a batch reads. */
    private static List<String> accountsOf(Object payload) {
        if (payload instanceof AccountOpened opened) {
            return List.of(opened.code());
        }
        return payload instanceof JournalEntryPosted posted
                ? posted.lines().stream().map(JournalLine::account).distinct().toList()
                : List.of();
    }

    /** The month documents an event changes: its month, for every account it names. */
    private static List<String> monthsOf(Object payload) {
        if (!(payload instanceof JournalEntryPosted posted)) {
            return List.of();
        }
        YearMonth month = YearMonth.from(posted.accountingDate());
        return posted.lines().stream().map(line -> monthId(line.account(), month)).distinct().toList();
    }

    private static String periodOf(Object payload) {
        if (payload instanceof PeriodClosed closed) {
            return closed.period();
        }
        if (payload instanceof LedgerCalendarEvent) {
            return BOOKS;
        }
        return payload instanceof PeriodReopened reopened ? reopened.period() : null;
    }
}
