package org.kontor.config.storage;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.DuplicateKeyError;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A unique index of the embedded read store (every collection's {@code _id} index), with text keys
 * kept in a table of their own: the key's {@link String} and an {@code int} position per document.
 *
 * <p>Why: the library's index keeps a map entry, a {@link KeyValue}, its list and its array, and a
 * boxed position for every document, about 110 bytes besides the id itself. With the documents off
 * the heap ({@link DocumentSlabs}) those were the largest part of the read store left on it: at
 * 942,000 events of postings, 566,000 documents. Other keys (numbers, several fields) stay in a map
 * by {@link KeyValue}, as the library keeps them.
 *
 * <p>The library calls these methods from the collection's and the index's locks; they also
 * synchronize on the index, so a read never sees the table half resized.
 */
final class CompactUniqueIndex extends AbstractUniqueIndex<Integer> {

    private final TextKeys text = new TextKeys();
    private final Map<KeyValue, Integer> other = new HashMap<>();

    /** The one top-level field of a non-sparse index of one field (every {@code _id} index), else null. */
    private final String plainField;

    CompactUniqueIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        String field = keys.size() == 1 ? keys.get(0).getKey() : null;
        this.plainField = field != null && !sparse && field.indexOf('.') < 0 ? field : null;
    }

    /**
     * Refuses a document whose key is taken, as the library's index does, reading a text key
     * straight from the document.
     *
     * <p>Why: the library's index works out a document's keys through its generic path walk, once
     * here and twice more when the document is added (it checks again), making maps, sets and
     * split paths each time: 2 % of a rebuild's CPU and 5 % of its allocations, most of them for
     * inserted documents whose key is a text {@code _id}. Other keys go the library's way.
     */
    @Override
    public synchronized void checkAdd(Document document, MongoCollection<Integer> collection) {
        String id = plainTextKeyOf(document);
        if (id == null) {
            super.checkAdd(document, collection);
        } else if (text.get(id) >= 0) {
            throw new DuplicateKeyError(this, collection, getKeys(), new KeyValue(id));
        }
    }

    /** Adds the document's key, refusing a taken one as {@link #checkAdd} does. */
    @Override
    public synchronized void add(Document document, Integer position, MongoCollection<Integer> collection) {
        String id = plainTextKeyOf(document);
        if (id == null) {
            super.add(document, position, collection);
        } else if (text.putIfAbsent(id, position) >= 0) {
            throw new DuplicateKeyError(this, collection, getKeys(), new KeyValue(id));
        }
    }

    /** The document's text under the plain field, which is its whole key; null for any other key. */
    private String plainTextKeyOf(Document document) {
        return plainField != null && document.get(plainField) instanceof String id ? id : null;
    }

    @Override
    protected synchronized Integer removeDocument(KeyValue key) {
        String id = textOf(key);
        return id == null ? other.remove(key) : positionOrNull(text.remove(id));
    }

    /** False, and nothing changed, when the key is already there (the library then reports a duplicate). */
    @Override
    protected synchronized boolean putKeyPosition(KeyValue key, Integer position) {
        String id = textOf(key);
        if (id == null) {
            return other.putIfAbsent(key, position) == null;
        }
        return text.putIfAbsent(id, position) < 0;
    }

    @Override
    protected synchronized Integer getPosition(KeyValue key) {
        String id = textOf(key);
        return id == null ? other.get(key) : positionOrNull(text.get(id));
    }

    /**
     * The position of the document whose only key is the text {@code id}, or null: what
     * {@code getPositions} answers for {@code {<key>: id}}, without the library's generic look-up
     * of the selector's fields (streams per call; a tenth of the read store's thread in a rebuild).
     */
    synchronized Integer positionOfText(String id) {
        return positionOrNull(text.get(id));
    }

    /** Whether this is the index of one field, {@code field}, the way every {@code _id} index is. */
    boolean isOnlyOn(String field) {
        return getKeys().size() == 1 && getKeys().get(0).getKey().equals(field);
    }

    /** A copy: the caller may iterate it after the lock is released. */
    @Override
    protected synchronized Iterable<Map.Entry<KeyValue, Integer>> getIterable() {
        List<Map.Entry<KeyValue, Integer>> entries = new ArrayList<>(text.size() + other.size());
        text.forEach((id, position) -> entries.add(new SimpleImmutableEntry<>(new KeyValue(id), position)));
        entries.addAll(other.entrySet().stream().map(SimpleImmutableEntry::new).toList());
        return entries;
    }

    @Override
    public synchronized long getCount() {
        return text.size() + other.size();
    }

    @Override
    public synchronized boolean isEmpty() {
        return getCount() == 0;
    }

    /** As the library's index answers it: its number of keys. */
    @Override
    public long getDataSize() {
        return getCount();
    }

    /** {@link TextKeys} answers -1 for a key it does not hold; the library expects null. */
    private static Integer positionOrNull(int position) {
        return position < 0 ? null : position;
    }

    private static String textOf(KeyValue key) {
        return key.size() == 1 && key.get(0) instanceof String id ? id : null;
    }

    /**
     * Text keys to positions ({@code >= 0}): open addressing with linear probing, at most three
     * quarters full, and deletion by shifting the following run back, so no slot is ever a tombstone.
     *
     * <p>Each slot keeps its key's hash too, so a probe compares the text of a key only when the
     * hashes match: most probes pass other keys, whose strings lie two objects away from the table.
     * ({@link #slotOf} had 1.6 % of a rebuild's CPU samples before; what this saves was within the
     * machine's spread, docs/benchmarks.md, session twenty-three.)
     */
    static final class TextKeys {

        private String[] keys = new String[16];
        private int[] hashes = new int[16];
        private int[] positions = new int[16];
        private int size;

        int size() {
            return size;
        }

        /** The position of {@code key}, or -1. */
        int get(String key) {
            int slot = slotOf(key);
            return keys[slot] == null ? -1 : positions[slot];
        }

        /** Stores {@code key} unless it is there; answers the position already there, or -1. */
        int putIfAbsent(String key, int position) {
            if (position < 0) {
                throw new IllegalArgumentException("position " + position);
            }
            int slot = slotOf(key);
            if (keys[slot] != null) {
                return positions[slot];
            }
            keys[slot] = key;
            hashes[slot] = key.hashCode();
            positions[slot] = position;
            if (++size * 4L > keys.length * 3L) {
                grow();
            }
            return -1;
        }

        /** Removes {@code key}; answers its position, or -1 if it was not there. */
        int remove(String key) {
            int slot = slotOf(key);
            if (keys[slot] == null) {
                return -1;
            }
            int removed = positions[slot];
            int mask = keys.length - 1;
            int free = slot;
            int next = slot;
            while (true) {
                next = (next + 1) & mask;
                if (keys[next] == null) {
                    break;
                }
                int home = home(hashes[next], mask);
                // the key at next may move back to free only if its home is not in (free, next]
                boolean homeBetween = free <= next ? free < home && home <= next : free < home || home <= next;
                if (!homeBetween) {
                    keys[free] = keys[next];
                    hashes[free] = hashes[next];
                    positions[free] = positions[next];
                    free = next;
                }
            }
            keys[free] = null;
            size--;
            return removed;
        }

        void forEach(KeyPosition action) {
            for (int slot = 0; slot < keys.length; slot++) {
                if (keys[slot] != null) {
                    action.accept(keys[slot], positions[slot]);
                }
            }
        }

        /** The slot holding {@code key}, or the empty slot where it would go. */
        private int slotOf(String key) {
            int hash = key.hashCode();
            int mask = keys.length - 1;
            int slot = home(hash, mask);
            while (keys[slot] != null && (hashes[slot] != hash || !keys[slot].equals(key))) {
                slot = (slot + 1) & mask;
            }
            return slot;
        }

        private void grow() {
            String[] oldKeys = keys;
            int[] oldHashes = hashes;
            int[] oldPositions = positions;
            keys = new String[oldKeys.length * 2];
            hashes = new int[oldKeys.length * 2];
            positions = new int[oldKeys.length * 2];
            int mask = keys.length - 1;
            for (int slot = 0; slot < oldKeys.length; slot++) {
                if (oldKeys[slot] != null) {
                    // the keys are distinct: the first free slot from the home is the key's
                    int target = home(oldHashes[slot], mask);
                    while (keys[target] != null) {
                        target = (target + 1) & mask;
                    }
                    keys[target] = oldKeys[slot];
                    hashes[target] = oldHashes[slot];
                    positions[target] = oldPositions[slot];
                }
            }
        }

        private static int home(int keyHash, int mask) {
            int hash = keyHash * 0x9E3779B9;
            return (hash ^ (hash >>> 16)) & mask;
        }

        @FunctionalInterface
        interface KeyPosition {
            void accept(String key, int position);
        }
    }
}
