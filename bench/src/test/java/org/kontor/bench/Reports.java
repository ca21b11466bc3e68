package org.kontor.bench;

import java.util.List;
import java.util.Map;

/** Example reports for the rendering and target tests. */
final class Reports {

    private Reports() {
    }

    static BenchReport example(double entriesPerSecond, double entryP99, long largestLines, double largestP99) {
        LatencySummary entryLatency = new LatencySummary(1000, 10, 8, 40, entryP99, 150);
        List<BenchReport.Read> small = reads(5);
        List<BenchReport.Read> large = reads(largestP99);
        return new BenchReport("2026-01-01T00:00:00Z", new BenchReport.Machine(2, 24L << 30, "OpenJDK 17", "Linux"),
                Map.of("clients", 16),
                List.of(new BenchReport.Throughput("journal-entries", 16, 20, 30, 3000, 0, entriesPerSecond,
                                entryLatency, List.of(), 10_000, List.of(400.0, 1200.0, 1550.0, 1600.0, 1650.0)),
                        new BenchReport.Throughput("interactions", 16, 20, 30, 6000, 2, 200, entryLatency,
                                List.of("409 {\"code\":\"VERSION_CONFLICT\"}"), 10_000, List.of())),
                List.of(new BenchReport.Lag("journal-entries", Map.of("ledger-balances", 40L), 350, true)),
                List.of(new BenchReport.Load("journal entries up to 10000 lines", 2500, 2500, 20, 125, 0),
                        new BenchReport.Load("journal entries to top the store up to 1000000 events", 120_000,
                                120_000, 100, 1_200, 0)),
                List.of(new BenchReport.ReadsAtSize(10_000, 10_000, 10_000, small),
                        new BenchReport.ReadsAtSize(largestLines, largestLines, 10_000, large)),
                new BenchReport.Replay(1_200_000, 2_400_000_000L, 1_100_000, 60, 40, 27_500, 20_000, true, 10_000,
                        List.of(6_100.0, 14_000.0, 31_000.0, 36_500.0)),
                new BenchReport.Rebuild(19, 1_200_000, 48, 25_000, true, List.of(), 10_000,
                        List.of(22_000.0, 36_000.0, 20_500.0, 21_000.0, 19_000.0)),
                new BenchReport.StorageReference("jdbc:h2:file:/tmp/r;MODE=PostgreSQL;WRITE_DELAY=0", 330, 200,
                        List.of(new BenchReport.InsertRun(100, 1_000_000, 10, 100_000),
                                new BenchReport.InsertRun(2, 50_000, 10, 5_000)), 200, 0.002),
                new BenchReport.Heap(600L << 20, 300, 200L << 20, false, 300L << 20, 1_100L << 20),
                List.of(new BenchReport.ServerCpu("journal-entries", 45, 41, 9_000, "journal entries"),
                        new BenchReport.ServerCpu("replay", 80, 40, 1_100_000, "events"),
                        new BenchReport.ServerCpu(RebuildRun.PHASE, 96, 48, 1_200_000, "events")),
                null, List.of("a note"));
    }

    private static List<BenchReport.Read> reads(double p99) {
        LatencySummary latency = new LatencySummary(200, p99 / 2, p99 / 2, p99 * 0.9, p99, p99 * 2);
        return List.of(new BenchReport.Read(Targets.TRIAL_BALANCE, false, 0, latency),
                new BenchReport.Read(Targets.BALANCES, false, 0, latency),
                new BenchReport.Read(Targets.TIMELINE, false, 0, latency),
                new BenchReport.Read(Targets.TRIAL_BALANCE, true, 0, latency));
    }

    static BenchReport withTargets(BenchReport report) {
        return new BenchReport(report.startedAt(), report.machine(), report.settings(), report.throughput(),
                report.lags(), report.loads(), report.reads(), report.replay(), report.rebuild(), report.storage(),
                report.heap(), report.cpu(), Targets.evaluate(report), report.notes());
    }

    /** The report with another rebuild through the API, or none (null). */
    static BenchReport withRebuild(BenchReport report, BenchReport.Rebuild rebuild) {
        return new BenchReport(report.startedAt(), report.machine(), report.settings(), report.throughput(),
                report.lags(), report.loads(), report.reads(), report.replay(), rebuild, report.storage(),
                report.heap(), report.cpu(), report.targets(), report.notes());
    }

    static BenchReport withCpu(BenchReport report, List<BenchReport.ServerCpu> cpu) {
        return new BenchReport(report.startedAt(), report.machine(), report.settings(), report.throughput(),
                report.lags(), report.loads(), report.reads(), report.replay(), report.rebuild(), report.storage(),
                report.heap(), cpu, report.targets(), report.notes());
    }
}
