package org.kontor.config.http;

import org.axonframework.modelling.command.AggregateLifecycle;

/**
 * What a command handler answers: the id of what the command made or changed, the version of the
 * aggregate afterwards (the number of its events, so 1 after a create) and whether it created it.
 */
public record CommandOutcome(String id, long version, boolean created) {

    /** The first version of every aggregate: the one its creating event gives it. */
    public static final long FIRST_VERSION = 1;

    /** The outcome for the aggregate whose handler is running, after the events it applied. */
    public static CommandOutcome ofCurrentAggregate(String id, boolean created) {
        Long lastSequenceNumber = AggregateLifecycle.getVersion();
        return new CommandOutcome(id, lastSequenceNumber == null ? 0 : lastSequenceNumber + 1, created);
    }

    /** A create repeated with the same content: the same answer as the first time, nothing written. */
    public static CommandOutcome repeatedCreate(String id) {
        return new CommandOutcome(id, FIRST_VERSION, false);
    }

    /** The body clients see: {@code {"id", "version"}}. */
    public IdAndVersion body() {
        return new IdAndVersion(id, version);
    }

    /** The response body of every command. */
    public record IdAndVersion(String id, long version) {
    }
}
