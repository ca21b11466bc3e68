package org.kontor.config.axon;

import java.time.Duration;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;

/**
 * Bounds every unit of work in time: each command, query and deadline, and each batch of every
 * event processor, warned about from {@code erp.unit-of-work.warning-threshold} (10 s) on, every
 * {@code erp.unit-of-work.warning-interval} (1 s), and interrupted at {@code erp.unit-of-work.timeout}
 * (60 s). These are Axon's defaults; Axon's own timeouts are off ({@code axon.timeout.enabled=false})
 * because they captured the thread's whole stack per unit, see {@link UnitOfWorkWatch}.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class UnitOfWorkTimeLimits {

    @Bean
    UnitOfWorkWatch unitOfWorkWatch(@Value("${erp.unit-of-work.timeout:60s}") Duration timeout,
                                    @Value("${erp.unit-of-work.warning-threshold:10s}") Duration warningThreshold,
                                    @Value("${erp.unit-of-work.warning-interval:1s}") Duration warningInterval) {
        return new UnitOfWorkWatch(timeout, warningThreshold, warningInterval);
    }

    @Bean
    ConfigurerModule unitOfWorkTimeLimitModule(UnitOfWorkWatch watch) {
        return configurer -> {
            configurer.eventProcessing().registerDefaultHandlerInterceptor(
                    (configuration, processor) -> new UnitOfWorkTimeLimit("event processor " + processor, watch));
            // The buses exist only once the configuration is built; registering at the earliest
            // start phase puts the limit on them before any message is handled.
            configurer.onStart(Integer.MIN_VALUE, () -> {
                Configuration configuration = configurer.buildConfiguration();
                configuration.commandBus().registerHandlerInterceptor(new UnitOfWorkTimeLimit("command bus", watch));
                configuration.queryBus().registerHandlerInterceptor(new UnitOfWorkTimeLimit("query bus", watch));
                configuration.deadlineManager().registerHandlerInterceptor(
                        new UnitOfWorkTimeLimit("deadline manager", watch));
            });
        };
    }
}
