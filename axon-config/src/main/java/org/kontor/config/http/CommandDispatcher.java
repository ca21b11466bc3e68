package org.kontor.config.http;

import java.security.Principal;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Sends a command for an HTTP request, with the metadata of that request attached, and answers
 * once the command's events are durable ({@link CommandDurability}): an acknowledged command
 * survives a crash of the server.
 */
@Component
public class CommandDispatcher {

    private final CommandGateway commandGateway;
    private final CommandDurability durability;

    CommandDispatcher(CommandGateway commandGateway, CommandDurability durability) {
        this.commandGateway = commandGateway;
        this.durability = durability;
    }

    public Mono<CommandOutcome> send(ServerWebExchange exchange, Object command) {
        RequestContext context = RequestContext.of(exchange);
        return exchange.getPrincipal()
                .map(Principal::getName)
                .defaultIfEmpty(RequestContext.ANONYMOUS)
                .flatMap(userId -> AxonCalls.offEventLoop(
                        () -> commandGateway.<CommandOutcome>send(command, context.commandMetadata(userId))
                                // The local command bus completes in this thread, off the event loop: it may wait here.
                                .thenApply(this::onceDurable)));
    }

    private CommandOutcome onceDurable(CommandOutcome outcome) {
        durability.awaitDurable();
        return outcome;
    }
}
