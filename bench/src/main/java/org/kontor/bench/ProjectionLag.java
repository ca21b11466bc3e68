package org.kontor.bench;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/** Waits for the read models by polling every processor's lag in {@code GET /api/admin/projections}. */
final class ProjectionLag {

    private static final long POLL_MILLIS = 100;

    private ProjectionLag() {
    }

    /** The time from now until every expected processor reads 0, bounded by {@code timeout}. */
    static BenchReport.Lag measure(String after, KontorHttp http, Set<String> processors, Duration timeout)
            throws InterruptedException {
        long started = System.nanoTime();
        Map<String, Long> atStart = http.processorLag();
        long deadline = started + timeout.toNanos();
        Map<String, Long> lag = atStart;
        long nextReport = started + Duration.ofSeconds(10).toNanos();
        while (!caughtUp(lag, processors) && System.nanoTime() < deadline) {
            Thread.sleep(POLL_MILLIS);
            lag = http.processorLag();
            if (System.nanoTime() > nextReport) {
                Log.info("  projections behind: " + lag);
                nextReport += Duration.ofSeconds(10).toNanos();
            }
        }
        boolean caughtUp = caughtUp(lag, processors);
        long millis = (System.nanoTime() - started) / 1_000_000;
        Log.info("projection lag after " + after + ": " + millis + " ms" + (caughtUp ? "" : " (NOT caught up)"));
        return new BenchReport.Lag(after, atStart, millis, caughtUp);
    }

    /** Every processor seen at the start is present and at 0. */
    static boolean caughtUp(Map<String, Long> lag, Set<String> processors) {
        return ProcessorLags.allCaughtUp(lag) && lag.keySet().containsAll(processors);
    }
}
