package org.kontor.bench;

import java.net.http.HttpResponse;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;

/** One client reading one endpoint again and again: the latency of a report with nothing else going on. */
final class ReadLatency {

    /** At least this many warm-up requests, and at least half as many as are measured. */
    private static final int MIN_WARMUP_REQUESTS = 20;

    private ReadLatency() {
    }

    static BenchReport.Read measure(String name, boolean consistent, KontorHttp http, Supplier<String> paths,
                                    int requests) throws InterruptedException {
        int warmups = Math.max(MIN_WARMUP_REQUESTS, requests / 2);
        for (int warmup = 0; warmup < warmups; warmup++) {
            send(http, paths.get() + (consistent ? "&consistent=true" : ""));
        }
        Histogram histogram = LatencySummary.newHistogram();
        long errors = 0;
        for (int request = 0; request < requests; request++) {
            String path = paths.get() + (consistent ? "&consistent=true" : "");
            long start = System.nanoTime();
            boolean ok = send(http, path);
            long elapsed = System.nanoTime() - start;
            if (ok) {
                LatencySummary.record(histogram, elapsed);
            } else {
                errors++;
            }
        }
        LatencySummary summary = LatencySummary.of(histogram);
        Log.info(String.format("  %-28s p50 %7.2f ms  p99 %7.2f ms  errors %d", name
                + (consistent ? " (consistent)" : ""), summary.p50Ms(), summary.p99Ms(), errors));
        return new BenchReport.Read(name, consistent, errors, summary);
    }

    private static boolean send(KontorHttp http, String path) throws InterruptedException {
        try {
            HttpResponse<String> response = http.get(path);
            if (response.statusCode() != 200) {
                Log.info("  GET " + path + " answered " + response.statusCode());
                return false;
            }
            return true;
        } catch (java.io.IOException failed) {
            Log.info("  GET " + path + " failed: " + failed);
            return false;
        }
    }
}
