package org.kontor.command.crm;

import java.util.function.Predicate;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Knows customers and campaigns from their own event streams, not from a read model, so an
 * aggregate that refers to one created a moment ago already finds it.
 */
@Configuration(proxyBeanMethods = false)
class EventSourcedLookups {

    @Bean
    KnownCustomers knownCustomers(@Qualifier("customerRepository") Repository<Customer> customers,
                                  EventStore eventStore) {
        return customerId -> exists(eventStore, customers, customerId, Customer::isRegistered);
    }

    @Bean
    KnownCampaigns knownCampaigns(@Qualifier("campaignRepository") Repository<Campaign> campaigns,
                                  EventStore eventStore) {
        return campaignId -> exists(eventStore, campaigns, campaignId, Campaign::isPlanned);
    }

    /**
     * Asks the event store before loading: a failed load costs an exception that Axon logs with its
     * stack trace, and an unknown id is a normal answer here. Loading then checks that the stream
     * really is one of {@code repository}'s type, not another aggregate's.
     */
    static <T> boolean exists(EventStore eventStore, Repository<T> repository, String id, Predicate<T> created) {
        if (eventStore.lastSequenceNumberFor(id).isEmpty()) {
            return false;
        }
        try {
            return repository.load(id).invoke(created::test);
        } catch (AggregateNotFoundException unknown) {
            return false;
        }
    }
}
