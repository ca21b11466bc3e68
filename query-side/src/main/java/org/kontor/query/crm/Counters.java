package org.kontor.query.crm;

import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/** Adds to the counters of analytics documents; a counter that is not there yet counts from zero. */
final class Counters {

    private Counters() {
    }

    static void add(Document document, String field, long amount) {
        Number current = document.get(field, Number.class);
        document.put(field, (current == null ? 0 : current.longValue()) + amount);
    }

    static long read(Document document, String field) {
        Number value = document == null ? null : document.get(field, Number.class);
        return value == null ? 0 : value.longValue();
    }

    /** The sub-document {@code field} of {@code document}, created empty when missing. */
    static Document child(Document document, String field) {
        Document child = document.get(field, Document.class);
        if (child == null) {
            child = new Document();
            document.put(field, child);
        }
        return child;
    }

    /**
     * The row of {@code key} in the array {@code field}, created when missing. Rows live in an array,
     * not under their key, because keys such as user ids may hold dots, which MongoDB field names may not.
     */
    static Document row(Document document, String field, String keyField, String key) {
        List<Document> rows = new ArrayList<>(document.getList(field, Document.class, List.of()));
        for (Document row : rows) {
            if (key.equals(row.getString(keyField))) {
                return row;
            }
        }
        Document row = new Document(keyField, key);
        rows.add(row);
        document.put(field, rows);
        return row;
    }
}
