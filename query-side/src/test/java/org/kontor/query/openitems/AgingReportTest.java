package org.kontor.query.openitems;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kontor.query.openitems.AgingQueries.FetchAgingQuery;
import org.kontor.query.projection.ProjectionHarness;

class AgingReportTest {

    private static final LocalDate MARCH_31 = LocalDate.of(2026, 3, 31);

    private final ProjectionHarness harness = new ProjectionHarness();
    private final TestBookProjection projection = new TestBookProjection(
            new OpenItemBook(OpenItemKind.RECEIVABLE, harness.database(), TestBookProjection::partyOf));
    private final AgingQueryHandler queries = new AgingQueryHandler(harness.database());

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void invoicesDueOnDifferentDays_eachOpenAmountLandsInItsBucket() {
        feed(new Named("acme", "Acme"),
                new Issued("acme", "not-due", "2026-03-20", "2026-04-19", 100_00),
                new Issued("acme", "due-today", "2026-03-01", "2026-03-31", 1_00),
                new Issued("acme", "1-day", "2026-03-01", "2026-03-30", 2_00),
                new Issued("acme", "30-days", "2026-02-01", "2026-03-01", 3_00),
                new Issued("acme", "31-days", "2026-01-15", "2026-02-28", 4_00),
                new Issued("acme", "61-days", "2025-12-01", "2026-01-29", 5_00),
                new Issued("acme", "91-days", "2025-11-01", "2025-12-30", 6_00));

        AgingReport report = aging(MARCH_31, null);

        assertThat(report.rows()).containsExactly(new AgingReport.Row(OpenItemKind.RECEIVABLE, "acme", "Acme", "EUR",
                "101.00", "5.00", "4.00", "5.00", "6.00", "121.00", 7));
        assertThat(report.totals()).containsExactly(
                new AgingReport.Totals("EUR", "101.00", "5.00", "4.00", "5.00", "6.00", "121.00"));
    }

    @Test
    void partialPaymentAndLaterInvoice_asOfAnEarlierDayCountsOnlyWhatWasIssuedAndPaidByThen() {
        feed(new Issued("acme", "inv-1", "2026-03-01", "2026-03-15", 100_00),
                new Settled("acme", "inv-1", "pay-1", "2026-03-10", 40_00),
                new Settled("acme", "inv-1", "pay-2", "2026-04-02", 60_00),
                new Issued("acme", "inv-2", "2026-04-01", "2026-05-01", 50_00));

        assertThat(aging(MARCH_31, null).totals()).containsExactly(
                new AgingReport.Totals("EUR", "0.00", "60.00", "0.00", "0.00", "0.00", "60.00"));
        assertThat(aging(LocalDate.of(2026, 4, 2), null).totals()).containsExactly(
                new AgingReport.Totals("EUR", "50.00", "0.00", "0.00", "0.00", "0.00", "50.00"));
        assertThat(aging(LocalDate.of(2026, 2, 28), null).rows()).isEmpty();
    }

    @Test
    void paymentDeliveredTwice_settlesOnce() {
        Settled payment = new Settled("acme", "inv-1", "pay-1", "2026-03-10", 40_00);
        feed(new Issued("acme", "inv-1", "2026-03-01", "2026-03-15", 100_00), payment);
        feed(payment);

        assertThat(aging(MARCH_31, null).totals().get(0).total()).isEqualTo("60.00");
    }

    @Test
    void onePartyAsked_onlyItsRowsButTotalsOfThatPartyOnly() {
        feed(new Issued("acme", "inv-1", "2026-03-01", "2026-04-15", 10_00),
                new Issued("bolt", "inv-2", "2026-03-01", "2026-04-15", 20_00));

        AgingReport report = aging(MARCH_31, "bolt");

        assertThat(report.rows()).extracting(AgingReport.Row::partyId).containsExactly("bolt");
        assertThat(report.rows().get(0).party()).isEqualTo(Map.of("customerId", "bolt"));
        assertThat(report.totals().get(0).total()).isEqualTo("20.00");
    }

    @Test
    void moreOpenPartiesThanTheLimit_pagesByPartyWhileTotalsCoverEveryParty() {
        feed(new Issued("a", "inv-a", "2026-03-01", "2026-04-15", 1_00),
                new Issued("b", "inv-b", "2026-03-01", "2026-04-15", 2_00),
                new Issued("c", "inv-c", "2026-03-01", "2026-04-15", 4_00));

        AgingReport first = queries.handle(new FetchAgingQuery(OpenItemKind.RECEIVABLE, MARCH_31, null, null, 2));
        AgingReport second = queries.handle(new FetchAgingQuery(OpenItemKind.RECEIVABLE, MARCH_31, null,
                first.nextCursor(), 2));

        assertThat(first.rows()).extracting(AgingReport.Row::partyId).containsExactly("a", "b");
        assertThat(first.nextCursor()).isEqualTo("b");
        assertThat(second.rows()).extracting(AgingReport.Row::partyId).containsExactly("c");
        assertThat(second.nextCursor()).isNull();
        assertThat(second.totals().get(0).total()).isEqualTo("7.00");
    }

    private AgingReport aging(LocalDate asOf, String partyId) {
        return queries.handle(new FetchAgingQuery(OpenItemKind.RECEIVABLE, asOf, partyId, null, 100));
    }

    private void feed(Object... events) {
        harness.handle(projection, List.of(events).stream().map(event -> harness.next("doc", 0, event)).toList());
    }

    record Named(String partyId, String name) {
    }

    record Issued(String partyId, String documentId, String issuedOn, String dueOn, long amountMinor) {
    }

    record Settled(String partyId, String documentId, String settlementId, String date, long amountMinor) {
    }

    /** Feeds the book the way the sales and purchasing projections do. */
    static final class TestBookProjection {

        private final OpenItemBook book;

        TestBookProjection(OpenItemBook book) {
            this.book = book;
        }

        static String partyOf(Object payload) {
            if (payload instanceof Named named) {
                return named.partyId();
            }
            if (payload instanceof Issued issued) {
                return issued.partyId();
            }
            return payload instanceof Settled settled ? settled.partyId() : null;
        }

        @EventHandler
        void on(Named event, TrackingToken token) {
            book.named(event.partyId(), event.name(), token);
        }

        @EventHandler
        void on(Issued event, TrackingToken token) {
            book.issued(event.partyId(), event.documentId(), "EUR", LocalDate.parse(event.issuedOn()),
                    LocalDate.parse(event.dueOn()), event.amountMinor(), token);
        }

        @EventHandler
        void on(Settled event, TrackingToken token) {
            book.settled(event.partyId(), event.documentId(), event.settlementId(), LocalDate.parse(event.date()),
                    event.amountMinor(), token);
        }
    }
}
