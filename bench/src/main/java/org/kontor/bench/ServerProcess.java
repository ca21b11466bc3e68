package org.kontor.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/** A Kontor server the benchmark started itself: a child JVM on a data directory and a free port. */
final class ServerProcess implements AutoCloseable {

    static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final int port;
    private final Path log;
    private final long launchedNanos;

    private ServerProcess(Process process, int port, Path log, long launchedNanos) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.launchedNanos = launchedNanos;
    }

    /** Launches the jar; does not wait for it to be ready (see {@link #awaitHealthy}). */
    static ServerProcess launch(Path jar, Path dataDirectory, String heap, List<String> javaOptions,
                                String adminPassword, Path log) throws IOException {
        int port = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(jvmOptions(heap));
        command.add(0, java);
        command.addAll(javaOptions);
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString(),
                "--server.port=" + port, "--erp.data-dir=" + dataDirectory.toAbsolutePath()));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("ERP_ADMIN_PASSWORD", adminPassword);
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        long launched = System.nanoTime();
        Process process = builder.start();
        Log.info("started server pid " + process.pid() + " on port " + port + ", log " + log);
        return new ServerProcess(process, port, log, launched);
    }

    /**
     * The heap, and twice as much direct memory (the JVM allows as much as the heap by default).
     * The read store keeps its documents in direct memory, and the rebuild of every read model at
     * once holds two copies of it until each switches: at 1,000,000 events about 1.1 GiB, beyond
     * what a 1 GiB limit allows. {@code --server-java-options} come later and may say otherwise.
     */
    static List<String> jvmOptions(String heap) {
        return List.of("-Xmx" + heap, "-XX:MaxDirectMemorySize=" + twice(heap), "-Daxoniq.update-checker.disabled=true");
    }

    /** Twice a JVM size ({@code 1g}, {@code 512m}, {@code 1024k} or bytes), in the same unit. */
    static String twice(String size) {
        char unit = Character.toLowerCase(size.charAt(size.length() - 1));
        boolean hasUnit = Character.isLetter(unit);
        long amount = Long.parseLong(hasUnit ? size.substring(0, size.length() - 1) : size);
        return (2 * amount) + (hasUnit ? String.valueOf(unit) : "");
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    long launchedNanos() {
        return launchedNanos;
    }

    /** Waits until the health endpoint answers UP; fails if the process dies or the bound passes. */
    void awaitHealthy(KontorHttp http) throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue() + "; see " + log);
            }
            if (http.healthy()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the server was not healthy within " + START_TIMEOUT + "; see " + log);
    }

    boolean logMentions(String text) {
        try (var lines = Files.lines(log)) {
            return lines.anyMatch(line -> line.contains(text));
        } catch (IOException | java.io.UncheckedIOException unreadable) {
            return false;
        }
    }

    /**
     * The most memory the process has had resident so far ({@code VmHWM} of {@code /proc/<pid>/status}):
     * heap, direct buffers, code and everything else. Empty where there is no such file (not Linux).
     */
    OptionalLong peakResidentBytes() {
        return peakResidentBytes(Path.of("/proc", Long.toString(process.pid()), "status"));
    }

    static OptionalLong peakResidentBytes(Path status) {
        try (var lines = Files.lines(status)) {
            return lines.filter(line -> line.startsWith("VmHWM:"))
                    .map(line -> line.substring("VmHWM:".length()).trim())
                    .filter(value -> value.endsWith(" kB"))
                    .mapToLong(value -> Long.parseLong(value.substring(0, value.length() - 3).trim()) * 1024)
                    .findFirst();
        } catch (IOException | java.io.UncheckedIOException | NumberFormatException unreadable) {
            return OptionalLong.empty();
        }
    }

    /** SIGTERM, then a kill if it has not exited within a minute. */
    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            Log.info("server pid " + process.pid() + " did not stop within " + STOP_TIMEOUT + "; killing it");
            process.destroyForcibly();
            process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
        Log.info("stopped server pid " + process.pid());
    }

    /** Last resort when the benchmark ends abnormally: no waiting, no questions. */
    void kill() {
        process.destroyForcibly();
    }

    /** Runs {@code jcmd <pid> GC.run}; false when jcmd is missing or fails. */
    boolean runFullGc() throws InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!Files.isExecutable(jcmd)) {
            return false;
        }
        try {
            Process gc = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), "GC.run")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!gc.waitFor(60, TimeUnit.SECONDS)) {
                gc.destroyForcibly();
                return false;
            }
            return gc.exitValue() == 0;
        } catch (IOException failed) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
