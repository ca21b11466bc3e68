package org.kontor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportRendererTest {

    private final BenchReport report = Reports.withTargets(Reports.example(1600, 90, 1_000_000, 7));

    @Test
    void markdown_oneTableRowPerFigure() {
        String markdown = ReportRenderer.markdown(report);

        assertThat(markdown)
                .contains("2 cores, 24.0 GiB memory")
                .contains("| journal-entries | 16 | 20 | 30 | 3000 | 0 | 1,600 | 8.00 | 40.00 | 90.00 | 150 |")
                .contains("- journal-entries, per second in each 10 s from the start of the warm-up: 400, 1,200 | 1,550, 1,600, 1,650\n")
                .doesNotContain("- interactions, per second")
                .contains("| trial-balance | 1000000 | 10000 | no | 200 | 0 | 3.50 | 6.30 | 7.00 | 14.00 |")
                .contains("| 1200000 | 2,289 | 2,000 | 1100000 | 60.00 | 40.00 | 27,500 | 20,000 | yes |")
                .contains("| 100 | 330 | 200 | 1000000 | 10.00 | 100,000 |")
                .contains("0.2 % of the batched reference")
                .contains("| journal entries >= 1,500/s sustained | met | 1600.0 entries/s |")
                .contains("| zero errors in the command phases | not met | 2 errors |")
                .contains("interactions error: `409 {\"code\":\"VERSION_CONFLICT\"}`")
                .contains("| journal-entries | 45.00 | 41.00 | 1.10 | 9000 journal entries | 5.000 |")
                .contains("| replay | 80.00 | 40.00 | 2.00 | 1100000 events | 0.073 |")
                .contains("| 600 | 300 | 200 | no | 300 | 1100 |")
                .contains("- a note");
    }

    @Test
    void rebuildThroughTheApi_itsOwnTableAfterTheReplayAndItsCpuAndTarget() {
        String markdown = ReportRenderer.markdown(report);

        String heading = "### Rebuild of every read model through the API (the same server, warm)\n\n";
        assertThat(markdown)
                .contains(heading + "| read models | events | seconds | events/s | finished | failed |\n")
                .contains("| 19 | 1200000 | 48.00 | 25,000 | yes | none |")
                .contains("| rebuild through the API | 96.00 | 48.00 | 2.00 | 1200000 events | 0.080 |")
                .contains("| rebuild of every read model through the API >= 30,000 events/s (at >= 1,000,000 events)"
                        + " | not met | 25000.0 events/s over 1200000 events, 19 read models |")
                .contains("| journal entries to top the store up to 1000000 events | 120000 | 120000 | 100 | 1,200 | 0 |");
        assertThat(markdown.indexOf(heading)).as("right after the replay's table")
                .isGreaterThan(markdown.indexOf("## Replay"))
                .isLessThan(markdown.indexOf("## Storage reference"));
    }

    @Test
    void rebuildThatFailedOrWasNotMeasured_saidSo() {
        String failed = ReportRenderer.markdown(Reports.withRebuild(report,
                new BenchReport.Rebuild(19, 1_200_000, 600, 2_000, false, List.of("ledger-lines", "crm-timeline"),
                        10_000, List.of())));
        String none = ReportRenderer.markdown(Reports.withRebuild(report, null));

        assertThat(failed).contains("| 19 | 1200000 | 600 | 2,000 | NO | ledger-lines, crm-timeline |")
                .doesNotContain("rebuild furthest behind");
        assertThat(none).doesNotContain("### Rebuild");
    }

    @Test
    void replayAndRebuildProgress_aLineUnderEachTable_inTheJsonToo() throws Exception {
        String markdown = ReportRenderer.markdown(report);
        JsonNode json = new ObjectMapper().readTree(ReportRenderer.json(report));

        assertThat(markdown)
                .contains("| yes |\n\nIn each 10 s from the first read of the lags, the slowest processor's events a"
                        + " second: 6,100, 14,000, 31,000, 36,500.\n")
                .contains("| none |\n\nIn each 10 s from the first request, the events a second of the rebuild"
                        + " furthest behind: 22,000, 36,000, 20,500, 21,000, 19,000.\n");
        assertThat(json.at("/replay/perSecondEachSlice/2").asDouble()).isEqualTo(31_000);
        assertThat(json.at("/rebuild/sliceMillis").asLong()).isEqualTo(10_000);
    }

    @Test
    void cpuByThreadGroup_aLinePerPhaseThatHasThem_inTheJsonToo() throws Exception {
        BenchReport withGroups = Reports.withCpu(report, List.of(
                new BenchReport.ServerCpu("journal-entries", 45, 41, 9_000, "journal entries", List.of(
                        new BenchReport.ThreadGroupCpu("boundedElastic-N", 18),
                        new BenchReport.ThreadGroupCpu("WorkPackage[ledger-lines]-N", 4.5)), null),
                new BenchReport.ServerCpu("replay", 80, 40, 1_100_000, "events")));

        String markdown = ReportRenderer.markdown(withGroups);
        JsonNode json = new ObjectMapper().readTree(ReportRenderer.json(withGroups));

        assertThat(markdown)
                .contains("Server CPU by thread group")
                .contains("- journal-entries (listed 22.50 of 45.00 s): `boundedElastic-N` 18.00 (2.000),"
                        + " `WorkPackage[ledger-lines]-N` 4.50 (0.500)\n")
                .doesNotContain("- replay");
        assertThat(markdown.indexOf("Server CPU by thread group")).isGreaterThan(markdown.indexOf("## Server CPU"));
        assertThat(json.at("/cpu/0/threadGroups/1/group").asText()).isEqualTo("WorkPackage[ledger-lines]-N");
        assertThat(json.at("/cpu/0/threadGroups/1/cpuSeconds").asDouble()).isEqualTo(4.5);
        assertThat(ReportRenderer.markdown(report)).doesNotContain("Server CPU by thread group");
    }

    @Test
    void benchmarkCpu_aColumnBesideTheServersCpu_emptyWhereUnknown_inTheJsonToo() throws Exception {
        BenchReport withBenchCpu = Reports.withCpu(report, List.of(
                new BenchReport.ServerCpu("journal-entries", 45, 30, 9_000, "journal entries", List.of(), 12.5),
                new BenchReport.ServerCpu("replay", 80, 40, 1_100_000, "events")));

        String markdown = ReportRenderer.markdown(withBenchCpu);
        JsonNode json = new ObjectMapper().readTree(ReportRenderer.json(withBenchCpu));

        assertThat(markdown)
                .contains("| phase | server CPU s | wall s | cores busy | units | CPU ms per unit | benchmark CPU s |\n")
                .contains("| journal-entries | 45.00 | 30.00 | 1.50 | 9000 journal entries | 5.000 | 12.50 |\n")
                .contains("| replay | 80.00 | 40.00 | 2.00 | 1100000 events | 0.073 |  |\n")
                .contains("Benchmark CPU s: this benchmark's own process");
        assertThat(json.at("/cpu/0/benchCpuSeconds").asDouble()).isEqualTo(12.5);
        assertThat(json.at("/cpu/1/benchCpuSeconds").isNull()).isTrue();
    }

    @Test
    void json_theSameFigures() throws Exception {
        JsonNode json = new ObjectMapper().readTree(ReportRenderer.json(report));

        assertThat(json.at("/throughput/0/perSecond").asDouble()).isEqualTo(1600);
        assertThat(json.at("/throughput/0/latency/p99Ms").asDouble()).isEqualTo(90);
        assertThat(json.at("/throughput/0/perSecondEachSlice/1").asDouble()).isEqualTo(1200);
        assertThat(json.at("/replay/eventsPerSecond").asDouble()).isEqualTo(27_500);
        assertThat(json.at("/targets/0/status").asText()).isEqualTo("MET");
        assertThat(json.at("/cpu/1/cpuSeconds").asDouble()).isEqualTo(80);
        assertThat(json.at("/cpu/1/units").asLong()).isEqualTo(1_100_000);
        assertThat(json.at("/rebuild/readModels").asInt()).isEqualTo(19);
        assertThat(json.at("/rebuild/events").asLong()).isEqualTo(1_200_000);
        assertThat(json.at("/rebuild/eventsPerSecond").asDouble()).isEqualTo(25_000);
        assertThat(json.at("/rebuild/finished").asBoolean()).isTrue();
        assertThat(json.at("/rebuild/failed").isArray()).isTrue();
        assertThat(new ObjectMapper().readTree(ReportRenderer.json(Reports.withRebuild(report, null)))
                .get("rebuild").isNull()).isTrue();
    }
}
