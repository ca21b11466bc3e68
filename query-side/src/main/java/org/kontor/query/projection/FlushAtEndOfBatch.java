package org.kontor.query.projection;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Writes a batch's documents after its last event is handled. This runs inside the batch, before
 * the processor stores its token in the prepare-commit phase, so a failed write means the token is
 * not stored either and the batch is processed again.
 */
final class FlushAtEndOfBatch implements MessageHandlerInterceptor<EventMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object result = chain.proceed();
        if (!(unitOfWork.root() instanceof BatchingUnitOfWork<?> batch) || batch.isLastMessage()) {
            DocumentBatch.flushIfAny(unitOfWork);
        }
        return result;
    }
}
