package org.kontor.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.kontor.config.storage.EventArrivals;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * A read that waits for a view wakes the view's processor at once, whatever the interval that
 * batches the processors' work at the head: here an hour, so only the hurry can answer within the
 * tests' 2 s wait (Axon's coordinator looks by itself after 5 s).
 */
@TestPropertySource(properties = "erp.processors.head-wake-interval=1h")
class ConsistentReadHurryTest extends OwnBooksHttpTest {

    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    EventArrivals arrivals;

    @Test
    void a_consistent_read_right_after_a_command_sees_it() throws InterruptedException {
        awaitEveryProcessorListening();
        // The first arrival after a processor's last call wakes it at once; the second waits an hour.
        String first = registerCustomer("Early Bird AG");
        readCustomer(first, "consistent=true");
        String second = registerCustomer("Second Wave GmbH");

        readCustomer(second, "consistent=true");

        assertThat(arrivals.hurried()).isPositive();
    }

    @Test
    void a_read_of_a_minimum_version_right_after_a_command_sees_it() throws InterruptedException {
        awaitEveryProcessorListening();
        readCustomer(registerCustomer("Warm Up KG"), "consistent=true");
        String customer = registerCustomer("Versioned Ltd");

        readCustomer(customer, "minVersion=1");
    }

    private void readCustomer(String id, String wait) {
        http.get().uri("/api/customers/" + id + "?" + wait)
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.id").isEqualTo(id);
    }

    private void awaitEveryProcessorListening() throws InterruptedException {
        long pooled = processing.eventProcessors().values().stream()
                .filter(PooledStreamingEventProcessor.class::isInstance).count();
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(30));
        while (arrivals.listeners() < pooled && Instant.now().isBefore(giveUp)) {
            Thread.sleep(50);
        }
        assertThat(arrivals.listeners()).isGreaterThanOrEqualTo((int) pooled);
    }
}
