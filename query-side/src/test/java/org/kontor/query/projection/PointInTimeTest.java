package org.kontor.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kontor.config.error.BusinessRuleViolation;

/** The bounds of a read as known at an instant, and that it leaves no scratch database behind. */
class PointInTimeTest {

    private static final Instant START = Instant.parse("2026-11-26T08:00:00Z");

    private final ProjectionHarness harness = new ProjectionHarness();
    private final EmbeddedEventStore eventStore = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private final PointInTime pointInTime = new PointInTime(eventStore, harness.client(), "scratch-test", 100, 1);
    private long nextSequence;

    @AfterEach
    void stop() {
        eventStore.shutDown();
        harness.close();
    }

    @Test
    void read_handsTheEventsUpToTheInstantToTheHandlersAndDropsItsScratchDatabase() {
        store("opened", 0);
        store("changed", 5);
        store("closed", 60);
        Seen seen = new Seen();

        List<String> known = pointInTime.read(START.plusSeconds(5), scratch -> List.of(seen), event -> true,
                scratch -> seen.payloads).block();

        assertThat(known).containsExactly("opened", "changed");
        assertThat(harness.client().listDatabaseNames().into(new ArrayList<>()))
                .noneMatch(name -> name.contains("_known_at_"));
    }

    @Test
    void secondReadWhileTheAllowedOneRuns_refusedAsBusyAndTheFirstFinishes() throws Exception {
        store("opened", 0);
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Predicate<EventMessage<?>> waitInside = event -> {
            inside.countDown();
            try {
                return release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return false;
            }
        };
        CompletableFuture<String> first = pointInTime.read(START, scratch -> List.of(new Seen()), waitInside,
                scratch -> "first").toFuture();
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> pointInTime.read(START, scratch -> List.of(new Seen()), event -> true,
                scratch -> "second").block())
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                        busy -> assertThat(busy.rule()).isEqualTo(PointInTimeRule.KNOWN_AT_BUSY));
        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("first");
    }

    private void store(String payload, long secondsAfterStart) {
        eventStore.publish(new GenericDomainEventMessage<>("Thing", "thing-1", nextSequence++, payload, null,
                UUID.randomUUID().toString(), START.plusSeconds(secondsAfterStart)));
    }

    /** A projection that only remembers what it was handed. */
    static final class Seen {

        final List<String> payloads = new ArrayList<>();

        @EventHandler
        void on(String payload) {
            payloads.add(payload);
        }
    }
}
