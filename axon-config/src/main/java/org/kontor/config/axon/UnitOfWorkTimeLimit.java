package org.kontor.config.axon;

import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.timeout.AxonTimeoutException;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Puts a unit of work under the {@link UnitOfWorkWatch} from its first handler until its cleanup
 * (after the commit or the rollback), once per root unit of work. A unit that the watch interrupted
 * fails with Axon's {@link AxonTimeoutException}, also when a handler swallowed the interrupt, so a
 * late unit never commits as if nothing had happened.
 */
public final class UnitOfWorkTimeLimit implements MessageHandlerInterceptor<Message<?>> {

    /** The resource under which a root unit of work holds its watched entry. */
    static final String RESOURCE = UnitOfWorkTimeLimit.class.getName();

    private final String component;
    /** How the watch names a unit of this component; made once, not per unit. */
    private final String unitName;
    private final UnitOfWorkWatch watch;

    UnitOfWorkTimeLimit(String component, UnitOfWorkWatch watch) {
        this.component = component;
        this.unitName = "unit of work of " + component;
        this.watch = watch;
    }

    /** Whether the unit of work, or the root it is nested in, runs under a time limit. */
    public static boolean isLimited(UnitOfWork<?> unitOfWork) {
        return unitOfWork.root().resources().containsKey(RESOURCE);
    }

    @Override
    public Object handle(UnitOfWork<? extends Message<?>> unitOfWork, InterceptorChain chain) throws Exception {
        UnitOfWork<?> root = unitOfWork.root();
        if (root.resources().containsKey(RESOURCE)) {
            return chain.proceed(); // the root's limit covers the nested unit
        }
        UnitOfWorkWatch.Running unit = watch.begin(unitName);
        root.resources().put(RESOURCE, unit);
        root.onCleanup(done -> watch.end(unit));
        Object result;
        try {
            result = chain.proceed();
        } catch (Exception failure) {
            if (unit.timedOut()) {
                AxonTimeoutException timedOut = timedOut();
                timedOut.addSuppressed(failure);
                throw timedOut;
            }
            throw failure;
        }
        if (unit.timedOut()) {
            throw timedOut();
        }
        return result;
    }

    private AxonTimeoutException timedOut() {
        return new AxonTimeoutException("the unit of work of " + component + " has timed out");
    }
}
