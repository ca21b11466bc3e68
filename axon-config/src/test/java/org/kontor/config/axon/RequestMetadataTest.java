package org.kontor.config.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;

class RequestMetadataTest {

    private static final MetaData FROM_REQUEST = MetaData.from(Map.of(
            RequestMetadata.USER_ID, "alice",
            RequestMetadata.CORRELATION_ID, "flow-1",
            RequestMetadata.CAUSATION_ID, "request-1",
            RequestMetadata.CLIENT_IP, "10.0.0.1",
            RequestMetadata.REQUEST_ID, "request-1"));

    private final RequestMetadata metadata = new RequestMetadata();

    @Test
    void eventsOfACommand_nameTheCommandAndWhatCausedIt() {
        GenericCommandMessage<RecordReceipt> command = new GenericCommandMessage<>(new RecordReceipt("m-1"), FROM_REQUEST);

        Map<String, Object> data = Map.copyOf(metadata.correlationDataFor(command));

        assertThat(data).containsEntry(RequestMetadata.USER_ID, "alice")
                .containsEntry(RequestMetadata.CORRELATION_ID, "flow-1")
                .containsEntry(RequestMetadata.REQUEST_ID, "request-1")
                .containsEntry(RequestMetadata.CLIENT_IP, "10.0.0.1")
                .containsEntry(RequestMetadata.CAUSATION_ID, command.getIdentifier())
                .containsEntry(RequestMetadata.COMMAND_NAME, RecordReceipt.class.getName())
                .containsEntry(RequestMetadata.COMMAND_CAUSATION_ID, "request-1");
    }

    @Test
    void commandOfAPolicy_isCausedByTheEventAndDoesNotInheritTheEarlierCommand() {
        MetaData ofAnEvent = FROM_REQUEST.mergedWith(Map.of(RequestMetadata.COMMAND_NAME, "RecordReceipt",
                RequestMetadata.COMMAND_CAUSATION_ID, "request-1"));
        GenericEventMessage<String> event = new GenericEventMessage<>("receipt recorded", ofAnEvent);

        Map<String, Object> data = Map.copyOf(metadata.correlationDataFor(event));

        assertThat(data).containsEntry(RequestMetadata.CAUSATION_ID, event.getIdentifier())
                .containsEntry(RequestMetadata.USER_ID, "alice")
                .doesNotContainKeys(RequestMetadata.COMMAND_NAME, RequestMetadata.COMMAND_CAUSATION_ID);
    }

    @Test
    void unitOfWorkThatSendsNothing_getsNoCorrelationData() {
        GenericEventMessage<String> event = new GenericEventMessage<>("receipt recorded", FROM_REQUEST);
        DefaultUnitOfWork<GenericEventMessage<String>> unitOfWork = DefaultUnitOfWork.startAndGet(event);
        try {
            RequestMetadata.sendsNothing(unitOfWork);

            assertThat(metadata.correlationDataFor(event)).isEmpty();
        } finally {
            unitOfWork.rollback();
        }
    }

    @Test
    void unitOfWorkNotMarked_getsTheEventsCorrelationData() {
        GenericEventMessage<String> event = new GenericEventMessage<>("receipt recorded", FROM_REQUEST);
        DefaultUnitOfWork<GenericEventMessage<String>> unitOfWork = DefaultUnitOfWork.startAndGet(event);
        try {
            Map<String, Object> data = Map.copyOf(metadata.correlationDataFor(event));

            assertThat(data).containsEntry(RequestMetadata.USER_ID, "alice");
        } finally {
            unitOfWork.rollback();
        }
    }

    private record RecordReceipt(String movementId) {
    }
}
