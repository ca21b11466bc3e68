package org.kontor.config.axon;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;

/**
 * The metrics of one event processor, with the names Axon's Micrometer module gives them
 * ({@code eventProcessor.successCounter}, {@code .allTimer}, {@code .latency}, {@code .capacity},
 * ...), tagged with the processor's name only.
 *
 * <p>Why not Axon's own monitors: they look their counters and timers up in the registry for every
 * event, in every processor, tagged with the event's payload type. With 26 processors that lookup
 * (and the meter filters it runs) was about 11 % of the server's CPU in a profile of a replay, and
 * Axon's capacity gauge keeps every event's duration for ten seconds and copies them on each scrape
 * (another 5 %). Here every meter is registered once, an event costs a few additions, and the
 * capacity is the busy time between two reads of the gauge divided by the time between them.
 */
final class ProcessorMonitor implements MessageMonitor<Message<?>> {

    static final String PREFIX = "eventProcessor";
    static final String TAG = "processorName";

    private final Clock clock;
    private final Counter ingested;
    private final Counter processed;
    private final Counter succeeded;
    private final Counter failed;
    private final Counter ignored;
    private final Timer all;
    private final Timer successTimer;
    private final Timer failureTimer;
    private final Timer ignoredTimer;
    /** The last event ingested and when; its age is computed when the gauge is read. */
    private volatile Ingested last;
    private final Capacity capacity;

    ProcessorMonitor(String processorName, MeterRegistry registry, Clock clock) {
        this.clock = clock;
        Tags tags = Tags.of(TAG, processorName);
        ingested = registry.counter(PREFIX + ".ingestedCounter", tags);
        processed = registry.counter(PREFIX + ".processedCounter", tags);
        succeeded = registry.counter(PREFIX + ".successCounter", tags);
        failed = registry.counter(PREFIX + ".failureCounter", tags);
        ignored = registry.counter(PREFIX + ".ignoredCounter", tags);
        all = registry.timer(PREFIX + ".allTimer", tags);
        successTimer = registry.timer(PREFIX + ".successTimer", tags);
        failureTimer = registry.timer(PREFIX + ".failureTimer", tags);
        ignoredTimer = registry.timer(PREFIX + ".ignoredTimer", tags);
        capacity = new Capacity(clock);
        Gauge.builder(PREFIX + ".latency", this, ProcessorMonitor::latencyMillis).tags(tags).baseUnit("milliseconds")
                .description("How old the processor's last event was when it was handled").register(registry);
        Gauge.builder(PREFIX + ".capacity", capacity, Capacity::sinceLastRead).tags(tags)
                .description("Share of the time the processor's threads were busy since the last read")
                .register(registry);
    }

    @Override
    public MonitorCallback onMessageIngested(Message<?> message) {
        ingested.increment();
        if (message instanceof EventMessage<?> event) {
            // Reading an event's timestamp parses it: that is left to the gauge, once per read.
            last = new Ingested(event, clock.millis());
        }
        long start = System.nanoTime();
        return new MonitorCallback() {
            @Override
            public void reportSuccess() {
                succeeded.increment();
                done(successTimer);
            }

            @Override
            public void reportFailure(Throwable cause) {
                failed.increment();
                done(failureTimer);
            }

            @Override
            public void reportIgnored() {
                ignored.increment();
                done(ignoredTimer);
            }

            private void done(Timer outcome) {
                long took = System.nanoTime() - start;
                processed.increment();
                all.record(took, TimeUnit.NANOSECONDS);
                outcome.record(took, TimeUnit.NANOSECONDS);
                capacity.busy(took);
            }
        };
    }

    private double latencyMillis() {
        Ingested ingested = last;
        return ingested == null ? 0
                : Math.max(0, ingested.atMillis() - ingested.event().getTimestamp().toEpochMilli());
    }

    private record Ingested(EventMessage<?> event, long atMillis) {
    }

    /** Busy time over elapsed time, between two reads of the gauge (1.0 = one thread always busy). */
    static final class Capacity {

        private final Clock clock;
        private final LongAdder busyNanos = new LongAdder();
        private long lastReadMillis;

        Capacity(Clock clock) {
            this.clock = clock;
            this.lastReadMillis = clock.millis();
        }

        void busy(long nanos) {
            busyNanos.add(nanos);
        }

        synchronized double sinceLastRead() {
            long now = clock.millis();
            long elapsedMillis = now - lastReadMillis;
            if (elapsedMillis <= 0) {
                return 0;
            }
            lastReadMillis = now;
            return busyNanos.sumThenReset() / (elapsedMillis * 1_000_000.0);
        }
    }
}
