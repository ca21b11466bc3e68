package org.kontor.config.http;

import java.security.Principal;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Sends a command for an HTTP request, with the metadata of that request attached. */
@Component
public class CommandDispatcher {

    private final CommandGateway commandGateway;

    CommandDispatcher(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    public Mono<CommandOutcome> send(ServerWebExchange exchange, Object command) {
        RequestContext context = RequestContext.of(exchange);
        return exchange.getPrincipal()
                .map(Principal::getName)
                .defaultIfEmpty(RequestContext.ANONYMOUS)
                .flatMap(userId -> AxonCalls.offEventLoop(
                        () -> commandGateway.<CommandOutcome>send(command, context.commandMetadata(userId))));
    }
}
