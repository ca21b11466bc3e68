package org.kontor.query.ledger;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
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
 * date. How many entries were posted never changes how much is read.
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

    private Map<String, Document> monthsFor(List<Document> index, Collection<LocalDate> dates) {
        Set<String> ids = new LinkedHashSet<>();
        for (Document account : index) {
            for (LocalDate date : dates) {
                String month = latestMonthThrough(account, YearMonth.from(date));
                if (month != null) {
                    ids.add(account.getString("_id") + ":" + month);
                }
            }
        }
        Map<String, Document> found = new HashMap<>();
        if (!ids.isEmpty()) {
            months.find(Filters.in("_id", ids)).forEach(month -> found.put(month.getString("_id"), month));
        }
        return found;
    }

    /** The latest month of the account, up to and including {@code month}, that has a document. */
    private static String latestMonthThrough(Document account, YearMonth month) {
        List<String> listed = account.getList("months", String.class, List.of());
        int at = Collections.binarySearch(listed, month.toString());
        int latest = at >= 0 ? at : -at - 2;
        return latest >= 0 ? listed.get(latest) : null;
    }

    /** The index documents read and the month documents they need. */
    record Books(List<Document> accounts, Map<String, Document> months) {

        /** Every debit and credit on the account dated up to and including {@code through}. */
        Movement cumulative(Document account, LocalDate through) {
            String latest = latestMonthThrough(account, YearMonth.from(through));
            Document month = latest == null ? null : months.get(account.getString("_id") + ":" + latest);
            if (month == null) {
                return Movement.NONE;
            }
            Movement opening = opening(month);
            if (!latest.equals(YearMonth.from(through).toString())) {
                return opening.plus(monthMovement(month));
            }
            Movement sum = opening;
            Document days = month.get("days", Document.class);
            String lastDay = AccountBalanceProjection.dayKey(through);
            for (Map.Entry<String, Object> day : days.entrySet()) {
                if (day.getKey().compareTo(lastDay) <= 0) {
                    Document amounts = (Document) day.getValue();
                    sum = sum.plus(new Movement(AccountBalanceProjection.longOf(amounts, "d"),
                            AccountBalanceProjection.longOf(amounts, "c")));
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

        private static Movement opening(Document month) {
            return new Movement(AccountBalanceProjection.longOf(month, "openingDebitMinor"),
                    AccountBalanceProjection.longOf(month, "openingCreditMinor"));
        }

        private static Movement monthMovement(Document month) {
            return new Movement(AccountBalanceProjection.longOf(month, "debitMinor"),
                    AccountBalanceProjection.longOf(month, "creditMinor"));
        }
    }
}
