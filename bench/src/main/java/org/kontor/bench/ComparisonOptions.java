package org.kontor.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command line of {@code compare}: two server jars, the data directory whose copies they run
 * on, and how many rounds of two rebuilds (see {@link JarComparison}).
 */
record ComparisonOptions(List<Path> jars, Path store, int rounds, String serverHeap, int timeoutSeconds, Path out) {

    static final String COMMAND = "compare";
    static final String USAGE = """
            usage: java -jar kontor-bench.jar compare --jars A.jar,B.jar --store DATA_DIR [options]
              --jars A,B             the two server jars
              --store DIR            a server's data directory (e.g. a benchmark's, kept); each jar runs on a copy,
                                     and its administrator gets a generated password (erp.security.reset-admin)
              --rounds N             rounds of two rebuilds of every read model, A B then B A (default 5)
              --server-heap SIZE     -Xmx of each server (default 1g); its direct memory limit is twice that
              --timeout-seconds S    bound of the two replays (side by side) and of each rebuild (default 900)
              --out DIR              where comparison.md and the servers' logs go (default compare-out)
            """;
    private static final Set<String> NAMES = Set.of("jars", "store", "rounds", "server-heap", "timeout-seconds", "out");

    ComparisonOptions {
        jars = List.copyOf(jars);
        if (jars.size() != 2) {
            throw new IllegalArgumentException("--jars names two jars, separated by a comma");
        }
        if (store == null || !Files.isDirectory(store)) {
            throw new IllegalArgumentException("--store names a server's data directory");
        }
        if (rounds < 1 || rounds > 50) {
            throw new IllegalArgumentException("--rounds must be between 1 and 50");
        }
        if (timeoutSeconds < 1) {
            throw new IllegalArgumentException("--timeout-seconds must be at least 1");
        }
    }

    static ComparisonOptions parse(String[] args) {
        Map<String, String> given = new HashMap<>();
        for (int index = 0; index < args.length; index++) {
            String name = args[index];
            if (!name.startsWith("--") || !NAMES.contains(name.substring(2))) {
                throw new IllegalArgumentException("unexpected argument " + name);
            }
            if (index + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            if (given.put(name.substring(2), args[++index]) != null) {
                throw new IllegalArgumentException(name + " given twice");
            }
        }
        String jars = given.getOrDefault("jars", "");
        return new ComparisonOptions(jars.isEmpty() ? List.of() : List.of(jars.split(",")).stream().map(Path::of).toList(),
                given.containsKey("store") ? Path.of(given.get("store")) : null,
                number(given, "rounds", 5), given.getOrDefault("server-heap", "1g"),
                number(given, "timeout-seconds", 900), Path.of(given.getOrDefault("out", "compare-out")));
    }

    private static int number(Map<String, String> given, String name, int fallback) {
        try {
            return given.containsKey(name) ? Integer.parseInt(given.get(name)) : fallback;
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException("--" + name + " must be a whole number");
        }
    }
}
