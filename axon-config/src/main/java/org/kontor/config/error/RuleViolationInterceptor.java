package org.kontor.config.error;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Turns a {@link BusinessRuleViolation} into a {@link CommandExecutionException} with
 * {@link RuleViolationDetails}, the only shape in which the rule's code reaches a caller on another
 * node. Locally the caller sees the same shape, so the HTTP edge has one path for both.
 */
public class RuleViolationInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        try {
            return chain.proceed();
        } catch (BusinessRuleViolation violation) {
            throw new CommandExecutionException(violation.getMessage(), null, RuleViolationDetails.of(violation));
        }
    }
}
