package org.kontor.query.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kontor.config.error.BusinessRuleViolation;
import org.kontor.events.common.PersonName;
import org.kontor.events.crm.CustomerEvent.ContactAdded;
import org.kontor.events.crm.CustomerEvent.CustomerDetailsChanged;
import org.kontor.events.crm.CustomerKind;
import org.kontor.query.crm.CustomerViews.CustomerView;
import org.kontor.query.projection.PointInTime;
import org.kontor.query.projection.PointInTimeRule;
import org.kontor.query.projection.ProjectionHarness;

/**
 * The 360 view as known at an instant, folded from an event store whose timestamps are not in
 * global order: an event stored late but stamped before {@code knownAt} counts while the scan is
 * within the slack past {@code knownAt}, and not after it has met a later-stamped event beyond it.
 */
class CustomerKnownAtTest {

    private static final String ACME = "11111111-1111-4111-8111-111111111111";
    private static final String OTHER = "22222222-2222-4222-8222-222222222222";
    private static final Instant START = Instant.parse("2026-11-26T08:00:00Z");

    private final ProjectionHarness harness = new ProjectionHarness();
    private final EmbeddedEventStore eventStore = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();

    @AfterEach
    void stop() {
        eventStore.shutDown();
        harness.close();
    }

    @Test
    void knownAt_theViewFromTheEventsRecordedUpToThen_includingLateCommitsWithinTheSlack() {
        store(ACME, 0, CustomerProjectionTest.registered(ACME, "Acme GmbH"), 0);
        store(OTHER, 0, CustomerProjectionTest.registered(OTHER, "Other KG"), 1);
        store(ACME, 1, renamed("Acme AG"), 50);
        // Stamped at +30 s but stored after the rename: a transaction that committed late.
        store(ACME, 2, new ContactAdded(ACME, "c-1", PersonName.parse("Jane Doe"), null, null, "CFO"), 30);
        store(ACME, 3, renamed("Acme SE"), 120);
        // Stamped at +40 s, stored after an event far past the slack: the scan has stopped by then.
        store(ACME, 4, new ContactAdded(ACME, "c-2", PersonName.parse("John Roe"), null, null, "CEO"), 40);

        CustomerView atFortyFive = knownAt(45, 1000);
        assertThat(atFortyFive.name()).isEqualTo("Acme GmbH");
        assertThat(atFortyFive.contacts()).extracting(CustomerViews.Contact::id).containsExactly("c-1");
        assertThat(atFortyFive.version()).isEqualTo(3);

        CustomerView atSixty = knownAt(60, 1000);
        assertThat(atSixty.name()).isEqualTo("Acme AG");

        assertThat(knownAt(-1, 1000)).as("not registered yet").isNull();
        assertThat(knownAt(200, 1000).name()).isEqualTo("Acme SE");
    }

    @Test
    void viewHandlers_everyHandlerClassOfTheCustomerViewsProcessingGroup() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ProcessingGroup.class));
        Set<String> inGroup = scanner.findCandidateComponents(CustomerProjection.class.getPackageName()).stream()
                .map(BeanDefinition::getBeanClassName)
                .filter(name -> CustomerProjection.PROCESSOR.equals(groupOf(name)))
                .collect(Collectors.toSet());

        Set<String> folded = CustomerKnownAt.viewHandlers(harness.database()).stream()
                .map(handler -> handler.getClass().getName()).collect(Collectors.toSet());

        assertThat(folded).as("a handler of the 360 view missing here would be missing from knownAt reads")
                .isEqualTo(inGroup);
    }

    private static String groupOf(String className) {
        try {
            return Class.forName(className).getAnnotation(ProcessingGroup.class).value();
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void knownAt_moreEventsThanTheLimit_refusedWithANamedCode() {
        for (int sequence = 0; sequence < 5; sequence++) {
            store(ACME, sequence, sequence == 0 ? CustomerProjectionTest.registered(ACME, "Acme GmbH")
                    : renamed("Acme " + sequence), sequence);
        }

        assertThat(knownAt(10, 5).name()).isEqualTo("Acme 4");
        assertThatThrownBy(() -> knownAt(10, 4))
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                        refused -> assertThat(refused.rule()).isEqualTo(PointInTimeRule.KNOWN_AT_TOO_MANY_EVENTS));
    }

    private CustomerView knownAt(long secondsAfterStart, long maxEvents) {
        PointInTime pointInTime = new PointInTime(eventStore, harness.client(), "known-at-test", maxEvents, 1);
        return new CustomerKnownAt(pointInTime).customer(ACME, START.plusSeconds(secondsAfterStart)).block();
    }

    private void store(String customerId, long sequence, Object payload, long secondsAfterStart) {
        eventStore.publish(new GenericDomainEventMessage<>("Customer", customerId, sequence, payload, null,
                java.util.UUID.randomUUID().toString(), START.plusSeconds(secondsAfterStart)));
    }

    private static CustomerDetailsChanged renamed(String name) {
        return new CustomerDetailsChanged(ACME, List.of("name"), name, CustomerKind.COMPANY, null, null, null, null,
                null, null, List.of(), null);
    }
}
