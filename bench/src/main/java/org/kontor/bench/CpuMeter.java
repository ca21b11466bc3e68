package org.kontor.bench;

import java.util.OptionalDouble;

/** The server's CPU time at the start of a phase; {@link #stop} makes the phase's figure. */
final class CpuMeter {

    private final KontorHttp http;
    private final OptionalDouble cpuAtStart;
    private final long startNanos = System.nanoTime();

    private CpuMeter(KontorHttp http, OptionalDouble cpuAtStart) {
        this.http = http;
        this.cpuAtStart = cpuAtStart;
    }

    static CpuMeter start(KontorHttp http) throws InterruptedException {
        return new CpuMeter(http, http.processCpuSeconds());
    }

    /** The CPU the server used since {@link #start} for {@code units} of work; null if not reported. */
    BenchReport.ServerCpu stop(String phase, long units, String unit) throws InterruptedException {
        OptionalDouble cpuAtEnd = http.processCpuSeconds();
        double wallSeconds = (System.nanoTime() - startNanos) / 1e9;
        if (cpuAtStart.isEmpty() || cpuAtEnd.isEmpty()) {
            return null;
        }
        return new BenchReport.ServerCpu(phase, ClosedLoopLoad.round(cpuAtEnd.getAsDouble() - cpuAtStart.getAsDouble()),
                ClosedLoopLoad.round(wallSeconds), units, unit);
    }
}
