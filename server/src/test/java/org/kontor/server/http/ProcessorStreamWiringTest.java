package org.kontor.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.kontor.config.axon.HandOver;
import org.kontor.config.storage.EventArrivals;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every pooled processor's stream is wired as the replay and the head need it: its batches are
 * reported to the hand-over it was opened with, so that its coordinator waits for room instead of
 * sleeping 100 ms (HandOver), and it hears of new events instead of looking every 500 ms
 * (EventArrivals).
 */
class ProcessorStreamWiringTest extends HttpTestSupport {

    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    EventArrivals arrivals;

    @Test
    void every_pooled_processor_reports_its_batches_to_the_hand_over_of_its_stream() throws InterruptedException {
        List<PooledStreamingEventProcessor> processors = processing.eventProcessors().values().stream()
                .filter(PooledStreamingEventProcessor.class::isInstance)
                .map(PooledStreamingEventProcessor.class::cast)
                .toList();
        List<HandOver> handOvers = processors.stream().map(ProcessorStreamWiringTest::handOverOf).toList();

        // A coordinator opens its stream once it has claimed its segment, soon after the start.
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(30));
        while (handOvers.stream().anyMatch(handOver -> handOver.streamsOpened() == 0) && Instant.now().isBefore(giveUp)) {
            Thread.sleep(50);
        }

        assertThat(processors).hasSizeGreaterThan(20);
        assertThat(handOvers).doesNotHaveDuplicates().allSatisfy(handOver ->
                assertThat(handOver.streamsOpened()).as("streams opened with the hand-over").isPositive());
    }

    @Test
    void every_pooled_processor_at_the_head_hears_of_new_events() throws InterruptedException {
        long pooled = processing.eventProcessors().values().stream()
                .filter(PooledStreamingEventProcessor.class::isInstance).count();
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(30));
        while (arrivals.listeners() < pooled && Instant.now().isBefore(giveUp)) {
            Thread.sleep(50);
        }
        long signalsBefore = arrivals.signals();

        registerCustomer("Prompt Projections GmbH");
        while (arrivals.signals() == signalsBefore && Instant.now().isBefore(giveUp)) {
            Thread.sleep(20);
        }

        assertThat(arrivals.listeners()).as("streams listening").isGreaterThanOrEqualTo((int) pooled);
        processing.eventProcessors().values().stream().filter(PooledStreamingEventProcessor.class::isInstance)
                .forEach(processor -> assertThat(arrivals.listeners(processor.getName()))
                        .as("streams listening as %s, the name a waiting read hurries it by", processor.getName())
                        .isPositive());
        assertThat(arrivals.signals()).as("signals after a command").isGreaterThan(signalsBefore);
    }

    private static HandOver handOverOf(PooledStreamingEventProcessor processor) {
        List<HandOver.BatchesTaken> reporters = processor.getHandlerInterceptors().stream()
                .filter(HandOver.BatchesTaken.class::isInstance)
                .map(HandOver.BatchesTaken.class::cast)
                .toList();
        assertThat(reporters).as(processor.getName()).hasSize(1);
        return reporters.get(0).handOver();
    }
}
