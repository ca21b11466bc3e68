package org.kontor.query.crm;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kontor.config.http.PageRequest;
import org.kontor.events.crm.ActivityEvent.ActivityOverdue;
import org.kontor.events.crm.ActivityEvent.ActivityScheduled;
import org.kontor.events.crm.ActivityType;
import org.kontor.events.crm.CaseEvent.CaseOpened;
import org.kontor.events.crm.CaseEvent.CaseResolved;
import org.kontor.events.crm.CasePriority;
import org.kontor.events.crm.LeadEvent.LeadQualified;
import org.kontor.events.crm.OpportunityStage;
import org.kontor.events.sales.InvoiceEvent.InvoiceIssued;
import org.kontor.events.sales.InvoiceEvent.InvoiceOverdue;
import org.kontor.events.sales.InvoiceEvent.InvoicePaymentReceived;
import org.kontor.events.sales.PaymentMethod;
import org.kontor.events.sales.SalesOrderEvent.OrderLine;
import org.kontor.query.crm.CustomerQueries.FetchCustomerTimelineQuery;
import org.kontor.query.crm.TimelineQueryHandler.TimelinePage;
import org.kontor.query.projection.ProjectionHarness;

class TimelineProjectionTest {

    private static final String ACME = "11111111-1111-4111-8111-111111111111";

    private final ProjectionHarness harness = new ProjectionHarness();
    private final TimelineProjection projection = new TimelineProjection(harness.database());
    private final TimelineQueryHandler queries = new TimelineQueryHandler(harness.database());

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void eventsAboutACustomer_listedNewestFirstWithWhoDidIt() {
        harness.handle(projection, List.of(
                harness.next(ACME, 0, CustomerProjectionTest.registered(ACME, "Acme GmbH")),
                harness.next("i-1", 0, CustomerProjectionTest.interaction("i-1", ACME, "2026-03-02T10:00:00Z"))));

        TimelinePage page = queries.handle(new FetchCustomerTimelineQuery(ACME, Set.of(), 50, null));

        assertThat(page.items()).extracting(TimelineEntry::type)
                .containsExactly("InteractionRecorded", "CustomerRegistered");
        assertThat(page.items().get(0).summary()).isEqualTo("Call (outbound): Call i-1");
        assertThat(page.items().get(0).by()).isEqualTo("jane");
        assertThat(page.items().get(0).refId()).isEqualTo("i-1");
        assertThat(page.nextEntry()).isNull();
    }

    @Test
    void pipelineAndFollowUpEvents_onTheTimelineWithWhoDidIt() {
        Instant due = Instant.parse("2026-03-02T10:00:00Z");
        harness.handle(projection, List.of(
                harness.next(ACME, 0, CustomerProjectionTest.registered(ACME, "Acme GmbH")),
                harness.next("l-1", 1, new LeadQualified("l-1", "Anna Berg", ACME, true, "o-1", null)),
                harness.next("o-1", 0, PipelineEvents.opened("o-1", "anna", OpportunityStage.PROSPECTING, 1000, null)),
                harness.next("o-1", 1, PipelineEvents.won("o-1", "anna", OpportunityStage.PROSPECTING, 1000, null)),
                harness.next("a-1", 0, new ActivityScheduled("a-1", ACME, ActivityType.CALL, due, "anna", null)),
                harness.next("a-1", 1, new ActivityOverdue("a-1", ACME, "anna", due)),
                harness.next("k-1", 0, new CaseOpened("k-1", ACME, "Damaged", CasePriority.HIGH, null)),
                harness.next("k-1", 1, new CaseResolved("k-1", ACME, "Replaced"))));

        List<TimelineEntry> items = queries.handle(new FetchCustomerTimelineQuery(ACME, Set.of(), 50, null)).items();

        assertThat(items).extracting(TimelineEntry::summary).containsExactly(
                "Case resolved: Replaced",
                "Case opened (high): Damaged",
                "Activity overdue since 2026-03-02T10:00:00Z (assigned to anna)",
                "Call due 2026-03-02T10:00:00Z for anna",
                "Opportunity won: 1000.00 EUR",
                "Opportunity opened: Deal o-1 (1000.00 EUR)",
                "Lead qualified: Anna Berg",
                "Customer registered: Acme GmbH");
        assertThat(items).extracting(TimelineEntry::by)
                .containsExactly("jane", "jane", "system", "jane", "jane", "jane", "jane", "jane");
    }

    @Test
    void pagesAcrossBuckets_everyEntryOnceInOrder() {
        recordInteractions(249, 100); // 250 entries with the registration: many buckets, pages across them

        List<String> seen = new ArrayList<>();
        Long cursor = null;
        do {
            TimelinePage page = queries.handle(new FetchCustomerTimelineQuery(ACME, Set.of(), 70, cursor));
            page.items().forEach(entry -> seen.add(entry.refId()));
            cursor = page.nextEntry();
        } while (cursor != null);

        assertThat(seen).hasSize(250).doesNotHaveDuplicates();
        assertThat(seen.get(0)).isEqualTo("i-248");
        assertThat(seen.get(248)).isEqualTo("i-0");
        assertThat(seen.get(249)).isEqualTo(ACME);
    }

    @Test
    void pageOfTheLargestLimit_fullWithoutAFilter() {
        recordInteractions(1_199, 1_200); // 1,200 entries with the registration

        TimelinePage page = queries.handle(new FetchCustomerTimelineQuery(ACME, Set.of(), PageRequest.MAX_LIMIT, null));

        assertThat(page.items()).hasSize(PageRequest.MAX_LIMIT);
        assertThat(page.nextEntry()).isEqualTo(199L);
    }

    @Test
    void typesFilter_scansABoundedStretchAndHandsBackACursor() {
        recordInteractions(2_499, 2_500);

        TimelinePage page = queries.handle(new FetchCustomerTimelineQuery(ACME, Set.of("CustomerRegistered"), 50, null));

        assertThat(page.items()).isEmpty(); // the registration is entry 0, beyond the first 2,000 scanned
        assertThat(page.nextEntry()).isEqualTo(2_499L - TimelineQueryHandler.MAX_ENTRIES_SCANNED);
    }

    @Test
    void typesFilter_onlyThoseTypes() {
        recordInteractions(3, 10);

        TimelinePage page = queries.handle(new FetchCustomerTimelineQuery(ACME, Set.of("CustomerRegistered"), 50, null));

        assertThat(page.items()).extracting(TimelineEntry::type).containsExactly("CustomerRegistered");
    }

    @Test
    void batchDeliveredTwice_entriesWrittenOnce() {
        List<TrackedEventMessage<?>> batch = List.of(
                harness.next(ACME, 0, CustomerProjectionTest.registered(ACME, "Acme GmbH")),
                harness.next("i-1", 0, CustomerProjectionTest.interaction("i-1", ACME, "2026-03-02T10:00:00Z")));

        harness.handle(projection, batch);
        harness.handle(projection, batch);

        assertThat(queries.handle(new FetchCustomerTimelineQuery(ACME, Set.of(), 50, null)).items()).hasSize(2);
    }

    @Test
    void pageOfALongTimeline_readsAsFewDocumentsAsAPageOfAShortOne() {
        recordInteractions(150, 500);
        harness.findsSinceLastCall();
        queries.handle(new FetchCustomerTimelineQuery(ACME, Set.of(), 50, null));
        int findsForShortTimeline = harness.findsSinceLastCall();

        recordInteractions(100_000, 5_000);
        harness.findsSinceLastCall();
        TimelinePage page = queries.handle(new FetchCustomerTimelineQuery(ACME, Set.of(), 50, null));
        TimelinePage deeper = queries.handle(new FetchCustomerTimelineQuery(ACME, Set.of(), 50, page.nextEntry()));
        int findsForTwoPagesOfLongTimeline = harness.findsSinceLastCall();

        // One find for the head and one for the page's buckets (by _id), however long the history.
        assertThat(findsForShortTimeline).isEqualTo(2);
        assertThat(findsForTwoPagesOfLongTimeline).isEqualTo(2 * findsForShortTimeline);
        assertThat(deeper.items()).hasSize(50);
    }

    private int recorded;

    /** Registers the customer on first use, then records {@code count} interactions in batches. */
    private void recordInteractions(int count, int batchSize) {
        List<TrackedEventMessage<?>> batch = new ArrayList<>();
        if (recorded == 0) {
            batch.add(harness.next(ACME, 0, CustomerProjectionTest.registered(ACME, "Acme GmbH")));
        }
        for (int i = 0; i < count; i++) {
            String id = "i-" + recorded++;
            batch.add(harness.next(id, 0, CustomerProjectionTest.interaction(id, ACME, "2026-03-02T10:00:00Z")));
            if (batch.size() >= batchSize) {
                harness.handle(projection, batch);
                batch = new ArrayList<>();
            }
        }
        if (!batch.isEmpty()) {
            harness.handle(projection, batch);
        }
    }

    @Test
    void invoiceIssuedPaidAndOverdue_onTheTimelineReferringToTheInvoice() {
        harness.handle(projection, List.of(
                harness.next(ACME, 0, CustomerProjectionTest.registered(ACME, "Acme GmbH")),
                harness.next("inv-1", 0, new InvoiceIssued("inv-1", "order-1", ACME, "EUR",
                        List.of(new OrderLine("BOLT-M8-40", 10, 10_00, new BigDecimal("19"))), 100_00, 19_00,
                        LocalDate.of(2026, 3, 6), LocalDate.of(2026, 4, 5))),
                harness.next("inv-1", 1, new InvoicePaymentReceived("inv-1", ACME, "pay-1", 40_00, "EUR",
                        LocalDate.of(2026, 3, 9), PaymentMethod.BANK_TRANSFER, 79_00)),
                harness.next("inv-1", 2, new InvoiceOverdue("inv-1", ACME, LocalDate.of(2026, 4, 5), 79_00, "EUR"))));

        TimelinePage page = queries.handle(new FetchCustomerTimelineQuery(ACME, Set.of(), 50, null));

        assertThat(page.items()).extracting(TimelineEntry::summary).containsExactly(
                "Invoice overdue since 2026-04-05: 79.00 EUR open",
                "Payment received: 40.00 EUR by bank transfer, 79.00 EUR still open",
                "Invoice issued: 119.00 EUR, due 2026-04-05",
                "Customer registered: Acme GmbH");
        assertThat(page.items().subList(0, 3)).extracting(TimelineEntry::refId).containsOnly("inv-1");
    }
}
