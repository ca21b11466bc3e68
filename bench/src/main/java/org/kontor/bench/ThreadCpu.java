package org.kontor.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a started server's CPU goes: each thread's CPU time as {@code jcmd <pid> Thread.print} prints
 * it (Java threads and the JVM's own: compiler, GC), summed by thread group, the name with its
 * numbers replaced by {@code N} ({@code WorkPackage[ledger-lines]-N}, {@code GC Thread#N}).
 *
 * <p>Why: the process's CPU per phase says how much a unit of work costs, not which part of the
 * server spends it; finding out took a separate trace each time. Each dump starts a {@code jcmd}
 * JVM on the cores the server shares (about 0.2 s of CPU on the benchmark's machine) and stops the
 * server at a safepoint, so it is taken only where a phase starts and ends.
 *
 * <p>A thread that ended between the two dumps takes its CPU with it: a group's figure is a lower
 * bound, and a group whose threads all ended shows nothing.
 */
final class ThreadCpu {

    /** Groups listed per phase; the rest are left out of the report (the phase's total has them). */
    static final int GROUPS_SHOWN = 12;

    private static final Pattern THREAD = Pattern.compile("^\"([^\"]+)\"[^\\n]*?cpu=([0-9.]+)ms", Pattern.MULTILINE);
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final long DUMP_TIMEOUT_SECONDS = 30;

    private final Path jcmd;
    private final long pid;

    private ThreadCpu(Path jcmd, long pid) {
        this.jcmd = jcmd;
        this.pid = pid;
    }

    /** For a server this run started, with the JDK's {@code jcmd} beside its {@code java}; else null. */
    static ThreadCpu of(ServerProcess server) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        return server != null && Files.isExecutable(jcmd) ? new ThreadCpu(jcmd, server.pid()) : null;
    }

    /**
     * CPU seconds by thread group now; empty when the dump could not be taken within its time limit.
     * The dump goes to a file, so that a {@code jcmd} that hangs cannot hold the benchmark up.
     */
    Map<String, Double> snapshot() throws InterruptedException {
        Path output = null;
        try {
            output = Files.createTempFile("kontor-bench-threads", ".txt");
            Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "Thread.print")
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!process.waitFor(DUMP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Map.of();
            }
            return process.exitValue() == 0 ? groups(Files.readString(output, StandardCharsets.UTF_8)) : Map.of();
        } catch (IOException failed) {
            return Map.of();
        } finally {
            if (output != null) {
                try {
                    Files.deleteIfExists(output);
                } catch (IOException ignored) {
                    // A temp file left behind is harmless.
                }
            }
        }
    }

    /** CPU seconds by thread group in a thread dump of {@code jcmd Thread.print}. */
    static Map<String, Double> groups(String threadDump) {
        Map<String, Double> groups = new HashMap<>();
        Matcher thread = THREAD.matcher(threadDump);
        while (thread.find()) {
            String group = DIGITS.matcher(thread.group(1)).replaceAll("N");
            groups.merge(group, Double.parseDouble(thread.group(2)) / 1000, Double::sum);
        }
        return groups;
    }

    /**
     * The groups that used the most CPU between two snapshots, largest first, at most {@code shown};
     * none when either snapshot is missing. A group whose threads ended counts as nothing, not less.
     */
    static List<BenchReport.ThreadGroupCpu> largest(Map<String, Double> start, Map<String, Double> end, int shown) {
        if (start.isEmpty() || end.isEmpty()) {
            return List.of();
        }
        return end.entrySet().stream()
                .map(group -> new BenchReport.ThreadGroupCpu(group.getKey(),
                        ClosedLoopLoad.round(Math.max(0, group.getValue() - start.getOrDefault(group.getKey(), 0.0)))))
                .filter(group -> group.cpuSeconds() > 0)
                .sorted(Comparator.comparingDouble(BenchReport.ThreadGroupCpu::cpuSeconds).reversed()
                        .thenComparing(BenchReport.ThreadGroupCpu::group))
                .limit(shown)
                .toList();
    }
}
