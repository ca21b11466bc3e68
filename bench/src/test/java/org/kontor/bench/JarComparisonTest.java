package org.kontor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class JarComparisonTest {

    @Test
    void order_alternatesWhichJarGoesFirst_soDriftFavoursNeither() {
        assertThat(JarComparison.order(3)).containsExactly(0, 1, 1, 0, 0, 1);
        assertThat(JarComparison.order(1)).containsExactly(0, 1);
    }

    @Test
    void measurement_takesTheReadStoresThreadsFromTheThreadGroups() {
        BenchReport.Rebuild rebuild = new BenchReport.Rebuild(20, 1_005_000, 48.5, 20_722, true, List.of(), 10_000,
                List.of());
        BenchReport.ServerCpu cpu = new BenchReport.ServerCpu(RebuildRun.PHASE, 88.0, 48.7, 1_005_000, "events",
                List.of(new BenchReport.ThreadGroupCpu("GC Thread#N", 6.0),
                        new BenchReport.ThreadGroupCpu(JarComparison.READ_STORE_THREADS, 15.6)), null);

        JarComparison.Measurement measurement = JarComparison.Measurement.of(1, rebuild, cpu);

        assertThat(measurement).isEqualTo(new JarComparison.Measurement(1, 48.5, 88.0, 15.6));
    }

    @Test
    void render_listsEachJarsReplayAtStartEveryRebuildThenEachJarsMeansAndCpuPerReadStoreSecond() {
        List<JarComparison.Measurement> measurements = List.of(
                new JarComparison.Measurement(0, 50.0, 100.0, 20.0),
                new JarComparison.Measurement(1, 40.0, 90.0, 18.0),
                new JarComparison.Measurement(1, 42.0, 88.0, 16.0),
                new JarComparison.Measurement(0, 54.0, 110.0, 20.0));

        List<JarComparison.Replay> replays = List.of(new JarComparison.Replay(0, 178.04, 179.8),
                new JarComparison.Replay(1, 176.0, 171.24));

        String table = JarComparison.render(List.of(Path.of("a.jar"), Path.of("b.jar")), replays, measurements);

        assertThat(table).contains("| A | 178.0 | 179.8 |", "| B | 176.0 | 171.2 |",
                "| 1 | A | 50.0 | 100.0 | 20.0 |", "| 3 | B | 42.0 | 88.0 | 16.0 |",
                "| A: a.jar | 2 | 52.0 | 105.0 | 20.0 | 5.25 |", "| B: b.jar | 2 | 41.0 | 89.0 | 17.0 | 5.24 |");
        assertThat(table.indexOf("| A | 178.0 |")).isLessThan(table.indexOf("| 1 | A |"));
    }
}
