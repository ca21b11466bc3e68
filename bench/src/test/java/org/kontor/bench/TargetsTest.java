package org.kontor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.kontor.bench.BenchReport.Status;
import org.kontor.bench.BenchReport.TargetCheck;

class TargetsTest {

    @Test
    void figuresAtFullScale_judgedAgainstEachTarget() {
        Map<String, Status> status = statuses(Reports.example(1600, 90, 1_000_000, 7));

        assertThat(status.get("journal entries >= 1,500/s sustained")).isEqualTo(Status.MET);
        assertThat(status.get("journal entry p99 < 100 ms")).isEqualTo(Status.MET);
        assertThat(status.get("zero errors in the command phases")).isEqualTo(Status.NOT_MET);
        assertThat(status.get("replay >= 30,000 events/s (at >= 1,000,000 events)")).isEqualTo(Status.NOT_MET);
        assertThat(status.get("trial-balance p99 < 20 ms at 1,000,000 lines")).isEqualTo(Status.MET);
        assertThat(status.get("trial-balance p99 at 1,000,000 lines <= 1.5x its 10,000-line p99"))
                .isEqualTo(Status.MET);
        assertThat(status.get("timeline page p99 < 20 ms (10,000 interactions, 1,000,000 lines)"))
                .isEqualTo(Status.MET);
        assertThat(status.get("server heap < 1 GiB throughout")).isEqualTo(Status.MET);
    }

    @Test
    void goodFiguresBelowTheRequiredScale_notMeasuredRatherThanMet() {
        Map<String, Status> status = statuses(Reports.example(1600, 90, 200_000, 7));

        assertThat(status.get("trial-balance p99 < 20 ms at 1,000,000 lines")).isEqualTo(Status.NOT_MEASURED);
        assertThat(status.get("balances p99 at 1,000,000 lines <= 1.5x its 10,000-line p99"))
                .isEqualTo(Status.NOT_MEASURED);
        assertThat(status.get("timeline page p99 < 20 ms (10,000 interactions, 1,000,000 lines)"))
                .isEqualTo(Status.NOT_MEASURED);
        assertThat(status.get("server heap < 1 GiB throughout")).isEqualTo(Status.NOT_MEASURED);
    }

    @Test
    void figuresMissedBelowTheRequiredScale_notMet() {
        Map<String, Status> status = statuses(Reports.example(100, 900, 200_000, 30));

        assertThat(status.get("journal entries >= 1,500/s sustained")).isEqualTo(Status.NOT_MET);
        assertThat(status.get("journal entry p99 < 100 ms")).isEqualTo(Status.NOT_MET);
        assertThat(status.get("trial-balance p99 < 20 ms at 1,000,000 lines")).isEqualTo(Status.NOT_MET);
        assertThat(status.get("trial-balance p99 at 1,000,000 lines <= 1.5x its 10,000-line p99"))
                .isEqualTo(Status.NOT_MET);
    }

    private static Map<String, Status> statuses(BenchReport report) {
        return Targets.evaluate(report).stream().collect(Collectors.toMap(TargetCheck::target, TargetCheck::status));
    }
}
