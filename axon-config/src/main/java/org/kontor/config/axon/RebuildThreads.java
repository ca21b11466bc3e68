package org.kontor.config.axon;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Named daemon threads for a rebuild: they show in a thread dump and never keep the JVM alive. */
final class RebuildThreads {

    private RebuildThreads() {
    }

    static ScheduledExecutorService scheduled(String name, int threads) {
        return Executors.newScheduledThreadPool(threads, named(name));
    }

    static ThreadFactory named(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
