package org.kontor.command.people;

import java.util.List;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.kontor.config.axon.RequestMetadata;
import org.kontor.config.error.RuleViolationInterceptor;

/**
 * Axon without Spring: the user account aggregate on an in-memory event store, with the request
 * metadata and the rule violation interceptor the application registers, so metadata reaches the
 * events and failures reach callers as they do there.
 */
final class InMemoryAxon {

    private InMemoryAxon() {
    }

    static Configuration withUserAccounts() {
        // false: no configurer modules from the class path, so no attempt to reach an Axon Server.
        Configuration axon = DefaultConfigurer.defaultConfiguration(false)
                .configureSerializer(configuration -> JacksonSerializer.defaultSerializer())
                .configureEmbeddedEventStore(configuration -> new InMemoryEventStorageEngine())
                .configureCorrelationDataProviders(configuration -> List.of(new RequestMetadata()))
                .configureAggregate(UserAccount.class)
                .buildConfiguration();
        axon.commandBus().registerHandlerInterceptor(new RuleViolationInterceptor());
        axon.start();
        return axon;
    }
}
