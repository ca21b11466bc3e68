package org.kontor.query.projection;

import com.mongodb.MongoClientSettings;
import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.messaging.MetaData;
import org.bson.BsonDocument;

/**
 * Runs projections as a processor does: batches of tracked events in one unit of work, with the
 * flush at the end of the batch, against a real MongoDB-protocol server. It counts the
 * {@code find} commands sent and the documents they (and their {@code getMore}s) returned, so
 * tests can check how much a read costs.
 */
public final class ProjectionHarness implements AutoCloseable {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client;
    private final MongoDatabase database;
    private final AtomicInteger finds = new AtomicInteger();
    private final AtomicInteger documentsReturned = new AtomicInteger();
    private final List<BsonDocument> writeCommands = new CopyOnWriteArrayList<>();
    private long nextIndex;

    public ProjectionHarness() {
        InetSocketAddress address = server.bind();
        CommandListener countFinds = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                if (event.getCommandName().equals("find")) {
                    finds.incrementAndGet();
                }
                if (List.of("insert", "update", "delete").contains(event.getCommandName())) {
                    writeCommands.add(event.getCommand().clone());
                }
            }

            @Override
            public void commandSucceeded(CommandSucceededEvent event) {
                BsonDocument cursor = event.getResponse().getDocument("cursor", null);
                if (cursor == null) {
                    return;
                }
                String batch = event.getCommandName().equals("getMore") ? "nextBatch" : "firstBatch";
                if (cursor.containsKey(batch)) {
                    documentsReturned.addAndGet(cursor.getArray(batch).size());
                }
            }
        };
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(
                        "mongodb://" + address.getHostString() + ":" + address.getPort()))
                .addCommandListener(countFinds)
                .build());
        database = client.getDatabase("projection-test");
    }

    public MongoClient client() {
        return client;
    }

    public MongoDatabase database() {
        return database;
    }

    /** The number of {@code find} commands sent since the last call. */
    public int findsSinceLastCall() {
        return finds.getAndSet(0);
    }

    /** The number of documents the {@code find} and {@code getMore} commands returned since the last call. */
    public int documentsReturnedSinceLastCall() {
        return documentsReturned.getAndSet(0);
    }

    /**
     * The {@code insert}, {@code update} and {@code delete} commands sent since the last call, as
     * the driver sent them (the documents of each under {@code documents}, {@code updates} or
     * {@code deletes}).
     */
    public List<BsonDocument> writeCommandsSinceLastCall() {
        List<BsonDocument> sent = List.copyOf(writeCommands);
        writeCommands.clear();
        return sent;
    }

    /** A domain event as the store would deliver it next, at the following global index. */
    public TrackedEventMessage<?> next(String aggregateId, long sequenceNumber, Object payload) {
        return at(nextIndex++, aggregateId, sequenceNumber, payload);
    }

    /** A domain event as the store would deliver it next, recorded at {@code recordedAt}. */
    public TrackedEventMessage<?> next(String aggregateId, long sequenceNumber, Object payload, Instant recordedAt) {
        return tracked(GapAwareTrackingToken.newInstance(nextIndex++, new TreeSet<>()), aggregateId, sequenceNumber,
                payload, recordedAt);
    }

    /** A domain event at a chosen global index, with no gaps before it. */
    public TrackedEventMessage<?> at(long index, String aggregateId, long sequenceNumber, Object payload) {
        return tracked(GapAwareTrackingToken.newInstance(index, new TreeSet<>()), aggregateId, sequenceNumber, payload);
    }

    public static TrackedEventMessage<?> tracked(TrackingToken token, String aggregateId, long sequenceNumber,
                                                 Object payload) {
        return tracked(token, aggregateId, sequenceNumber, payload, Instant.parse("2026-11-26T08:00:00Z"));
    }

    private static TrackedEventMessage<?> tracked(TrackingToken token, String aggregateId, long sequenceNumber,
                                                  Object payload, Instant recordedAt) {
        GenericDomainEventMessage<Object> event = new GenericDomainEventMessage<>(
                payload.getClass().getSimpleName(), aggregateId, sequenceNumber, payload,
                MetaData.from(Map.of("userId", "jane")), java.util.UUID.randomUUID().toString(), recordedAt);
        return new GenericTrackedDomainEventMessage<>(token, event);
    }

    /** Hands one batch to the projection, as one unit of work, and flushes it at the end. */
    public void handle(Object projection, List<? extends TrackedEventMessage<?>> batch) {
        try {
            ProjectionBatch.handle(List.of(new AnnotationEventHandlerAdapter(projection)), batch);
        } catch (Exception failed) {
            throw new AssertionError("the projection failed", failed);
        }
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
