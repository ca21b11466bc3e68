package org.kontor.config.bad;
public class BadConfig { public org.kontor.query.crm.TimelineEntry entry; }
