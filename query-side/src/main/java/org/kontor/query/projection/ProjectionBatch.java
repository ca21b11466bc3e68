package org.kontor.query.projection;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;

/**
 * Hands one batch of events to projection handlers outside a processor, the way a processor does:
 * one unit of work for the batch, each event to every handler that takes it, and the
 * {@link FlushAtEndOfBatch} interceptor writing the batch's documents after its last event.
 */
public final class ProjectionBatch {

    private ProjectionBatch() {
    }

    /** Handles {@code batch}; a handler's failure is thrown (the batch's writes are then not flushed). */
    public static void handle(List<AnnotationEventHandlerAdapter> handlers, List<? extends EventMessage<?>> batch)
            throws Exception {
        if (batch.isEmpty()) {
            return;
        }
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(new ArrayList<>(batch));
        ResultMessage<?> result = unitOfWork.executeWithResult(() -> new DefaultInterceptorChain<>(
                unitOfWork, List.of(new FlushAtEndOfBatch()), message -> {
                    for (AnnotationEventHandlerAdapter handler : handlers) {
                        if (handler.canHandle(message)) {
                            handler.handle(message);
                        }
                    }
                    return null;
                }).proceed());
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            throw failure instanceof Exception exception ? exception : new IllegalStateException(failure);
        }
    }
}
