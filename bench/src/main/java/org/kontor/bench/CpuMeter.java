package org.kontor.bench;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The server's CPU time at the start of a phase, and where the server started by this run, its
 * threads' CPU by group ({@link ThreadCpu}); {@link #stop} makes the phase's figure.
 */
final class CpuMeter {

    private final KontorHttp http;
    private final OptionalDouble cpuAtStart;
    private final ThreadCpu threads;
    private final Map<String, Double> threadsAtStart;
    private final long startNanos = System.nanoTime();
    private final OptionalDouble benchCpuAtStart = benchCpuSeconds();

    private CpuMeter(KontorHttp http, OptionalDouble cpuAtStart, ThreadCpu threads, Map<String, Double> threadsAtStart) {
        this.http = http;
        this.cpuAtStart = cpuAtStart;
        this.threads = threads;
        this.threadsAtStart = threadsAtStart;
    }

    static CpuMeter start(KontorHttp http) throws InterruptedException {
        return start(http, null);
    }

    /** As {@link #start(KontorHttp)}, and the threads' CPU by group too unless {@code threads} is null. */
    static CpuMeter start(KontorHttp http, ThreadCpu threads) throws InterruptedException {
        OptionalDouble cpuAtStart = http.processCpuSeconds();
        // The dumps are taken inside the process's CPU reads, so the groups never add up to more.
        Map<String, Double> threadsAtStart = threads == null ? Map.of() : threads.snapshot();
        return new CpuMeter(http, cpuAtStart, threads, threadsAtStart);
    }

    /** The CPU the server used since {@link #start} for {@code units} of work; null if not reported. */
    BenchReport.ServerCpu stop(String phase, long units, String unit) throws InterruptedException {
        List<BenchReport.ThreadGroupCpu> threadGroups = threads == null ? List.of()
                : ThreadCpu.largest(threadsAtStart, threads.snapshot(), ThreadCpu.GROUPS_SHOWN);
        OptionalDouble cpuAtEnd = http.processCpuSeconds();
        double wallSeconds = (System.nanoTime() - startNanos) / 1e9;
        OptionalDouble benchCpuAtEnd = benchCpuSeconds();
        if (cpuAtStart.isEmpty() || cpuAtEnd.isEmpty()) {
            return null;
        }
        Double benchCpu = benchCpuAtStart.isEmpty() || benchCpuAtEnd.isEmpty() ? null
                : ClosedLoopLoad.round(benchCpuAtEnd.getAsDouble() - benchCpuAtStart.getAsDouble());
        return new BenchReport.ServerCpu(phase, ClosedLoopLoad.round(cpuAtEnd.getAsDouble() - cpuAtStart.getAsDouble()),
                ClosedLoopLoad.round(wallSeconds), units, unit, threadGroups, benchCpu);
    }

    /**
     * This benchmark's own CPU time, all its threads (clients, HTTP client, polling); empty where the
     * JVM does not report it. The {@code jcmd} processes it starts are not in it.
     */
    static OptionalDouble benchCpuSeconds() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                && os.getProcessCpuTime() >= 0 ? OptionalDouble.of(os.getProcessCpuTime() / 1e9) : OptionalDouble.empty();
    }
}
