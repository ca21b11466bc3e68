package org.kontor.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.kontor.bench.BenchReport.Lag;
import org.kontor.bench.BenchReport.Load;
import org.kontor.bench.BenchReport.Read;
import org.kontor.bench.BenchReport.ReadsAtSize;
import org.kontor.bench.BenchReport.TargetCheck;
import org.kontor.bench.BenchReport.Throughput;

/** report.md (tables for people) and report.json (the same figures for programs). */
final class ReportRenderer {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportRenderer() {
    }

    static String json(BenchReport report) {
        try {
            return JSON.writeValueAsString(report) + "\n";
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("the report is plain records", impossible);
        }
    }

    static String markdown(BenchReport report) {
        StringBuilder md = new StringBuilder("# Kontor benchmark report\n\n");
        md.append("Started ").append(report.startedAt()).append(". Machine: ")
                .append(report.machine().processors()).append(" cores, ")
                .append(gib(report.machine().memoryBytes())).append(" GiB memory, ").append(report.machine().java())
                .append(", ").append(report.machine().os()).append(".\n\n");
        md.append("Settings: ");
        report.settings().forEach((name, value) -> md.append('`').append(name).append('=').append(value).append("` "));
        md.append("\n\n");
        throughput(md, report);
        lags(md, report);
        loads(md, report);
        reads(md, report);
        replay(md, report);
        rebuild(md, report);
        storage(md, report);
        cpu(md, report);
        heap(md, report);
        targets(md, report);
        if (report.notes() != null && !report.notes().isEmpty()) {
            md.append("## Notes\n\n");
            report.notes().forEach(note -> md.append("- ").append(note).append('\n'));
            md.append('\n');
        }
        return md.toString();
    }

    private static void throughput(StringBuilder md, BenchReport report) {
        if (report.throughput() == null || report.throughput().isEmpty()) {
            return;
        }
        md.append("## Command throughput\n\n")
                .append("| phase | clients | warm-up s | measured s | succeeded | errors | per second | p50 ms | p95 ms | p99 ms | max ms |\n")
                .append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Throughput phase : report.throughput()) {
            LatencySummary latency = phase.latency();
            row(md, phase.name(), phase.clients(), phase.warmupSeconds(), phase.measuredSeconds(), phase.succeeded(),
                    phase.errors(), number(phase.perSecond()), number(latency.p50Ms()), number(latency.p95Ms()),
                    number(latency.p99Ms()), number(latency.maxMs()));
        }
        md.append('\n');
        for (Throughput phase : report.throughput()) {
            slices(md, phase);
        }
        for (Throughput phase : report.throughput()) {
            phase.errorSamples().forEach(sample -> md.append("- ").append(phase.name()).append(" error: `")
                    .append(sample.replace('`', '\'').replace('\n', ' ')).append("`\n"));
        }
        md.append('\n');
    }

    /** One line per phase: its rate in each slice, the warm-up's before the bar, the window's after. */
    private static void slices(StringBuilder md, Throughput phase) {
        if (phase.perSecondEachSlice() == null || phase.perSecondEachSlice().isEmpty()) {
            return;
        }
        long millis = phase.sliceMillis();
        md.append("- ").append(phase.name()).append(", per second in each ")
                .append(sliceWidth(millis))
                .append(" from the start of the warm-up:");
        long warmupSlices = millis <= 0 ? 0 : phase.warmupSeconds() * 1000L / millis;
        for (int index = 0; index < phase.perSecondEachSlice().size(); index++) {
            md.append(index == warmupSlices && index > 0 ? " | " : index == 0 ? " " : ", ")
                    .append(number(phase.perSecondEachSlice().get(index)));
        }
        md.append('\n');
    }

    private static void lags(StringBuilder md, BenchReport report) {
        if (report.lags() == null || report.lags().isEmpty()) {
            return;
        }
        md.append("## Projection lag\n\n")
                .append("| after | largest lag at the last reply (events) | caught up after ms | caught up |\n")
                .append("| --- | ---: | ---: | --- |\n");
        for (Lag lag : report.lags()) {
            row(md, lag.after(), ProcessorLags.maxLag(lag.lagAtLastReply()), lag.millis(), lag.caughtUp() ? "yes" : "NO");
        }
        md.append('\n');
    }

    private static void loads(StringBuilder md, BenchReport report) {
        if (report.loads() == null || report.loads().isEmpty()) {
            return;
        }
        md.append("## Data loads (preparation, not targets)\n\n")
                .append("| load | target | reached | seconds | per second | errors |\n")
                .append("| --- | ---: | ---: | ---: | ---: | ---: |\n");
        for (Load load : report.loads()) {
            row(md, load.what(), load.target(), load.reached(), number(load.seconds()), number(load.perSecond()),
                    load.errors());
        }
        md.append('\n');
    }

    private static void reads(StringBuilder md, BenchReport report) {
        if (report.reads() == null || report.reads().isEmpty()) {
            return;
        }
        md.append("## Report latency (one client)\n\n")
                .append("| endpoint | book lines | timeline interactions | consistent | requests | errors | p50 ms | p95 ms | p99 ms | max ms |\n")
                .append("| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (ReadsAtSize size : report.reads()) {
            for (Read read : size.endpoints()) {
                LatencySummary latency = read.latency();
                row(md, read.name(), size.lines(), size.timelineInteractions(), read.consistent() ? "yes" : "no",
                        latency.count(), read.errors(), number(latency.p50Ms()), number(latency.p95Ms()),
                        number(latency.p99Ms()), number(latency.maxMs()));
            }
        }
        md.append('\n');
    }

    private static void replay(StringBuilder md, BenchReport report) {
        if (report.replay() == null) {
            return;
        }
        BenchReport.Replay replay = report.replay();
        md.append("## Replay (restart on the same data directory)\n\n")
                .append("| events in store | store file MiB | file bytes per event | lag at first read | s from launch | s from first read | events/s | events/s incl. start-up | finished |\n")
                .append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
        row(md, replay.eventsInStore(), number(replay.storeFileBytes() / (1024.0 * 1024.0)),
                replay.eventsInStore() > 0 ? number((double) replay.storeFileBytes() / replay.eventsInStore()) : "",
                replay.lagAtFirstRead(), number(replay.secondsFromLaunch()),
                number(replay.secondsFromFirstRead()), number(replay.eventsPerSecond()),
                number(replay.eventsPerSecondIncludingStartup()), replay.caughtUp() ? "yes" : "NO");
        md.append('\n');
        progress(md, "the slowest processor's events a second", replay.sliceMillis(), replay.perSecondEachSlice(),
                "from the first read of the lags");
    }

    private static void rebuild(StringBuilder md, BenchReport report) {
        if (report.rebuild() == null) {
            return;
        }
        BenchReport.Rebuild rebuild = report.rebuild();
        md.append("### Rebuild of every read model through the API (the same server, warm)\n\n")
                .append("| read models | events | seconds | events/s | finished | failed |\n")
                .append("| ---: | ---: | ---: | ---: | --- | --- |\n");
        row(md, rebuild.readModels(), rebuild.events(), number(rebuild.seconds()), number(rebuild.eventsPerSecond()),
                rebuild.finished() ? "yes" : "NO", rebuild.failed().isEmpty() ? "none" : String.join(", ", rebuild.failed()));
        md.append('\n');
        progress(md, "the events a second of the rebuild furthest behind", rebuild.sliceMillis(),
                rebuild.perSecondEachSlice(), "from the first request");
    }

    /** A slice's width as the report says it: {@code 10 s}, or in ms when not whole seconds. */
    private static String sliceWidth(long millis) {
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    /** A rate in each slice of a replay or a rebuild, under its table; nothing when none was kept. */
    private static void progress(StringBuilder md, String what, long sliceMillis, List<Double> perSecondEachSlice,
                                 String from) {
        if (perSecondEachSlice.isEmpty()) {
            return;
        }
        md.append("In each ").append(sliceWidth(sliceMillis))
                .append(' ').append(from).append(", ").append(what).append(": ")
                .append(perSecondEachSlice.stream().map(ReportRenderer::number).collect(Collectors.joining(", ")))
                .append(".\n\n");
    }

    private static void storage(StringBuilder md, BenchReport report) {
        if (report.storage() == null) {
            return;
        }
        BenchReport.StorageReference storage = report.storage();
        md.append("## Storage reference (raw JDBC inserts, one thread)\n\n")
                .append("| rows per commit | payload bytes | metadata bytes | rows | seconds | rows/s |\n")
                .append("| ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (BenchReport.InsertRun run : storage.runs()) {
            row(md, run.rowsPerCommit(), storage.payloadBytes(), storage.metaDataBytes(), run.rows(),
                    number(run.seconds()), number(run.rowsPerSecond()));
        }
        md.append("\nThe product appended ").append(number(storage.productEventsPerSecond()))
                .append(" events/s (journal entries/s x 2 events a posting), ")
                .append(percent(storage.productFractionOfReference()))
                .append(" of the batched reference. URL settings: `").append(storage.url()).append("`.\n\n");
    }

    private static void cpu(StringBuilder md, BenchReport report) {
        if (report.cpu() == null || report.cpu().isEmpty()) {
            return;
        }
        md.append("## Server CPU per unit of work\n\n")
                .append("| phase | server CPU s | wall s | cores busy | units | CPU ms per unit | benchmark CPU s |\n")
                .append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (BenchReport.ServerCpu phase : report.cpu()) {
            row(md, phase.phase(), number(phase.cpuSeconds()), number(phase.wallSeconds()), number(phase.coresBusy()),
                    phase.units() + " " + phase.unit(),
                    String.format(Locale.ROOT, "%.3f", phase.cpuMillisPerUnit()),
                    phase.benchCpuSeconds() == null ? "" : number(phase.benchCpuSeconds()));
        }
        md.append('\n');
        // The clients run on the server's machine: what they used is not the server's to use.
        md.append("Benchmark CPU s: this benchmark's own process (its clients and polling) over the same phase.\n\n");
        threadGroups(md, report);
    }

    /** Where each phase's CPU went, for a server this run started: its largest thread groups. */
    private static void threadGroups(StringBuilder md, BenchReport report) {
        if (report.cpu().stream().allMatch(phase -> phase.threadGroups().isEmpty())) {
            return;
        }
        md.append("Server CPU by thread group (`jcmd Thread.print` where each phase starts and ends; names with")
                .append(" their numbers as N; the ").append(ThreadCpu.GROUPS_SHOWN)
                .append(" largest; CPU s, and ms per unit in brackets):\n\n");
        for (BenchReport.ServerCpu phase : report.cpu()) {
            if (phase.threadGroups().isEmpty()) {
                continue;
            }
            double listed = phase.threadGroups().stream().mapToDouble(BenchReport.ThreadGroupCpu::cpuSeconds).sum();
            // What the list leaves out (smaller groups, threads that ended within the phase) shows as the gap.
            md.append("- ").append(phase.phase()).append(" (listed ").append(number(listed)).append(" of ")
                    .append(number(phase.cpuSeconds())).append(" s): ");
            md.append(phase.threadGroups().stream()
                    .map(group -> String.format(Locale.ROOT, "`%s` %s (%.3f)", group.group(), number(group.cpuSeconds()),
                            phase.units() == 0 ? 0 : group.cpuSeconds() * 1000 / phase.units()))
                    .collect(Collectors.joining(", ")));
            md.append('\n');
        }
        md.append('\n');
    }

    private static void heap(StringBuilder md, BenchReport report) {
        if (report.heap() == null) {
            return;
        }
        BenchReport.Heap heap = report.heap();
        md.append("## Server heap\n\n")
                .append("| max used MiB (sampled each second) | samples | live after full GC MiB | OutOfMemoryError"
                        + " | max direct buffers MiB | process peak resident MiB |\n")
                .append("| ---: | ---: | ---: | --- | ---: | ---: |\n");
        row(md, heap.maxUsedBytes() / (1 << 20), heap.samples(),
                heap.liveAfterGcBytes() == null ? "-" : heap.liveAfterGcBytes() / (1 << 20),
                heap.outOfMemoryError() ? "YES" : "no", heap.maxDirectBytes() / (1 << 20),
                heap.peakResidentBytes() == null ? "-" : heap.peakResidentBytes() / (1 << 20));
        md.append('\n');
    }

    private static void targets(StringBuilder md, BenchReport report) {
        if (report.targets() == null) {
            return;
        }
        md.append("## Targets (issue 5)\n\n| target | status | measured |\n| --- | --- | --- |\n");
        for (TargetCheck check : report.targets()) {
            row(md, check.target(), check.status().name().replace('_', ' ').toLowerCase(Locale.ROOT), check.measured());
        }
        md.append('\n');
    }

    private static void row(StringBuilder md, Object... cells) {
        md.append('|');
        for (Object cell : cells) {
            md.append(' ').append(String.valueOf(cell).replace("|", "\\|")).append(" |");
        }
        md.append('\n');
    }

    static String number(double value) {
        if (value >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f %%", fraction * 100);
    }

    private static String gib(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / (double) (1L << 30));
    }
}
