package org.kontor.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Reads how far each processor is behind out of {@code GET /api/admin/projections}. That list costs
 * the server one read of the store's head; the Prometheus scrape, which the benchmark polled before,
 * formats every metric and reads the head once per processor, ten times a second while the
 * benchmark waits for the projections, and so took CPU from the work it measured.
 */
final class ProcessorLags {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProcessorLags() {
    }

    /** Events behind, per processor name; empty when the list has no processors (yet). */
    static Map<String, Long> fromStatusList(String body) throws IOException {
        Map<String, Long> lag = new TreeMap<>();
        for (JsonNode processor : JSON.readTree(body).path("items")) {
            lag.put(processor.path("name").asText(), processor.path("lag").asLong());
        }
        return lag;
    }

    /**
     * The event store's head: the global position of its newest event. Every processor lists the
     * same head (one read per list), so the largest is taken; empty when no processor is listed.
     */
    static OptionalLong headFromStatusList(String body) throws IOException {
        OptionalLong head = OptionalLong.empty();
        for (JsonNode processor : JSON.readTree(body).path("items")) {
            long listed = processor.path("head").asLong();
            head = OptionalLong.of(head.isPresent() ? Math.max(head.getAsLong(), listed) : listed);
        }
        return head;
    }

    static boolean allCaughtUp(Map<String, Long> lag) {
        return !lag.isEmpty() && lag.values().stream().allMatch(behind -> behind == 0);
    }

    static long maxLag(Map<String, Long> lag) {
        return lag.values().stream().mapToLong(Long::longValue).max().orElse(0);
    }
}
