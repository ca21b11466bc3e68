package org.kontor.bench;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ledger the benchmark writes: it counts the entries the server accepted (the book's size in
 * lines is four times that), tops the book up to a size and measures the reports at that size.
 */
final class Book {

    private final KontorHttp http;
    private final Workload workload;
    private final BenchOptions options;
    private final AtomicLong entries = new AtomicLong();

    Book(KontorHttp http, Workload workload, BenchOptions options) {
        this.http = http;
        this.workload = workload;
        this.options = options;
    }

    long lines() {
        return entries.get() * Workload.LINES_PER_ENTRY;
    }

    /** Posts one random entry and counts it when the server accepted it. */
    HttpResponse<String> postEntry() throws Exception {
        HttpResponse<String> response = http.post("/api/ledger/journal-entries", workload.journalEntry());
        if (response.statusCode() / 100 == 2) {
            entries.incrementAndGet();
        }
        return response;
    }

    /** Posts entries until the book holds {@code lines} lines or the load bound passes; null if it already did. */
    BenchReport.Load growTo(long lines) throws InterruptedException {
        long missing = (lines - lines() + Workload.LINES_PER_ENTRY - 1) / Workload.LINES_PER_ENTRY;
        if (missing <= 0) {
            return null;
        }
        Log.info("loading " + missing + " journal entries to reach " + lines + " lines");
        long started = System.nanoTime();
        BenchReport.Load load = ClosedLoopLoad.forCount("journal entries up to " + lines + " lines",
                options.clients(), missing, Duration.ofSeconds(options.loadTimeoutSeconds()), this::postEntry,
                total -> {
                    if (total % 5_000 == 0) {
                        Log.info(String.format("  %d of %d entries, %.0f/s", total, missing,
                                total / ((System.nanoTime() - started) / 1e9)));
                    }
                });
        Log.info("book at " + lines() + " lines");
        return load;
    }

    /** The reports at the book's present size, each plain and with {@code consistent=true}. */
    BenchReport.ReadsAtSize measureReads(long targetLines, String timelineCustomer, long timelineInteractions)
            throws InterruptedException {
        Log.info("report latency at " + lines() + " lines");
        int requests = options.reportRequests();
        String timeline = "/api/customers/" + timelineCustomer + "/timeline?limit=50";
        List<BenchReport.Read> reads = new ArrayList<>();
        for (boolean consistent : new boolean[] {false, true}) {
            reads.add(ReadLatency.measure(Targets.TRIAL_BALANCE, consistent, http,
                    () -> "/api/ledger/trial-balance?period=" + workload.randomPeriod(), requests));
            reads.add(ReadLatency.measure(Targets.BALANCES, consistent, http,
                    () -> "/api/ledger/balances?period=" + workload.randomPeriod(), requests));
            reads.add(ReadLatency.measure(Targets.TIMELINE, consistent, http, () -> timeline, requests));
        }
        return new BenchReport.ReadsAtSize(targetLines, lines(), timelineInteractions, reads);
    }
}
