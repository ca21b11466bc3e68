package org.kontor.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The benchmark of issue 5. It drives a Kontor server over HTTP only, through these phases:
 * set-up (chart, customers, the timeline customer's interactions), report latency at the smallest
 * book size, journal-entry throughput and the projection lag after it, interaction throughput and
 * its lag, report latency at the larger sizes, a top-up of the event store with journal entries to the
 * replay's size, a replay after a restart, a rebuild of every read model through the API in the
 * restarted server, and the storage reference.
 */
public final class Benchmark {

    private static final int CUSTOMERS = 50;

    private final BenchOptions options;
    private final String password;
    private final Workload workload;
    private final List<BenchReport.Throughput> throughput = new ArrayList<>();
    private final List<BenchReport.Lag> lags = new ArrayList<>();
    private final List<BenchReport.Load> loads = new ArrayList<>();
    private final List<BenchReport.ReadsAtSize> reads = new ArrayList<>();
    private final List<BenchReport.ServerCpu> cpu = new ArrayList<>();
    /** The first server's threads, for the CPU by thread group; null for a server this run did not start. */
    private ThreadCpu serverThreads;
    private final List<String> notes = new ArrayList<>();
    private BenchReport.Replay replay;
    private BenchReport.Rebuild rebuild;
    private BenchReport.StorageReference storage;
    private BenchReport.Heap heap;
    /** The largest resident set of the servers started, before each was stopped; null if unknown. */
    private Long peakResidentBytes;
    private EventStoreFile eventStore = EventStoreFile.TYPICAL;
    /** The processors whose lags the waits watch: all those the server listed after set-up. */
    private Set<String> processors = Set.of();

    private Benchmark(BenchOptions options) {
        this.options = options;
        this.password = options.password() != null ? options.password() : "bench-" + UUID.randomUUID();
        this.workload = new Workload(options.year());
    }

    public static void main(String[] args) {
        // Idle keep-alive connections close after 2 s, so they do not hold up a graceful stop of the server.
        System.setProperty("jdk.httpclient.keepalive.timeout", "2");
        if (args.length > 0 && args[0].equals(ComparisonOptions.COMMAND)) {
            String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
            parseAndRun(() -> ComparisonOptions.parse(rest), ComparisonOptions.USAGE,
                    options -> new JarComparison(options).run());
        } else {
            parseAndRun(() -> BenchOptions.parse(args, System.getenv()), BenchOptions.USAGE,
                    options -> new Benchmark(options).run());
        }
    }

    /** What a command does with its options. */
    private interface Command<O> {
        void run(O options) throws Exception;
    }

    /** A wrong command line exits with 2 and the usage, a failed run with 1 and its stack trace. */
    private static <O> void parseAndRun(java.util.function.Supplier<O> parse, String usage, Command<O> command) {
        O options;
        try {
            options = parse.get();
        } catch (IllegalArgumentException wrong) {
            System.err.println(wrong.getMessage());
            System.err.print(usage);
            System.exit(2);
            return;
        }
        try {
            command.run(options);
        } catch (Exception failed) {
            failed.printStackTrace();
            System.exit(1);
        }
    }

    private void run() throws Exception {
        String startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        Files.createDirectories(options.out());
        Path dataDirectory = options.startsServer() ? Files.createTempDirectory("kontor-bench-data") : null;
        List<ServerProcess> started = new ArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> started.forEach(ServerProcess::kill)));
        try {
            ServerProcess server = null;
            KontorHttp http;
            if (options.startsServer()) {
                server = ServerProcess.launch(options.serverJar(), dataDirectory, options.serverHeap(),
                        options.serverJavaOptions(), password,
                        options.out().resolve("server-1.log"));
                started.add(server);
                serverThreads = ThreadCpu.of(server);
                http = new KontorHttp(server.baseUrl(), options.user(), password);
                server.awaitHealthy(http);
            } else {
                http = new KontorHttp(options.serverUrl(), options.user(), password);
                if (!http.healthy()) {
                    throw new IllegalStateException("no healthy server at " + options.serverUrl());
                }
            }
            try (HeapWatcher heapWatcher = new HeapWatcher(http)) {
                Long liveAfterGc = null;
                try {
                    Book book = new Book(http, workload, options);
                    liveAfterGc = drive(http, server, book);
                    if (server != null) {
                        topUpStore(http, book);
                        notePeakResident(server);
                        heapWatcher.watch(null);
                        Thread.sleep(3_000);
                        server.close();
                        replay(heapWatcher, dataDirectory, started);
                    }
                } finally {
                    heap = new BenchReport.Heap(heapWatcher.maxUsedBytes(), heapWatcher.samples(), liveAfterGc,
                            started.stream().anyMatch(process -> process.logMentions("OutOfMemoryError")),
                            heapWatcher.maxDirectBytes(), peakResidentBytes);
                }
            }
            storageReference();
        } catch (Exception failed) {
            notes.add("The run stopped early: " + failed);
            throw failed;
        } finally {
            started.forEach(ServerProcess::kill);
            write(startedAt);
            keepOrDelete(dataDirectory);
        }
    }

    /**
     * A run's store of a million events takes a quarter of an hour to build; {@code --keep-data}
     * keeps it for {@code compare} runs and profiles instead of throwing it away.
     */
    private void keepOrDelete(Path dataDirectory) {
        if (dataDirectory == null) {
            return;
        }
        if (options.keepData() == null) {
            deleteQuietly(dataDirectory);
            return;
        }
        try {
            Path parent = options.keepData().toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.move(dataDirectory, options.keepData());
            Log.info("kept the server's data directory as " + options.keepData());
        } catch (IOException | RuntimeException notMoved) {
            Log.info("could not move the data directory to " + options.keepData() + " (" + notMoved
                    + "); it stays at " + dataDirectory);
        }
    }

    /** Set-up, report latency, throughput and lag; answers the live heap after a full GC, if known. */
    private Long drive(KontorHttp http, ServerProcess server, Book book) throws Exception {
        requireCreated(http.post("/api/ledger/accounts/defaults", "{}"), "loading the default chart");
        List<String> customers = new ArrayList<>();
        for (int number = 0; number < CUSTOMERS; number++) {
            String id = UUID.randomUUID().toString();
            requireCreated(http.post("/api/customers", Workload.customer(id, number)), "registering a customer");
            customers.add(id);
        }
        String timelineCustomer = customers.get(0);
        processors = new TreeSet<>(http.processorLag().keySet());
        if (processors.isEmpty()) {
            throw new IllegalStateException("GET /api/admin/projections lists no processors");
        }
        Log.info("processors: " + processors);
        Duration loadBound = Duration.ofSeconds(options.loadTimeoutSeconds());
        BenchReport.Load timeline = ClosedLoopLoad.forCount("interactions of the timeline customer",
                options.clients(), options.timelineInteractions(), loadBound,
                () -> http.post("/api/customers/" + timelineCustomer + "/interactions", workload.interaction()),
                total -> {
                    if (total % 2_000 == 0) {
                        Log.info("  timeline customer: " + total + " interactions");
                    }
                });
        loads.add(timeline);
        Log.info("timeline customer has " + timeline.reached() + " interactions (" + timeline.perSecond() + "/s)");

        List<Long> sizes = options.lines();
        measureAt(http, book, sizes.get(0), timelineCustomer, timeline.reached());

        Log.info("phase 1: journal entries, " + options.clients() + " clients");
        commandPhase(http, Targets.JOURNAL_ENTRIES, "journal entries", book::postEntry);
        Log.info("phase 2: interactions, " + options.clients() + " clients");
        commandPhase(http, Targets.INTERACTIONS, "interactions",
                () -> http.post("/api/customers/" + customers.get(1 + ThreadLocalRandom.current()
                        .nextInt(customers.size() - 1)) + "/interactions", workload.interaction()));
        throughput.forEach(phase -> Log.info(String.format("%s: %.1f/s, p50 %.1f ms, p99 %.1f ms, %d errors",
                phase.name(), phase.perSecond(), phase.latency().p50Ms(), phase.latency().p99Ms(), phase.errors())));

        for (long size : sizes.subList(1, sizes.size())) {
            measureAt(http, book, size, timelineCustomer, timeline.reached());
        }
        if (server == null || !server.runFullGc()) {
            return null;
        }
        Thread.sleep(2_000);
        OptionalLong live = http.heapUsedBytes();
        return live.isPresent() ? live.getAsLong() : null;
    }

    /**
     * One throughput phase and the projection lag after it. The server's CPU is counted twice: over
     * the warm-up, for the commands that succeeded in it, and from the start of the measured window
     * until the projections have caught up, for the commands that succeeded from that start on:
     * what one command costs, its projections included, once the JIT has compiled its code.
     */
    private void commandPhase(KontorHttp http, String name, String unit, ClosedLoopLoad.Call call)
            throws InterruptedException {
        AtomicBoolean measuring = new AtomicBoolean();
        AtomicLong inWarmup = new AtomicLong();
        AtomicLong inWindow = new AtomicLong();
        ClosedLoopLoad.Call counted = () -> {
            java.net.http.HttpResponse<String> response = call.send();
            if (response.statusCode() / 100 == 2) {
                (measuring.get() ? inWindow : inWarmup).incrementAndGet();
            }
            return response;
        };
        CpuMeter warmupMeter = CpuMeter.start(http, serverThreads);
        AtomicReference<CpuMeter> windowMeter = new AtomicReference<>();
        throughput.add(ClosedLoopLoad.forDuration(name, options.clients(), Duration.ofSeconds(options.warmupSeconds()),
                Duration.ofSeconds(options.seconds()), ClosedLoopLoad.SLICE, counted, () -> {
                    measuring.set(true);
                    windowMeter.set(CpuMeter.start(http, serverThreads));
                    if (options.warmupSeconds() > 0) {
                        addIfMeasured(warmupMeter.stop(name + " warm-up", inWarmup.get(), unit));
                    }
                }));
        lags.add(ProjectionLag.measure(name, http, processors, Duration.ofSeconds(options.lagTimeoutSeconds())));
        addIfMeasured(windowMeter.get().stop(name, inWindow.get(), unit));
    }

    private void addIfMeasured(BenchReport.ServerCpu phase) {
        if (phase != null) {
            cpu.add(phase);
        }
    }

    private void measureAt(KontorHttp http, Book book, long size, String timelineCustomer,
                           long timelineInteractions) throws InterruptedException {
        BenchReport.Load load = book.growTo(size);
        if (load != null) {
            loads.add(load);
        }
        if (book.lines() < size) {
            notes.add("The book reached " + book.lines() + " of the " + size + " lines asked for within the load"
                    + " bound of " + options.loadTimeoutSeconds() + " s; its reports were measured at that size.");
        }
        lags.add(ProjectionLag.measure("book at " + book.lines() + " lines", http, processors,
                Duration.ofSeconds(options.lagTimeoutSeconds())));
        reads.add(book.measureReads(size, timelineCustomer, timelineInteractions));
    }

    /**
     * Tops the event store up to the replay's size with journal entries, after the report phases (so
     * their figures are taken at the sizes asked for), and waits for the projections: the first
     * server stops with every read model current.
     */
    private void topUpStore(KontorHttp http, Book book) throws InterruptedException {
        if (options.replayEvents() == 0) {
            return;
        }
        Log.info("top-up of the event store to " + options.replayEvents() + " events, " + options.clients()
                + " clients");
        StoreTopUp.Result topUp = StoreTopUp.run(http, book, options.replayEvents(), options.clients(),
                Duration.ofSeconds(options.loadTimeoutSeconds()));
        if (topUp.load() != null) {
            loads.add(topUp.load());
            lags.add(ProjectionLag.measure("store topped up to " + topUp.headAfter() + " events", http, processors,
                    Duration.ofSeconds(options.lagTimeoutSeconds())));
        }
        topUp.shortfall(options.replayEvents(), options.loadTimeoutSeconds()).ifPresent(notes::add);
    }

    /**
     * Restarts the server on the same data directory and measures the replay, then, once it has caught
     * up, a rebuild of every read model through the API in the same server; then stops it.
     */
    private void replay(HeapWatcher heapWatcher, Path dataDirectory, List<ServerProcess> started)
            throws Exception {
        eventStore = EventStoreFile.read(dataDirectory);
        Log.info("phase 5: replay of " + eventStore.events() + " events");
        try (ServerProcess second = ServerProcess.launch(options.serverJar(), dataDirectory, options.serverHeap(),
                options.serverJavaOptions(),
                password, options.out().resolve("server-2.log"))) {
            started.add(second);
            KontorHttp http = new KontorHttp(second.baseUrl(), options.user(), password);
            heapWatcher.watch(http);
            replay = ReplayRun.measure(second, http, eventStore.events(), eventStore.fileBytes(), processors,
                    Duration.ofSeconds(options.lagTimeoutSeconds()), this::addIfMeasured);
            if (replay.caughtUp()) {
                Log.info("phase 6: rebuild of every read model through the API");
                rebuild = RebuildRun.measure(http, ThreadCpu.of(second), Duration.ofSeconds(options.lagTimeoutSeconds()),
                        this::addIfMeasured);
                if (rebuild == null) {
                    notes.add("The rebuild through the API was not measured: GET /api/admin/projections could not"
                            + " be read.");
                }
            } else {
                notes.add("The rebuild through the API was not measured: the replay did not finish.");
            }
            notePeakResident(second);
        }
    }

    private void notePeakResident(ServerProcess server) {
        server.peakResidentBytes().ifPresent(bytes ->
                peakResidentBytes = peakResidentBytes == null ? bytes : Math.max(peakResidentBytes, bytes));
    }

    private void storageReference() throws Exception {
        Path directory = Files.createTempDirectory("kontor-bench-reference");
        try {
            double entriesPerSecond = throughput.stream()
                    .filter(phase -> phase.name().equals(Targets.JOURNAL_ENTRIES))
                    .mapToDouble(BenchReport.Throughput::perSecond).findFirst().orElse(0);
            storage = StorageReferenceRun.measure(directory, eventStore, entriesPerSecond,
                    Duration.ofSeconds(options.referenceSeconds()));
        } finally {
            deleteQuietly(directory);
        }
    }

    private void write(String startedAt) throws IOException {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        BenchReport.Machine machine = new BenchReport.Machine(Runtime.getRuntime().availableProcessors(),
                os.getTotalMemorySize(), System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        notes.addAll(StandardNotes.of(options, eventStore));
        BenchReport partial = new BenchReport(startedAt, machine, options.forReport(), throughput, lags, loads, reads,
                replay, rebuild, storage, heap, cpu, null, notes);
        BenchReport report = new BenchReport(startedAt, machine, options.forReport(), throughput, lags, loads, reads,
                replay, rebuild, storage, heap, cpu, Targets.evaluate(partial), notes);
        String markdown = ReportRenderer.markdown(report);
        Files.writeString(options.out().resolve("report.md"), markdown);
        Files.writeString(options.out().resolve("report.json"), ReportRenderer.json(report));
        System.out.print(markdown);
        Log.info("wrote " + options.out().resolve("report.md") + " and report.json");
    }

    private static void requireCreated(java.net.http.HttpResponse<String> response, String what) {
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(what + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    static void deleteQuietly(Path directory) {
        if (directory == null || !Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            Log.info("could not delete " + directory);
        }
    }
}
