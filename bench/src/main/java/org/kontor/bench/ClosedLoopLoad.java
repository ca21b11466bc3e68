package org.kontor.bench;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.HdrHistogram.Histogram;

/**
 * Closed-loop clients on a fixed thread pool: each sends its next request when the reply to the
 * last one is in. Latency is from send to full reply; a closed loop does not correct for
 * coordinated omission, so percentiles are those of the replies the server gave.
 */
final class ClosedLoopLoad {

    /** One HTTP request; 2xx is success. */
    interface Call {
        HttpResponse<String> send() throws Exception;
    }

    private static final int MAX_ERROR_SAMPLES = 5;
    /** A load gives up after this many failed requests: something is wrong, not slow. */
    private static final long MAX_LOAD_ERRORS = 1_000;

    private ClosedLoopLoad() {
    }

    /** Called once, on the caller's thread, when the measured window begins. */
    interface WindowStart {
        void begin() throws InterruptedException;
    }

    /** The width of the slices {@link BenchReport.Throughput#perSecondEachSlice()} counts. */
    static final Duration SLICE = Duration.ofSeconds(10);

    /**
     * Warm-up, then a measured window; requests that finish inside the window are counted. Besides,
     * every success from the start of the warm-up is counted in the {@code slice} in which its reply
     * came, so the report shows how the rate rose while the server's JIT compiled the code the
     * phase runs, and whether it had levelled off before the window.
     */
    static BenchReport.Throughput forDuration(String name, int clients, Duration warmup, Duration measured,
                                              Duration slice, Call call, WindowStart windowStart)
            throws InterruptedException {
        long startedAt = System.nanoTime();
        long measureFrom = startedAt + warmup.toNanos();
        long measureUntil = measureFrom + measured.toNanos();
        int slices = (int) Math.max(1, (warmup.plus(measured).toNanos() + slice.toNanos() - 1) / slice.toNanos());
        AtomicLongArray perSlice = new AtomicLongArray(slices);
        List<String> errorSamples = Collections.synchronizedList(new ArrayList<>());
        List<Histogram> histograms = new ArrayList<>();
        AtomicLong succeeded = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> running = new ArrayList<>();
        for (int client = 0; client < clients; client++) {
            Histogram histogram = LatencySummary.newHistogram();
            histograms.add(histogram);
            running.add(pool.submit(() -> {
                while (System.nanoTime() < measureUntil && !Thread.currentThread().isInterrupted()) {
                    long start = System.nanoTime();
                    String error = attempt(call);
                    long end = System.nanoTime();
                    if (error == null && end < measureUntil) {
                        perSlice.incrementAndGet((int) ((end - startedAt) / slice.toNanos()));
                    }
                    if (start < measureFrom || end > measureUntil) {
                        continue;
                    }
                    if (error == null) {
                        succeeded.incrementAndGet();
                        LatencySummary.record(histogram, end - start);
                    } else {
                        errors.incrementAndGet();
                        sample(errorSamples, error);
                    }
                }
                return null;
            }));
        }
        try {
            long untilWindow = measureFrom - System.nanoTime();
            if (untilWindow > 0) {
                TimeUnit.NANOSECONDS.sleep(untilWindow);
            }
            windowStart.begin();
        } finally {
            awaitAll(pool, running, warmup.plus(measured).plus(KontorHttp.REQUEST_TIMEOUT).plusSeconds(10));
        }
        Histogram all = LatencySummary.newHistogram();
        histograms.forEach(all::add);
        double seconds = measured.toNanos() / 1e9;
        List<Double> rates = new ArrayList<>(slices);
        for (int index = 0; index < slices; index++) {
            long sliceEnd = Math.min(startedAt + (index + 1) * slice.toNanos(), measureUntil);
            long sliceStart = startedAt + index * slice.toNanos();
            rates.add(round(perSlice.get(index) / ((sliceEnd - sliceStart) / 1e9)));
        }
        return new BenchReport.Throughput(name, clients, (int) warmup.toSeconds(), (int) measured.toSeconds(),
                succeeded.get(), errors.get(), round(succeeded.get() / seconds), LatencySummary.of(all),
                List.copyOf(errorSamples), slice.toMillis(), List.copyOf(rates));
    }

    /** Sends until {@code count} requests succeeded, the deadline passed, or too many failed. */
    static BenchReport.Load forCount(String what, int clients, long count, Duration deadline, Call call,
                                     Progress progress) throws InterruptedException {
        long started = System.nanoTime();
        long stopAt = started + deadline.toNanos();
        AtomicLong tickets = new AtomicLong(count);
        AtomicLong succeeded = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        List<String> errorSamples = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> running = new ArrayList<>();
        for (int client = 0; client < clients; client++) {
            running.add(pool.submit(() -> {
                while (System.nanoTime() < stopAt && errors.get() < MAX_LOAD_ERRORS
                        && tickets.getAndDecrement() > 0 && !Thread.currentThread().isInterrupted()) {
                    String error = attempt(call);
                    if (error == null) {
                        progress.done(succeeded.incrementAndGet());
                    } else {
                        tickets.incrementAndGet();
                        errors.incrementAndGet();
                        sample(errorSamples, error);
                    }
                }
                return null;
            }));
        }
        awaitAll(pool, running, deadline.plus(KontorHttp.REQUEST_TIMEOUT).plusSeconds(10));
        double seconds = (System.nanoTime() - started) / 1e9;
        errorSamples.forEach(sample -> Log.info("  " + what + " error: " + sample));
        return new BenchReport.Load(what, count, succeeded.get(), round(seconds), round(succeeded.get() / seconds),
                errors.get());
    }

    /** Told the running total after each success. */
    interface Progress {
        void done(long total);
    }

    private static String attempt(Call call) {
        try {
            HttpResponse<String> response = call.send();
            if (response.statusCode() / 100 == 2) {
                return null;
            }
            String body = response.body() == null ? "" : response.body();
            return response.statusCode() + " " + body.substring(0, Math.min(200, body.length()));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (Exception failed) {
            return failed.getClass().getSimpleName() + ": " + failed.getMessage();
        }
    }

    private static void sample(List<String> samples, String error) {
        synchronized (samples) {
            if (samples.size() < MAX_ERROR_SAMPLES) {
                samples.add(error);
            }
        }
    }

    private static void awaitAll(ExecutorService pool, List<Future<?>> running, Duration bound)
            throws InterruptedException {
        pool.shutdown();
        if (!pool.awaitTermination(bound.toMillis(), TimeUnit.MILLISECONDS)) {
            Log.info("clients did not finish within " + bound + "; interrupting them");
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
        for (Future<?> client : running) {
            if (client.isDone() && !client.isCancelled()) {
                try {
                    client.get();
                } catch (java.util.concurrent.ExecutionException failed) {
                    throw new IllegalStateException("a client failed", failed.getCause());
                }
            }
        }
    }

    static double round(double value) {
        return Math.round(value * 10.0) / 10.0;
    }
}
