package org.kontor.command.sales;
public class BadSales { public org.kontor.command.ledger.BadLedger ledger; public org.kontor.query.crm.TimelineEntry entry; }
