package org.kontor.bench;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A restart on the same data directory. The read models live in memory, so the new process
 * rebuilds every one of them from the event store; the processors' lags show how far each has come.
 */
final class ReplayRun {

    private static final long POLL_MILLIS = 100;

    private ReplayRun() {
    }

    static BenchReport.Replay measure(ServerProcess server, KontorHttp http, long eventsInStore,
                                      long storeFileBytes, Set<String> processors, Duration timeout,
                                      Consumer<BenchReport.ServerCpu> cpu) throws InterruptedException {
        long deadline = server.launchedNanos() + timeout.toNanos();
        server.awaitHealthy(http);
        Map<String, Long> lag = http.processorLag();
        while (!lag.keySet().containsAll(processors) && System.nanoTime() < deadline) {
            Thread.sleep(POLL_MILLIS);
            lag = http.processorLag();
        }
        long firstRead = System.nanoTime();
        CpuMeter meter = CpuMeter.start(http, ThreadCpu.of(server));
        long lagAtFirstRead = ProcessorLags.maxLag(lag);
        Log.info("replay: " + eventsInStore + " events in store, lag at first read " + lag);
        long nextReport = firstRead + Duration.ofSeconds(10).toNanos();
        Progress progress = new Progress(firstRead, ClosedLoopLoad.SLICE);
        while (!ProjectionLag.caughtUp(lag, processors) && System.nanoTime() < deadline) {
            Thread.sleep(POLL_MILLIS);
            lag = http.processorLag();
            if (!lag.isEmpty()) { // an unreadable list reads as no lag at all, not as all caught up
                progress.polled(System.nanoTime(), lagAtFirstRead - ProcessorLags.maxLag(lag));
            }
            if (System.nanoTime() > nextReport) {
                Log.info("  replaying, behind: " + lag);
                nextReport += Duration.ofSeconds(10).toNanos();
            }
        }
        long end = System.nanoTime();
        progress.finish();
        boolean caughtUp = ProjectionLag.caughtUp(lag, processors);
        // The CPU from the first read on, over the events the slowest processor worked off since.
        cpu.accept(meter.stop("replay", lagAtFirstRead, "events"));
        double fromLaunch = (end - server.launchedNanos()) / 1e9;
        double fromFirstRead = (end - firstRead) / 1e9;
        double rate = lagAtFirstRead > 0 && fromFirstRead > 0 ? lagAtFirstRead / fromFirstRead
                : eventsInStore / fromLaunch;
        Log.info(String.format("replay %s after %.1f s from launch, %.1f s from first read: %.0f events/s",
                caughtUp ? "finished" : "DID NOT FINISH", fromLaunch, fromFirstRead, rate));
        return new BenchReport.Replay(eventsInStore, storeFileBytes, lagAtFirstRead, ClosedLoopLoad.round(fromLaunch),
                ClosedLoopLoad.round(fromFirstRead), ClosedLoopLoad.round(rate),
                ClosedLoopLoad.round(eventsInStore / fromLaunch), caughtUp, progress.sliceMillis(),
                progress.perSecondEachSlice());
    }
}
