package org.kontor.query.crm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kontor.events.common.Money;
import org.kontor.events.common.PersonName;
import org.kontor.events.crm.CustomerEvent.ContactAdded;
import org.kontor.events.crm.CustomerEvent.CustomerDetailsChanged;
import org.kontor.events.crm.CustomerEvent.CustomerRegistered;
import org.kontor.events.crm.CustomerKind;
import org.kontor.events.crm.InteractionChannel;
import org.kontor.events.crm.InteractionDirection;
import org.kontor.events.crm.InteractionEvent.InteractionRecorded;
import org.kontor.query.crm.CustomerQueries.FetchCustomerQuery;
import org.kontor.query.crm.CustomerQueries.FetchCustomersQuery;
import org.kontor.query.crm.CustomerQueryHandlers.CustomerList;
import org.kontor.query.crm.CustomerViews.CustomerSummary;
import org.kontor.query.crm.CustomerViews.CustomerView;
import org.kontor.query.projection.ProjectionHarness;

class CustomerProjectionTest {

    private static final String ACME = "11111111-1111-4111-8111-111111111111";
    private static final String BETA = "22222222-2222-4222-8222-222222222222";

    private final ProjectionHarness harness = new ProjectionHarness();
    private final CustomerProjection projection = new CustomerProjection(harness.database());
    private final CustomerQueryHandlers queries = new CustomerQueryHandlers(harness.database());

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void customerRegistered_viewShowsDetailsAtVersionOne() {
        harness.handle(projection, List.of(harness.next(ACME, 0, registered(ACME, "Acme GmbH", "key-account"))));

        CustomerView view = queries.handle(new FetchCustomerQuery(ACME));
        assertThat(view.name()).isEqualTo("Acme GmbH");
        assertThat(view.kind()).isEqualTo("COMPANY");
        assertThat(view.creditLimit().amount()).isEqualTo("5000.00");
        assertThat(view.tags()).containsExactly("key-account");
        assertThat(view.version()).isEqualTo(1);
        assertThat(view.interactionCount()).isZero();
    }

    @Test
    void detailsChangedAndContactAdded_viewFollowsTheCustomerVersion() {
        harness.handle(projection, List.of(
                harness.next(ACME, 0, registered(ACME, "Acme GmbH", "key-account")),
                harness.next(ACME, 1, new CustomerDetailsChanged(ACME, List.of("name"), "Acme AG",
                        CustomerKind.COMPANY, null, null, null, null, null, null, List.of(), null)),
                harness.next(ACME, 2, new ContactAdded(ACME, "c-1", new PersonName("Jane", "Doe"), null, null, "CFO"))));

        CustomerView view = queries.handle(new FetchCustomerQuery(ACME));
        assertThat(view.name()).isEqualTo("Acme AG");
        assertThat(view.creditLimit()).isNull();
        assertThat(view.contacts()).extracting(CustomerViews.Contact::name).containsExactly("Jane Doe");
        assertThat(view.contacts()).extracting(CustomerViews.Contact::familyName).containsExactly("Doe");
        assertThat(view.version()).isEqualTo(3);
    }

    @Test
    void paymentTermsSetThenCleared_viewShowsTheTermsThenNull() {
        CustomerRegistered withTerms = new CustomerRegistered(ACME, "Acme GmbH", CustomerKind.COMPANY, null, null,
                null, null, null, null, List.of(), 14);
        harness.handle(projection, List.of(harness.next(ACME, 0, withTerms)));

        assertThat(queries.handle(new FetchCustomerQuery(ACME)).paymentTermDays()).isEqualTo(14);

        harness.handle(projection, List.of(harness.next(ACME, 1, new CustomerDetailsChanged(ACME,
                List.of("paymentTermDays"), "Acme GmbH", CustomerKind.COMPANY, null, null, null, null, null, null,
                List.of(), null))));

        CustomerView view = queries.handle(new FetchCustomerQuery(ACME));
        assertThat(view.paymentTermDays()).isNull();
        assertThat(view.version()).isEqualTo(2);
    }

    @Test
    void interactionsRecorded_countedAndTheLatestByOccurrenceShown() {
        harness.handle(projection, List.of(
                harness.next(ACME, 0, registered(ACME, "Acme GmbH")),
                harness.next("i-1", 0, interaction("i-1", ACME, "2026-03-02T10:00:00Z")),
                harness.next("i-2", 0, interaction("i-2", ACME, "2026-03-01T10:00:00Z"))));

        CustomerView view = queries.handle(new FetchCustomerQuery(ACME));
        assertThat(view.interactionCount()).isEqualTo(2);
        assertThat(view.lastInteraction().id()).isEqualTo("i-1");
        assertThat(view.version()).as("interactions do not change the customer").isEqualTo(1);
    }

    @Test
    void batchDeliveredTwice_appliedOnce() {
        List<TrackedEventMessage<?>> batch = List.of(
                harness.next(ACME, 0, registered(ACME, "Acme GmbH")),
                harness.next("i-1", 0, interaction("i-1", ACME, "2026-03-02T10:00:00Z")));

        harness.handle(projection, batch);
        harness.handle(projection, batch); // the token was not stored before a crash: the batch comes again

        assertThat(queries.handle(new FetchCustomerQuery(ACME)).interactionCount()).isEqualTo(1);
    }

    @Test
    void eventCommittedLateWithALowerIndex_stillApplied() {
        // Index 5 was still committing when 6 was read, so 6 arrives with a gap at 5 and 5 arrives later.
        TreeSet<Long> gapAtFive = new TreeSet<>(List.of(5L));
        harness.handle(projection, List.of(harness.at(4, ACME, 0, registered(ACME, "Acme GmbH"))));
        harness.handle(projection, List.of(ProjectionHarness.tracked(GapAwareTrackingToken.newInstance(6, gapAtFive),
                "i-2", 0, interaction("i-2", ACME, "2026-03-01T10:00:00Z"))));
        harness.handle(projection, List.of(ProjectionHarness.tracked(GapAwareTrackingToken.newInstance(6, new TreeSet<>()),
                "i-1", 0, interaction("i-1", ACME, "2026-03-02T10:00:00Z"))));

        CustomerView view = queries.handle(new FetchCustomerQuery(ACME));
        assertThat(view.interactionCount()).isEqualTo(2);
        assertThat(view.lastInteraction().id()).isEqualTo("i-1");
    }

    @Test
    void customersSearchedAndPaged_byNameWithACursor() {
        harness.handle(projection, List.of(
                harness.next(BETA, 0, registered(BETA, "Beta Handel", "retail")),
                harness.next(ACME, 0, registered(ACME, "Acme GmbH", "key-account")),
                harness.next("33333333-3333-4333-8333-333333333333", 0,
                        registered("33333333-3333-4333-8333-333333333333", "Acme Logistics", "key-account"))));

        CustomerList firstPage = queries.handle(new FetchCustomersQuery("acme", null, null, 1, null));
        CustomerList secondPage = queries.handle(new FetchCustomersQuery("acme", null, null, 1, firstPage.lastSortKey()));
        CustomerList retail = queries.handle(new FetchCustomersQuery(null, "retail", null, 10, null));

        assertThat(firstPage.items()).extracting(CustomerSummary::name).containsExactly("Acme GmbH");
        assertThat(secondPage.items()).extracting(CustomerSummary::name).containsExactly("Acme Logistics");
        assertThat(secondPage.lastSortKey()).isNull();
        assertThat(retail.items()).extracting(CustomerSummary::name).containsExactly("Beta Handel");
    }

    @Test
    void searchTextWithRegexCharacters_matchedLiterally() {
        harness.handle(projection, List.of(harness.next(ACME, 0, registered(ACME, "A.C.M.E (Europe)"))));

        assertThat(queries.handle(new FetchCustomersQuery("(europe)", null, null, 10, null)).items()).hasSize(1);
        assertThat(queries.handle(new FetchCustomersQuery("a*", null, null, 10, null)).items()).isEmpty();
    }

    static CustomerRegistered registered(String id, String name, String... tags) {
        return new CustomerRegistered(id, name, CustomerKind.COMPANY, "info@example.com", null, null, null,
                Money.of(500_000, "EUR"), null, List.of(tags), null);
    }

    static InteractionRecorded interaction(String id, String customerId, String occurredAt) {
        return new InteractionRecorded(id, customerId, InteractionChannel.CALL, InteractionDirection.OUTBOUND,
                Instant.parse(occurredAt), "Call " + id, null, null);
    }
}
