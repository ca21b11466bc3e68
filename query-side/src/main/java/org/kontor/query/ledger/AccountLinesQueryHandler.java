package org.kontor.query.ledger;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.kontor.events.common.Money;
import org.kontor.events.ledger.AccountType;
import org.kontor.query.ledger.AccountBalances.Books;
import org.kontor.query.ledger.LedgerQueries.FetchAccountLinesQuery;
import org.kontor.query.ledger.LedgerQueries.LinePosition;
import org.kontor.query.ledger.LedgerViews.AccountLine;
import org.kontor.query.ledger.LedgerViews.AccountLinesPage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Reads a page of an account's general ledger: the heads of the months in the range (one find by
 * {@code _id}), then exactly the buckets that hold the page's lines (one more). The running balance
 * starts from the balance view's balance at the end of the day before {@code from} and travels in
 * the cursor from page to page, so no page reads more than its own lines.
 */
@Component
class AccountLinesQueryHandler {

    /** The widest range one request may span, so the heads a page reads are bounded. */
    static final int MAX_MONTHS = 120;

    private final AccountBalances balances;
    private final MongoCollection<Document> heads;
    private final MongoCollection<Document> buckets;
    private final String currency;

    AccountLinesQueryHandler(MongoDatabase readStore, @Value("${erp.ledger.currency:EUR}") String currency) {
        this.balances = new AccountBalances(readStore);
        this.heads = readStore.getCollection(AccountLinesProjection.HEADS);
        this.buckets = readStore.getCollection(AccountLinesProjection.BUCKETS);
        this.currency = currency;
    }

    /** A page, or {@code null} when the ledger does not know the account. */
    @QueryHandler
    AccountLinesPage handle(FetchAccountLinesQuery query) {
        LocalDate dayBeforeFrom = query.from().minusDays(1);
        Books books = balances.readAccount(query.account(), List.of(dayBeforeFrom));
        if (books == null) {
            return null;
        }
        Document account = books.accounts().get(0);
        AccountType type = Books.type(account);
        long opening = books.cumulative(account, dayBeforeFrom).normalBalanceMinor(type);
        LinePosition start = query.after() != null ? query.after() : new LinePosition(query.from(), 0, opening);
        List<LinePosition> positions = positions(query, start);
        Map<String, Document> slots = readBuckets(query.account(), positions);
        List<AccountLine> items = new ArrayList<>();
        long balance = start.balanceBeforeMinor();
        for (LinePosition position : positions.subList(0, Math.min(query.limit(), positions.size()))) {
            Document line = slots.get(slotKey(position));
            if (line == null) {
                continue; // counted by a head whose slot write was lost: impossible after a completed batch
            }
            long debit = AccountBalanceProjection.longOf(line, "debitMinor");
            long credit = AccountBalanceProjection.longOf(line, "creditMinor");
            balance += new Movement(debit, credit).normalBalanceMinor(type);
            items.add(new AccountLine(position.date(), line.getString("entryId"), line.getString("description"),
                    line.getString("reference"), amountOrNull(debit), amountOrNull(credit), amount(balance)));
        }
        LinePosition next = positions.size() > query.limit()
                ? new LinePosition(positions.get(query.limit()).date(), positions.get(query.limit()).line(), balance)
                : null;
        return new AccountLinesPage(query.account(), currency, amount(start.balanceBeforeMinor()), items, next);
    }

    /** The positions of the page's lines and of the first line after it, if any, in date order. */
    private List<LinePosition> positions(FetchAccountLinesQuery query, LinePosition start) {
        List<String> headIds = new ArrayList<>();
        for (YearMonth month = YearMonth.from(start.date()); !month.isAfter(YearMonth.from(query.to()));
             month = month.plusMonths(1)) {
            headIds.add(AccountLinesProjection.headId(query.account(), month));
        }
        TreeMap<LocalDate, Long> linesPerDay = new TreeMap<>();
        heads.find(Filters.in("_id", headIds)).forEach(head -> {
            YearMonth month = YearMonth.parse(head.getString("_id").substring(query.account().length() + 1));
            head.get("days", Document.class).forEach((day, count) ->
                    linesPerDay.put(month.atDay(Integer.parseInt(day)), ((Number) count).longValue()));
        });
        List<LinePosition> positions = new ArrayList<>();
        for (Map.Entry<LocalDate, Long> day : linesPerDay.subMap(start.date(), true, query.to(), true).entrySet()) {
            long first = day.getKey().equals(start.date()) ? start.line() : 0;
            for (long line = first; line < day.getValue() && positions.size() <= query.limit(); line++) {
                positions.add(new LinePosition(day.getKey(), line, 0));
            }
        }
        return positions;
    }

    private Map<String, Document> readBuckets(String account, List<LinePosition> positions) {
        Set<String> ids = new LinkedHashSet<>();
        positions.forEach(position -> ids.add(AccountLinesProjection.bucketId(account, position.date(),
                position.line() / AccountLinesProjection.BUCKET_SIZE)));
        Map<String, Document> slots = new HashMap<>();
        if (ids.isEmpty()) {
            return slots;
        }
        buckets.find(Filters.in("_id", ids)).forEach(bucket -> {
            LocalDate date = LocalDate.parse(bucket.getString("date"));
            String id = bucket.getString("_id");
            long bucketNumber = Long.parseLong(id.substring(id.lastIndexOf(':') + 1));
            bucket.get("l", Document.class).forEach((slot, line) -> slots.put(
                    slotKey(new LinePosition(date, bucketNumber * AccountLinesProjection.BUCKET_SIZE
                            + Long.parseLong(slot), 0)), (Document) line));
        });
        return slots;
    }

    private static String slotKey(LinePosition position) {
        return position.date() + "#" + position.line();
    }

    private String amount(long minor) {
        return Money.of(minor, currency).toDecimalString();
    }

    private String amountOrNull(long minor) {
        return minor == 0 ? null : amount(minor);
    }
}
