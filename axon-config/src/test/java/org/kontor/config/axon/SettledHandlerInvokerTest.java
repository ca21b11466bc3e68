package org.kontor.config.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.annotation.Nonnull;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.junit.jupiter.api.Test;

class SettledHandlerInvokerTest {

    private final Ledger ledger = new Ledger();
    private final Mailer mailer = new Mailer();
    private final MultiEventHandlerInvoker axons = new MultiEventHandlerInvoker(
            SimpleEventHandlerInvoker.builder().eventHandlers(ledger).build(),
            SimpleEventHandlerInvoker.builder().eventHandlers(mailer).build());
    private final EventHandlerInvoker settled = SettledHandlerInvoker.of(axons);

    @Test
    void liveEvent_goesToEveryHandlerThatTakesIt() throws Exception {
        settled.handle(live("posted"), Segment.ROOT_SEGMENT);

        assertThat(ledger.seen).containsExactly("posted");
        assertThat(mailer.seen).containsExactly("posted");
    }

    @Test
    void replayedEvent_skipsTheHandlerThatDisallowsReplay() throws Exception {
        settled.handle(replayed("posted"), Segment.ROOT_SEGMENT);

        assertThat(ledger.seen).containsExactly("posted");
        assertThat(mailer.seen).isEmpty();
    }

    @Test
    void answers_areAxonsOwn() {
        EventHandlerInvoker onlyMailer = SettledHandlerInvoker.of(new MultiEventHandlerInvoker(
                SimpleEventHandlerInvoker.builder().eventHandlers(mailer).build()));
        EventHandlerInvoker axonsOnlyMailer = new MultiEventHandlerInvoker(
                SimpleEventHandlerInvoker.builder().eventHandlers(mailer).build());

        for (EventMessage<?> event : List.of(live("posted"), replayed("posted"), live(42), replayed(42))) {
            assertThat(settled.canHandle(event, Segment.ROOT_SEGMENT))
                    .as("both handlers, %s", event).isEqualTo(axons.canHandle(event, Segment.ROOT_SEGMENT));
            assertThat(onlyMailer.canHandle(event, Segment.ROOT_SEGMENT))
                    .as("the mailer alone, %s", event)
                    .isEqualTo(axonsOnlyMailer.canHandle(event, Segment.ROOT_SEGMENT));
        }
        assertThat(settled.supportsReset()).isTrue();
        assertThat(onlyMailer.supportsReset()).isFalse();
        assertThat(settled.canHandleType(String.class)).isTrue();
        assertThat(settled.canHandleType(Integer.class)).isFalse();
    }

    @Test
    void whetherADelegateTakesReplays_isAskedOnce_notForEveryEvent() throws Exception {
        CountingInvoker counting = new CountingInvoker();
        EventHandlerInvoker invoker = SettledHandlerInvoker.of(new MultiEventHandlerInvoker(counting,
                SimpleEventHandlerInvoker.builder().eventHandlers(mailer).build()));

        for (int i = 0; i < 100; i++) {
            invoker.canHandle(replayed("posted"), Segment.ROOT_SEGMENT);
            invoker.handle(replayed("posted"), Segment.ROOT_SEGMENT);
        }

        assertThat(counting.askedForReset).hasValue(1);
        assertThat(counting.handled).hasValue(100);
    }

    @Test
    void axonsSimpleInvoker_handedTheEventWithoutBeingAskedFirst_butItsSegmentAndHandlersStillDecide()
            throws Exception {
        AtomicInteger policyAsked = new AtomicInteger();
        SequencingPolicy<EventMessage<?>> byPayload = event -> {
            policyAsked.incrementAndGet();
            return event.getPayload();
        };
        Ledger settledLedger = new Ledger();
        Ledger axonsLedger = new Ledger();
        EventHandlerInvoker settledOne = SettledHandlerInvoker.of(new MultiEventHandlerInvoker(
                SimpleEventHandlerInvoker.builder().eventHandlers(settledLedger).sequencingPolicy(byPayload).build()));
        EventHandlerInvoker axonsOne = new MultiEventHandlerInvoker(
                SimpleEventHandlerInvoker.builder().eventHandlers(axonsLedger).sequencingPolicy(byPayload).build());
        Segment[] halves = Segment.ROOT_SEGMENT.split();
        List<Object> events = List.of("posted", "reversed", "closed", "reopened");

        for (Object payload : events) {
            for (Segment half : halves) {
                axonsOne.handle(live(payload), half);
            }
        }
        int askedByAxon = policyAsked.getAndSet(0);
        for (Object payload : events) {
            for (Segment half : halves) {
                settledOne.handle(live(payload), half);
            }
        }

        assertThat(settledLedger.seen).isEqualTo(axonsLedger.seen)
                .as("each event once, in the half its payload falls in")
                .containsExactly("posted", "reversed", "closed", "reopened");
        assertThat(policyAsked.get()).as("the segment asked once per event and half, not again for the taking half")
                .isEqualTo(events.size() * halves.length).isLessThan(askedByAxon);
        settledOne.handle(live(42), Segment.ROOT_SEGMENT);
        assertThat(settledLedger.seen).as("no handler takes a number").hasSize(4);
    }

    @Test
    void anotherDelegate_isStillAskedFirst_andNotHandedWhatItDoesNotTake() throws Exception {
        CountingInvoker refusing = new CountingInvoker(false);
        EventHandlerInvoker invoker = SettledHandlerInvoker.of(new MultiEventHandlerInvoker(refusing,
                SimpleEventHandlerInvoker.builder().eventHandlers(ledger).build()));

        invoker.handle(live("posted"), Segment.ROOT_SEGMENT);

        assertThat(refusing.handled).hasValue(0);
        assertThat(ledger.seen).containsExactly("posted");
    }

    @Test
    void anInvokerOtherThanAxonsMultiInvoker_isUsedAsItIs() {
        EventHandlerInvoker single = SimpleEventHandlerInvoker.builder().eventHandlers(ledger).build();

        assertThat(SettledHandlerInvoker.of(single)).isSameAs(single);
    }

    private static TrackedEventMessage<?> live(Object payload) {
        return new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(3),
                GenericEventMessage.asEventMessage(payload));
    }

    private static TrackedEventMessage<?> replayed(Object payload) {
        TrackingToken token = ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(10),
                new GlobalSequenceTrackingToken(3));
        return new GenericTrackedEventMessage<>(token, GenericEventMessage.asEventMessage(payload));
    }

    /** A read model: rebuilt by replays. */
    static class Ledger {
        final List<String> seen = new ArrayList<>();

        @EventHandler
        void on(String event) {
            seen.add(event);
        }
    }

    /** A side effect: must not happen again when events are replayed. */
    @DisallowReplay
    static class Mailer {
        final List<String> seen = new ArrayList<>();

        @EventHandler
        void on(String event) {
            seen.add(event);
        }
    }

    /** Takes every event (or none), in a replay too, and counts how often it is asked whether it does. */
    static class CountingInvoker implements EventHandlerInvoker {
        final AtomicInteger askedForReset = new AtomicInteger();
        final AtomicInteger handled = new AtomicInteger();
        private final boolean takes;

        CountingInvoker() {
            this(true);
        }

        CountingInvoker(boolean takes) {
            this.takes = takes;
        }

        @Override
        public boolean canHandle(@Nonnull EventMessage<?> eventMessage, @Nonnull Segment segment) {
            return takes;
        }

        @Override
        public void handle(@Nonnull EventMessage<?> message, @Nonnull Segment segment) {
            handled.incrementAndGet();
        }

        @Override
        public boolean supportsReset() {
            askedForReset.incrementAndGet();
            return true;
        }
    }
}
