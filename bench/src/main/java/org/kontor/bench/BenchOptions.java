package org.kontor.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command line of the benchmark: {@code --name value} or {@code --name=value}. Exactly one of
 * {@code --server} and {@code --start-server} says which server is driven.
 */
record BenchOptions(String serverUrl, Path serverJar, String user, String password, int clients,
                    int warmupSeconds, int seconds, List<Long> lines, int timelineInteractions,
                    int reportRequests, int year, int loadTimeoutSeconds, int lagTimeoutSeconds,
                    int referenceSeconds, int replayEvents, String serverHeap, List<String> serverJavaOptions,
                    Path keepData, Path out) {

    static final String USAGE = """
            usage: java -jar kontor-bench.jar (--server URL | --start-server PATH_TO_kontor-server.jar) [options]
              --server URL                 drive a running server (needs --password or ERP_ADMIN_PASSWORD)
              --start-server JAR           start the jar on a fresh temp data dir and a free port, stop it at the end
              --user NAME                  account to sign in with (default admin)
              --password PW                its password (default: ERP_ADMIN_PASSWORD; generated with --start-server)
              --clients N                  concurrent clients (default 16)
              --warmup-seconds S           warm-up of each throughput phase (default 180)
              --seconds S                  measured duration of each throughput phase (default 30)
              --lines A,B                  book sizes in journal lines for the report latency (default 10000,1000000)
              --timeline-interactions N    interactions of the timeline customer (default 10000)
              --report-requests N          requests per report endpoint and size (default 200)
              --year YYYY                  year of the business dates (default 2025)
              --load-timeout-seconds S     bound of each data load (default 600)
              --lag-timeout-seconds S      bound of each wait for the projections (default 600)
              --reference-seconds S        duration of each storage reference run (default 10)
              --replay-events N            with --start-server: before the restart, top the event store up to N
                                           events with journal entries (default 1000000; 0: no top-up)
              --server-heap SIZE           -Xmx of a started server (default 1g); its direct memory limit is twice that
              --server-java-options OPTS   more JVM options of a started server, separated by spaces
                                           (e.g. a flight recording: -XX:StartFlightRecording=filename=DIR/)
              --keep-data DIR              with --start-server: move the server's data directory to DIR at the end
                                           (a new path) instead of deleting it, e.g. as the store of a comparison
              --out DIR                    where report.md and report.json go (default bench-out)
            or:    java -jar kontor-bench.jar compare --jars A.jar,B.jar --store DATA_DIR [options]
                                           two server jars' rebuilds alternated on copies of one store
                                           (run it without options for its own usage)
            """;

    private static final Set<String> NAMES = Set.of("server", "start-server", "user", "password", "clients",
            "warmup-seconds", "seconds", "lines", "timeline-interactions", "report-requests", "year",
            "load-timeout-seconds", "lag-timeout-seconds", "reference-seconds", "replay-events", "server-heap",
            "server-java-options", "keep-data", "out");

    BenchOptions {
        if ((serverUrl == null) == (serverJar == null)) {
            throw new IllegalArgumentException("give exactly one of --server and --start-server");
        }
        if (serverUrl != null && (password == null || password.isEmpty())) {
            throw new IllegalArgumentException("--server needs --password or ERP_ADMIN_PASSWORD");
        }
        requireAtLeast("clients", clients, 1);
        requireAtLeast("warmup-seconds", warmupSeconds, 0);
        requireAtLeast("seconds", seconds, 1);
        requireAtLeast("timeline-interactions", timelineInteractions, 0);
        requireAtLeast("report-requests", reportRequests, 1);
        requireAtLeast("load-timeout-seconds", loadTimeoutSeconds, 1);
        requireAtLeast("lag-timeout-seconds", lagTimeoutSeconds, 1);
        requireAtLeast("reference-seconds", referenceSeconds, 1);
        requireAtLeast("replay-events", replayEvents, 0);
        if (year < 2000 || year > 2100) {
            throw new IllegalArgumentException("--year must be between 2000 and 2100");
        }
        if (lines.isEmpty() || lines.stream().anyMatch(size -> size < 4)) {
            throw new IllegalArgumentException("--lines must list sizes of at least 4 lines");
        }
        lines = lines.stream().sorted().distinct().toList();
        serverJavaOptions = List.copyOf(serverJavaOptions);
        if (serverUrl != null && !serverJavaOptions.isEmpty()) {
            throw new IllegalArgumentException("--server-java-options only applies to --start-server");
        }
        if (keepData != null && serverUrl != null) {
            throw new IllegalArgumentException("--keep-data only applies to --start-server");
        }
        if (keepData != null && Files.exists(keepData)) {
            // Checked before the run, not at its end: the move after a quarter of an hour must not fail.
            throw new IllegalArgumentException("--keep-data names " + keepData + ", which already exists");
        }
    }

    boolean startsServer() {
        return serverJar != null;
    }

    static BenchOptions parse(String[] args, Map<String, String> environment) {
        Map<String, String> given = new HashMap<>();
        for (int index = 0; index < args.length; index++) {
            String arg = args[index];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + arg);
            }
            String name = arg.substring(2);
            String value;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            } else if (index + 1 < args.length) {
                value = args[++index];
            } else {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
            if (!NAMES.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name);
            }
            if (given.put(name, value) != null) {
                throw new IllegalArgumentException("--" + name + " given twice");
            }
        }
        String password = given.getOrDefault("password", environment.get("ERP_ADMIN_PASSWORD"));
        return new BenchOptions(given.get("server"),
                given.containsKey("start-server") ? Path.of(given.get("start-server")) : null,
                given.getOrDefault("user", "admin"), password,
                integer(given, "clients", 16), integer(given, "warmup-seconds", 180), integer(given, "seconds", 30),
                sizes(given.getOrDefault("lines", "10000,1000000")),
                integer(given, "timeline-interactions", 10_000), integer(given, "report-requests", 200),
                integer(given, "year", 2025), integer(given, "load-timeout-seconds", 600),
                integer(given, "lag-timeout-seconds", 600), integer(given, "reference-seconds", 10),
                integer(given, "replay-events", (int) Targets.REPLAY_EVENTS),
                given.getOrDefault("server-heap", "1g"), javaOptions(given.get("server-java-options")),
                given.containsKey("keep-data") ? Path.of(given.get("keep-data")) : null,
                Path.of(given.getOrDefault("out", "bench-out")));
    }

    /** The options as they appear in the report; the password is left out. */
    Map<String, Object> forReport() {
        Map<String, Object> shown = new java.util.LinkedHashMap<>();
        shown.put("server", startsServer() ? "started from " + serverJar : serverUrl);
        shown.put("clients", clients);
        shown.put("warmupSeconds", warmupSeconds);
        shown.put("seconds", seconds);
        shown.put("lines", lines);
        shown.put("timelineInteractions", timelineInteractions);
        shown.put("reportRequests", reportRequests);
        shown.put("year", year);
        shown.put("loadTimeoutSeconds", loadTimeoutSeconds);
        shown.put("lagTimeoutSeconds", lagTimeoutSeconds);
        shown.put("referenceSeconds", referenceSeconds);
        if (startsServer()) {
            shown.put("replayEvents", replayEvents);
            shown.put("serverHeap", "-Xmx" + serverHeap);
            shown.put("serverDirectMemory", "-XX:MaxDirectMemorySize=" + ServerProcess.twice(serverHeap));
            if (!serverJavaOptions.isEmpty()) {
                shown.put("serverJavaOptions", String.join(" ", serverJavaOptions));
            }
        }
        return shown;
    }

    private static int integer(Map<String, String> given, String name, int fallback) {
        String value = given.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, not " + value);
        }
    }

    private static List<String> javaOptions(String value) {
        return value == null || value.isBlank() ? List.of() : List.of(value.trim().split("\\s+"));
    }

    private static List<Long> sizes(String value) {
        List<Long> sizes = new ArrayList<>();
        for (String part : value.split(",")) {
            try {
                sizes.add(Long.parseLong(part.trim().replace("_", "")));
            } catch (NumberFormatException notANumber) {
                throw new IllegalArgumentException("--lines must be numbers separated by commas, not " + value);
            }
        }
        return sizes;
    }

    private static void requireAtLeast(String name, long value, long minimum) {
        if (value < minimum) {
            throw new IllegalArgumentException("--" + name + " must be at least " + minimum);
        }
    }
}
