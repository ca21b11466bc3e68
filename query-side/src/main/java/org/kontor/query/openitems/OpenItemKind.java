package org.kontor.query.openitems;

/**
 * The two books of open items: what customers owe us and what we owe suppliers. Each has its own
 * collection and its own projection (processing group), so one can be rebuilt without the other.
 */
public enum OpenItemKind {

    RECEIVABLE("open_receivables", "open-items-receivables", "customerId"),
    PAYABLE("open_payables", "open-items-payables", "supplierId");

    private final String collection;
    private final String processor;
    private final String partyField;

    OpenItemKind(String collection, String processor, String partyField) {
        this.collection = collection;
        this.processor = processor;
        this.partyField = partyField;
    }

    /** One document per party (customer or supplier), keyed by its id. */
    public String collection() {
        return collection;
    }

    /** The processing group of the projection that keeps this book. */
    public String processor() {
        return processor;
    }

    /** How the party's id is named in this book's reports. */
    public String partyField() {
        return partyField;
    }
}
