package org.kontor.config.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.web.server.WebExceptionHandler;

/**
 * For controller tests without Spring Boot: the HTTP infrastructure whose constructors are kept
 * package-private in production, so that only Spring makes them there.
 */
public final class HttpTestAccess {

    private HttpTestAccess() {
    }

    public static CommandDispatcher commandDispatcher(CommandGateway commandGateway) {
        return new CommandDispatcher(commandGateway, CommandDurability.AT_COMMIT);
    }

    /** Writes failures as problem+json, exactly as the application does. */
    public static WebExceptionHandler problemHandler(ObjectMapper objectMapper) {
        return new ProblemExceptionHandler(objectMapper);
    }
}
