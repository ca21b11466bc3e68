package org.kontor.query.crm;

import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.util.List;
import org.kontor.events.crm.AboutCustomer;
import org.kontor.query.crm.CustomerQueries.FetchCustomerQuery;
import org.kontor.query.crm.CustomerViews.CustomerView;
import org.kontor.query.projection.PointInTime;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A customer's 360 view as it was known at an instant: the handlers of {@code crm-customers}
 * ({@link #viewHandlers}: every class of that processing group, which a test checks) fold that customer's events recorded
 * up to then into a scratch database, and {@link CustomerQueryHandlers} reads it, the same classes
 * that keep and read the live view. Empty when the customer was not registered yet.
 */
@Component
class CustomerKnownAt {

    private final PointInTime pointInTime;

    CustomerKnownAt(PointInTime pointInTime) {
        this.pointInTime = pointInTime;
    }

    Mono<CustomerView> customer(String customerId, Instant knownAt) {
        return pointInTime.read(knownAt,
                CustomerKnownAt::viewHandlers,
                event -> event.getPayload() instanceof AboutCustomer about && customerId.equals(about.customerId()),
                scratch -> new CustomerQueryHandlers(scratch).handle(new FetchCustomerQuery(customerId)));
    }

    /** New instances of every handler class of the 360 view's processing group, on {@code readStore}. */
    static List<Object> viewHandlers(MongoDatabase readStore) {
        return List.of(new CustomerProjection(readStore), new CustomerWorkProjection(readStore),
                new CustomerSalesProjection(readStore));
    }
}
