package org.kontor.command.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.test.utils.RecordingCommandBus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kontor.command.ledger.LedgerCommands.PostJournalEntry;
import org.kontor.events.ledger.JournalLine;
import org.kontor.events.purchasing.BillEvent.BillLine;
import org.kontor.events.purchasing.BillEvent.BillPaymentRecorded;
import org.kontor.events.purchasing.BillEvent.BillRecorded;

class PurchasePostingsTest {

    private static final String BILL_ID = "5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e";
    private static final String SUPPLIER_ID = "3f4a5b6c-7d8e-4f9a-8b0c-1d2e3f4a5b6c";
    private static final LocalDate BILLED_ON = LocalDate.of(2026, 3, 4);
    /** Net 60.00 and 11.40 input tax. */
    private static final BillRecorded RECORDED = new BillRecorded(BILL_ID, "4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d",
            SUPPLIER_ID, BILLED_ON, LocalDate.of(2026, 4, 3), "EUR",
            List.of(new BillLine("BOLT-M8-40", 500, 12, new BigDecimal("19"), 6_000, 1_140)), 6_000, 1_140);

    private final RecordingCommandBus bus = new RecordingCommandBus();
    private final PurchasePostings postings = new PurchasePostings(
            DefaultCommandGateway.builder().commandBus(bus).build(),
            new PostingMap("1300", "5000", "2100", "5100", "1200", "4000", "2200", "2000", "1400", "1100", "1000"),
            new SimpleMeterRegistry());

    @AfterEach
    void stop() {
        postings.stop();
    }

    @Test
    void billRecorded_clearsGoodsReceivedNotInvoicedAndOwesTheSupplierNetPlusTax() throws Exception {
        postings.on(RECORDED, message(RECORDED));

        PostJournalEntry entry = (PostJournalEntry) bus.getDispatchedCommands().get(0).getPayload();
        assertThat(entry.accountingDate()).isEqualTo(BILLED_ON);
        assertThat(entry.reference()).isEqualTo(BILL_ID);
        assertThat(entry.currency()).isEqualTo("EUR");
        assertThat(entry.lines()).containsExactly(
                new JournalLine("2100", 6_000, 0, null, null),
                new JournalLine("1400", 1_140, 0, null, null),
                new JournalLine("2000", 0, 7_140, null, null));
    }

    @Test
    void billDeliveredTwice_theSameEntryIdBothTimes() throws Exception {
        postings.on(RECORDED, message(RECORDED));
        postings.on(RECORDED, message(RECORDED));

        List<Object> entries = bus.getDispatchedCommands().stream().map(command -> (Object) command.getPayload()).toList();
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0)).isEqualTo(entries.get(1));
    }

    @Test
    void payments_fromPayablesToBankOrCashByMethodEachUnderItsOwnEntry() throws Exception {
        BillPaymentRecorded byTransfer = new BillPaymentRecorded(BILL_ID, SUPPLIER_ID,
                "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d", LocalDate.of(2026, 3, 20), 5_000, "EUR", "BANK_TRANSFER",
                2_140);
        BillPaymentRecorded inCash = new BillPaymentRecorded(BILL_ID, SUPPLIER_ID,
                "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f", LocalDate.of(2026, 3, 21), 2_140, "EUR", "CASH", 0);

        postings.on(byTransfer, message(byTransfer));
        postings.on(inCash, message(inCash));

        PostJournalEntry first = (PostJournalEntry) bus.getDispatchedCommands().get(0).getPayload();
        PostJournalEntry second = (PostJournalEntry) bus.getDispatchedCommands().get(1).getPayload();
        assertThat(first.lines()).containsExactly(new JournalLine("2000", 5_000, 0, null, null),
                new JournalLine("1100", 0, 5_000, null, null));
        assertThat(second.lines()).containsExactly(new JournalLine("2000", 2_140, 0, null, null),
                new JournalLine("1000", 0, 2_140, null, null));
        assertThat(first.entryId()).isNotEqualTo(second.entryId());
        assertThat(second.reference()).isEqualTo(BILL_ID);
    }

    private static EventMessage<?> message(Object payload) {
        return GenericEventMessage.asEventMessage(payload);
    }
}
