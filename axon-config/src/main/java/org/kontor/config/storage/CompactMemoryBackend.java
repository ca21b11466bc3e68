package org.kontor.config.storage;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractMongoBackend;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoCollection;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.index.MemoryUniqueIndex;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The embedded read store: mongo-java-server in memory, keeping every document as its BSON bytes,
 * as a MongoDB server keeps it, instead of as a tree of Java objects.
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
 *   its own copy under the lock, so an answer is one whole version, whatever is written later.
 * </ul>
 *
 * <p>The cost is a decode per document read: free for the hot reads, which are {@code _id} lookups
 * of one bucket document, but paid per document by a query that scans a collection (a filter on a
 * field other than {@code _id}; mongo-java-server has no secondary indexes). Writes cost about as
 * much as before: the library's update encoded the document twice just to track its size.
 *
 * <p>Everything else (queries, updates, indexes, cursors) is the library's own code in
 * {@link AbstractSynchronizedMongoCollection}; this class only stores and loads documents.
 */
final class CompactMemoryBackend extends AbstractMongoBackend {

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new CompactDatabase(databaseName, getCursorRegistry());
    }

    private static final class CompactDatabase extends AbstractSynchronizedMongoDatabase<Integer> {

        CompactDatabase(String databaseName, CursorRegistry cursors) {
            super(databaseName, cursors);
            initializeNamespacesAndIndexes();
        }

        @Override
        protected MongoCollection<Integer> openOrCreateCollection(String collectionName, CollectionOptions options) {
            return new CompactCollection(this, collectionName, options, cursorRegistry);
        }

        @Override
        protected Index<Integer> openOrCreateUniqueIndex(String collectionName, String indexName,
                                                        List<IndexKey> keys, boolean sparse) {
            return new MemoryUniqueIndex(indexName, keys, sparse);
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
     * One collection: a list of encoded documents, indexed by position. A removed document leaves
     * its position free for the next insert, so positions held by the indexes never move.
     */
    static final class CompactCollection extends AbstractSynchronizedMongoCollection<Integer> {

        private final List<byte[]> documents = new ArrayList<>();
        private final Deque<Integer> freePositions = new ArrayDeque<>();
        /** Sum of the stored documents' BSON sizes, kept from the bytes themselves. */
        private long dataSize;

        CompactCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                          CursorRegistry cursors) {
            super(database, collectionName, options, cursors);
        }

        @Override
        protected Integer addDocumentInternal(Document document) {
            byte[] encoded = encode(document);
            dataSize += encoded.length;
            Integer position = freePositions.poll();
            if (position == null) {
                documents.add(encoded);
                return documents.size() - 1;
            }
            documents.set(position, encoded);
            return position;
        }

        /** A fresh copy: the caller may change it (an update does) without touching what is stored. */
        @Override
        protected Document getDocument(Integer position) {
            return decode(documents.get(position));
        }

        /** {@code updated} is the document as the update left it; it replaces the stored bytes. */
        @Override
        protected void handleUpdate(Integer position, Document previous, Document updated) {
            byte[] encoded = encode(updated);
            dataSize += encoded.length - documents.get(position).length;
            documents.set(position, encoded);
        }

        @Override
        protected void removeDocument(Integer position) {
            dataSize -= documents.get(position).length;
            documents.set(position, null);
            freePositions.add(position);
        }

        @Override
        protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int numberToReturn,
                                             int batchSize, Document fieldSelector) {
            Stream<Document> all = positions(isNaturalDescending(orderBy)).mapToObj(this::getDocument);
            return matchDocumentsFromStream(all, query, orderBy, numberToSkip, numberToReturn, batchSize,
                    fieldSelector);
        }

        @Override
        protected Stream<DocumentWithPosition<Integer>> streamAllDocumentsWithPosition() {
            return positions(false).mapToObj(position -> new DocumentWithPosition<>(getDocument(position), position));
        }

        /** Only used by the library on a collection without an {@code _id} index. */
        @Override
        protected Integer findDocumentPosition(Document document) {
            return positions(false).filter(position -> getDocument(position).equals(document))
                    .boxed().findFirst().orElse(null);
        }

        @Override
        public synchronized int count() {
            return documents.size() - freePositions.size();
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

        @Override
        protected void updateDataSize(int sizeDelta) {
            dataSize += sizeDelta;
        }

        @Override
        protected synchronized int getDataSize() {
            return (int) Math.min(Integer.MAX_VALUE, dataSize);
        }

        /** The occupied positions, in insertion order or its reverse ({@code $natural: -1}). */
        private IntStream positions(boolean descending) {
            int size = documents.size();
            IntStream positions = descending
                    ? IntStream.range(0, size).map(index -> size - 1 - index)
                    : IntStream.range(0, size);
            return positions.filter(position -> documents.get(position) != null);
        }
    }

    static byte[] encode(Document document) {
        ByteBuf buffer = Unpooled.buffer();
        try {
            BsonEncoder.encodeDocument(document, buffer);
            byte[] encoded = new byte[buffer.readableBytes()];
            buffer.readBytes(encoded);
            return encoded;
        } finally {
            buffer.release();
        }
    }

    static Document decode(byte[] encoded) {
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(encoded));
    }
}
