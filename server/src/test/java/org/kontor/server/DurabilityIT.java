package org.kontor.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * ARCHITECTURE.md, Durability: a command acknowledged over HTTP survives {@code kill -9}. The
 * packaged server runs as a process of its own; clients register customers and record interactions
 * from several threads, the process is killed (SIGKILL, no shutdown hooks) right after the last
 * reply, and a second process on the same data directory must show everything that was
 * acknowledged. Its read models start empty, so what it shows was replayed from the event store.
 */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class DurabilityIT {

    private static final int CUSTOMERS = 40;
    private static final int INTERACTIONS_PER_CUSTOMER = 2;
    private static final int CLIENT_THREADS = 8;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration WRITE_PHASE_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    private static final int LOG_LINES_ON_FAILURE = 60;

    private static final String ADMIN_PASSWORD = "durability-admin-password";
    private static final String ADMIN_AUTHORIZATION = "Basic " + java.util.Base64.getEncoder()
            .encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final ObjectMapper json = new ObjectMapper();
    private final List<ServerProcess> servers = new CopyOnWriteArrayList<>();

    @TempDir
    Path dataDirectory;

    @AfterEach
    void killServers() throws InterruptedException {
        for (ServerProcess server : servers) {
            server.kill();
        }
    }

    @Test
    void acknowledged_commands_survive_kill_9() throws Exception {
        ServerProcess first = start("first-run");
        Acknowledged acknowledged = registerCustomersWithInteractions(first);
        first.kill(); // right after the last reply: whatever was acknowledged must be on disk by now

        assertThat(acknowledged.failures).as("requests that were not acknowledged (see %s)", first.log).isEmpty();
        assertThat(acknowledged.customers).hasSize(CUSTOMERS);
        assertThat(first.exitCode()).as("exit code of a process killed with SIGKILL").isEqualTo(128 + 9);

        ServerProcess second = start("after-kill");
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, String> customer : acknowledged.customers.entrySet()) {
            missing.addAll(missingAfterRestart(second, customer.getKey(), customer.getValue(),
                    acknowledged.interactionsOf(customer.getKey())));
        }
        assertThat(missing)
                .as("acknowledged before kill -9 (%d customers, %d interactions) but missing after the restart",
                        acknowledged.customers.size(), acknowledged.interactionCount())
                .isEmpty();
    }

    /** What the restarted server does not show of one acknowledged customer; empty when it shows all. */
    private List<String> missingAfterRestart(ServerProcess server, String customerId, String name,
                                             List<String> interactionIds) throws IOException, InterruptedException {
        JsonNode view = readConsistently(server, "/api/customers/" + customerId + "?consistent=true");
        if (view == null) {
            return List.of("customer " + customerId);
        }
        List<String> missing = new ArrayList<>();
        if (!name.equals(view.path("name").asText())) {
            missing.add("name " + name + " of customer " + customerId + " (shows " + view.path("name") + ")");
        }
        if (view.path("interactionCount").asLong() != interactionIds.size()) {
            missing.add(interactionIds.size() + " interactions in the view of customer " + customerId
                    + " (shows " + view.path("interactionCount") + ")");
        }
        JsonNode timeline = readConsistently(server, "/api/customers/" + customerId + "/timeline?consistent=true&limit=100");
        List<String> entries = new ArrayList<>();
        if (timeline != null) {
            timeline.path("items").forEach(item -> entries.add(item.path("type").asText() + " " + item.path("refId").asText()));
        }
        if (!entries.contains("CustomerRegistered " + customerId)) {
            missing.add("CustomerRegistered on the timeline of customer " + customerId);
        }
        for (String interactionId : interactionIds) {
            if (!entries.contains("InteractionRecorded " + interactionId)) {
                missing.add("InteractionRecorded " + interactionId + " on the timeline of customer " + customerId);
            }
        }
        return missing;
    }

    // --- the write phase ---------------------------------------------------------------------

    /** What the first server acknowledged: customers by id (with their names) and interaction ids. */
    private static final class Acknowledged {
        final Map<String, String> customers = new ConcurrentHashMap<>();
        final Map<String, Queue<String>> interactions = new ConcurrentHashMap<>();
        final Queue<String> failures = new ConcurrentLinkedQueue<>();

        int interactionCount() {
            return interactions.values().stream().mapToInt(Queue::size).sum();
        }

        List<String> interactionsOf(String customerId) {
            return List.copyOf(interactions.getOrDefault(customerId, new ConcurrentLinkedQueue<>()));
        }
    }

    private Acknowledged registerCustomersWithInteractions(ServerProcess server) throws InterruptedException {
        Acknowledged acknowledged = new Acknowledged();
        List<Callable<Void>> clients = new ArrayList<>();
        for (int number = 1; number <= CUSTOMERS; number++) {
            int customerNumber = number;
            clients.add(() -> {
                registerCustomerWithInteractions(server, customerNumber, acknowledged);
                return null;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(CLIENT_THREADS);
        try {
            pool.invokeAll(clients, WRITE_PHASE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        return acknowledged;
    }

    /** One client's work: a customer, then its interactions, each one recorded only if acknowledged. */
    private void registerCustomerWithInteractions(ServerProcess server, int number, Acknowledged acknowledged) {
        String customerId = UUID.randomUUID().toString();
        String name = "Durable Customer " + number;
        if (!post(server, "/api/customers", Map.of("id", customerId, "name", name, "kind", "COMPANY"), acknowledged)) {
            return;
        }
        acknowledged.customers.put(customerId, name);
        for (int interaction = 1; interaction <= INTERACTIONS_PER_CUSTOMER; interaction++) {
            String interactionId = UUID.randomUUID().toString();
            Map<String, Object> body = Map.of(
                    "id", interactionId,
                    "channel", "CALL",
                    "direction", "OUTBOUND",
                    "occurredAt", Instant.parse("2026-11-20T10:00:00Z").plusSeconds(interaction).toString(),
                    "subject", "Renewal call " + interaction);
            if (post(server, "/api/customers/" + customerId + "/interactions", body, acknowledged)) {
                acknowledged.interactions.computeIfAbsent(customerId, id -> new ConcurrentLinkedQueue<>()).add(interactionId);
            }
        }
    }

    /** True when the server answered 201 Created; anything else is noted as a failure. */
    private boolean post(ServerProcess server, String path, Map<String, Object> body, Acknowledged acknowledged) {
        try {
            HttpRequest request = HttpRequest.newBuilder(server.uri(path))
                    .timeout(REQUEST_TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header("Authorization", ADMIN_AUTHORIZATION)
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 201) {
                return true;
            }
            acknowledged.failures.add("POST " + path + " -> " + response.statusCode() + " " + response.body());
        } catch (IOException e) {
            acknowledged.failures.add("POST " + path + " -> " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acknowledged.failures.add("POST " + path + " -> interrupted (write phase took too long)");
        }
        return false;
    }

    // --- the read phase ----------------------------------------------------------------------

    /**
     * GET that expects 200, or 404 (answered as null) for something the server does not know. A 503
     * means the view is still replaying (consistent=true waits at most the server's
     * erp.read.max-wait); it is asked again until {@link #READ_TIMEOUT}. Anything else fails.
     */
    private JsonNode readConsistently(ServerProcess server, String path) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(READ_TIMEOUT);
        while (true) {
            HttpRequest request = HttpRequest.newBuilder(server.uri(path)).timeout(REQUEST_TIMEOUT)
                    .header("Authorization", ADMIN_AUTHORIZATION).GET().build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                return json.readTree(response.body());
            }
            if (response.statusCode() == 404) {
                return null;
            }
            if (response.statusCode() != 503 || Instant.now().isAfter(deadline)) {
                fail("GET %s -> %d %s%n%s", path, response.statusCode(), response.body(), server.logTail());
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
    }

    // --- the server process ------------------------------------------------------------------

    private ServerProcess start(String name) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("kontor.server.jar", "target/kontor-server.jar")).toAbsolutePath();
        assertThat(jar).as("the packaged server (built by mvn package)").isRegularFile();
        Path log = jar.getParent().resolve("durability-it").resolve(name + ".log");
        Files.createDirectories(log.getParent());
        int port = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java,
                "-Daxoniq.update-checker.disabled=true",
                "-Xmx512m",
                "-jar", jar.toString(),
                "--erp.data-dir=" + dataDirectory,
                "--erp.security.admin-password=" + ADMIN_PASSWORD,
                "--server.address=127.0.0.1",
                "--server.port=" + port)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        ServerProcess server = new ServerProcess(process, port, log);
        servers.add(server);
        server.awaitHealthy();
        return server;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private final class ServerProcess {
        final Process process;
        final int port;
        final Path log;

        ServerProcess(Process process, int port, Path log) {
            this.process = process;
            this.port = port;
            this.log = log;
        }

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }

        void awaitHealthy() throws InterruptedException {
            Instant deadline = Instant.now().plus(START_TIMEOUT);
            HttpRequest health = HttpRequest.newBuilder(uri("/actuator/health")).timeout(Duration.ofSeconds(5)).GET().build();
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    fail("the server exited with %d while starting%n%s", process.exitValue(), logTail());
                }
                try {
                    HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                        return;
                    }
                } catch (IOException notListeningYet) {
                    // keep polling until the deadline
                }
                Thread.sleep(POLL_INTERVAL.toMillis());
            }
            fail("the server was not healthy within %s%n%s", START_TIMEOUT, logTail());
        }

        /** SIGKILL on Linux: no shutdown hook, no flush, no orderly close of the database. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            if (!process.waitFor(EXIT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                fail("the server (pid %d) did not exit within %s of SIGKILL", process.pid(), EXIT_TIMEOUT);
            }
        }

        int exitCode() {
            return process.exitValue();
        }

        String logTail() {
            try {
                List<String> lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
                return "--- last lines of " + log + " ---\n"
                        + String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_LINES_ON_FAILURE), lines.size()));
            } catch (IOException e) {
                return "(no log at " + log + ": " + e + ")";
            }
        }
    }
}
