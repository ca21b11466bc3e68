package org.kontor.query.openitems;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.kontor.query.openitems.AgingQueries.FetchAgingQuery;
import org.springframework.stereotype.Component;

/**
 * Computes an aging from the book's party documents. One party is an {@code _id} read; the whole
 * book reads every party document, because the totals are over every party: the cost grows with the
 * number of customers or suppliers, not with the number of invoices in the system.
 */
@Component
class AgingQueryHandler {

    private final MongoDatabase readStore;

    AgingQueryHandler(MongoDatabase readStore) {
        this.readStore = readStore;
    }

    @QueryHandler
    AgingReport handle(FetchAgingQuery query) {
        MongoCollection<Document> book = readStore.getCollection(query.kind().collection());
        AgingReport.Builder report = new AgingReport.Builder(query.kind(), query.asOf());
        Iterable<Document> parties = query.partyId() != null ? book.find(Filters.eq("_id", query.partyId()))
                : book.find().sort(Sorts.ascending("_id"));
        int partiesOnPage = 0;
        String lastOnPage = null;
        boolean more = false;
        for (Document party : parties) {
            String partyId = party.getString("_id");
            List<AgingReport.Row> rows = report.add(partyId, party.getString(OpenItemBook.NAME),
                    OpenItemBook.itemsIn(party));
            boolean afterCursor = query.afterPartyId() == null || partyId.compareTo(query.afterPartyId()) > 0;
            if (rows.isEmpty() || !afterCursor) {
                continue;
            }
            if (partiesOnPage == query.limit()) {
                more = true;
                continue;
            }
            report.page(rows);
            partiesOnPage++;
            lastOnPage = partyId;
        }
        return report.build(more ? lastOnPage : null);
    }
}
