package org.kontor.query.openitems;

import com.mongodb.client.MongoDatabase;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;
import org.kontor.query.projection.DocumentBatch;

/**
 * Writes one book of open items from inside a projection's event handlers: a document per party
 * with its name and its documents (invoices or bills), each with its settlements. The projection
 * that feeds the book says which party each of its events is about ({@code partyOfPayload}), so the
 * batch can fetch every party document it needs in one query.
 *
 * <p>A party's documents live in its one document: fine for thousands of invoices per customer; a
 * party with tens of thousands would need its documents bucketed (by month of issue).
 */
public final class OpenItemBook {

    static final String NAME = "name";
    static final String ITEMS = "items";
    static final String DOCUMENT_ID = "documentId";
    static final String CURRENCY = "currency";
    static final String ISSUED_ON = "issuedOn";
    static final String DUE_ON = "dueOn";
    static final String AMOUNT = "amountMinor";
    static final String SETTLEMENTS = "settlements";
    static final String SETTLEMENT_ID = "settlementId";
    static final String DATE = "date";

    private final OpenItemKind kind;
    private final MongoDatabase readStore;
    private final Function<Object, String> partyOfPayload;

    public OpenItemBook(OpenItemKind kind, MongoDatabase readStore, Function<Object, String> partyOfPayload) {
        this.kind = kind;
        this.readStore = readStore;
        this.partyOfPayload = partyOfPayload;
    }

    /** The party's current name, for the reports. */
    public void named(String partyId, String name, TrackingToken token) {
        change(partyId, token, party -> party.put(NAME, name));
    }

    /** A document (invoice, bill) of {@code amountMinor} was issued to or by the party. */
    public void issued(String partyId, String documentId, String currency, LocalDate issuedOn, LocalDate dueOn,
                       long amountMinor, TrackingToken token) {
        change(partyId, token, party -> {
            List<Document> items = itemsOf(party);
            if (find(items, DOCUMENT_ID, documentId) == null) {
                items.add(new Document(DOCUMENT_ID, documentId).append(CURRENCY, currency)
                        .append(ISSUED_ON, issuedOn.toString()).append(DUE_ON, dueOn.toString())
                        .append(AMOUNT, amountMinor).append(SETTLEMENTS, new ArrayList<Document>()));
            }
        });
    }

    /**
     * A payment settled {@code amountMinor} of the document on {@code date}. A settlement of a
     * document the book does not hold changes nothing: a document's own events arrive in order, so
     * its issue is always seen first.
     */
    public void settled(String partyId, String documentId, String settlementId, LocalDate date, long amountMinor,
                        TrackingToken token) {
        change(partyId, token, party -> {
            Document item = find(itemsOf(party), DOCUMENT_ID, documentId);
            if (item == null) {
                return;
            }
            List<Document> settlements = item.getList(SETTLEMENTS, Document.class);
            if (find(settlements, SETTLEMENT_ID, settlementId) == null) {
                settlements.add(new Document(SETTLEMENT_ID, settlementId).append(DATE, date.toString())
                        .append(AMOUNT, amountMinor));
            }
        });
    }

    /** Drops the whole book, for the feeding projection's reset handler. */
    public void clear() {
        readStore.getCollection(kind.collection()).drop();
    }

    private void change(String partyId, TrackingToken token, Consumer<Document> change) {
        DocumentBatch.current(readStore).apply(kind.collection(), partyId, partyOfPayload, token, change);
    }

    private static List<Document> itemsOf(Document party) {
        List<Document> items = party.getList(ITEMS, Document.class);
        if (items == null) {
            items = new ArrayList<>();
            party.put(ITEMS, items);
        }
        return items;
    }

    private static Document find(List<Document> documents, String field, String value) {
        return documents.stream().filter(document -> value.equals(document.getString(field))).findFirst()
                .orElse(null);
    }

    /** Reads a party document's items back, for the reports. */
    static List<OpenItem> itemsIn(Document party) {
        List<Document> items = party.getList(ITEMS, Document.class);
        if (items == null) {
            return List.of();
        }
        return items.stream().map(item -> new OpenItem(item.getString(DOCUMENT_ID), item.getString(CURRENCY),
                LocalDate.parse(item.getString(ISSUED_ON)), LocalDate.parse(item.getString(DUE_ON)),
                item.getLong(AMOUNT), item.getList(SETTLEMENTS, Document.class).stream()
                        .map(settlement -> new OpenItem.Settlement(settlement.getString(SETTLEMENT_ID),
                                LocalDate.parse(settlement.getString(DATE)), settlement.getLong(AMOUNT)))
                        .toList())).toList();
    }
}
