package org.kontor.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads how far the read models' rebuilds are out of {@code GET /api/admin/projections}: each
 * processor's {@code rebuild} is its latest rebuild since the server started, {@code null} when it
 * had none, and its {@code state} one of STARTING, BUILDING, SWITCHING, DONE and FAILED.
 */
final class RebuildStates {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FINAL = Set.of("DONE", "FAILED");

    private RebuildStates() {
    }

    /** The state and position of each processor's latest rebuild, by name; a processor without one is left out. */
    static Snapshot snapshot(String body) throws IOException {
        Map<String, String> states = new TreeMap<>();
        Map<String, Long> positions = new TreeMap<>();
        for (JsonNode processor : JSON.readTree(body).path("items")) {
            JsonNode rebuild = processor.path("rebuild");
            if (rebuild.isObject()) {
                String name = processor.path("name").asText();
                states.put(name, rebuild.path("state").asText());
                positions.put(name, rebuild.path("position").asLong(0));
            }
        }
        return new Snapshot(states, positions);
    }

    /** The rebuilds as one read of the status list shows them: each one's state and position (the copy's). */
    record Snapshot(Map<String, String> states, Map<String, Long> positions) {

        static final Snapshot NONE = new Snapshot(Map.of(), Map.of());

        /**
         * The position of the rebuild furthest behind, of those not failed (a failed one moves no
         * more): the events every one of them has worked off. A read model not listed yet is at 0.
         */
        long lowestPosition(Collection<String> readModels) {
            return readModels.stream()
                    .filter(name -> !"FAILED".equals(states.get(name)))
                    .mapToLong(name -> Math.max(0, positions.getOrDefault(name, 0L)))
                    .min().orElse(0);
        }
    }

    /** Every one of the read models has a rebuild that ended, done or failed. */
    static boolean allFinal(Map<String, String> states, Collection<String> readModels) {
        return readModels.stream().allMatch(name -> isFinal(states.get(name)));
    }

    /** The read models whose rebuild has not ended yet, with their state (null: not listed yet). */
    static Map<String, String> unfinished(Map<String, String> states, Collection<String> readModels) {
        Map<String, String> running = new TreeMap<>();
        for (String name : readModels) {
            if (!isFinal(states.get(name))) {
                running.put(name, states.get(name));
            }
        }
        return running;
    }

    /** A rebuild not listed yet (null) has not ended; an immutable set cannot be asked about null. */
    private static boolean isFinal(String state) {
        return state != null && FINAL.contains(state);
    }

    /** The read models whose rebuild failed. */
    static List<String> failed(Map<String, String> states, Collection<String> readModels) {
        List<String> failed = new ArrayList<>();
        for (String name : readModels) {
            if ("FAILED".equals(states.get(name))) {
                failed.add(name);
            }
        }
        return failed;
    }
}
