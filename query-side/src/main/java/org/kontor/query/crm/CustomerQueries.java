package org.kontor.query.crm;

import java.util.Objects;
import java.util.Set;

/** The queries the CRM views answer. Every list query carries an explicit limit. */
public final class CustomerQueries {

    private CustomerQueries() {
    }

    /** One customer's 360 view. */
    public record FetchCustomerQuery(String customerId) {

        public FetchCustomerQuery {
            Objects.requireNonNull(customerId, "customerId");
        }
    }

    /**
     * Customers by name order. {@code text} matches name, email or VAT number, case-insensitively;
     * {@code afterSortKey} continues after the last customer of the previous page.
     */
    public record FetchCustomersQuery(String text, String tag, String ownerId, int limit, String afterSortKey) {

        public FetchCustomersQuery {
            if (limit < 1) {
                throw new IllegalArgumentException("limit must be positive");
            }
        }
    }

    /**
     * A page of a customer's timeline, newest first, starting at entry {@code fromEntry} (inclusive,
     * counting down) or at the newest when it is null; {@code types} empty means every type.
     */
    public record FetchCustomerTimelineQuery(String customerId, Set<String> types, int limit, Long fromEntry) {

        public FetchCustomerTimelineQuery {
            Objects.requireNonNull(customerId, "customerId");
            types = Set.copyOf(types);
            if (limit < 1) {
                throw new IllegalArgumentException("limit must be positive");
            }
        }
    }
}
