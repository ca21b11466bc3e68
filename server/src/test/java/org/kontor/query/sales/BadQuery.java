package org.kontor.query.sales;
public class BadQuery { public org.kontor.query.crm.TimelineEntry entry; public org.kontor.query.projection.DocumentBatch batch; public org.kontor.command.CommandSideApplication app; }
