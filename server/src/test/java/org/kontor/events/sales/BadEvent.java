package org.kontor.events.sales;
@com.fasterxml.jackson.annotation.JsonTypeName("x")
public record BadEvent(String id) { public BadEvent { org.springframework.util.Assert.notNull(id, "id"); } }
