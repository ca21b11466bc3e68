package org.kontor.query.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kontor.events.people.Role;
import org.kontor.events.people.UserAccountEvent;
import org.kontor.events.people.UserAccountEvent.UserDisabled;
import org.kontor.events.people.UserAccountEvent.UserEnabled;
import org.kontor.events.people.UserAccountEvent.UserPasswordChanged;
import org.kontor.events.people.UserAccountEvent.UserRegistered;
import org.kontor.events.people.UserAccountEvent.UserRolesChanged;
import org.kontor.query.people.PeopleQueries.FetchUserQuery;
import org.kontor.query.people.PeopleQueries.FetchUsersQuery;
import org.kontor.query.people.PeopleViews.UserPage;
import org.kontor.query.people.PeopleViews.UserView;
import org.kontor.query.projection.ProjectionHarness;

class UserDirectoryProjectionTest {

    private static final String HASH = "$2a$10$7EqJtq98hPqEX7fNZaFWoO5wE1nQ0rLkR2bWJ3eQ9o5XyQk6wYhTe";
    private static final Instant REGISTERED = Instant.parse("2026-03-02T08:15:00Z");
    private static final Instant DISABLED = Instant.parse("2026-03-09T17:40:00Z");

    private final ProjectionHarness harness = new ProjectionHarness();
    private final UserDirectoryProjection projection = new UserDirectoryProjection(harness.database());
    private final PeopleQueryHandlers queries = new PeopleQueryHandlers(harness.database());

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void registeredThenChanged_theAccountAsItsEventsLeftItAtTheirVersion() {
        harness.handle(projection, List.of(
                event("sam", 0, new UserRegistered("sam", HASH, List.of(Role.SALES), "E-1042"), REGISTERED),
                event("sam", 1, new UserRolesChanged("sam", List.of(Role.SALES, Role.MANAGER)),
                        REGISTERED.plusSeconds(60)),
                event("sam", 2, new UserPasswordChanged("sam", HASH + "x"), REGISTERED.plusSeconds(120))));

        assertThat(queries.handle(new FetchUserQuery("sam"))).isEqualTo(new UserView("sam",
                List.of("SALES", "MANAGER"), "E-1042", true, REGISTERED, REGISTERED.plusSeconds(120), null, null,
                null, null, 3));

        harness.handle(projection, List.of(event("sam", 3, new UserDisabled("sam", "Left the company"), DISABLED)));

        UserView disabled = queries.handle(new FetchUserQuery("sam"));
        assertThat(disabled.enabled()).isFalse();
        assertThat(disabled.disabledAt()).isEqualTo(DISABLED);
        assertThat(disabled.disabledReason()).isEqualTo("Left the company");
        assertThat(disabled.version()).isEqualTo(4);
        assertThat(queries.handle(new FetchUserQuery("kim"))).isNull();
    }

    @Test
    void disabledThenEnabledThenDisabled_theViewSaysOnlyTheLatestOfThem() {
        Instant enabledAt = DISABLED.plusSeconds(3_600);
        harness.handle(projection, List.of(
                event("sam", 0, new UserRegistered("sam", HASH, List.of(Role.SALES), null), REGISTERED),
                event("sam", 1, new UserDisabled("sam", "On leave"), DISABLED),
                event("sam", 2, new UserEnabled("sam", "Back from leave"), enabledAt)));

        assertThat(queries.handle(new FetchUserQuery("sam"))).isEqualTo(new UserView("sam", List.of("SALES"), null,
                true, REGISTERED, null, null, null, enabledAt, "Back from leave", 3));

        harness.handle(projection, List.of(event("sam", 3, new UserDisabled("sam", "Left"), enabledAt.plusSeconds(60))));

        assertThat(queries.handle(new FetchUserQuery("sam"))).isEqualTo(new UserView("sam", List.of("SALES"), null,
                false, REGISTERED, null, enabledAt.plusSeconds(60), "Left", null, null, 4));
    }

    @Test
    void passwordHashes_neverStoredInTheView() {
        harness.handle(projection, List.of(
                event("sam", 0, new UserRegistered("sam", HASH, List.of(Role.SALES), null), REGISTERED),
                event("sam", 1, new UserPasswordChanged("sam", HASH + "x"), REGISTERED.plusSeconds(60))));

        Document stored = harness.database().getCollection(UserDirectoryProjection.COLLECTION).find().first();
        assertThat(stored).isNotNull();
        assertThat(stored.toJson()).doesNotContain("$2a$").doesNotContainIgnoringCase("hash");
    }

    @Test
    void eventDeliveredAgain_changesNothing() {
        var registered = event("sam", 0, new UserRegistered("sam", HASH, List.of(Role.SALES), null), REGISTERED);
        var rolesChanged = event("sam", 1, new UserRolesChanged("sam", List.of(Role.SUPPORT)), REGISTERED);
        harness.handle(projection, List.of(registered, rolesChanged));

        harness.handle(projection, List.of(registered));

        UserView user = queries.handle(new FetchUserQuery("sam"));
        assertThat(user.roles()).containsExactly("SUPPORT");
        assertThat(user.version()).isEqualTo(2);
    }

    @Test
    void listedByUsername_pageAfterPageUntilNoCursor() {
        for (String username : List.of("kim", "admin", "sam", "lee", "bo.ng")) {
            harness.handle(projection, List.of(event(username, 0,
                    new UserRegistered(username, HASH, List.of(Role.ANALYST), null), REGISTERED)));
        }

        UserPage first = queries.handle(new FetchUsersQuery(null, 2));
        UserPage second = queries.handle(new FetchUsersQuery(first.lastUsername(), 2));
        UserPage last = queries.handle(new FetchUsersQuery(second.lastUsername(), 2));

        assertThat(first.items()).extracting(UserView::username).containsExactly("admin", "bo.ng");
        assertThat(second.items()).extracting(UserView::username).containsExactly("kim", "lee");
        assertThat(last.items()).extracting(UserView::username).containsExactly("sam");
        assertThat(last.lastUsername()).isNull();
    }

    private org.axonframework.eventhandling.TrackedEventMessage<?> event(String username, long sequenceNumber,
                                                                         Object payload, Instant recordedAt) {
        return harness.next(UserAccountEvent.accountId(username), sequenceNumber, payload, recordedAt);
    }
}
