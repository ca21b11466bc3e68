package org.kontor.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.Registration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.timeout.HandlerTimeoutHandlerEnhancerDefinition;
import org.axonframework.messaging.timeout.UnitOfWorkTimeoutInterceptor;
import org.axonframework.queryhandling.QueryBus;
import org.junit.jupiter.api.Test;
import org.kontor.config.axon.UnitOfWorkTimeLimit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;

/**
 * Every unit of work (commands, queries, deadlines, processor batches) runs under Kontor's time
 * limit, and Axon's own timeouts (a stack captured per unit and per handler invocation) are off.
 */
class UnitOfWorkTimeLimitWiringTest extends HttpTestSupport {

    @Autowired
    ApplicationContext context;
    @Autowired
    CommandBus commandBus;
    @Autowired
    QueryBus queryBus;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    DeadlineManager deadlines;

    @Test
    void http_commands_and_queries_run_under_the_time_limit() {
        List<Boolean> commandsLimited = new CopyOnWriteArrayList<>();
        List<Boolean> queriesLimited = new CopyOnWriteArrayList<>();
        // Registered last, these run inside every other interceptor of their bus.
        Registration onCommands = commandBus.registerHandlerInterceptor((unitOfWork, chain) -> {
            commandsLimited.add(UnitOfWorkTimeLimit.isLimited(unitOfWork));
            return chain.proceed();
        });
        Registration onQueries = queryBus.registerHandlerInterceptor((unitOfWork, chain) -> {
            queriesLimited.add(UnitOfWorkTimeLimit.isLimited(unitOfWork));
            return chain.proceed();
        });
        try {
            registerCustomer("Timed Trading GmbH");
            http.get().uri("/api/invoices/{id}", newId()).exchange().expectStatus().isNotFound();
        } finally {
            onCommands.cancel();
            onQueries.cancel();
        }

        assertThat(commandsLimited).isNotEmpty().containsOnly(true);
        assertThat(queriesLimited).isNotEmpty().containsOnly(true);
    }

    @Test
    void a_deadline_runs_under_the_time_limit() throws InterruptedException {
        List<Boolean> deadlinesLimited = new CopyOnWriteArrayList<>();
        Registration onDeadlines = deadlines.registerHandlerInterceptor((unitOfWork, chain) -> {
            deadlinesLimited.add(UnitOfWorkTimeLimit.isLimited(unitOfWork));
            return chain.proceed();
        });
        try {
            String customerId = registerCustomer("Timed Follow-ups GmbH");
            http.post().uri("/api/activities").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("""
                            {"id": "%s", "customerId": "%s", "type": "CALL", "dueAt": "%s", "assigneeId": "timed-rep"}
                            """.formatted(newId(), customerId, Instant.now().plusSeconds(1)))
                    .exchange()
                    .expectStatus().isCreated();
            // The deadline is a row that db-scheduler polls for every 5 s.
            Instant giveUp = Instant.now().plus(Duration.ofSeconds(30));
            while (deadlinesLimited.isEmpty() && Instant.now().isBefore(giveUp)) {
                Thread.sleep(100);
            }
        } finally {
            onDeadlines.cancel();
        }

        assertThat(deadlinesLimited).isNotEmpty().containsOnly(true);
    }

    @Test
    void every_event_processor_has_the_time_limit_and_none_has_axons_timeout() {
        List<EventProcessor> processors = List.copyOf(processing.eventProcessors().values());

        assertThat(processors).hasSizeGreaterThan(20).allSatisfy(processor -> {
            assertThat(processor.getHandlerInterceptors()).as(processor.getName())
                    .hasAtLeastOneElementOfType(UnitOfWorkTimeLimit.class)
                    .doesNotHaveAnyElementsOfTypes(UnitOfWorkTimeoutInterceptor.class);
        });
        assertThat(context.getBeanNamesForType(HandlerTimeoutHandlerEnhancerDefinition.class)).isEmpty();
    }
}
