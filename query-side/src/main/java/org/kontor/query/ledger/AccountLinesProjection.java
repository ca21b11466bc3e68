package org.kontor.query.ledger;

import com.mongodb.client.MongoDatabase;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;
import org.kontor.events.ledger.JournalEntryEvent.JournalEntryPosted;
import org.kontor.events.ledger.JournalLine;
import org.kontor.query.projection.AppliedPosition;
import org.kontor.query.projection.DocumentBatch;
import org.springframework.stereotype.Component;

/**
 * Keeps the general-ledger lines of every account, by accounting date. The lines of one account
 * and day are numbered in the order they arrive (which is the order a ledger lists them in within
 * a day); line {@code n} lives in bucket {@code <code>:<date>:<n / BUCKET_SIZE>} at slot
 * {@code n % BUCKET_SIZE}. A head per account and month ({@code <code>:<YYYY-MM>}) counts the lines
 * of each day and records the last event applied. Slots are written before heads, so a redelivered
 * event lands in the same slots again instead of twice; a backdated entry is simply the next line of
 * its day.
 */
@Component
@ProcessingGroup(AccountLinesProjection.PROCESSOR)
class AccountLinesProjection {

    static final String PROCESSOR = "ledger-lines";
    static final String HEADS = "ledger_line_heads";
    static final String BUCKETS = "ledger_lines";
    /**
     * Small buckets, because the embedded read store copied the whole document on every update:
     * writing 200,000 lines into buckets of 100 took 70 to 95 s, into buckets of 20 14 to 18 s
     * (docs/benchmarks.md). It now splices a new slot into the stored bytes, but a bucket is still
     * encoded whole where a slot is written again and sent whole to every reader. A page of 50 lines
     * reads a few buckets in one query. Changing it changes the layout: a persistent read store
     * rebuilds this view after.
     */
    static final int BUCKET_SIZE = 20;

    private final MongoDatabase readStore;

    AccountLinesProjection(MongoDatabase readStore) {
        this.readStore = readStore;
    }

    @EventHandler
    void on(JournalEntryPosted event, TrackingToken token) {
        DocumentBatch batch = DocumentBatch.current(readStore);
        LocalDate date = event.accountingDate();
        String dayKey = AccountBalanceProjection.dayKey(date);
        linesByAccount(event.lines()).forEach((code, lines) -> {
            Document head = batch.loadAmong(HEADS, headId(code, YearMonth.from(date)), AccountLinesProjection::headsOf);
            if (AppliedPosition.alreadyApplied(head, token)) {
                return;
            }
            head = head == null ? new Document("_id", headId(code, YearMonth.from(date))).append("days", new Document())
                    : head;
            Document days = head.get("days", Document.class);
            long lineNumber = AccountBalanceProjection.longOf(days, dayKey);
            for (JournalLine line : lines) {
                Map<String, Object> slot = new HashMap<>();
                if (lineNumber % BUCKET_SIZE == 0) {
                    // A bucket's first slot creates it; the later ones find these fields there
                    // (the head counts a line only after its slot is written), so they leave them
                    // out: a fifth less for the driver to encode and the store to decode and compare.
                    slot.put("account", code);
                    slot.put("date", date.toString());
                }
                slot.put("l." + lineNumber % BUCKET_SIZE, slotOf(event, line));
                batch.setFields(BUCKETS, bucketId(code, date, lineNumber / BUCKET_SIZE), slot);
                lineNumber++;
            }
            days.put(dayKey, lineNumber);
            AppliedPosition.recordApplied(head, token);
            batch.save(HEADS, head);
        });
    }

    @ResetHandler
    void clear() {
        readStore.getCollection(HEADS).drop();
        readStore.getCollection(BUCKETS).drop();
    }

    /**
     * A line's slot, without its empty fields (no memo, no reversal, the zero side): every field
     * left out of a slot is work saved in every later read of its bucket. A reader takes a missing
     * amount as 0.
     */
    static Document slotOf(JournalEntryPosted event, JournalLine line) {
        Document slot = new Document("entryId", event.entryId()).append("description", event.description());
        putIfPresent(slot, "reference", event.reference());
        putIfPresent(slot, "reversalOf", event.reversalOf());
        putIfPresent(slot, "memo", line.memo());
        if (line.debitMinor() != 0) {
            slot.append("debitMinor", line.debitMinor());
        }
        if (line.creditMinor() != 0) {
            slot.append("creditMinor", line.creditMinor());
        }
        return slot;
    }

    private static void putIfPresent(Document slot, String field, String value) {
        if (value != null) {
            slot.append(field, value);
        }
    }

    static String headId(String code, YearMonth month) {
        return code + ":" + month;
    }

    static String bucketId(String code, LocalDate date, long bucket) {
        return code + ":" + date + ":" + bucket;
    }

    private static Map<String, List<JournalLine>> linesByAccount(List<JournalLine> lines) {
        Map<String, List<JournalLine>> byAccount = new LinkedHashMap<>();
        lines.forEach(line -> byAccount.computeIfAbsent(line.account(), code -> new ArrayList<>()).add(line));
        return byAccount;
    }

    /** The heads an entry writes: its month, for every account it names. */
    private static List<String> headsOf(Object payload) {
        if (!(payload instanceof JournalEntryPosted posted)) {
            return List.of();
        }
        YearMonth month = YearMonth.from(posted.accountingDate());
        return posted.lines().stream().map(line -> headId(line.account(), month)).distinct().toList();
    }
}
