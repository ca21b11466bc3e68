package org.kontor.query.projection;
public class BadHelper { public org.kontor.query.crm.TimelineEntry entry; }
