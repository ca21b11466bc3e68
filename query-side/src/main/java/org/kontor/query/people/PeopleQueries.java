package org.kontor.query.people;

import java.util.Objects;

/** The queries of people; the list is by username, after {@code afterUsername}, at most {@code limit}. */
final class PeopleQueries {

    private PeopleQueries() {
    }

    record FetchUserQuery(String username) {

        FetchUserQuery {
            Objects.requireNonNull(username, "username");
        }
    }

    record FetchUsersQuery(String afterUsername, int limit) {
    }
}
