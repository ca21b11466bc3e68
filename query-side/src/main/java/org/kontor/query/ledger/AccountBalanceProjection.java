package org.kontor.query.ledger;

import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
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
 * debits and credits before the month (opening), in the month, and per day of the month; per
 * account one index document with its name, type and the sorted list of months that have a
 * document. A posting dated in month M adds to the document of M (created with the closing balance
 * of the latest earlier month as its opening) and to the opening of every later month of the
 * account, so a backdated entry leaves every later period right. The period status lives here too.
 *
 * <p>Each month document records the last event it applied and skips a redelivered one; the index
 * only gains months, which is harmless to repeat.
 */
@Component
@ProcessingGroup(AccountBalanceProjection.PROCESSOR)
class AccountBalanceProjection {

    static final String PROCESSOR = "ledger-balances";
    static final String ACCOUNTS = "ledger_account_index";
    static final String MONTHS = "ledger_account_months";
    static final String PERIODS = "ledger_periods";
    /** The id of the document in {@link #PERIODS} that says how far the books are closed. */
    static final String BOOKS = "books";
    /** For reads of month documents, which {@link #prefetchMonths} fetched for the whole batch. */
    private static final Function<Object, Collection<String>> NOT_PREFETCHED = payload -> List.of();

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
        prefetchMonths(batch, event);
        Movement.byAccount(event.lines()).forEach((code, movement) -> {
            Document account = batch.loadAmong(ACCOUNTS, code, AccountBalanceProjection::accountsOf);
            account = account == null ? newAccount(code) : account;
            List<String> months = new ArrayList<>(account.getList("months", String.class, List.of()));
            addToMonth(batch, account, months, month, event.accountingDate(), movement, token);
            addToLaterOpenings(batch, code, months, month, movement, token);
            int at = Collections.binarySearch(months, month.toString());
            if (at < 0) {
                months.add(-at - 1, month.toString());
                account.put("months", months);
                batch.save(ACCOUNTS, account);
            }
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

    private static void addToMonth(DocumentBatch batch, Document account, List<String> months, YearMonth month,
                                   LocalDate date, Movement movement, TrackingToken token) {
        String code = account.getString("_id");
        Document monthDocument = batch.loadAmong(MONTHS, monthId(code, month), NOT_PREFETCHED);
        if (monthDocument == null) {
            monthDocument = newMonth(code, month, closingBefore(batch, code, months, month));
        }
        if (AppliedPosition.alreadyApplied(monthDocument, token)) {
            return;
        }
        add(monthDocument, "debitMinor", movement.debitMinor());
        add(monthDocument, "creditMinor", movement.creditMinor());
        Document days = monthDocument.get("days", Document.class);
        Document day = days.get(dayKey(date), Document.class);
        day = day == null ? new Document("d", 0L).append("c", 0L) : day;
        add(day, "d", movement.debitMinor());
        add(day, "c", movement.creditMinor());
        days.put(dayKey(date), day);
        AppliedPosition.recordApplied(monthDocument, token);
        batch.save(MONTHS, monthDocument);
    }

    /** A backdated posting moves the opening balance of every later month of the account. */
    private static void addToLaterOpenings(DocumentBatch batch, String code, List<String> months, YearMonth month,
                                           Movement movement, TrackingToken token) {
        for (String later : months) {
            if (later.compareTo(month.toString()) <= 0) {
                continue;
            }
            Document laterMonth = batch.loadAmong(MONTHS, code + ":" + later, NOT_PREFETCHED);
            if (laterMonth == null || AppliedPosition.alreadyApplied(laterMonth, token)) {
                continue;
            }
            add(laterMonth, "openingDebitMinor", movement.debitMinor());
            add(laterMonth, "openingCreditMinor", movement.creditMinor());
            AppliedPosition.recordApplied(laterMonth, token);
            batch.save(MONTHS, laterMonth);
        }
    }

    /** The closing debits and credits of the latest earlier month that has a document. */
    private static Movement closingBefore(DocumentBatch batch, String code, List<String> months, YearMonth month) {
        for (int i = months.size() - 1; i >= 0; i--) {
            String earlier = months.get(i);
            if (earlier.compareTo(month.toString()) < 0) {
                Document found = batch.loadAmong(MONTHS, code + ":" + earlier, NOT_PREFETCHED);
                if (found != null) {
                    return new Movement(
                            longOf(found, "openingDebitMinor") + longOf(found, "debitMinor"),
                            longOf(found, "openingCreditMinor") + longOf(found, "creditMinor"));
                }
            }
        }
        return Movement.NONE;
    }

    private static Document newAccount(String code) {
        return new Document("_id", code).append("months", new ArrayList<String>());
    }

    private static Document newMonth(String code, YearMonth month, Movement opening) {
        return new Document("_id", monthId(code, month))
                .append("account", code)
                .append("month", month.toString())
                .append("openingDebitMinor", opening.debitMinor())
                .append("openingCreditMinor", opening.creditMinor())
                .append("debitMinor", 0L)
                .append("creditMinor", 0L)
                .append("days", new Document());
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

    /**
     * Reads, in one query, every month document the batch's entries will read: per entry and
     * account its own month, the latest earlier month (the opening of a new month) and every later
     * month (whose opening moves). Without it, each later month was a query of its own: about 40
     * round trips for a batch of ten live postings, and the slowest part of a replay.
     */
    private static void prefetchMonths(DocumentBatch batch, JournalEntryPosted event) {
        // The accounts' index documents come first: they list the months that have a document.
        Movement.byAccount(event.lines()).keySet()
                .forEach(code -> batch.loadAmong(ACCOUNTS, code, AccountBalanceProjection::accountsOf));
        batch.loadAmong(MONTHS, monthId(event.lines().get(0).account(), YearMonth.from(event.accountingDate())),
                payload -> monthsRead(batch, payload));
    }

    private static List<String> monthsRead(DocumentBatch batch, Object payload) {
        if (!(payload instanceof JournalEntryPosted posted)) {
            return List.of();
        }
        String month = YearMonth.from(posted.accountingDate()).toString();
        List<String> ids = new ArrayList<>();
        for (String code : Movement.byAccount(posted.lines()).keySet()) {
            ids.add(code + ":" + month);
            Document account = batch.loadAmong(ACCOUNTS, code, AccountBalanceProjection::accountsOf);
            List<String> months = account == null ? List.of() : account.getList("months", String.class, List.of());
            String latestEarlier = null;
            for (String other : months) {
                if (other.compareTo(month) < 0) {
                    latestEarlier = other;
                } else if (other.compareTo(month) > 0) {
                    ids.add(code + ":" + other);
                }
            }
            if (latestEarlier != null) {
                ids.add(code + ":" + latestEarlier);
            }
        }
        return ids;
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
