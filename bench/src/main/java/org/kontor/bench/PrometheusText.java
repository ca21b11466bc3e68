package org.kontor.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the processor lag gauges out of the Prometheus text format. */
final class PrometheusText {

    static final String LAG_METRIC = "kontor_processor_lag_events";
    private static final Pattern PROCESSOR_NAME = Pattern.compile("processorName=\"([^\"]*)\"");

    private PrometheusText() {
    }

    /** Events behind, per processor name; empty when the gauges are not registered (yet). */
    static Map<String, Long> processorLag(String exposition) {
        Map<String, Long> lag = new TreeMap<>();
        for (String line : exposition.split("\n")) {
            if (!line.startsWith(LAG_METRIC + "{")) {
                continue;
            }
            int labelsEnd = line.lastIndexOf('}');
            Matcher name = PROCESSOR_NAME.matcher(line.substring(0, labelsEnd + 1));
            if (!name.find()) {
                continue;
            }
            String value = line.substring(labelsEnd + 1).trim().split("\\s+")[0];
            lag.put(name.group(1), (long) Double.parseDouble(value));
        }
        return lag;
    }

    static boolean allCaughtUp(Map<String, Long> lag) {
        return !lag.isEmpty() && lag.values().stream().allMatch(behind -> behind == 0);
    }

    static long maxLag(Map<String, Long> lag) {
        return lag.values().stream().mapToLong(Long::longValue).max().orElse(0);
    }
}
