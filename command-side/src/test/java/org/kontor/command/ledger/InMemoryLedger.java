package org.kontor.command.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.kontor.config.axon.BoundedCache;
import org.kontor.config.axon.SerializerConfiguration;
import org.kontor.config.error.RuleCode;
import org.kontor.config.error.RuleViolationDetails;
import org.kontor.config.error.RuleViolationInterceptor;
import org.kontor.events.ledger.AccountType;

/**
 * The ledger's command side on real Axon pieces without Spring: an in-memory event store, the
 * event-sourcing repositories of entries, periods and the calendar (cached, as in the
 * application), the posting and closing handlers, and the rule violation interceptor. Postings and
 * closes touch several aggregates in one unit of work, which a single-aggregate fixture cannot show.
 */
final class InMemoryLedger implements AutoCloseable {

    private final Configuration axon;
    /** What each committed unit of work published, one list per commit. */
    private final List<List<Object>> commits = new CopyOnWriteArrayList<>();

    InMemoryLedger(Set<String> chartOfAccounts) {
        ChartOfAccounts chart = code -> chartOfAccounts.contains(code) ? Optional.of(AccountType.ASSET) : Optional.empty();
        // false: no configurer modules from the class path, so no attempt to reach an Axon Server.
        axon = DefaultConfigurer.defaultConfiguration(false)
                .configureSerializer(configuration -> SerializerConfiguration.storageSerializer())
                .configureEmbeddedEventStore(configuration -> new InMemoryEventStorageEngine())
                .configureAggregate(JournalEntry.class)
                .configureAggregate(AggregateConfigurer.defaultConfiguration(LedgerPeriod.class)
                        .configureCache(configuration -> new BoundedCache(LedgerConfiguration.CACHED_PERIODS)))
                .configureAggregate(AggregateConfigurer.defaultConfiguration(LedgerCalendar.class)
                        .configureCache(configuration -> new BoundedCache(1)))
                .registerCommandHandler(configuration -> new JournalPosting(
                        configuration.repository(JournalEntry.class), configuration.repository(LedgerPeriod.class),
                        configuration.repository(LedgerCalendar.class), chart, configuration.eventStore(), "EUR"))
                .registerCommandHandler(configuration -> new PeriodClosing(
                        configuration.repository(LedgerPeriod.class), configuration.repository(LedgerCalendar.class)))
                .buildConfiguration();
        axon.commandBus().registerHandlerInterceptor(new RuleViolationInterceptor());
        axon.eventStore().subscribe(events -> commits.add(events.stream().<Object>map(EventMessage::getPayload).toList()));
        axon.start();
    }

    CommandGateway commands() {
        return axon.commandGateway();
    }

    /** The payloads each commit published, oldest first. */
    List<List<Object>> commits() {
        return commits;
    }

    List<Object> eventsOf(String aggregateId) {
        List<Object> payloads = new ArrayList<>();
        DomainEventStream stream = axon.eventStore().readEvents(aggregateId);
        stream.forEachRemaining(event -> payloads.add(event.getPayload()));
        return payloads;
    }

    /** The command is refused for this rule, with this detail, as the HTTP edge would see it. */
    void assertRefused(Object command, RuleCode rule, String detail) {
        assertThatThrownBy(() -> commands().sendAndWait(command))
                .isInstanceOfSatisfying(CommandExecutionException.class, refused ->
                        assertThat(refused.getDetails()).contains(
                                new RuleViolationDetails(rule.name(), rule.httpStatus(), detail)));
    }

    /** The command is refused for this rule, whatever the detail says. */
    void assertRefused(Object command, RuleCode rule) {
        assertThatThrownBy(() -> commands().sendAndWait(command))
                .isInstanceOfSatisfying(CommandExecutionException.class, refused ->
                        assertThat(refused.getDetails()).get()
                                .isInstanceOfSatisfying(RuleViolationDetails.class, details ->
                                        assertThat(details.code()).isEqualTo(rule.name())));
    }

    @Override
    public void close() {
        axon.shutdown();
    }
}
