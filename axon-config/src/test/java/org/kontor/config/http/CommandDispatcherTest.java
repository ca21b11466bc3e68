package org.kontor.config.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

/** An HTTP command is answered only once the store says its commit is durable. */
class CommandDispatcherTest {

    private static final Duration LONGEST = Duration.ofSeconds(5);

    private final List<String> steps = new ArrayList<>();
    private final SimpleCommandBus commandBus = SimpleCommandBus.builder().build();
    private final DefaultCommandGateway gateway = DefaultCommandGateway.builder().commandBus(commandBus).build();

    @Test
    void handledCommand_isAnsweredAfterTheStoreMadeItDurable() {
        handle(() -> {
            steps.add("handled");
            return new CommandOutcome("entry-1", CommandOutcome.FIRST_VERSION, true);
        });
        CommandDispatcher dispatcher = new CommandDispatcher(gateway, () -> steps.add("durable"));

        CommandOutcome outcome = dispatcher.send(exchange(), new Post("entry-1")).block(LONGEST);

        assertThat(outcome.id()).isEqualTo("entry-1");
        assertThat(steps).containsExactly("handled", "durable");
    }

    @Test
    void storeThatCannotWrite_failsTheReply() {
        handle(() -> new CommandOutcome("entry-2", CommandOutcome.FIRST_VERSION, true));
        CommandDispatcher dispatcher = new CommandDispatcher(gateway, () -> {
            throw new IllegalStateException("the event store did not write its file");
        });

        assertThatThrownBy(() -> dispatcher.send(exchange(), new Post("entry-2")).block(LONGEST))
                .hasMessageContaining("did not write its file");
    }

    @Test
    void rejectedCommand_waitsForNothing() {
        handle(() -> {
            throw new IllegalArgumentException("refused");
        });
        CommandDispatcher dispatcher = new CommandDispatcher(gateway, () -> steps.add("durable"));

        assertThatThrownBy(() -> dispatcher.send(exchange(), new Post("entry-3")).block(LONGEST))
                .hasMessageContaining("refused");
        assertThat(steps).isEmpty();
    }

    private void handle(java.util.function.Supplier<CommandOutcome> handler) {
        commandBus.subscribe(Post.class.getName(), command -> handler.get());
    }

    private static MockServerWebExchange exchange() {
        return MockServerWebExchange.from(MockServerHttpRequest.post("/api/ledger/journal-entries"));
    }

    record Post(String entryId) {
    }
}
