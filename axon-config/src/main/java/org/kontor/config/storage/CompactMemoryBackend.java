package org.kontor.config.storage;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractMongoBackend;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoCollection;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.NoopOplog;
import de.bwaldvogel.mongo.oplog.Oplog;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The embedded read store: mongo-java-server in memory, keeping every document as its BSON bytes,
 * as a MongoDB server keeps it, instead of as a tree of Java objects, and keeping those bytes in
 * direct memory, outside the Java heap ({@link DocumentSlabs} says why).
 *
 * <p>Why not the library's memory backend (1.47.0)? Two reasons, both measured:
 * <ul>
 *   <li><b>Memory.</b> It keeps each document decoded: a {@code LinkedHashMap} per document and
 *   per sub-document, an entry, a key {@code String} and a boxed value per field. At 200,000
 *   journal lines those trees were about 430 of the 500 MiB live heap (about 19 strings a line),
 *   and at 1,000,000 lines the read models needed 2 GiB. The same documents in BSON take a fifth
 *   of that.
 *   <li><b>Torn reads.</b> It updates a stored document in place and answers a find with the
 *   stored documents themselves, encoded onto the wire after the collection's lock is released: a
 *   reader could get a 360 view at version 2 with a field of version 1. Here every read decodes
 *   its own copy under the lock (a find by ids copies the stored bytes under it), so an answer is
 *   one whole version, whatever is written later.
 * </ul>
 *
 * <p>The cost is a decode per document read: free for the hot reads, which are {@code _id} lookups
 * of one bucket document, but paid per document by a query that scans a collection (a filter on a
 * field other than {@code _id}; mongo-java-server has no secondary indexes). A find by a list of
 * text ids, the way projections read their documents back, decodes nothing: its answer is the
 * stored bytes, copied under the lock ({@link StoredDocuments}). Writes cost less than
 * before: a {@code $set} by {@code _id} that adds fields (a bucket's next slot) is spliced into the
 * stored bytes without decoding them ({@link BsonFieldSplice}); a whole document replaced by
 * {@code _id}, or any other {@code $set} by {@code _id}, is changed on one decoded copy and encoded
 * once (the library's path copies it twice more and compares the copies); a {@code $set} by
 * {@code _id} with upsert where nothing is stored (a projection's new bucket) builds the new
 * document directly; and no update encodes the document twice only to track its size.
 *
 * <p>Everything else (queries, operator updates, other upserts, indexes, cursors) is the library's
 * own code in {@link AbstractSynchronizedMongoCollection}; this class stores and loads documents
 * and takes the shortcuts above.
 */
final class CompactMemoryBackend extends AbstractMongoBackend {

    private static final String ID_FIELD = "_id";

    private final SlabPool slabs = new SlabPool();

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new CompactDatabase(databaseName, getCursorRegistry(), slabs);
    }

    /** The direct memory the stored documents occupy, in use or free for reuse (see {@link SlabPool}). */
    long directMemoryBytes() {
        return slabs.allocatedBytes();
    }

    private static final class CompactDatabase extends AbstractSynchronizedMongoDatabase<Integer> {

        /** The fields of a find the driver sends without options: a sort, projection, skip, limit or batch size is none of them. */
        private static final Set<String> PLAIN_FIND_FIELDS = Set.of("find", "filter", "$db", "lsid", "$readPreference");

        private final SlabPool slabs;

        CompactDatabase(String databaseName, CursorRegistry cursors, SlabPool slabs) {
            super(databaseName, cursors);
            this.slabs = slabs;
            initializeNamespacesAndIndexes();
        }

        @Override
        protected MongoCollection<Integer> openOrCreateCollection(String collectionName, CollectionOptions options) {
            return new CompactCollection(this, collectionName, options, cursorRegistry, slabs);
        }

        @Override
        protected Index<Integer> openOrCreateUniqueIndex(String collectionName, String indexName,
                                                        List<IndexKey> keys, boolean sparse) {
            return new CompactUniqueIndex(indexName, keys, sparse);
        }

        /**
         * A drop of a collection that does not exist answers {@code ok}, as MongoDB 7 does. The
         * library throws "ns not found", which the driver ignores but the library's wire handler
         * logs as an ERROR with its stack, for every reset of an empty view and every rebuild.
         */
        @Override
        public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver databases,
                                      Oplog oplog) {
            if ("drop".equalsIgnoreCase(command) && query.get(command) instanceof String collection
                    && resolveCollection(collection, false) == null) {
                return new Document("ok", 1.0);
            }
            if ("find".equals(command) && channel.pipeline().get(ReadStoreWireEncoder.class) != null) {
                Document answer = foundByTextIds(query);
                if (answer != null) {
                    return answer;
                }
            }
            return super.handleCommand(channel, command, query, databases, oplog);
        }

        /**
         * The answer to {@code find} with the filter {@code {_id: {$in: [text ids]}}} and no options
         * (what a projection's batch sends to read its documents back), with the documents as they
         * are stored ({@link StoredDocuments}), for {@link ReadStoreWireEncoder} to copy onto the
         * wire: the library's path decodes every stored document into a tree, matches it against
         * the filter again, and encodes it back. Null for any other find, which the library answers.
         * Every document found is in the one batch: the ids named bound the answer, and one larger
         * than a BSON document may be is left to the library's path.
         */
        private Document foundByTextIds(Document query) {
            if (!PLAIN_FIND_FIELDS.containsAll(query.keySet()) || !(query.get("find") instanceof String name)) {
                return null;
            }
            Set<String> ids = CompactCollection.textIdsOf(query.get("filter"));
            if (ids == null || !(resolveCollection(name, false) instanceof CompactCollection collection)) {
                return null;
            }
            StoredDocuments found = collection.storedByTextIds(ids);
            if (found == null) {
                return null;
            }
            return new Document("cursor", new Document("id", 0L).append("ns", collection.getFullName())
                    .append("firstBatch", found)).append("ok", 1.0);
        }

        /** Nothing is on disk. */
        @Override
        protected long getStorageSize() {
            return 0;
        }

        @Override
        protected long getFileSize() {
            return 0;
        }
    }

    /**
     * One collection: encoded documents by position, off the heap ({@link DocumentSlabs}). A removed
     * document leaves its position free for the next insert, so positions held by the indexes never
     * move. Every method that reads the stored bytes holds the collection's lock, including those
     * the library calls without it (a {@code count} with a filter, building an index).
     */
    static final class CompactCollection extends AbstractSynchronizedMongoCollection<Integer> {

        /** The largest answer of stored documents: a BSON document's limit, which one answer is. */
        private static final long MAX_STORED_ANSWER_BYTES = 16L * 1024 * 1024 - 64 * 1024;

        private final DocumentSlabs documents;
        private final Deque<Integer> freePositions = new ArrayDeque<>();
        /** The ids of the last {@code _id $in} query seen, for {@link #documentMatchesQuery}. */
        private volatile IdsQuery lastIdsQuery = new IdsQuery(null, null);

        CompactCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                          CursorRegistry cursors, SlabPool slabs) {
            super(database, collectionName, options, cursors);
            this.documents = new DocumentSlabs(slabs);
        }

        @Override
        protected Integer addDocumentInternal(Document document) {
            byte[] encoded = encode(document);
            Integer free = freePositions.poll();
            int position = free == null ? documents.positions() : free;
            try {
                documents.put(position, encoded);
            } catch (OutOfMemoryError noDirectMemory) {
                // Nothing was stored; the position stays free for the next insert.
                if (free != null) {
                    freePositions.addFirst(free);
                }
                throw noDirectMemory;
            }
            return position;
        }

        /** A fresh copy: the caller may change it (an update does) without touching what is stored. */
        @Override
        protected synchronized Document getDocument(Integer position) {
            return documents.decode(position);
        }

        /** {@code updated} is the document as the update left it; it replaces the stored bytes. */
        @Override
        protected void handleUpdate(Integer position, Document previous, Document updated) {
            documents.put(position, encode(updated));
        }

        @Override
        protected void removeDocument(Integer position) {
            documents.remove(position);
            freePositions.add(position);
        }

        /** The database has dropped the indexes and forgets this collection; its slabs go back to the pool. */
        @Override
        public void drop() {
            super.drop();
            synchronized (this) {
                documents.clear();
                freePositions.clear();
            }
        }

        /**
         * A sort by {@code _id} alone (every list of a view by its key) is done here, by the same
         * value order as the library's: the library's comparator looks the sort field up through
         * its dotted-path rules for both documents of every comparison, which splits the name
         * with a regular expression each time. In the month-end balances that sort of the
         * accounts was about a seventh of what a request allocated.
         */
        @Override
        protected synchronized QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int numberToReturn,
                                             int batchSize, Document fieldSelector) {
            Stream<Document> all = positions(isNaturalDescending(orderBy)).mapToObj(this::getDocument);
            Comparator<Object> idOrder = idOrder(orderBy);
            if (idOrder != null) {
                all = all.sorted((first, second) -> idOrder.compare(first.get(ID_FIELD), second.get(ID_FIELD)));
                orderBy = null;
            }
            return matchDocumentsFromStream(all, query, orderBy, numberToSkip, numberToReturn, batchSize,
                    fieldSelector);
        }

        /** The library's order of {@code _id} values for {@code {_id: 1}} or {@code {_id: -1}}, else null. */
        private static Comparator<Object> idOrder(Document orderBy) {
            if (orderBy == null || orderBy.size() != 1 || !(orderBy.get(ID_FIELD) instanceof Number direction)) {
                return null;
            }
            return direction.intValue() > 0 ? ValueComparator.asc() : ValueComparator.desc();
        }

        /**
         * {@code {_id: {$in: [ids]}}} with text ids (what a projection's batch sends to read its
         * documents) is answered with a set: the library finds the documents through the index and
         * then compares each one with every id of the list again, which for a batch reading 500
         * documents was 250,000 comparisons and about 3 % of a replay's CPU. Anything else takes the
         * library's rules.
         */
        @Override
        protected boolean documentMatchesQuery(Document document, Document query) {
            Set<String> ids = textIdsIn(query);
            if (ids == null) {
                return super.documentMatchesQuery(document, query);
            }
            return document.get(ID_FIELD) instanceof String id && ids.contains(id);
        }

        /** The ids of an {@code _id $in} query whose ids are all text, else null; the last one is kept. */
        private Set<String> textIdsIn(Document query) {
            IdsQuery last = lastIdsQuery;
            if (last.query() == query) {
                return last.ids();
            }
            Set<String> ids = textIdsOf(query);
            lastIdsQuery = new IdsQuery(query, ids);
            return ids;
        }

        /** The ids of a filter {@code {_id: {$in: [ids]}}} whose ids are all text, in their order, else null. */
        static Set<String> textIdsOf(Object filter) {
            if (!(filter instanceof Document query) || query.size() != 1
                    || !(query.get(ID_FIELD) instanceof Document condition) || condition.size() != 1
                    || !(condition.get("$in") instanceof Collection<?> values)) {
                return null;
            }
            Set<String> ids = new LinkedHashSet<>();
            for (Object value : values) {
                if (!(value instanceof String id)) {
                    return null;
                }
                ids.add(id);
            }
            return ids;
        }

        /**
         * The stored bytes of the documents with these ids, found in the {@code _id} index's table;
         * null where the collection has no such index. Copied under the lock, so each is one version.
         */
        synchronized StoredDocuments storedByTextIds(Set<String> ids) {
            CompactUniqueIndex idIndex = null;
            for (Index<Integer> index : getIndexes()) {
                if (index instanceof CompactUniqueIndex unique && unique.isOnlyOn(ID_FIELD)) {
                    idIndex = unique;
                    break;
                }
            }
            if (idIndex == null) {
                return null;
            }
            List<byte[]> found = new ArrayList<>();
            long bytes = 0;
            for (String id : ids) {
                Integer position = idIndex.positionOfText(id);
                if (position != null) {
                    byte[] document = documents.bytes(position);
                    bytes += document.length;
                    if (bytes > MAX_STORED_ANSWER_BYTES) {
                        return null; // larger than one answer may be: the library's path answers, as before
                    }
                    found.add(document);
                }
            }
            return new StoredDocuments(found);
        }

        /** A query, by identity, and its text ids (null if it is not such a query). */
        private record IdsQuery(Document query, Set<String> ids) {
        }

        /** Decoded under the lock: the caller may consume the stream after it is released. */
        @Override
        protected synchronized Stream<DocumentWithPosition<Integer>> streamAllDocumentsWithPosition() {
            return positions(false).mapToObj(position -> new DocumentWithPosition<>(getDocument(position), position))
                    .toList().stream();
        }

        /**
         * The two writes projections send by {@code _id} (a whole document, as {@code save} sends
         * it, and {@code $set} of fields, as {@code setFields} sends it) are applied here: a
         * {@code $set} that only adds fields or sets them to what they hold is spliced into the
         * stored bytes ({@link BsonFieldSplice}); any other is applied to one decoded copy and
         * encoded once; where nothing is stored under the id, an upsert's {@code $set} builds the
         * new document ({@link #upsertedInOneStep}). The library's path decodes the stored document,
         * copies it twice, compares the copies field by field and encodes the result; in a replay
         * that was most of the read store's CPU. Everything else (other operators, other filters,
         * collections with more indexes than {@code _id}) takes the library's path.
         */
        @Override
        public synchronized Document updateDocuments(Document selector, Document update, ArrayFilters arrayFilters,
                                                     boolean isMulti, boolean isUpsert, Oplog oplog) {
            boolean oneById = !isMulti && oplog instanceof NoopOplog && arrayFilters.isEmpty() && plainIdSelector(selector);
            Integer position = oneById ? storedById(selector) : null;
            if (oneById && position == null && isUpsert) {
                Document inserted = upsertedInOneStep(selector, update);
                if (inserted != null) {
                    Utils.validateFieldNames(inserted);
                    addDocument(inserted);
                    return new Document("upserted", inserted.get(ID_FIELD)).append("n", 0).append("nModified", 0);
                }
            }
            if (position != null && update.size() == 1 && update.get("$set") instanceof Document fields
                    && !conflicting(fields.keySet())) {
                byte[] stored = documents.bytes(position);
                byte[] spliced = BsonFieldSplice.set(stored, fields);
                if (spliced != null) {
                    if (spliced != stored) {
                        documents.put(position, spliced);
                    }
                    return new Document("n", 1).append("nModified", spliced == stored ? 0 : 1);
                }
            }
            Document updated = position == null ? null : updatedInOneStep(selector, update, position);
            if (updated == null) {
                return super.updateDocuments(selector, update, arrayFilters, isMulti, isUpsert, oplog);
            }
            Utils.validateFieldNames(updated);
            byte[] encoded = encode(updated);
            boolean modified = !documents.holds(position, encoded);
            if (modified) {
                documents.put(position, encoded);
            }
            return new Document("n", 1).append("nModified", modified ? 1 : 0);
        }

        /**
         * A selector of one text or number {@code _id} on a collection whose only index is the
         * {@code _id} one: the index alone says whether the document is stored.
         */
        private boolean plainIdSelector(Document selector) {
            Object id = selector.get(ID_FIELD);
            if (selector.size() != 1 || !(id instanceof String || id instanceof Number)) {
                return false;
            }
            List<Index<Integer>> indexes = getIndexes();
            if (indexes.size() != 1) {
                return false;
            }
            // The _id index handles {_id: <value>}; asking the library works that out with streams per call.
            return indexes.get(0) instanceof CompactUniqueIndex ids && ids.isOnlyOn(ID_FIELD)
                    || indexes.get(0).canHandle(selector);
        }

        /**
         * The stored position of the document a {@link #plainIdSelector plain selector} names, else
         * null. A text id, the projections' kind, is looked up in the index's table directly.
         */
        private Integer storedById(Document selector) {
            Index<Integer> index = getIndexes().get(0);
            if (selector.get(ID_FIELD) instanceof String id && index instanceof CompactUniqueIndex ids
                    && ids.isOnlyOn(ID_FIELD)) {
                return ids.positionOfText(id);
            }
            Iterator<Integer> positions = index.getPositions(selector).iterator();
            return positions.hasNext() ? positions.next() : null;
        }

        /**
         * The document an upsert of {@code $set} inserts where nothing is stored under the id: the
         * id, then every field set, in their order, sub-documents made along dotted paths
         * ({@code l.7}), as MongoDB makes them. A new bucket of a projection is created this way. The
         * library's upsert splits every path with a regular expression compiled per segment and
         * copies the document per field; in a replay that was about half of the read store's CPU and
         * a quarter of everything the server allocated. Null for any other update.
         */
        private static Document upsertedInOneStep(Document selector, Document update) {
            if (update.size() != 1 || !(update.get("$set") instanceof Document fields) || conflicting(fields.keySet())) {
                return null;
            }
            Document inserted = new Document(ID_FIELD, selector.get(ID_FIELD));
            for (Map.Entry<String, Object> field : fields.entrySet()) {
                if (!setPath(inserted, field.getKey(), field.getValue())) {
                    return null;
                }
            }
            return inserted;
        }

        /**
         * The document after {@code update}, for the two shapes projections send: a whole
         * replacement, or {@code $set} of fields and of fields in sub-documents ({@code l.7}).
         * Null for anything else, which the library then handles with its full rules.
         */
        private Document updatedInOneStep(Document selector, Document update, int position) {
            Object id = selector.get(ID_FIELD);
            if (update.keySet().stream().noneMatch(field -> field.startsWith("$"))) {
                if (update.containsKey(ID_FIELD) && !id.equals(update.get(ID_FIELD))) {
                    return null;
                }
                Document replacement = new Document(ID_FIELD, id);
                update.forEach(replacement::put);
                return replacement;
            }
            if (update.size() != 1 || !(update.get("$set") instanceof Document fields) || conflicting(fields.keySet())) {
                return null;
            }
            Document updated = getDocument(position);
            for (Map.Entry<String, Object> field : fields.entrySet()) {
                if (!setPath(updated, field.getKey(), field.getValue())) {
                    return null;
                }
            }
            return updated;
        }

        /** Sets {@code path} (dotted through sub-documents); false where the path is not plain sub-documents. */
        private static boolean setPath(Document document, String path, Object value) {
            String[] parts = path.split("\\.", -1);
            if (parts[0].equals(ID_FIELD) || Arrays.stream(parts).anyMatch(part -> part.isEmpty() || part.startsWith("$"))) {
                return false;
            }
            Document parent = document;
            for (int depth = 0; depth < parts.length - 1; depth++) {
                Object child = parent.get(parts[depth]);
                if (child == null && !parent.containsKey(parts[depth])) {
                    child = new Document();
                    parent.put(parts[depth], child);
                }
                if (!(child instanceof Document childDocument)) {
                    return false; // an array, a value or null on the way: MongoDB's rules differ
                }
                parent = childDocument;
            }
            parent.put(parts[parts.length - 1], value);
            return true;
        }

        /** Two paths where one is inside the other ({@code a} and {@code a.b}) are an error the library reports. */
        private static boolean conflicting(Set<String> paths) {
            for (String path : paths) {
                for (String other : paths) {
                    if (!path.equals(other) && other.startsWith(path + ".")) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** Only used by the library on a collection without an {@code _id} index. */
        @Override
        protected synchronized Integer findDocumentPosition(Document document) {
            return positions(false).filter(position -> getDocument(position).equals(document))
                    .boxed().findFirst().orElse(null);
        }

        @Override
        public synchronized int count() {
            return documents.positions() - freePositions.size();
        }

        @Override
        public synchronized boolean isEmpty() {
            return count() == 0;
        }

        /** Sizes come from the stored bytes; the library would encode every document twice per update to know them. */
        @Override
        protected boolean tracksDataSize() {
            return false;
        }

        /** Never called: the library calls it only when {@link #tracksDataSize()} says so. */
        @Override
        protected void updateDataSize(int sizeDelta) {
            throw new UnsupportedOperationException("sizes come from the stored documents");
        }

        @Override
        protected synchronized int getDataSize() {
            return (int) Math.min(Integer.MAX_VALUE, documents.storedBytes());
        }

        /** The occupied positions, in insertion order or its reverse ({@code $natural: -1}). */
        private IntStream positions(boolean descending) {
            int size = documents.positions();
            IntStream positions = descending
                    ? IntStream.range(0, size).map(index -> size - 1 - index)
                    : IntStream.range(0, size);
            return positions.filter(documents::occupied);
        }
    }

    static byte[] encode(Document document) {
        return StoredBson.encode(document);
    }

    static Document decode(byte[] encoded) {
        return decode(ByteBuffer.wrap(encoded));
    }

    static Document decode(ByteBuffer encoded) {
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(encoded));
    }
}
