package org.kontor.query.ledger;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.kontor.events.common.Money;
import org.kontor.query.ledger.LedgerQueries.FetchJournalEntryQuery;
import org.kontor.query.ledger.LedgerQueries.FetchLedgerAccountQuery;
import org.kontor.query.ledger.LedgerQueries.FetchLedgerAccountsQuery;
import org.kontor.query.ledger.LedgerQueries.FetchPeriodQuery;
import org.kontor.query.ledger.LedgerViews.AccountView;
import org.kontor.query.ledger.LedgerViews.ClosingBalanceRow;
import org.kontor.query.ledger.LedgerViews.JournalEntryView;
import org.kontor.query.ledger.LedgerViews.JournalLineView;
import org.kontor.query.ledger.LedgerViews.PeriodView;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Answers the chart of accounts, journal entry and period queries, each from its own view. */
@Component
class LedgerQueryHandlers {

    private final MongoCollection<Document> accounts;
    private final MongoCollection<Document> entries;
    private final MongoCollection<Document> periods;
    private final String currency;

    LedgerQueryHandlers(MongoDatabase readStore, @Value("${erp.ledger.currency:EUR}") String currency) {
        this.currency = currency;
        this.accounts = readStore.getCollection(LedgerAccountProjection.COLLECTION);
        this.entries = readStore.getCollection(JournalEntryProjection.COLLECTION);
        this.periods = readStore.getCollection(AccountBalanceProjection.PERIODS);
    }

    /** One more account than asked for is read, to tell whether there is a next page. */
    @QueryHandler
    AccountList handle(FetchLedgerAccountsQuery query) {
        Bson filter = query.afterCode() == null ? new Document() : Filters.gt("_id", query.afterCode());
        List<Document> found = accounts.find(filter).sort(Sorts.ascending("_id")).limit(query.limit() + 1)
                .into(new ArrayList<>());
        boolean more = found.size() > query.limit();
        List<Document> page = more ? found.subList(0, query.limit()) : found;
        List<AccountView> items = page.stream().map(LedgerQueryHandlers::toAccountView).toList();
        return new AccountList(items, more ? items.get(items.size() - 1).code() : null);
    }

    /** The account, or {@code null} when the view does not know it. */
    @QueryHandler
    AccountView handle(FetchLedgerAccountQuery query) {
        Document account = accounts.find(Filters.eq("_id", query.code())).first();
        return account == null ? null : toAccountView(account);
    }

    private static AccountView toAccountView(Document account) {
        return new AccountView(account.getString("_id"), account.getString("name"), account.getString("type"),
                account.getString("parentCode"));
    }

    /** The entry, or {@code null} when the view does not know it. */
    @QueryHandler
    JournalEntryView handle(FetchJournalEntryQuery query) {
        Document entry = entries.find(Filters.eq("_id", query.entryId())).first();
        if (entry == null) {
            return null;
        }
        String currency = entry.getString("currency");
        List<JournalLineView> lines = entry.getList("lines", Document.class, List.of()).stream()
                .map(line -> new JournalLineView(line.getString("account"),
                        amountOrNull(AccountBalanceProjection.longOf(line, "debitMinor"), currency),
                        amountOrNull(AccountBalanceProjection.longOf(line, "creditMinor"), currency),
                        line.getString("costCenter"), line.getString("memo")))
                .toList();
        String reversalDate = entry.getString("reversalDate");
        return new JournalEntryView(entry.getString("_id"), LocalDate.parse(entry.getString("date")),
                entry.getString("period"), entry.getString("description"), currency, entry.getString("reference"),
                lines, entry.getString("reversalOf"), entry.getString("reversedBy"),
                reversalDate == null ? null : LocalDate.parse(reversalDate), entry.getString("reversalReason"),
                instant(entry.getDate("postedAt")), entry.getString("reversedBy") == null ? 1 : 2);
    }

    /**
     * A period nobody has closed is open, unless the books are closed through a later month. Two
     * documents by id: the period's and the books'.
     */
    @QueryHandler
    PeriodView handle(FetchPeriodQuery query) {
        String id = query.period().toString();
        Document period = new Document();
        Document books = new Document();
        periods.find(Filters.in("_id", id, AccountBalanceProjection.BOOKS))
                .forEach(found -> (id.equals(found.getString("_id")) ? period : books).putAll(found));
        String closedThrough = books.getString("closedThrough");
        boolean coveredByClose = closedThrough != null && id.compareTo(closedThrough) <= 0;
        // Covered by the books' close, a month is closed whatever its own last event said.
        String status = coveredByClose ? "CLOSED" : period.getString("status") != null ? period.getString("status") : "OPEN";
        List<ClosingBalanceRow> closingBalances = "CLOSED".equals(period.getString("status"))
                ? period.getList("closingBalances", Document.class, List.of()).stream()
                        .map(balance -> closingBalanceRow(balance.getString("account"),
                                AccountBalanceProjection.longOf(balance, "balanceMinor")))
                        .toList()
                : List.of();
        return new PeriodView(id, status, instant(period.getDate("closedAt")), instant(period.getDate("reopenedAt")),
                period.getString("reopenReason"), closedThrough, closingBalances);
    }

    private ClosingBalanceRow closingBalanceRow(String account, long netDebitMinor) {
        return new ClosingBalanceRow(account, Money.of(Math.max(netDebitMinor, 0), currency).toDecimalString(),
                Money.of(Math.max(-netDebitMinor, 0), currency).toDecimalString());
    }

    /** A page of accounts and, when there are more, the code to continue after. */
    public record AccountList(List<AccountView> items, String lastCode) {
    }

    private static String amountOrNull(long minor, String currency) {
        return minor == 0 ? null : Money.of(minor, currency).toDecimalString();
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
