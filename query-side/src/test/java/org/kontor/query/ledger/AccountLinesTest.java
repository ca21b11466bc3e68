package org.kontor.query.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kontor.query.ledger.LedgerBooks.BANK;
import static org.kontor.query.ledger.LedgerBooks.EQUITY;
import static org.kontor.query.ledger.LedgerBooks.RENT;
import static org.kontor.query.ledger.LedgerBooks.REVENUE;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kontor.events.ledger.JournalEntryEvent.JournalEntryPosted;
import org.kontor.events.ledger.JournalLine;
import org.kontor.query.ledger.LedgerQueries.FetchAccountLinesQuery;
import org.kontor.query.ledger.LedgerQueries.LinePosition;
import org.kontor.query.ledger.LedgerViews.AccountLine;
import org.kontor.query.ledger.LedgerViews.AccountLinesPage;

class AccountLinesTest {

    private final LedgerBooks books = new LedgerBooks().withChart();

    @AfterEach
    void stop() {
        books.close();
    }

    @Test
    void linesInRange_inDateOrderWithRunningBalanceFromTheOpening() {
        books.post(
                books.posting("2026-01-05", BANK, EQUITY, 1_000_000),
                books.posting("2026-02-20", RENT, BANK, 50_000),
                books.posting("2026-02-10", BANK, REVENUE, 123_450), // posted later, dated earlier
                books.posting("2026-03-01", BANK, REVENUE, 1_000));

        AccountLinesPage february = lines(BANK, "2026-02-01", "2026-02-28", 50, null);

        assertThat(february.openingBalance()).isEqualTo("10000.00");
        assertThat(february.items()).extracting(AccountLine::date, AccountLine::debit, AccountLine::credit,
                        AccountLine::balance)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2026-02-10"), "1234.50", null, "11234.50"),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2026-02-20"), null, "500.00", "10734.50"));
        assertThat(february.next()).isNull();
    }

    @Test
    void slot_keepsWhatALineSaysAndLeavesOutItsEmptyFields() {
        JournalEntryPosted reversal = new JournalEntryPosted("e-9", LocalDate.parse("2026-02-01"), "2026-02",
                "Reversal of e-8", "EUR", null, List.of(
                        new JournalLine(BANK, 0, 1_000, null, "bank fee"),
                        new JournalLine(RENT, 1_000, 0, null, null)), "e-8");

        Document credit = AccountLinesProjection.slotOf(reversal, reversal.lines().get(0));
        Document debit = AccountLinesProjection.slotOf(reversal, reversal.lines().get(1));

        assertThat(credit).isEqualTo(new Document("entryId", "e-9").append("description", "Reversal of e-8")
                .append("reversalOf", "e-8").append("memo", "bank fee").append("creditMinor", 1_000L));
        assertThat(debit).containsOnlyKeys("entryId", "description", "reversalOf", "debitMinor");
    }

    @Test
    void openingBalanceOfAMidMonthFrom_includesTheEarlierDaysOfThatMonth() {
        books.post(
                books.posting("2026-02-03", BANK, EQUITY, 1_000_000),
                books.posting("2026-02-10", RENT, BANK, 50_000),
                books.posting("2026-02-20", BANK, REVENUE, 1_000));

        AccountLinesPage page = lines(BANK, "2026-02-10", "2026-02-28", 50, null);

        assertThat(page.openingBalance()).isEqualTo("10000.00");
        assertThat(page.items()).extracting(AccountLine::balance).containsExactly("9500.00", "9510.00");
    }

    @Test
    void pagesAcrossDaysAndBuckets_everyLineOnceAndTheBalanceCarriedOn() {
        List<TrackedEventMessage<?>> batch = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            batch.add(books.posting("2026-04-" + (i < 120 ? "01" : "02"), BANK, REVENUE, 100));
        }
        books.handle(batch);

        List<AccountLine> seen = new ArrayList<>();
        LinePosition next = null;
        do {
            AccountLinesPage page = lines(BANK, "2026-04-01", "2026-04-30", 70, next);
            seen.addAll(page.items());
            next = page.next();
        } while (next != null);

        assertThat(seen).hasSize(250).extracting(AccountLine::entryId).doesNotHaveDuplicates();
        assertThat(seen.get(0).entryId()).isEqualTo("e-1");
        assertThat(seen.get(249).balance()).isEqualTo("250.00");
        assertThat(seen.get(119).date()).isEqualTo(LocalDate.parse("2026-04-01"));
        assertThat(seen.get(120).date()).isEqualTo(LocalDate.parse("2026-04-02"));
    }

    @Test
    void bucketsFilledOverSeveralBatches_eachNamesItsAccountAndDayOnce() {
        // 45 lines of one account and day: buckets 0 and 1 full, bucket 2 half; slots 0 to 24 in
        // the first batch, the rest in later ones, so later slots go to buckets that exist.
        List<TrackedEventMessage<?>> postings = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            postings.add(books.posting("2026-05-04", BANK, REVENUE, 100));
        }
        books.harness.writeCommandsSinceLastCall();
        books.handle(postings.subList(0, 25));
        books.handle(postings.subList(25, 30));
        books.handle(postings.subList(30, 45));

        // One update per bucket and batch: buckets 0 and 1 in the first, bucket 1 in the second, buckets 1
        // and 2 in the third. Only the updates holding a bucket's first slot carry the account and the day.
        List<BsonDocument> bankSlots = books.harness.writeCommandsSinceLastCall().stream()
                .filter(command -> AccountLinesProjection.BUCKETS.equals(command.getString("update", new BsonString("")).getValue()))
                .flatMap(command -> command.getArray("updates").stream().map(update -> update.asDocument()))
                .filter(update -> update.getDocument("q").getString("_id").getValue().startsWith(BANK + ":"))
                .map(update -> update.getDocument("u").getDocument("$set"))
                .toList();
        assertThat(bankSlots).hasSize(5);
        assertThat(bankSlots).filteredOn(set -> set.containsKey("account") && set.containsKey("date"))
                .extracting(set -> set.keySet().stream().filter(name -> name.startsWith("l.")).findFirst().orElseThrow())
                .containsExactly("l.0", "l.0", "l.0");

        List<Document> buckets = books.harness.database().getCollection(AccountLinesProjection.BUCKETS)
                .find(new Document("_id", new Document("$regex", "^" + BANK + ":"))).into(new ArrayList<>());
        assertThat(buckets).extracting(bucket -> bucket.getString("_id"))
                .containsExactlyInAnyOrder(BANK + ":2026-05-04:0", BANK + ":2026-05-04:1", BANK + ":2026-05-04:2");
        for (Document bucket : buckets) {
            assertThat(bucket.getString("account")).isEqualTo(BANK);
            assertThat(bucket.getString("date")).isEqualTo("2026-05-04");
            assertThat(bucket.get("l", Document.class)).hasSize(bucket.getString("_id").endsWith(":2") ? 5 : 20);
        }
        assertThat(lines(BANK, "2026-05-01", "2026-05-31", 50, null).items()).hasSize(45);
    }

    @Test
    void unknownAccount_noPage() {
        assertThat(lines("9999", "2026-01-01", "2026-01-31", 10, null)).isNull();
    }

    private AccountLinesPage lines(String account, String from, String to, int limit, LinePosition after) {
        return books.lineQueries.handle(new FetchAccountLinesQuery(account, LocalDate.parse(from), LocalDate.parse(to),
                limit, after));
    }
}
