package org.kontor.config.http;

import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.kontor.config.storage.EventArrivals;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Reads are eventually consistent; these waits let a client ask for more. {@code consistent=true}
 * waits until a view's processor has handled every event that was in the store when the request
 * arrived; {@code minVersion=N} waits until a view shows at least version N of an aggregate. Both
 * wait at most {@code erp.read.max-wait} (10 s) and then answer 503 with {@code Retry-After}.
 *
 * <p>On the embedded store, each check that finds the view behind hurries its processor's wake-up
 * ({@link EventArrivals#hurry}), so a waiting read does not wait for the interval that batches the
 * processors' work under load.
 */
@Component
public class ReadConsistency {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(10);

    private final EventStore eventStore;
    private final EventProcessingConfiguration processing;
    private final Duration maxWait;
    /** Null where the event store's streams wake their processors themselves (Axon Server). */
    private final EventArrivals arrivals;

    ReadConsistency(EventStore eventStore, EventProcessingConfiguration processing,
                    @Value("${erp.read.max-wait:10s}") Duration maxWait, ObjectProvider<EventArrivals> arrivals) {
        this.eventStore = eventStore;
        this.processing = processing;
        this.maxWait = maxWait;
        this.arrivals = arrivals.getIfAvailable();
    }

    /** Completes once {@code processorName} has caught up with the store as it is now, if asked to. */
    public Mono<Void> awaitIfRequested(Boolean consistent, String processorName) {
        if (!Boolean.TRUE.equals(consistent)) {
            return Mono.empty();
        }
        // Reading the head queries the event store: a blocking call, kept off the event loop.
        return Mono.fromCallable(() -> position(eventStore.createHeadToken()))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(head -> waitFor(processorName,
                        () -> Mono.just(hasProcessedUpTo(processorName, head)).filter(Boolean::booleanValue),
                        "The view has not yet processed every event stored before this request."))
                .then();
    }

    /**
     * Reads until the result satisfies {@code ready}; an empty read counts as not ready. Without a
     * wait to do ({@code ready == null}), one plain read. {@code processorName} keeps the view read.
     */
    public <T> Mono<T> readUntil(String processorName, Supplier<Mono<T>> read, Predicate<T> ready) {
        if (ready == null) {
            return Mono.defer(read);
        }
        return waitFor(processorName, () -> Mono.defer(read).filter(ready),
                "The view does not show the requested version yet.");
    }

    /**
     * The view of one aggregate as API.md's conventions read it: {@code consistent=true} waits for
     * {@code processorName}, {@code minVersion=N} until the view shows version N, nothing found is
     * a 404 naming {@code what} and {@code id}, and the view's version is the {@code ETag}.
     */
    public <T> Mono<ResponseEntity<T>> readVersioned(String processorName, Boolean consistent, Long minVersion,
                                                     Supplier<Mono<T>> read, ToLongFunction<T> version,
                                                     String what, String id) {
        if (minVersion != null && minVersion < 1) {
            throw new InvalidRequestException("minVersion", "must be 1 or more");
        }
        return awaitIfRequested(consistent, processorName)
                .then(readUntil(processorName, read,
                        minVersion == null ? null : view -> version.applyAsLong(view) >= minVersion))
                .switchIfEmpty(Mono.error(() -> new NotFoundException(what, id)))
                .map(view -> ResponseEntity.ok().eTag(Versions.etag(version.applyAsLong(view))).body(view));
    }

    private <T> Mono<T> waitFor(String processorName, Supplier<Mono<T>> attempt, String failure) {
        long maxAttempts = Math.max(1, maxWait.toMillis() / POLL_INTERVAL.toMillis());
        Mono<T> attemptOrHurry = Mono.defer(attempt).switchIfEmpty(Mono.fromRunnable(() -> hurry(processorName)));
        return attemptOrHurry
                .repeatWhenEmpty((int) maxAttempts, repeats -> repeats.delayElements(POLL_INTERVAL))
                .timeout(maxWait)
                .onErrorMap(error -> !(error instanceof NotConsistentYetException),
                        error -> new NotConsistentYetException(failure, Duration.ofSeconds(1)))
                .switchIfEmpty(Mono.error(() -> new NotConsistentYetException(failure, Duration.ofSeconds(1))));
    }

    private void hurry(String processorName) {
        if (arrivals != null) {
            arrivals.hurry(processorName);
        }
    }

    /**
     * True when every segment of the processor is claimed here, healthy, and past {@code head}.
     * The segments' shares must add up to the whole, or some events would be left unchecked.
     */
    boolean hasProcessedUpTo(String processorName, long head) {
        if (head < 0) {
            return true;
        }
        StreamingEventProcessor processor = processing
                .eventProcessor(processorName, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no streaming processor named " + processorName));
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        double share = 0;
        for (EventTrackerStatus status : segments.values()) {
            if (status.isErrorState() || status.getCurrentPosition().orElse(-1) < head) {
                return false;
            }
            share += 1.0 / (status.getSegment().getMask() + 1);
        }
        return share > 0.999;
    }

    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }
}
