package org.kontor.command.ledger;
public class BadLedger { public org.kontor.command.sales.BadSales sales; }
