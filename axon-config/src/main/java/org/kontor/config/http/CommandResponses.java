package org.kontor.config.http;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The answers of API.md to a command: 201 or 200 with {@code {id, version}} and the version as ETag. */
public final class CommandResponses {

    private CommandResponses() {
    }

    /**
     * A create: 201 with {@code Location} when it created something, 200 with the same body when it
     * was a repeat of a create that had already happened.
     */
    public static ResponseEntity<CommandOutcome.IdAndVersion> created(CommandOutcome outcome, URI location) {
        HttpStatus status = outcome.created() ? HttpStatus.CREATED : HttpStatus.OK;
        return ResponseEntity.status(status)
                .location(location)
                .eTag(Versions.etag(outcome.version()))
                .body(outcome.body());
    }

    /** A command on an existing aggregate. */
    public static ResponseEntity<CommandOutcome.IdAndVersion> accepted(CommandOutcome outcome) {
        return ResponseEntity.ok().eTag(Versions.etag(outcome.version())).body(outcome.body());
    }
}
