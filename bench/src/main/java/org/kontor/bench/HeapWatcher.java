package org.kontor.bench;

import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Samples the server's used heap and direct buffers once a second and keeps the highest values seen. */
final class HeapWatcher implements AutoCloseable {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "heap-watcher");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong maxUsed = new AtomicLong();
    private final AtomicLong maxDirect = new AtomicLong();
    private final AtomicLong samples = new AtomicLong();
    private volatile KontorHttp target;

    HeapWatcher(KontorHttp target) {
        this.target = target;
        scheduler.scheduleWithFixedDelay(this::sample, 0, 1, TimeUnit.SECONDS);
    }

    /** Follows a restarted server; null pauses the sampling (its connection would delay a graceful stop). */
    void watch(KontorHttp server) {
        this.target = server;
    }

    long maxUsedBytes() {
        return maxUsed.get();
    }

    long maxDirectBytes() {
        return maxDirect.get();
    }

    long samples() {
        return samples.get();
    }

    private void sample() {
        try {
            KontorHttp server = target;
            if (server == null) {
                return;
            }
            OptionalLong used = server.heapUsedBytes();
            if (used.isPresent()) {
                samples.incrementAndGet();
                maxUsed.accumulateAndGet(used.getAsLong(), Math::max);
            }
            server.directBufferBytes().ifPresent(direct -> maxDirect.accumulateAndGet(direct, Math::max));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException unexpected) {
            Log.info("heap sample failed: " + unexpected);
        }
    }

    @Override
    public void close() throws InterruptedException {
        scheduler.shutdownNow();
        scheduler.awaitTermination(10, TimeUnit.SECONDS);
    }
}
