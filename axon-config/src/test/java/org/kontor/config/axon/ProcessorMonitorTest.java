package org.kontor.config.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.monitoring.MessageMonitor.MonitorCallback;
import org.junit.jupiter.api.Test;

class ProcessorMonitorTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MutableClock clock = new MutableClock(NOW);
    private final ProcessorMonitor monitor = new ProcessorMonitor("crm-timeline", registry, clock);

    @Test
    void eventsHandledIgnoredAndFailed_countedAndTimedPerProcessorOnly() {
        monitor.onMessageIngested(event(NOW)).reportSuccess();
        monitor.onMessageIngested(event(NOW)).reportSuccess();
        monitor.onMessageIngested(event(NOW)).reportIgnored();
        monitor.onMessageIngested(event(NOW)).reportFailure(new IllegalStateException("view down"));

        assertThat(count("ingestedCounter")).isEqualTo(4);
        assertThat(count("processedCounter")).isEqualTo(4);
        assertThat(count("successCounter")).isEqualTo(2);
        assertThat(count("ignoredCounter")).isEqualTo(1);
        assertThat(count("failureCounter")).isEqualTo(1);
        assertThat(registry.get("eventProcessor.allTimer").timer().count()).isEqualTo(4);
        assertThat(registry.get("eventProcessor.successTimer").timer().count()).isEqualTo(2);
        // one series per meter: the processor's name is the only tag
        assertThat(registry.getMeters()).allSatisfy(meter ->
                assertThat(meter.getId().getTags()).extracting("key").containsExactly("processorName"));
        assertThat(registry.getMeters()).map(Meter::getId).allSatisfy(id ->
                assertThat(id.getTag("processorName")).isEqualTo("crm-timeline"));
    }

    @Test
    void lastEventHandled_latencyIsItsAgeWhenIngested() {
        monitor.onMessageIngested(event(NOW.minusSeconds(90))).reportSuccess();

        assertThat(registry.get("eventProcessor.latency").gauge().value()).isEqualTo(90_000);
    }

    @Test
    void busyHalfTheTimeBetweenTwoReads_capacityHalf() {
        ProcessorMonitor.Capacity capacity = new ProcessorMonitor.Capacity(clock);
        clock.advance(Duration.ofSeconds(2));
        capacity.busy(TimeUnit.MILLISECONDS.toNanos(600));
        capacity.busy(TimeUnit.MILLISECONDS.toNanos(400));

        assertThat(capacity.sinceLastRead()).isCloseTo(0.5, within(1e-9));
        clock.advance(Duration.ofSeconds(1));
        assertThat(capacity.sinceLastRead()).as("nothing handled since the last read").isZero();
    }

    private double count(String counter) {
        return registry.get("eventProcessor." + counter).counter().count();
    }

    private static GenericEventMessage<String> event(Instant recordedAt) {
        return new GenericEventMessage<>(java.util.UUID.randomUUID().toString(), "payload",
                MetaData.emptyInstance(), recordedAt);
    }

    /** A clock the test moves. */
    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
