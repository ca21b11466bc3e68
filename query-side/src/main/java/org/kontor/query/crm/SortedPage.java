package org.kontor.query.crm;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * One page of a list ordered by a document's {@code sortKey}, continuing after the last key of the
 * previous page. One document more than asked for is read, to tell whether there is a next page.
 */
record SortedPage(List<Document> items, String lastSortKey) {

    static final String SORT_KEY = "sortKey";

    static SortedPage find(MongoCollection<Document> collection, List<Bson> conditions, String afterSortKey,
                           int limit) {
        List<Bson> all = new ArrayList<>(conditions);
        if (afterSortKey != null) {
            all.add(Filters.gt(SORT_KEY, afterSortKey));
        }
        Bson filter = all.isEmpty() ? new Document() : Filters.and(all);
        List<Document> found = collection.find(filter).sort(Sorts.ascending(SORT_KEY)).limit(limit + 1)
                .into(new ArrayList<>());
        boolean more = found.size() > limit;
        List<Document> page = more ? found.subList(0, limit) : found;
        return new SortedPage(page, more ? page.get(page.size() - 1).getString(SORT_KEY) : null);
    }
}
