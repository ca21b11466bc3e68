package org.kontor.query.projection;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.kontor.config.error.BusinessRuleViolation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Reads a view as it was known at an instant ({@code knownAt}): the live views hold only the
 * present, so the view is built again, on request, from the events recorded up to that instant, by
 * the projection's own handlers writing to a scratch database that is dropped afterwards. The same
 * code folds the events and reads the result, so the past answer cannot differ in shape or rules
 * from the present one.
 *
 * <p>The events come through Axon's {@link EventStore} (its {@link
 * org.axonframework.messaging.StreamableMessageSource}), not from the event table: that works on
 * both storage profiles and applies the upcasters, as the projections see the events. "Recorded up
 * to" means the event's stored timestamp is at or before {@code knownAt}; business dates play no
 * part.
 *
 * <p>Global order and timestamps are not strictly aligned: a timestamp is taken when an event is
 * applied, its position when its transaction commits, so a slow transaction can store an earlier
 * timestamp after later ones. The scan therefore goes on past {@code knownAt} until it sees an
 * event stamped more than {@value #SLACK_SECONDS} seconds after it (or reaches the head), and keeps
 * every event stamped at or before {@code knownAt} that it met. A transaction that took longer
 * than that between applying and committing an event is missed.
 *
 * <p>Bounded: at most {@code erp.known-at.max-events} events are scanned per request (beyond,
 * {@code 422 KNOWN_AT_TOO_MANY_EVENTS}), at most {@code erp.known-at.concurrent-reads} run at once
 * (beyond, {@code 503 KNOWN_AT_BUSY}), and the work runs off the event loop.
 */
@Component
public class PointInTime {

    static final long SLACK_SECONDS = 10;
    private static final Duration SLACK = Duration.ofSeconds(SLACK_SECONDS);
    /** How long to wait for the next event before taking the stream as exhausted. */
    private static final int NEXT_EVENT_WAIT_MS = 1000;
    private static final int BATCH_SIZE = 1000;

    private final EventStore eventStore;
    private final MongoClient mongoClient;
    private final String databaseName;
    private final long maxEvents;
    private final Semaphore reads;

    public PointInTime(EventStore eventStore, MongoClient mongoClient,
                @Value("${erp.mongodb.database:kontor}") String databaseName,
                @Value("${erp.known-at.max-events:500000}") long maxEvents,
                @Value("${erp.known-at.concurrent-reads:2}") int concurrentReads) {
        this.eventStore = eventStore;
        this.mongoClient = mongoClient;
        this.databaseName = databaseName;
        this.maxEvents = maxEvents;
        this.reads = new Semaphore(concurrentReads);
    }

    /**
     * Builds the view from the events recorded up to {@code knownAt} that {@code relevant} accepts
     * and the handlers {@code projections} makes (for the scratch database) can handle, then answers
     * {@code read} of it; empty when {@code read} answers {@code null}. Runs off the event loop.
     */
    public <T> Mono<T> read(Instant knownAt, Function<MongoDatabase, List<Object>> projections,
                            Predicate<EventMessage<?>> relevant, Function<MongoDatabase, T> read) {
        return Mono.fromCallable(() -> fold(knownAt, projections, relevant, read))
                .subscribeOn(Schedulers.boundedElastic());
    }

    private <T> T fold(Instant knownAt, Function<MongoDatabase, List<Object>> projections,
                       Predicate<EventMessage<?>> relevant, Function<MongoDatabase, T> read) throws Exception {
        if (!reads.tryAcquire()) {
            throw new BusinessRuleViolation(PointInTimeRule.KNOWN_AT_BUSY,
                    "Other reads as known at an instant are running; try again shortly.");
        }
        MongoDatabase scratch = mongoClient.getDatabase(databaseName + "_known_at_" + UUID.randomUUID()
                .toString().replace("-", ""));
        try {
            List<AnnotationEventHandlerAdapter> handlers = projections.apply(scratch).stream()
                    .map(AnnotationEventHandlerAdapter::new).toList();
            replay(knownAt, handlers, relevant);
            return read.apply(scratch);
        } finally {
            scratch.drop();
            reads.release();
        }
    }

    private void replay(Instant knownAt, List<AnnotationEventHandlerAdapter> handlers,
                        Predicate<EventMessage<?>> relevant) throws Exception {
        TrackingToken head = eventStore.createHeadToken();
        Instant stopAfter = knownAt.plus(SLACK);
        List<EventMessage<?>> batch = new ArrayList<>();
        long scanned = 0;
        try (BlockingStream<TrackedEventMessage<?>> events = eventStore.openStream(null)) {
            boolean more = head != null && events.hasNextAvailable(NEXT_EVENT_WAIT_MS, TimeUnit.MILLISECONDS);
            while (more) {
                TrackedEventMessage<?> event = events.nextAvailable();
                if (++scanned > maxEvents) {
                    throw new BusinessRuleViolation(PointInTimeRule.KNOWN_AT_TOO_MANY_EVENTS, "A read as known at "
                            + knownAt + " would scan more than " + maxEvents + " events; ask for an earlier instant.");
                }
                if (event.getTimestamp().isAfter(stopAfter)) {
                    break;
                }
                if (!event.getTimestamp().isAfter(knownAt) && isHandled(event, handlers) && relevant.test(event)) {
                    batch.add(event);
                    if (batch.size() == BATCH_SIZE) {
                        ProjectionBatch.handle(handlers, batch);
                        batch.clear();
                    }
                }
                more = position(event.trackingToken()) < position(head)
                        && events.hasNextAvailable(NEXT_EVENT_WAIT_MS, TimeUnit.MILLISECONDS);
            }
        }
        ProjectionBatch.handle(handlers, batch);
    }

    /** The global position of a token; the head the scan started with is where it may stop. */
    private static long position(TrackingToken token) {
        return token.position().orElse(Long.MAX_VALUE);
    }

    private static boolean isHandled(EventMessage<?> event, List<AnnotationEventHandlerAdapter> handlers) {
        return handlers.stream().anyMatch(handler -> handler.canHandle(event));
    }
}
