package org.kontor.query.ledger;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.kontor.events.ledger.AccountType;

/**
 * Reads balances from the {@code ledger-balances} view: one {@code find} for the accounts' index
 * documents and one for the month documents the dates asked for need, at most one per account and
 * date. The balance before a month is the sum of the earlier months' totals in the index document.
 * How many entries were posted never changes how much is read.
 */
final class AccountBalances {

    /** A bound on the chart: reports list every account, and no list is unbounded. */
    static final int MAX_ACCOUNTS = 10_000;

    private final MongoCollection<Document> accounts;
    private final MongoCollection<Document> months;

    AccountBalances(MongoDatabase readStore) {
        this.accounts = readStore.getCollection(AccountBalanceProjection.ACCOUNTS);
        this.months = readStore.getCollection(AccountBalanceProjection.MONTHS);
    }

    /** Every account of the view, by code, with the month documents needed for {@code dates}. */
    Books read(Collection<LocalDate> dates) {
        List<Document> index = accounts.find().sort(Sorts.ascending("_id")).limit(MAX_ACCOUNTS + 1)
                .into(new ArrayList<>());
        if (index.size() > MAX_ACCOUNTS) {
            throw new IllegalStateException("the chart has more than " + MAX_ACCOUNTS + " accounts");
        }
        return new Books(index, monthsFor(index, dates));
    }

    /** One account with the month documents needed for {@code dates}, or {@code null} when unknown. */
    Books readAccount(String code, Collection<LocalDate> dates) {
        Document account = accounts.find(Filters.eq("_id", code)).first();
        return account == null ? null : new Books(List.of(account), monthsFor(List.of(account), dates));
    }

    /** The documents of the months of {@code dates}, for the accounts that have postings in them. */
    private Map<String, Document> monthsFor(List<Document> index, Collection<LocalDate> dates) {
        Set<String> ids = new LinkedHashSet<>();
        for (Document account : index) {
            Document totals = totalsOf(account);
            for (LocalDate date : dates) {
                YearMonth month = YearMonth.from(date);
                if (totals.containsKey(month.toString())) {
                    ids.add(AccountBalanceProjection.monthId(account.getString("_id"), month));
                }
            }
        }
        Map<String, Document> found = new HashMap<>();
        if (!ids.isEmpty()) {
            months.find(Filters.in("_id", ids)).forEach(month -> found.put(month.getString("_id"), month));
        }
        return found;
    }

    private static Document totalsOf(Document account) {
        Document totals = account.get(AccountBalanceProjection.TOTALS, Document.class);
        return totals == null ? new Document() : totals;
    }

    /** The index documents read and the month documents they need. */
    record Books(List<Document> accounts, Map<String, Document> months) {

        /** Every debit and credit on the account dated up to and including {@code through}. */
        Movement cumulative(Document account, LocalDate through) {
            YearMonth month = YearMonth.from(through);
            Movement sum = Movement.NONE;
            for (Map.Entry<String, Object> total : totalsOf(account).entrySet()) {
                if (total.getKey().compareTo(month.toString()) < 0) {
                    sum = sum.plus(movementOf((Document) total.getValue()));
                }
            }
            Document monthDocument = months.get(AccountBalanceProjection.monthId(account.getString("_id"), month));
            if (monthDocument == null) {
                return sum;
            }
            String lastDay = AccountBalanceProjection.dayKey(through);
            for (Map.Entry<String, Object> day : monthDocument.get("days", Document.class).entrySet()) {
                if (day.getKey().compareTo(lastDay) <= 0) {
                    sum = sum.plus(movementOf((Document) day.getValue()));
                }
            }
            return sum;
        }

        /** Whether anything was ever posted to the account up to and including {@code through}. */
        boolean hasMoved(Document account, LocalDate through) {
            Movement cumulative = cumulative(account, through);
            return cumulative.debitMinor() != 0 || cumulative.creditMinor() != 0;
        }

        static String code(Document account) {
            return account.getString("_id");
        }

        static String name(Document account) {
            return account.getString("name");
        }

        static AccountType type(Document account) {
            String type = account.getString("type");
            return type == null ? null : AccountType.valueOf(type);
        }

        private static Movement movementOf(Document amounts) {
            return new Movement(AccountBalanceProjection.longOf(amounts, "d"),
                    AccountBalanceProjection.longOf(amounts, "c"));
        }
    }
}
