package org.kontor.config.storage;

import java.util.List;

/**
 * The documents of an answer as the read store holds them: BSON bytes copied out of the collection
 * under its lock, so the answer is one version of each document, and written onto the wire as they
 * are by {@link ReadStoreWireEncoder}. Only that encoder knows this value; the library's would refuse
 * it, which is why the backend answers this way only on {@link EmbeddedReadStoreServer}'s channels.
 */
record StoredDocuments(List<byte[]> documents) {

    StoredDocuments {
        documents = List.copyOf(documents);
    }

    @Override
    public String toString() {
        return documents.size() + " stored documents";
    }
}
