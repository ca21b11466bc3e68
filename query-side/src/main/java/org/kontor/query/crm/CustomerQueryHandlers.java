package org.kontor.query.crm;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.kontor.config.http.MoneyJson;
import org.kontor.events.common.Money;
import org.kontor.query.crm.CustomerQueries.FetchCustomerQuery;
import org.kontor.query.crm.CustomerQueries.FetchCustomersQuery;
import org.kontor.query.crm.CustomerViews.Address;
import org.kontor.query.crm.CustomerViews.Contact;
import org.kontor.query.crm.CustomerViews.CustomerSummary;
import org.kontor.query.crm.CustomerViews.CustomerView;
import org.kontor.query.crm.CustomerViews.LastOrder;
import org.kontor.query.crm.CustomerViews.LastInteraction;
import org.kontor.query.crm.CustomerViews.OpenCase;
import org.kontor.query.crm.CustomerViews.OpenOpportunities;
import org.springframework.stereotype.Component;

/** Answers the customer queries from the {@code crm-customers} view. */
@Component
class CustomerQueryHandlers {

    private final MongoCollection<Document> customers;

    CustomerQueryHandlers(MongoDatabase readStore) {
        this.customers = readStore.getCollection(CustomerProjection.COLLECTION);
    }

    /** A customer's 360 view, or {@code null} when the view does not know the customer. */
    @QueryHandler
    CustomerView handle(FetchCustomerQuery query) {
        Document customer = customers.find(Filters.eq("_id", query.customerId())).first();
        return customer == null ? null : toView(customer);
    }

    /** One more customer than asked for is read, to tell whether there is a next page. */
    @QueryHandler
    CustomerList handle(FetchCustomersQuery query) {
        List<Bson> conditions = new ArrayList<>();
        if (query.text() != null && !query.text().isBlank()) {
            String text = Pattern.quote(query.text().trim().toLowerCase(Locale.ROOT));
            conditions.add(Filters.regex("searchText", text));
        }
        if (query.tag() != null) {
            conditions.add(Filters.eq("tags", query.tag()));
        }
        if (query.ownerId() != null) {
            conditions.add(Filters.eq("ownerId", query.ownerId()));
        }
        SortedPage page = SortedPage.find(customers, conditions, query.afterSortKey(), query.limit());
        List<CustomerSummary> items = page.items().stream().map(CustomerQueryHandlers::toSummary).toList();
        return new CustomerList(items, page.lastSortKey());
    }

    /** A page of customers and, when there are more, the sort key to continue after. */
    public record CustomerList(List<CustomerSummary> items, String lastSortKey) {
    }

    private static CustomerSummary toSummary(Document customer) {
        return new CustomerSummary(customer.getString("_id"), customer.getString("name"), customer.getString("kind"),
                customer.getString("email"), customer.getString("phone"), customer.getString("ownerId"),
                customer.getList("tags", String.class, List.of()), version(customer));
    }

    private static CustomerView toView(Document customer) {
        Document address = customer.get("address", Document.class);
        Document creditLimit = customer.get("creditLimit", Document.class);
        Document last = customer.get("lastInteraction", Document.class);
        List<Contact> contacts = customer.getList("contacts", Document.class, List.of()).stream()
                .map(contact -> new Contact(contact.getString("id"), contact.getString("name"),
                        contact.getString("givenName"), contact.getString("familyName"),
                        contact.getString("email"), contact.getString("phone"), contact.getString("role")))
                .toList();
        return new CustomerView(
                customer.getString("_id"),
                customer.getString("name"),
                customer.getString("kind"),
                customer.getString("email"),
                customer.getString("phone"),
                customer.getString("vatNumber"),
                address == null ? null : new Address(address.getString("street"), address.getString("postalCode"),
                        address.getString("city"), address.getString("region"), address.getString("country")),
                creditLimit == null ? null : MoneyJson.of(new Money(
                        creditLimit.get("amountMinor", Number.class).longValue(), creditLimit.getString("currency"))),
                customer.getString("ownerId"),
                customer.getList("tags", String.class, List.of()),
                customer.getInteger("paymentTermDays"),
                contacts,
                customer.get("interactionCount", Number.class).longValue(),
                last == null ? null : new LastInteraction(last.getString("id"), last.getString("channel"),
                        last.getString("direction"), last.getDate("occurredAt").toInstant(),
                        last.getString("subject"), last.getString("employeeId")),
                openOpportunities(customer.get("openOpportunities", Document.class)),
                customer.getList("openCases", Document.class, List.of()).stream()
                        .map(open -> new OpenCase(open.getString("id"), open.getString("subject"),
                                open.getString("priority"), open.getString("assigneeId"),
                                open.getDate("openedAt").toInstant()))
                        .toList(),
                invoiceTotal(customer, false),
                invoiceTotal(customer, true),
                lifetimeRevenue(customer),
                lastOrder(customer.get(CustomerSalesProjection.LAST_ORDER, Document.class)),
                customer.getDate("registeredAt").toInstant(),
                customer.getDate("updatedAt").toInstant(),
                version(customer));
    }

    private static OpenOpportunities openOpportunities(Document open) {
        if (open == null) {
            return new OpenOpportunities(0, null);
        }
        return new OpenOpportunities(Counters.read(open, "count"), MoneyJson.of(
                new Money(Counters.read(open, "amountMinor"), open.getString("currency"))));
    }

    /** What the open invoices in the sales currency owe; only the overdue ones when asked. */
    private static MoneyJson invoiceTotal(Document customer, boolean overdueOnly) {
        String currency = customer.getString(CustomerSalesProjection.SALES_CURRENCY);
        if (currency == null) {
            return null;
        }
        long owed = customer.getList(CustomerSalesProjection.OPEN_INVOICES, Document.class, List.of()).stream()
                .filter(invoice -> currency.equals(invoice.getString("currency")))
                .filter(invoice -> !overdueOnly || invoice.getBoolean("overdue", false))
                .mapToLong(invoice -> invoice.get("openMinor", Number.class).longValue())
                .sum();
        return MoneyJson.of(new Money(owed, currency));
    }

    private static MoneyJson lifetimeRevenue(Document customer) {
        String currency = customer.getString(CustomerSalesProjection.SALES_CURRENCY);
        return currency == null ? null : MoneyJson.of(new Money(
                Counters.read(customer, CustomerSalesProjection.LIFETIME_REVENUE), currency));
    }

    private static LastOrder lastOrder(Document order) {
        if (order == null) {
            return null;
        }
        Number total = order.get("totalMinor", Number.class);
        return new LastOrder(order.getString("id"), order.getString("status"),
                total == null ? null : MoneyJson.of(new Money(total.longValue(), order.getString("currency"))),
                order.getDate("orderedAt").toInstant());
    }

    private static long version(Document customer) {
        return customer.get("version", Number.class).longValue();
    }
}
