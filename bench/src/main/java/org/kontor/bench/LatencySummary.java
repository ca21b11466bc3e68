package org.kontor.bench;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/** Percentiles of a latency histogram recorded in microseconds, shown in milliseconds. */
record LatencySummary(long count, double meanMs, double p50Ms, double p95Ms, double p99Ms, double maxMs) {

    /** Highest latency a histogram tracks: anything slower is clamped to it (the client times out sooner). */
    static final long HIGHEST_TRACKABLE_MICROS = TimeUnit.MINUTES.toMicros(5);

    static Histogram newHistogram() {
        return new Histogram(1, HIGHEST_TRACKABLE_MICROS, 3);
    }

    static void record(Histogram histogram, long elapsedNanos) {
        long micros = Math.max(1, Math.min(HIGHEST_TRACKABLE_MICROS, TimeUnit.NANOSECONDS.toMicros(elapsedNanos)));
        histogram.recordValue(micros);
    }

    static LatencySummary of(Histogram histogram) {
        if (histogram.getTotalCount() == 0) {
            return new LatencySummary(0, 0, 0, 0, 0, 0);
        }
        return new LatencySummary(histogram.getTotalCount(), millis(histogram.getMean()),
                millis(histogram.getValueAtPercentile(50)), millis(histogram.getValueAtPercentile(95)),
                millis(histogram.getValueAtPercentile(99)), millis(histogram.getMaxValue()));
    }

    private static double millis(double micros) {
        return Math.round(micros / 10.0) / 100.0;
    }
}
