package org.kontor.bench;

import java.util.List;
import java.util.Map;

/** Everything one run measured; rendered as report.md and report.json. Absent parts are null. */
record BenchReport(String startedAt, Machine machine, Map<String, Object> settings, List<Throughput> throughput,
                   List<Lag> lags, List<Load> loads, List<ReadsAtSize> reads, Replay replay, Rebuild rebuild,
                   StorageReference storage, Heap heap, List<ServerCpu> cpu, List<TargetCheck> targets,
                   List<String> notes) {

    record Machine(int processors, long memoryBytes, String java, String os) {
    }

    /**
     * A closed-loop command phase: {@code clients} clients each send the next request on a reply.
     * {@code perSecondEachSlice}: the successes per second in each slice of {@code sliceMillis}
     * from the start of the warm-up (the last may be shorter), warm-up and window alike.
     */
    record Throughput(String name, int clients, int warmupSeconds, int measuredSeconds, long succeeded,
                      long errors, double perSecond, LatencySummary latency, List<String> errorSamples,
                      long sliceMillis, List<Double> perSecondEachSlice) {
    }

    /** Time from the last reply of a phase until every processor's lag gauge read 0. */
    record Lag(String after, Map<String, Long> lagAtLastReply, long millis, boolean caughtUp) {
    }

    /** A bounded data load that prepares a measurement (not a target figure). */
    record Load(String what, long target, long reached, double seconds, double perSecond, long errors) {
    }

    record ReadsAtSize(long targetLines, long lines, long timelineInteractions, List<Read> endpoints) {
    }

    record Read(String name, boolean consistent, long errors, LatencySummary latency) {
    }

    /**
     * A restart on the same data directory: every projection is rebuilt from the event store. The
     * rate is the events the slowest processor worked off between the first read of the lags
     * and the moment all of them read 0; the rate including start-up counts every stored event over
     * the time from process launch. {@code storeFileBytes}: the size of the event store's file when
     * the first server stopped. {@code perSecondEachSlice}: the slowest processor's events a second
     * in each slice of about {@code sliceMillis} from the first read ({@link Progress}).
     */
    record Replay(long eventsInStore, long storeFileBytes, long lagAtFirstRead, double secondsFromLaunch,
                  double secondsFromFirstRead, double eventsPerSecond, double eventsPerSecondIncludingStartup,
                  boolean caughtUp, long sliceMillis, List<Double> perSecondEachSlice) {

        Replay {
            perSecondEachSlice = List.copyOf(perSecondEachSlice);
        }
    }

    /**
     * Every read model rebuilt through {@code POST /api/admin/projections/{name}/replay}, all at once, in
     * the server that has just replayed (warm). {@code events}: the store's head when the rebuild began;
     * {@code seconds}: from the first request until every rebuild read DONE or FAILED; {@code finished}:
     * every one did, within the bound; {@code failed}: the read models whose rebuild failed, or whose
     * request got no answer or a server error; {@code perSecondEachSlice}: the events a second of
     * the rebuild furthest behind in each slice of about {@code sliceMillis} from the first request
     * ({@link Progress}).
     */
    record Rebuild(int readModels, long events, double seconds, double eventsPerSecond, boolean finished,
                   List<String> failed, long sliceMillis, List<Double> perSecondEachSlice) {

        Rebuild {
            if (finished && readModels == 0) {
                throw new IllegalArgumentException("a rebuild of no read model cannot have finished");
            }
            failed = List.copyOf(failed);
            perSecondEachSlice = List.copyOf(perSecondEachSlice);
        }
    }

    /**
     * Raw JDBC inserts of event-sized rows into a fresh H2 file database with the server's settings.
     * The fraction compares the product's append rate with the first run (batches of 100).
     */
    record StorageReference(String url, int payloadBytes, int metaDataBytes, List<InsertRun> runs,
                            double productEventsPerSecond, double productFractionOfReference) {
    }

    record InsertRun(int rowsPerCommit, long rows, double seconds, double rowsPerSecond) {
    }

    /**
     * The server's CPU time over one phase and the work it did in it ({@code unit}, plural): how much CPU
     * one unit costs. Unlike a rate, this barely moves when something else runs on the machine, so
     * it tells what a change bought even on a shared machine. {@code benchCpuSeconds} is the
     * benchmark's own process over the same phase (null where the JVM does not say): its clients
     * share the machine with the server, so the two together say how much of it the server had.
     */
    record ServerCpu(String phase, double cpuSeconds, double wallSeconds, long units, String unit,
                     List<ThreadGroupCpu> threadGroups, Double benchCpuSeconds) {

        ServerCpu {
            threadGroups = threadGroups == null ? List.of() : List.copyOf(threadGroups);
        }

        /** A phase measured without thread dumps and without the benchmark's own CPU. */
        ServerCpu(String phase, double cpuSeconds, double wallSeconds, long units, String unit) {
            this(phase, cpuSeconds, wallSeconds, units, unit, List.of(), null);
        }

        double cpuMillisPerUnit() {
            return units == 0 ? 0 : cpuSeconds * 1000 / units;
        }

        double coresBusy() {
            return wallSeconds == 0 ? 0 : cpuSeconds / wallSeconds;
        }
    }

    /** One group of the server's threads ({@link ThreadCpu}) and the CPU it used in a phase. */
    record ThreadGroupCpu(String group, double cpuSeconds) {
    }

    /**
     * The server's memory: its heap, and what it holds outside the heap, so that a figure of the heap
     * alone cannot hide memory moved off it. {@code maxDirectBytes} is the JVM's direct buffers (the
     * embedded read store's documents among them), sampled with the heap; {@code peakResidentBytes}
     * the largest resident set of a started server's process (Linux {@code VmHWM}), null if unknown.
     */
    record Heap(long maxUsedBytes, long samples, Long liveAfterGcBytes, boolean outOfMemoryError,
                long maxDirectBytes, Long peakResidentBytes) {
    }

    enum Status { MET, NOT_MET, NOT_MEASURED }

    record TargetCheck(String target, Status status, String measured) {
    }
}
