package org.kontor.query.projection;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;

/**
 * The documents one batch of events reads and writes. Reads are cached for the batch (and the ids
 * the whole batch needs are fetched in one query); writes are collected and sent by {@link #flush()}
 * as one ordered {@code bulkWrite} per collection. Outside a unit of work (a handler called
 * directly), each batch holds one event and is flushed by its caller.
 */
public final class DocumentBatch {

    private static final String RESOURCE_KEY = DocumentBatch.class.getName();
    private static final ReplaceOptions UPSERT_REPLACE = new ReplaceOptions().upsert(true);
    private static final UpdateOptions UPSERT_UPDATE = new UpdateOptions().upsert(true);

    private final MongoDatabase database;
    private final Map<String, Map<String, Document>> cache = new HashMap<>();
    /** Collections whose documents for the whole batch were fetched already. */
    private final Set<String> prefetched = new HashSet<>();
    private final Map<String, Map<String, Document>> inserted = new LinkedHashMap<>();
    private final Map<String, Map<String, Document>> replaced = new LinkedHashMap<>();
    private final Map<String, Map<String, Document>> fieldsToSet = new LinkedHashMap<>();

    DocumentBatch(MongoDatabase database) {
        this.database = database;
    }

    /** The batch of the unit of work in progress; one per unit of work and database. */
    public static DocumentBatch current(MongoDatabase database) {
        if (!CurrentUnitOfWork.isStarted()) {
            throw new IllegalStateException("a projection handler runs inside a unit of work");
        }
        return CurrentUnitOfWork.get().root().getOrComputeResource(RESOURCE_KEY, key -> new DocumentBatch(database));
    }

    /** Writes what the unit of work's batch collected, if it collected anything. */
    static void flushIfAny(UnitOfWork<?> unitOfWork) {
        DocumentBatch batch = unitOfWork.root().getResource(RESOURCE_KEY);
        if (batch != null) {
            batch.flush();
        }
    }

    /**
     * The document with this id, or {@code null}. The first read of a collection in a batch fetches
     * the documents of every event in the batch at once; {@code idOfPayload} names the document an
     * event payload belongs to ({@code null} for events that do not touch this collection).
     */
    public Document load(String collection, String id, Function<Object, String> idOfPayload) {
        return loadAmong(collection, id, payload -> {
            String payloadId = idOfPayload.apply(payload);
            return payloadId == null ? List.of() : List.of(payloadId);
        });
    }

    /**
     * As {@link #load}, for views where one event touches several documents: {@code idsOfPayload}
     * names all of them, so the batch's first read fetches them all in one query. The batch is
     * scanned once per collection; a document not named up front costs one query of its own.
     */
    public Document loadAmong(String collection, String id, Function<Object, Collection<String>> idsOfPayload) {
        Map<String, Document> documents = cache.computeIfAbsent(collection, name -> new HashMap<>());
        if (!documents.containsKey(id)) {
            Set<String> wanted = new LinkedHashSet<>();
            wanted.add(id);
            if (prefetched.add(collection)) {
                wanted.addAll(idsInBatch(idsOfPayload));
            }
            wanted.removeAll(documents.keySet());
            wanted.forEach(missing -> documents.put(missing, null));
            database.getCollection(collection).find(Filters.in("_id", wanted))
                    .forEach(found -> documents.put(found.getString("_id"), found));
        }
        return documents.get(id);
    }

    /**
     * The usual change of one document by one event: read it (creating it when missing), skip the
     * event if the document applied it already, let {@code change} set its fields, record the
     * event's position and save it at the end of the batch.
     */
    public void apply(String collection, String id, Function<Object, String> idOfPayload, TrackingToken token,
                      Consumer<Document> change) {
        Document document = load(collection, id, idOfPayload);
        if (AppliedPosition.alreadyApplied(document, token)) {
            return;
        }
        document = document == null ? new Document("_id", id) : document;
        change.accept(document);
        AppliedPosition.recordApplied(document, token);
        save(collection, document);
    }

    /** As {@link #apply}, for events that only ever follow the one that created the document. */
    public void applyToExisting(String collection, String id, Function<Object, String> idOfPayload,
                                TrackingToken token, Consumer<Document> change) {
        if (load(collection, id, idOfPayload) != null) {
            apply(collection, id, idOfPayload, token, change);
        }
    }

    /**
     * The change of an aggregate's own document by one of its events: {@link #apply} for the event
     * that creates it, {@link #applyToExisting} for the others, and the aggregate's version after
     * the event ({@code sequenceNumber + 1}) noted in {@code version}, which reads compare with
     * {@code minVersion} and answer as the {@code ETag}.
     */
    public void applyVersioned(String collection, String id, Function<Object, String> idOfPayload, TrackingToken token,
                               long sequenceNumber, boolean creates, Consumer<Document> change) {
        Consumer<Document> versioned = document -> {
            change.accept(document);
            document.put("version", sequenceNumber + 1);
        };
        if (creates) {
            apply(collection, id, idOfPayload, token, versioned);
        } else {
            applyToExisting(collection, id, idOfPayload, token, versioned);
        }
    }

    /**
     * Inserts a document that its event creates, without reading first: for documents that only
     * their own creating event writes in full, such as one document per journal entry. When the
     * event is delivered again the document is there, the insert is refused as a duplicate and the
     * stored document stays as it is. Later events of the batch read it from this batch.
     */
    public void insert(String collection, Document document) {
        String id = document.getString("_id");
        cache.computeIfAbsent(collection, name -> new HashMap<>()).put(id, document);
        inserted.computeIfAbsent(collection, name -> new LinkedHashMap<>()).put(id, document);
    }

    /** Replaces (or inserts) the whole document at the end of the batch. */
    public void save(String collection, Document document) {
        String id = document.getString("_id");
        cache.computeIfAbsent(collection, name -> new HashMap<>()).put(id, document);
        replaced.computeIfAbsent(collection, name -> new LinkedHashMap<>()).put(id, document);
    }

    /**
     * Sets fields of a document without reading it (creating it if needed). Setting the same field
     * again is harmless, which is what makes write-only documents such as timeline buckets safe to
     * rewrite when an event is delivered twice.
     */
    public void setFields(String collection, String id, Map<String, Object> fields) {
        fieldsToSet.computeIfAbsent(collection, name -> new LinkedHashMap<>())
                .computeIfAbsent(id, key -> new Document())
                .putAll(fields);
    }

    /**
     * Sends every collected write. Inserts go first, field updates second, whole documents last: a view that keeps
     * its progress in a whole document (a timeline head) writes its slots (timeline buckets) before
     * that progress, so a crash between the two leaves a redelivery that rewrites the same slots.
     */
    public void flush() {
        inserted.forEach(this::insertAll);
        fieldsToSet.forEach((collection, documents) -> {
            List<WriteModel<Document>> writes = new ArrayList<>();
            documents.forEach((id, fields) -> writes.add(new UpdateOneModel<>(Filters.eq("_id", id),
                    new Document("$set", fields), UPSERT_UPDATE)));
            write(collection, writes);
        });
        replaced.forEach((collection, documents) -> {
            List<WriteModel<Document>> writes = new ArrayList<>();
            documents.forEach((id, document) ->
                    writes.add(new ReplaceOneModel<>(Filters.eq("_id", id), document, UPSERT_REPLACE)));
            write(collection, writes);
        });
        inserted.clear();
        fieldsToSet.clear();
        replaced.clear();
    }

    /** Unordered, so that a duplicate (a redelivered event) does not stop the inserts after it. */
    private void insertAll(String collection, Map<String, Document> documents) {
        try {
            database.getCollection(collection).insertMany(new ArrayList<>(documents.values()),
                    new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException refused) {
            List<BulkWriteError> notDuplicates = refused.getWriteErrors().stream()
                    .filter(error -> error.getCategory() != ErrorCategory.DUPLICATE_KEY).toList();
            if (!notDuplicates.isEmpty() || refused.getWriteConcernError() != null) {
                throw refused;
            }
        }
    }

    private void write(String collection, List<WriteModel<Document>> writes) {
        if (!writes.isEmpty()) {
            database.getCollection(collection).bulkWrite(writes, new BulkWriteOptions().ordered(true));
        }
    }

    private static Set<String> idsInBatch(Function<Object, Collection<String>> idsOfPayload) {
        Set<String> ids = new LinkedHashSet<>();
        if (CurrentUnitOfWork.isStarted()
                && CurrentUnitOfWork.get().root() instanceof BatchingUnitOfWork<?> batch) {
            for (Object message : batch.getMessages()) {
                ids.addAll(idsOfPayload.apply(((EventMessage<?>) message).getPayload()));
            }
        }
        return ids;
    }
}
