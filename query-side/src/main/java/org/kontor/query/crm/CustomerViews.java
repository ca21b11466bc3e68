package org.kontor.query.crm;

import java.time.Instant;
import java.util.List;
import org.kontor.config.http.MoneyJson;

/** The shapes clients read. */
public final class CustomerViews {

    private CustomerViews() {
    }

    /**
     * The 360 view of a customer, with what the product knows so far. {@code unpaid} is what the
     * customer's invoices still owe, {@code overdue} the part of it past due, {@code lifetimeRevenue}
     * the net of every invoice; all three in the customer's sales currency (of their first
     * invoice), {@code null} before the first invoice. {@code paymentTermDays} is {@code null} when the
     * customer has no terms of its own (the sales setting applies).
     */
    public record CustomerView(
            String id,
            String name,
            String kind,
            String email,
            String phone,
            String vatNumber,
            Address address,
            MoneyJson creditLimit,
            String ownerId,
            List<String> tags,
            Integer paymentTermDays,
            List<Contact> contacts,
            long interactionCount,
            LastInteraction lastInteraction,
            OpenOpportunities openOpportunities,
            List<OpenCase> openCases,
            MoneyJson unpaid,
            MoneyJson overdue,
            MoneyJson lifetimeRevenue,
            LastOrder lastOrder,
            Instant registeredAt,
            Instant updatedAt,
            long version) {
    }

    /** A line of the customer list. */
    public record CustomerSummary(
            String id,
            String name,
            String kind,
            String email,
            String phone,
            String ownerId,
            List<String> tags,
            long version) {
    }

    public record Address(String street, String postalCode, String city, String region, String country) {
    }

    /** {@code name} as written in one field; {@code givenName} is null for a person of one name. */
    public record Contact(String id, String name, String givenName, String familyName, String email, String phone,
                          String role) {
    }

    /** The customer's opportunities that are neither won nor lost: how many, and their amount. */
    public record OpenOpportunities(long count, MoneyJson amount) {
    }

    /** A support case of the customer that is not resolved. */
    public record OpenCase(String id, String subject, String priority, String assigneeId, Instant openedAt) {
    }

    /** The customer's most recently drafted sales order; {@code total} from its confirmation on. */
    public record LastOrder(String id, String status, MoneyJson total, Instant orderedAt) {
    }

    public record LastInteraction(String id, String channel, String direction, Instant occurredAt, String subject,
                                  String employeeId) {
    }
}
