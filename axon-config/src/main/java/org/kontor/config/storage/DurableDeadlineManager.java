package org.kontor.config.storage;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import java.time.Instant;
import org.axonframework.common.IdentifierFactory;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.deadline.GenericDeadlineMessage;
import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.messaging.ScopeAwareProvider;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

/**
 * Axon's db-scheduler deadline manager, with scheduling rewritten for the db-scheduler on the class
 * path. Axon 4.12.2 is compiled against db-scheduler 13, whose {@code TaskWithDataDescriptor.instance(id,
 * data)} db-scheduler 16 no longer has: Axon's own {@code schedule} fails with a
 * {@code NoSuchMethodError} (and leaves the command's unit of work open on its thread). This class
 * schedules the same task ({@value #TASK_NAME}) with the same data, through the API both versions
 * share, so Axon's task still executes it; everything else (execution, cancelling) is Axon's.
 */
class DurableDeadlineManager extends DbSchedulerDeadlineManager {

    /** The db-scheduler task Axon registers for deadlines in binary form. */
    static final String TASK_NAME = "AxonDeadline";

    private final Scheduler scheduler;
    private final Serializer serializer;

    DurableDeadlineManager(Scheduler scheduler, ScopeAwareProvider scopes, Serializer serializer,
                           TransactionManager transactionManager) {
        super(DbSchedulerDeadlineManager.builder()
                .scheduler(scheduler)
                .scopeAwareProvider(scopes)
                .serializer(serializer)
                .transactionManager(transactionManager)
                // db-scheduler's Spring Boot starter starts and stops the scheduler itself.
                .startScheduler(false)
                .stopScheduler(false));
        this.scheduler = scheduler;
        this.serializer = serializer;
    }

    /** As Axon's, written against db-scheduler 16; the row is written when the unit of work commits. */
    @Override
    public String schedule(Instant triggerDateTime, String deadlineName, Object messageOrPayload,
                           ScopeDescriptor deadlineScope) {
        DeadlineMessage<Object> message =
                GenericDeadlineMessage.asDeadlineMessage(deadlineName, messageOrPayload, triggerDateTime);
        String deadlineId = IdentifierFactory.getInstance().generateIdentifier();
        runOnPrepareCommitOrNow(() -> scheduler.schedule(new TaskInstance<>(TASK_NAME, deadlineId,
                details(deadlineName, deadlineScope, processDispatchInterceptors(message))), triggerDateTime));
        return deadlineId;
    }

    /** What Axon's {@code DbSchedulerBinaryDeadlineDetails.serialized} stores (it is package-private). */
    private DbSchedulerBinaryDeadlineDetails details(String deadlineName, ScopeDescriptor scope,
                                                     DeadlineMessage<?> message) {
        SerializedObject<byte[]> serializedScope = serializer.serialize(scope, byte[].class);
        SerializedObject<byte[]> payload = serializer.serialize(message.getPayload(), byte[].class);
        SerializedObject<byte[]> metaData = serializer.serialize(message.getMetaData(), byte[].class);
        return new DbSchedulerBinaryDeadlineDetails(deadlineName, serializedScope.getData(),
                serializedScope.getType().getName(), payload.getData(), payload.getType().getName(),
                payload.getType().getRevision(), metaData.getData());
    }
}
