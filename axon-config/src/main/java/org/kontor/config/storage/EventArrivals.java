package org.kontor.config.storage;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
 * <p>Batches under load: a listener's callback runs at most once per {@code interval} (500 ms by
 * default). A processor that is idle wakes at once; under a steady stream of commands it takes
 * about an interval's worth of events per batch, each batch one round of reads and one bulk write
 * per collection. The cost of a batch grows with the documents it touches more than with its
 * events: with postings on random accounts and dates, an interval of 100 ms cost about 0.2 ms more
 * of server CPU a posting than 500 ms (docs/benchmarks.md).
 *
 * <p>Reads that wait: a read that asks for a consistent view {@link #hurry hurries} the processor it
 * waits for, whose pending call then runs at once instead of at the end of the interval. So the
 * interval bounds how fresh a view is that nobody waits for, not how long a consistent read waits.
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
    private final LongAdder hurried = new LongAdder();

    public EventArrivals(Duration interval) {
        if (interval.isNegative()) {
            throw new IllegalArgumentException("the interval must not be negative, not " + interval);
        }
        this.intervalNanos = interval.toNanos();
    }

    /**
     * Calls {@code callback} after new events can be read, at most once per interval unless
     * {@code processor} is {@link #hurry hurried}; until cancelled. {@code processor} may be null
     * (a stream no read waits for by name).
     */
    public Registration listen(String processor, Runnable callback) {
        Listener listener = new Listener(processor, callback);
        listeners.add(listener);
        return listener;
    }

    /**
     * Someone waits for {@code processor} to catch up: its listeners with a call pending (events
     * arrived within the interval after their last call) are called now. Listeners with nothing
     * pending are busy with a batch or have seen every event; they need no call.
     */
    public void hurry(String processor) {
        for (Listener listener : listeners) {
            if (processor.equals(listener.processor)) {
                listener.hurry();
            }
        }
        hurried.increment();
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

    /** How many times a processor was hurried; for tests and diagnostics. */
    public long hurried() {
        return hurried.sum();
    }

    /** How many streams listen; for tests and diagnostics. */
    public int listeners() {
        return listeners.size();
    }

    /** How many streams listen as {@code processor}, the name {@link #hurry} finds them by. */
    public long listeners(String processor) {
        return listeners.stream().filter(listener -> processor.equals(listener.processor)).count();
    }

    @Override
    public void close() {
        listeners.clear();
        timer.shutdownNow();
    }

    private final class Listener implements Registration {

        private final String processor;
        private final Runnable callback;
        /**
         * The number of the call pending, from an arrival until the call starts (0: none pending).
         * Arrivals in between need no call of their own; a call that finds another number pending
         * was run early by {@link #hurry} and does nothing.
         */
        private final AtomicLong pending = new AtomicLong();
        private final AtomicLong lastNumber = new AtomicLong();
        /** As if called an interval ago, so that the first arrival calls at once. */
        private volatile long lastCalledNanos = System.nanoTime() - intervalNanos;

        private Listener(String processor, Runnable callback) {
            this.processor = processor;
            this.callback = callback;
        }

        void arrived() {
            long number = lastNumber.incrementAndGet();
            if (!pending.compareAndSet(0, number)) {
                return;
            }
            long delay = Math.max(0, lastCalledNanos + intervalNanos - System.nanoTime());
            try {
                timer.schedule(() -> call(number), delay, TimeUnit.NANOSECONDS);
            } catch (RuntimeException closed) {
                // Shut down with the application: Axon's own look after 5 s remains, if anything runs.
                pending.set(0);
            }
        }

        void hurry() {
            long number = pending.get();
            if (number == 0) {
                return;
            }
            try {
                timer.execute(() -> call(number));
            } catch (RuntimeException closed) {
                // Shut down with the application: the call pending keeps its time.
            }
        }

        private void call(long number) {
            // Cleared first, so that events arriving while the callback runs wake it again.
            if (!pending.compareAndSet(number, 0)) {
                return;
            }
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
