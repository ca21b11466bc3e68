package org.kontor.config.axon;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * The metadata every command carries and passes on to every message it causes: who
 * ({@code userId}), from where ({@code clientIp}), which request ({@code requestId}), which business
 * flow ({@code correlationId}) and which message directly caused it ({@code causationId}).
 *
 * <p>Commands are not stored, so the events a command causes also keep what lineage needs of it:
 * its name ({@code commandName}) and what caused it ({@code commandCausationId}: the event a policy
 * or saga reacted to, or the HTTP request id for a command a user sent). From any stored event an
 * auditor can so walk back event, command, causing event, command, ... to the first command a user
 * sent, in the event store alone.
 */
public final class RequestMetadata implements CorrelationDataProvider {

    public static final String USER_ID = "userId";
    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";
    public static final String CLIENT_IP = "clientIp";
    public static final String REQUEST_ID = "requestId";
    /** On the messages a command causes: the command's name (its payload type). */
    public static final String COMMAND_NAME = "commandName";
    /** On the messages a command causes: the command's own {@code causationId}. */
    public static final String COMMAND_CAUSATION_ID = "commandCausationId";

    /** Keys copied unchanged from a message to everything it causes. */
    static final List<String> INHERITED_KEYS = List.of(USER_ID, CORRELATION_ID, CLIENT_IP, REQUEST_ID);

    /** The resource that marks a unit of work whose handlers send no message. */
    private static final String SENDS_NOTHING = RequestMetadata.class.getName() + ".sendsNothing";

    /**
     * Marks a unit of work whose handlers send no message (a projection's batch), so that nothing is
     * worked out for it: Axon asks the providers each time a message is created in a unit of work,
     * also for the result of every event handled, and reading an event's metadata deserializes it.
     * In a replay that was about 4 % of the server's CPU, for data nothing used.
     */
    public static void sendsNothing(UnitOfWork<?> unitOfWork) {
        unitOfWork.root().resources().put(SENDS_NOTHING, Boolean.TRUE);
    }

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        if (CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().root().resources().containsKey(SENDS_NOTHING)) {
            return Map.of();
        }
        Map<String, Object> data = new HashMap<>();
        for (String key : INHERITED_KEYS) {
            Object value = message.getMetaData().get(key);
            if (value != null) {
                data.put(key, value);
            }
        }
        data.put(CAUSATION_ID, message.getIdentifier());
        if (message instanceof CommandMessage<?> command) {
            // Only a command's direct effects name it: an event passes neither key on, so the
            // command a policy sends in reaction names itself, not the one before it.
            data.put(COMMAND_NAME, command.getCommandName());
            Object causation = command.getMetaData().get(CAUSATION_ID);
            if (causation != null) {
                data.put(COMMAND_CAUSATION_ID, causation);
            }
        }
        return data;
    }
}
