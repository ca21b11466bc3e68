package org.kontor.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * Lineage, as an auditor walks it: from a month-end balance to the journal lines behind it, from a
 * line to its entry's event, the command and the user, and from there to the business document it
 * began with: the user's own entry, or, for the posting the ledger made of a stock receipt, the
 * receipt (its movement) and whoever recorded it. The month is in a year (4100 to 4199) no other
 * test uses, so its figures are this test's alone.
 */
class LineageApiTest extends InventoryHttpSupport {

    private static final String PERIOD = ThreadLocalRandom.current().nextInt(4100, 4200) + "-03";
    private static final String INVENTORY = "1300";
    private static final Duration POSTING_WAIT = Duration.ofSeconds(20);

    @Test
    void monthEndBalance_toLines_toEntry_toCommandUserAndOriginatingDocument() throws InterruptedException {
        // An accountant posts an entry by hand: inventory found, against the bank, 10.00.
        String handEntry = newId();
        http.post().uri("/api/ledger/journal-entries").contentType(MediaType.APPLICATION_JSON)
                .header("X-Request-Id", "hand-" + handEntry.substring(0, 8))
                .bodyValue("""
                        {"id": "%s", "date": "%s-05", "description": "Stock found", "currency": "EUR",
                         "lines": [{"account": "1300", "debit": "10.00"}, {"account": "1100", "credit": "10.00"}]}
                        """.formatted(handEntry, PERIOD))
                .exchange().expectStatus().isCreated();
        // A warehouse clerk records a receipt of 4 at 2.50; the ledger posts it (Dr inventory 10.00).
        String warehouse = newWarehouse();
        String sku = newProduct("AVERAGE");
        String movement = newId();
        http.post().uri("/api/stock/receipts").contentType(MediaType.APPLICATION_JSON)
                .header("X-Request-Id", "receipt-" + movement.substring(0, 8))
                .bodyValue(receiptJson(movement, warehouse, PERIOD + "-10", sku, 4, "2.50"))
                .exchange().expectStatus().isCreated();

        // 1. The month-end balance of the inventory account: both postings, 20.00 of debits.
        JsonNode row = inventoryRowOnceBothArePosted();
        assertThat(row.get("debits").asText()).isEqualTo("20.00");
        assertThat(row.get("credits").asText()).isEqualTo("0.00");
        assertThat(row.get("lines").asText()).isEqualTo("/api/ledger/accounts/1300/entries?from=" + PERIOD
                + "-01&to=" + YearMonth.parse(PERIOD).atEndOfMonth());

        // 2. The row's lines: exactly the two entries, and their sums are the row's figures.
        JsonNode lines = read(row.get("lines").asText() + "&consistent=true").get("items");
        BigDecimal debits = BigDecimal.ZERO;
        BigDecimal credits = BigDecimal.ZERO;
        Set<String> entries = new HashSet<>();
        for (JsonNode line : lines) {
            debits = debits.add(amount(line.get("debit")));
            credits = credits.add(amount(line.get("credit")));
            entries.add(line.get("entryId").asText());
        }
        assertThat(debits).isEqualByComparingTo(row.get("debits").asText());
        assertThat(credits).isEqualByComparingTo(row.get("credits").asText());
        assertThat(entries).hasSize(2).contains(handEntry);
        String postedEntry = entries.stream().filter(entry -> !entry.equals(handEntry)).findFirst().orElseThrow();

        AuditClient audit = new AuditClient(http);
        // 3. The hand-posted entry began with the user's own command: it is its own origin.
        JsonNode hand = audit.get("/api/audit/lineage/journal-entries/{id}", handEntry);
        assertThat(hand.get("events").get(0).get("type").asText()).isEqualTo("JournalEntryPosted");
        assertThat(hand.get("complete").asBoolean()).isTrue();
        assertThat(hand.get("chain")).hasSize(1);
        JsonNode handCommand = hand.get("chain").get(0).get("command");
        assertThat(handCommand.get("type").asText()).isEqualTo("PostJournalEntry");
        assertThat(handCommand.get("userId").asText()).isEqualTo("admin");
        assertThat(handCommand.get("requestId").asText()).isEqualTo("hand-" + handEntry.substring(0, 8));
        assertThat(handCommand.get("fromRequest").asBoolean()).isTrue();
        assertThat(hand.get("origin").get("aggregateType").asText()).isEqualTo("JournalEntry");
        assertThat(hand.get("origin").get("aggregateId").asText()).isEqualTo(handEntry);

        // 4. The receipt's entry: the ledger's command, caused by the receipt, which a user recorded.
        JsonNode posted = audit.get("/api/audit/lineage/journal-entries/{id}", postedEntry);
        assertThat(posted.get("complete").asBoolean()).isTrue();
        assertThat(posted.get("chain")).hasSize(2);
        JsonNode posting = posted.get("chain").get(0);
        JsonNode receipt = posted.get("chain").get(1);
        assertThat(posting.get("event").get("type").asText()).isEqualTo("JournalEntryPosted");
        assertThat(posting.get("event").get("aggregateId").asText()).isEqualTo(postedEntry);
        assertThat(posting.get("command").get("type").asText()).isEqualTo("PostJournalEntry");
        assertThat(posting.get("command").get("fromRequest").asBoolean()).isFalse();
        assertThat(posting.get("command").get("causedBy").asText())
                .isEqualTo(receipt.get("event").get("eventId").asText());
        // The user and request of the receipt carry through to the posting the ledger made of it.
        assertThat(posting.get("command").get("userId").asText()).isEqualTo("admin");
        assertThat(posting.get("command").get("requestId").asText()).isEqualTo("receipt-" + movement.substring(0, 8));
        assertThat(receipt.get("event").get("type").asText()).isEqualTo("ReceiptRecorded");
        assertThat(receipt.get("event").get("payload").get("movementId").asText()).isEqualTo(movement);
        assertThat(receipt.get("command").get("type").asText()).isEqualTo("ReceiveStock");
        assertThat(receipt.get("command").get("fromRequest").asBoolean()).isTrue();
        JsonNode origin = posted.get("origin");
        assertThat(origin.get("aggregateType").asText()).isEqualTo("StockMovement");
        assertThat(origin.get("aggregateId").asText()).isEqualTo("movement:" + movement);
        assertThat(origin.get("type").asText()).isEqualTo("ReceiptRecorded");
        assertThat(origin.get("command").get("userId").asText()).isEqualTo("admin");

        // 5. Any event can be traced the same way: the receipt's own lineage is the receipt alone.
        JsonNode ofReceipt = audit.get("/api/audit/lineage/events/{id}", receipt.get("event").get("eventId").asText());
        assertThat(ofReceipt.get("chain")).hasSize(1);
        assertThat(ofReceipt.get("origin").get("aggregateId").asText()).isEqualTo("movement:" + movement);
    }

    @Test
    void lineageOfAnUnknownEntryOrOfAnotherKindOfAggregate_notFound() {
        http.get().uri("/api/audit/lineage/journal-entries/{id}", newId()).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("NOT_FOUND");
        String customer = registerCustomer("Not A Journal Entry AG");
        http.get().uri("/api/audit/lineage/journal-entries/{id}", customer).exchange()
                .expectStatus().isNotFound();
        http.get().uri("/api/audit/lineage/events/{id}", newId()).exchange()
                .expectStatus().isNotFound();
    }

    /** A line has an amount on one side; the other is {@code null}. */
    private static BigDecimal amount(JsonNode side) {
        return side == null || side.isNull() ? BigDecimal.ZERO : new BigDecimal(side.asText());
    }

    /** The inventory account's row, once the ledger has posted the receipt too (a policy, so it lags). */
    private JsonNode inventoryRowOnceBothArePosted() throws InterruptedException {
        Instant deadline = Instant.now().plus(POSTING_WAIT);
        while (true) {
            for (JsonNode row : read("/api/ledger/balances?consistent=true&period=" + PERIOD).get("rows")) {
                if (INVENTORY.equals(row.get("account").asText()) && "20.00".equals(row.get("debits").asText())) {
                    return row;
                }
            }
            assertThat(Instant.now()).as("the receipt is posted in time").isBefore(deadline);
            Thread.sleep(50);
        }
    }
}
