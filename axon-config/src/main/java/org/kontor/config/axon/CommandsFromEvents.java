package org.kontor.config.axon;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
import org.kontor.config.error.RuleViolationDetails;

/**
 * Sends the commands an event handler of one context makes of another's events, from a thread of
 * its own and with the event's correlation data. Sent from the processor's thread, a command would
 * join the processor's transaction, and a refused one would mark that transaction rollback-only:
 * the batch would fail and be retried for ever. Here a refusal is an answer the caller decides on.
 */
public final class CommandsFromEvents implements AutoCloseable {

    private final CommandGateway commands;
    private final Duration timeout;
    private final ExecutorService thread;

    public CommandsFromEvents(CommandGateway commands, String threadName, Duration timeout) {
        this.commands = commands;
        this.timeout = timeout;
        this.thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread named = new Thread(runnable, threadName);
            named.setDaemon(true);
            return named;
        });
    }

    /**
     * Sends {@code command} as caused by {@code cause} and waits for it: empty when it succeeded, the
     * rule it broke when it was refused. Any other failure is thrown, so the processor retries.
     */
    public Optional<RuleViolationDetails> send(Object command, EventMessage<?> cause) throws Exception {
        MetaData metaData = MetaData.from(new RequestMetadata().correlationDataFor(cause));
        try {
            thread.submit(() -> commands.sendAndWait(new GenericCommandMessage<>(command, metaData)))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return Optional.empty();
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof CommandExecutionException refused
                    && refused.getDetails().orElse(null) instanceof RuleViolationDetails rule) {
                return Optional.of(rule);
            }
            throw failed;
        } catch (TimeoutException slow) {
            throw new IllegalStateException(command + " took over " + timeout, slow);
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
