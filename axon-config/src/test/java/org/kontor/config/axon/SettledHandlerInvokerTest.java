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

    /** Takes every event in a replay, and counts how often it is asked whether it does. */
    static class CountingInvoker implements EventHandlerInvoker {
        final AtomicInteger askedForReset = new AtomicInteger();
        final AtomicInteger handled = new AtomicInteger();

        @Override
        public boolean canHandle(@Nonnull EventMessage<?> eventMessage, @Nonnull Segment segment) {
            return true;
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
