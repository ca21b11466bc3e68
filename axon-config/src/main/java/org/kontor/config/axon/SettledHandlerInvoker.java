package org.kontor.config.axon;

import java.util.List;
import javax.annotation.Nonnull;
import javax.annotation.Nullable;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;

/**
 * A processor's handlers as Axon's {@link MultiEventHandlerInvoker} calls them, with whether each
 * of them takes part in a replay asked once instead of for every event.
 *
 * <p>Why: for every event, Axon's invoker asks each of its delegates {@code supportsReset()} before
 * it asks whether the delegate handles the event, once when the coordinator offers the event and
 * again when the work package handles it; a delegate answers by streaming over every handler method
 * of every handler class it holds. The answer cannot change while the processor exists (its
 * handlers are fixed when it is built). In a profile of a rebuild of every read model those
 * streams were 1.8 % of the server's CPU (docs/benchmarks.md, session twenty-four).
 *
 * <p>And a delegate that is Axon's {@link SimpleEventHandlerInvoker} is handed the event without
 * being asked first whether it handles it. Axon's multi-invoker asks, but that delegate's
 * {@code handle} checks the same two things itself: the sequencing policy's segment, and each
 * handler class's handler methods (a class without one for the event does nothing). The question
 * (a stream over every handler method) was 1.6 % of a rebuild's CPU, on top of the same question
 * the work package asks when the event is scheduled.
 *
 * <p>Everything else is Axon's: each delegate decides whether it handles an event in a segment, a
 * delegate that takes no part in a replay is skipped for replayed events exactly as Axon skips it,
 * and resets and released segments go to Axon's invoker.
 */
final class SettledHandlerInvoker implements EventHandlerInvoker {

    private final EventHandlerInvoker whole;
    private final EventHandlerInvoker[] delegates;
    /** Whether each delegate supports a reset, so takes replayed events. */
    private final boolean[] replays;
    /** Whether each delegate checks for itself, in {@code handle}, whether it handles the event. */
    private final boolean[] checksWhenHandling;
    private final boolean anyReplays;
    private final boolean allReplay;

    private SettledHandlerInvoker(EventHandlerInvoker whole, List<EventHandlerInvoker> delegates) {
        this.whole = whole;
        this.delegates = delegates.toArray(EventHandlerInvoker[]::new);
        this.replays = new boolean[this.delegates.length];
        this.checksWhenHandling = new boolean[this.delegates.length];
        boolean any = false;
        boolean all = true;
        for (int i = 0; i < this.delegates.length; i++) {
            replays[i] = this.delegates[i].supportsReset();
            // Exactly Axon's class: a subclass may handle differently.
            checksWhenHandling[i] = this.delegates[i].getClass() == SimpleEventHandlerInvoker.class;
            any |= replays[i];
            all &= replays[i];
        }
        this.anyReplays = any;
        this.allReplay = all;
    }

    /** Axon's multi-invoker with its answers settled; any other invoker as it is. */
    static EventHandlerInvoker of(EventHandlerInvoker invoker) {
        if (invoker instanceof MultiEventHandlerInvoker multi) {
            return new SettledHandlerInvoker(multi, multi.delegates());
        }
        return invoker;
    }

    @Override
    public boolean canHandle(@Nonnull EventMessage<?> eventMessage, @Nonnull Segment segment) {
        boolean replayed = isReplayed(eventMessage);
        for (int i = 0; i < delegates.length; i++) {
            if (takes(i, replayed) && delegates[i].canHandle(eventMessage, segment)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void handle(@Nonnull EventMessage<?> message, @Nonnull Segment segment) throws Exception {
        boolean replayed = isReplayed(message);
        for (int i = 0; i < delegates.length; i++) {
            if (takes(i, replayed) && (checksWhenHandling[i] || delegates[i].canHandle(message, segment))) {
                delegates[i].handle(message, segment);
            }
        }
    }

    /** Only asked when some delegate would skip a replayed event: then it must be known. */
    private boolean isReplayed(EventMessage<?> message) {
        return !allReplay && ReplayToken.isReplay(message);
    }

    private boolean takes(int delegate, boolean replayed) {
        return replays[delegate] || !replayed;
    }

    @Override
    public boolean canHandleType(@Nonnull Class<?> payloadType) {
        return whole.canHandleType(payloadType);
    }

    @Override
    public boolean supportsReset() {
        return anyReplays;
    }

    @Override
    public void performReset() {
        whole.performReset();
    }

    @Override
    public <R> void performReset(@Nullable R resetContext) {
        whole.performReset(resetContext);
    }

    @Override
    public void segmentReleased(Segment segment) {
        whole.segmentReleased(segment);
    }
}
