package org.kontor.config.storage;

import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryParameters;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;

/**
 * mongo-java-server's memory backend, with finds that answer each document as one whole version.
 *
 * <p>The memory backend (1.47.0) updates a stored document in place, field by field, under the
 * collection's lock, and a find answers with the stored documents themselves: they are encoded
 * onto the wire after the lock is released. A projection replacing a view document while a query
 * is being encoded then sends a mix of both versions, e.g. a customer's 360 view at version 2 whose
 * payment terms are still those of version 1. A find here answers with copies taken under the
 * lock, which no later update can change.
 */
final class SnapshotReadsMemoryBackend extends MemoryBackend {

    @Override
    public MemoryDatabase openOrCreateDatabase(String databaseName) {
        return new SnapshotReadsDatabase(databaseName, getCursorRegistry());
    }

    private static final class SnapshotReadsDatabase extends MemoryDatabase {

        SnapshotReadsDatabase(String databaseName, CursorRegistry cursors) {
            super(databaseName, cursors);
        }

        @Override
        protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
            return new SnapshotReadsCollection(this, collectionName, options, cursorRegistry);
        }
    }

    private static final class SnapshotReadsCollection extends MemoryCollection {

        /**
         * True while a find is answered. Updates and deletes match documents through the same
         * methods and must get the stored documents, not copies; every method involved holds this
         * collection's lock, which guards the flag.
         */
        private boolean answeringFind;

        SnapshotReadsCollection(MemoryDatabase database, String collectionName, CollectionOptions options,
                                CursorRegistry cursors) {
            super(database, collectionName, options, cursors);
        }

        @Override
        public synchronized QueryResult handleQuery(QueryParameters query) {
            answeringFind = true;
            try {
                return super.handleQuery(query);
            } finally {
                answeringFind = false;
            }
        }

        /** The first batch and the cursor's later batches alike come from here, after skip and limit. */
        @Override
        protected synchronized QueryResult createQueryResult(List<Document> matchedDocuments, int batchSize) {
            List<Document> answered = answeringFind
                    ? matchedDocuments.stream().map(Document::cloneDeeply).toList()
                    : matchedDocuments;
            return super.createQueryResult(answered, batchSize);
        }
    }
}
