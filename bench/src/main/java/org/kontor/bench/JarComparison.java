package org.kontor.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Two server jars compared on one store: each runs on a copy of the data directory, both at once,
 * each replays once, then they rebuild every read model through the API in turn, A B B A A B ...
 * ({@link #order}), and the server's CPU of each rebuild is recorded. The speed of a shared machine
 * drifts by a quarter within minutes; two starts minutes apart (each with its replay) compared
 * changes worse than the changes were. Here about a minute separates measurements of the two jars,
 * both processes are equally warm, and the idle one waits on its sockets.
 *
 * <p>The CPU of the read store's threads ({@value #READ_STORE_THREADS}) is shown beside the total:
 * when both jars send the read store the same requests, it says how fast the machine ran during
 * each rebuild.
 *
 * <p>Both servers are launched at the same moment, so their replays at start share the machine
 * and its drift too: each one's time from launch until every processor caught up, and the
 * server's CPU then, are recorded as a fair comparison of the replay at start (one per jar).
 */
final class JarComparison {

    static final String READ_STORE_THREADS = "mongo-server-workerN";
    private static final String PASSWORD = "compare-" + UUID.randomUUID();

    private final ComparisonOptions options;

    JarComparison(ComparisonOptions options) {
        this.options = options;
    }

    /** Which jar (0 or 1) rebuilds in each of {@code rounds} rounds of two: A B, B A, A B, ... */
    static List<Integer> order(int rounds) {
        List<Integer> order = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            int first = round % 2;
            order.add(first);
            order.add(1 - first);
        }
        return order;
    }

    /** The jar's letter in the log and the table: A for the first of {@code --jars}, B for the second. */
    static char letter(int jar) {
        return (char) ('A' + jar);
    }

    void run() throws Exception {
        Files.createDirectories(options.out());
        List<ServerProcess> servers = new ArrayList<>();
        List<Path> copies = new ArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> servers.forEach(ServerProcess::kill)));
        try {
            for (int index = 0; index < 2; index++) {
                Path copy = Files.createTempDirectory("kontor-compare-" + index);
                copies.add(copy);
                Log.info("copying " + options.store() + " to " + copy);
                copyTree(options.store(), copy);
            }
            // Both at once, so that their replays run side by side (see the class comment).
            List<KontorHttp> clients = new ArrayList<>();
            for (int index = 0; index < 2; index++) {
                // The store's administrator gets this run's password (erp.security.reset-admin).
                ServerProcess server = ServerProcess.launch(options.jars().get(index), copies.get(index),
                        options.serverHeap(), List.of("-Derp.security.reset-admin=true"), PASSWORD,
                        options.out().resolve("server-" + letter(index) + ".log"));
                servers.add(server);
                clients.add(new KontorHttp(server.baseUrl(), "admin", PASSWORD));
            }
            List<Replay> replays = awaitReplayed(servers, clients);
            List<Measurement> measurements = new ArrayList<>();
            List<Integer> order = order(options.rounds());
            for (int step = 0; step < order.size(); step++) {
                int jar = order.get(step);
                Log.info("round " + (step / 2 + 1) + ": jar " + letter(jar) + " rebuilds every read model");
                List<BenchReport.ServerCpu> cpu = new ArrayList<>();
                BenchReport.Rebuild rebuild = RebuildRun.measure(clients.get(jar), ThreadCpu.of(servers.get(jar)),
                        Duration.ofSeconds(options.timeoutSeconds()), cpu::add);
                if (rebuild == null || !rebuild.finished() || cpu.isEmpty()) {
                    throw new IllegalStateException("jar " + letter(jar) + " did not finish its rebuild; see "
                            + options.out());
                }
                measurements.add(Measurement.of(jar, rebuild, cpu.get(0)));
            }
            String table = render(options.jars(), replays, measurements);
            Files.writeString(options.out().resolve("comparison.md"), table);
            System.out.print(table);
        } finally {
            for (ServerProcess server : servers) {
                server.close();
            }
            copies.forEach(Benchmark::deleteQuietly);
        }
    }

    /**
     * Waits until every processor of both servers has caught up with the store, within the timeout
     * from the first launch, and notes for each when it did (polled every second; from its own
     * launch) and the server's CPU then.
     */
    private List<Replay> awaitReplayed(List<ServerProcess> servers, List<KontorHttp> clients)
            throws InterruptedException, IOException {
        List<Set<String>> processors = new ArrayList<>();
        for (int jar = 0; jar < servers.size(); jar++) {
            servers.get(jar).awaitHealthy(clients.get(jar));
            processors.add(ProcessorLags.fromStatusList(clients.get(jar).processorStatusList().orElse("{}")).keySet());
        }
        long deadline = servers.get(0).launchedNanos() + Duration.ofSeconds(options.timeoutSeconds()).toNanos();
        Replay[] replays = new Replay[servers.size()];
        while (Stream.of(replays).anyMatch(replay -> replay == null)) {
            for (int jar = 0; jar < servers.size(); jar++) {
                KontorHttp http = clients.get(jar);
                if (replays[jar] == null && ProjectionLag.caughtUp(http.processorLag(), processors.get(jar))) {
                    double seconds = (System.nanoTime() - servers.get(jar).launchedNanos()) / 1e9;
                    replays[jar] = new Replay(jar, seconds, http.processCpuSeconds().orElse(Double.NaN));
                    Log.info(String.format(Locale.ROOT, "server pid %d (jar %s) has replayed, %.1f s after launch",
                            servers.get(jar).pid(), letter(jar), seconds));
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the servers did not replay within " + options.timeoutSeconds() + " s");
            }
            Thread.sleep(1_000);
        }
        return List.of(replays);
    }

    /** One jar's replay at start: seconds from its launch until it caught up, and its CPU then. */
    record Replay(int jar, double seconds, double cpuSeconds) {
    }

    /** One rebuild: which jar, its time, the server's CPU and its read store's. */
    record Measurement(int jar, double seconds, double cpuSeconds, double readStoreCpuSeconds) {

        static Measurement of(int jar, BenchReport.Rebuild rebuild, BenchReport.ServerCpu cpu) {
            double readStore = cpu.threadGroups().stream().filter(group -> group.group().equals(READ_STORE_THREADS))
                    .mapToDouble(BenchReport.ThreadGroupCpu::cpuSeconds).sum();
            return new Measurement(jar, rebuild.seconds(), cpu.cpuSeconds(), readStore);
        }
    }

    /**
     * Each jar's replay at start, every rebuild in the order run, then each jar's means and its CPU
     * per CPU second of the read store.
     */
    static String render(List<Path> jars, List<Replay> replays, List<Measurement> measurements) {
        StringBuilder out = new StringBuilder("| replay at start, both launched together | s from launch | server CPU s |\n")
                .append("| --- | ---: | ---: |\n");
        for (Replay replay : replays) {
            out.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f |%n", letter(replay.jar()), replay.seconds(),
                    replay.cpuSeconds()));
        }
        out.append("\n| rebuild | jar | s | server CPU s | read store's threads CPU s |\n")
                .append("| ---: | --- | ---: | ---: | ---: |\n");
        for (int index = 0; index < measurements.size(); index++) {
            Measurement measurement = measurements.get(index);
            out.append(String.format(Locale.ROOT, "| %d | %s | %.1f | %.1f | %.1f |%n", index + 1, letter(measurement.jar()),
                    measurement.seconds(), measurement.cpuSeconds(), measurement.readStoreCpuSeconds()));
        }
        out.append("\n| jar | rebuilds | mean s | mean server CPU s | mean read store CPU s | server CPU s per read store CPU s |\n")
                .append("| --- | ---: | ---: | ---: | ---: | ---: |\n");
        for (int jar = 0; jar < jars.size(); jar++) {
            int which = jar;
            List<Measurement> own = measurements.stream().filter(measurement -> measurement.jar() == which).toList();
            double seconds = own.stream().mapToDouble(Measurement::seconds).average().orElse(0);
            double cpu = own.stream().mapToDouble(Measurement::cpuSeconds).average().orElse(0);
            double readStore = own.stream().mapToDouble(Measurement::readStoreCpuSeconds).average().orElse(0);
            out.append(String.format(Locale.ROOT, "| %s: %s | %d | %.1f | %.1f | %.1f | %s |%n", letter(jar), jars.get(jar),
                    own.size(), seconds, cpu, readStore, readStore > 0 ? String.format(Locale.ROOT, "%.2f", cpu / readStore) : "-"));
        }
        return out.toString();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
