package org.kontor.config.storage;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.axonframework.common.Registration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wakes the processors that wait at the head of the embedded event store as soon as new events can
 * be read, instead of after Axon's fixed 500 ms.
 *
 * <p>Why: the embedded event store's stream does not offer Axon's availability callback, so a
 * pooled processor's coordinator that finds no new event looks again a fixed 500 ms later. The
 * projections showed a command's events 0.4 to 0.6 s after its reply (the benchmark's lag), and a
 * read with {@code consistent=true} right after a command waited about as long.
 *
 * <p>How: Axon's embedded store has one producer thread that reads the new events for every
 * processor at the head and links them where those processors' streams find them. It is the only
 * reader that asks the engine with {@code mayBlock} set. The engine {@link #signal signals} here
 * each time that reader asks for more after a batch with events: by then the batch's events are
 * linked (the producer links each event before it asks for the next). Each processor's stream
 * {@link #listen listens} with the callback Axon's coordinator gives it.
 *
 * <p>Batches under load: a listener's callback runs at most once per {@code interval}. A processor
 * that is idle wakes at once; under a steady stream of commands it still takes about an interval's
 * worth of events per batch, each batch one round of reads and one bulk write per collection,
 * instead of a round for every few events.
 */
public final class EventArrivals implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventArrivals.class);

    private final long intervalNanos;
    private final Set<Listener> listeners = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "event-arrivals");
        thread.setDaemon(true);
        return thread;
    });
    private final LongAdder signals = new LongAdder();

    public EventArrivals(Duration interval) {
        if (interval.isNegative()) {
            throw new IllegalArgumentException("the interval must not be negative, not " + interval);
        }
        this.intervalNanos = interval.toNanos();
    }

    /** Calls {@code callback} after new events can be read, at most once per interval; until cancelled. */
    public Registration listen(Runnable callback) {
        Listener listener = new Listener(callback);
        listeners.add(listener);
        return listener;
    }

    /** New events can be read by the processors at the head. */
    void signal() {
        signals.increment();
        for (Listener listener : listeners) {
            listener.arrived();
        }
    }

    /** How many times new events were signalled; for tests and diagnostics. */
    public long signals() {
        return signals.sum();
    }

    /** How many streams listen; for tests and diagnostics. */
    public int listeners() {
        return listeners.size();
    }

    @Override
    public void close() {
        listeners.clear();
        timer.shutdownNow();
    }

    private final class Listener implements Registration {

        private final Runnable callback;
        /** Set from an arrival until its callback starts: arrivals in between need no second call. */
        private final AtomicBoolean scheduled = new AtomicBoolean();
        /** As if called an interval ago, so that the first arrival calls at once. */
        private volatile long lastCalledNanos = System.nanoTime() - intervalNanos;

        private Listener(Runnable callback) {
            this.callback = callback;
        }

        void arrived() {
            if (!scheduled.compareAndSet(false, true)) {
                return;
            }
            long delay = Math.max(0, lastCalledNanos + intervalNanos - System.nanoTime());
            try {
                timer.schedule(this::call, delay, TimeUnit.NANOSECONDS);
            } catch (RuntimeException closed) {
                // Shut down with the application: Axon's own look after 5 s remains, if anything runs.
                scheduled.set(false);
            }
        }

        private void call() {
            // Cleared first, so that events arriving while the callback runs wake it again.
            scheduled.set(false);
            lastCalledNanos = System.nanoTime();
            if (!listeners.contains(this)) {
                return;
            }
            try {
                callback.run();
            } catch (RuntimeException e) {
                LOG.warn("A processor's wake-up for new events failed; it looks again within 5 s", e);
            }
        }

        @Override
        public boolean cancel() {
            return listeners.remove(this);
        }
    }
}
