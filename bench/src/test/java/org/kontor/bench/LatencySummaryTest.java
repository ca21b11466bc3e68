package org.kontor.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencySummaryTest {

    @Test
    void oneToHundredMillis_percentilesInMillis() {
        Histogram histogram = LatencySummary.newHistogram();
        for (int millis = 1; millis <= 100; millis++) {
            LatencySummary.record(histogram, TimeUnit.MILLISECONDS.toNanos(millis));
        }

        LatencySummary summary = LatencySummary.of(histogram);

        assertThat(summary.count()).isEqualTo(100);
        assertThat(summary.p50Ms()).isCloseTo(50, within(0.1));
        assertThat(summary.p95Ms()).isCloseTo(95, within(0.1));
        assertThat(summary.p99Ms()).isCloseTo(99, within(0.1));
        assertThat(summary.maxMs()).isCloseTo(100, within(0.1));
        assertThat(summary.meanMs()).isCloseTo(50.5, within(0.1));
    }

    @Test
    void emptyHistogram_allZero() {
        assertThat(LatencySummary.of(LatencySummary.newHistogram())).isEqualTo(new LatencySummary(0, 0, 0, 0, 0, 0));
    }

    @Test
    void slowerThanTracked_clampedNotThrown() {
        Histogram histogram = LatencySummary.newHistogram();

        LatencySummary.record(histogram, TimeUnit.HOURS.toNanos(1));

        assertThat(LatencySummary.of(histogram).maxMs()).isCloseTo(300_000, within(300.0));
    }
}
