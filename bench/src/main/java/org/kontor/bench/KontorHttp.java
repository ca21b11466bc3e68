package org.kontor.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/** The few HTTP calls the benchmark makes, signed in with HTTP Basic. Every call has a timeout. */
final class KontorHttp {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final String base;
    private final String authorization;

    KontorHttp(String baseUrl, String user, String password) {
        this.base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    String baseUrl() {
        return base;
    }

    HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        HttpRequest request = request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** True when {@code /actuator/health} answers UP; false on any failure. */
    boolean healthy() {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
                    .timeout(Duration.ofSeconds(5)).GET().build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException failed) {
            return false;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** How far each processor is behind (GET /api/admin/projections); empty when it cannot be read. */
    Map<String, Long> processorLag() throws InterruptedException {
        try {
            Optional<String> list = processorStatusList();
            return list.isPresent() ? ProcessorLags.fromStatusList(list.get()) : Map.of();
        } catch (IOException failed) {
            return Map.of();
        }
    }

    /** The event store's head (GET /api/admin/projections); empty when it cannot be read. */
    OptionalLong storeHead() throws InterruptedException {
        try {
            Optional<String> list = processorStatusList();
            return list.isPresent() ? ProcessorLags.headFromStatusList(list.get()) : OptionalLong.empty();
        } catch (IOException failed) {
            return OptionalLong.empty();
        }
    }

    /** The body of GET /api/admin/projections; empty when it cannot be read. */
    Optional<String> processorStatusList() throws InterruptedException {
        try {
            HttpResponse<String> response = get("/api/admin/projections");
            return response.statusCode() == 200 ? Optional.of(response.body()) : Optional.empty();
        } catch (IOException failed) {
            return Optional.empty();
        }
    }

    /**
     * CPU time the server process has used since it started ({@code process.cpu.time}), or empty
     * when the server does not report it.
     */
    OptionalDouble processCpuSeconds() throws InterruptedException {
        try {
            HttpResponse<String> response = get("/actuator/metrics/process.cpu.time");
            if (response.statusCode() != 200) {
                return OptionalDouble.empty();
            }
            JsonNode metric = JSON.readTree(response.body());
            double perSecond = switch (metric.path("baseUnit").asText("")) {
                case "ns", "nanoseconds" -> 1e9;
                case "ms", "milliseconds" -> 1e3;
                case "s", "seconds" -> 1;
                default -> Double.NaN;
            };
            JsonNode measurements = metric.path("measurements");
            if (Double.isNaN(perSecond) || measurements.isEmpty()) {
                return OptionalDouble.empty();
            }
            return OptionalDouble.of(measurements.get(0).path("value").asDouble() / perSecond);
        } catch (IOException failed) {
            return OptionalDouble.empty();
        }
    }

    /** Heap in use now (all heap pools), from the actuator; empty when it cannot be read. */
    OptionalLong heapUsedBytes() throws InterruptedException {
        return metricValue("/actuator/metrics/jvm.memory.used?tag=area:heap");
    }

    /** Direct buffers in use now (the JVM's {@code direct} buffer pool); empty when it cannot be read. */
    OptionalLong directBufferBytes() throws InterruptedException {
        return metricValue("/actuator/metrics/jvm.buffer.memory.used?tag=id:direct");
    }

    private OptionalLong metricValue(String path) throws InterruptedException {
        try {
            HttpResponse<String> response = get(path);
            if (response.statusCode() != 200) {
                return OptionalLong.empty();
            }
            JsonNode measurements = JSON.readTree(response.body()).path("measurements");
            for (JsonNode measurement : measurements) {
                if ("VALUE".equals(measurement.path("statistic").asText())) {
                    return OptionalLong.of(measurement.path("value").asLong());
                }
            }
            return OptionalLong.empty();
        } catch (IOException failed) {
            return OptionalLong.empty();
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", authorization);
    }
}
