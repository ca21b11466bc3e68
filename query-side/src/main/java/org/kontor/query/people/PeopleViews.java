package org.kontor.query.people;

import java.time.Instant;
import java.util.List;

/** The views of people as clients see them. */
final class PeopleViews {

    static final String PROCESSOR = "people-users";

    private PeopleViews() {
    }

    /**
     * One account. {@code enabled} false while disabled ({@code disabledAt}, {@code disabledReason}
     * of the last disable); {@code reenabledAt} and {@code reenabledReason} of the last enable while
     * an account enabled again is enabled; {@code passwordChangedAt} null until the user or an
     * administrator set a new password; {@code version} the account's version, as its commands
     * expect it in {@code If-Match}. Earlier disables and enables are in the account's history.
     */
    record UserView(String username, List<String> roles, String employeeId, boolean enabled, Instant registeredAt,
                    Instant passwordChangedAt, Instant disabledAt, String disabledReason, Instant reenabledAt,
                    String reenabledReason, long version) {
    }

    record UserPage(List<UserView> items, String lastUsername) {
    }
}
