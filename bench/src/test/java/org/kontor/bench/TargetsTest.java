package org.kontor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.kontor.bench.BenchReport.Status;
import org.kontor.bench.BenchReport.TargetCheck;

class TargetsTest {

    private static final String REPLAY = "replay >= 30,000 events/s (at >= 1,000,000 events)";
    private static final String REBUILD =
            "rebuild of every read model through the API >= 30,000 events/s (at >= 1,000,000 events)";

    @Test
    void figuresAtFullScale_judgedAgainstEachTarget() {
        Map<String, Status> status = statuses(Reports.example(1600, 90, 1_000_000, 7));

        assertThat(status.get("journal entries >= 1,500/s sustained")).isEqualTo(Status.MET);
        assertThat(status.get("journal entry p99 < 100 ms")).isEqualTo(Status.MET);
        assertThat(status.get("zero errors in the command phases")).isEqualTo(Status.NOT_MET);
        assertThat(status.get(REPLAY)).isEqualTo(Status.NOT_MET);
        assertThat(status.get(REBUILD)).isEqualTo(Status.NOT_MET);
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

    @Test
    void rebuildFastEnoughAtScale_metBesideTheReplay() {
        BenchReport report = Reports.withRebuild(Reports.example(1600, 90, 1_000_000, 7),
                new BenchReport.Rebuild(19, 1_000_000, 25, 40_000, true, List.of(), 10_000, List.of()));

        TargetCheck rebuild = check(report, REBUILD);
        assertThat(rebuild.status()).isEqualTo(Status.MET);
        assertThat(rebuild.measured()).isEqualTo("40000.0 events/s over 1000000 events, 19 read models");
        // The replay's own check is unchanged: its figures are still judged on their own.
        assertThat(check(report, REPLAY).status()).isEqualTo(Status.NOT_MET);
    }

    @Test
    void rebuildFastEnoughBelowTheScale_notMeasuredRatherThanMet() {
        BenchReport report = Reports.withRebuild(Reports.example(1600, 90, 1_000_000, 7),
                new BenchReport.Rebuild(19, 760_000, 19, 40_000, true, List.of(), 10_000, List.of()));

        TargetCheck rebuild = check(report, REBUILD);
        assertThat(rebuild.status()).isEqualTo(Status.NOT_MEASURED);
        assertThat(rebuild.measured()).endsWith("(below the required scale)");
    }

    @Test
    void rebuildUnfinishedOrWithAFailedReadModel_notMetWhateverItsRate() {
        BenchReport unfinished = Reports.withRebuild(Reports.example(1600, 90, 1_000_000, 7),
                new BenchReport.Rebuild(19, 1_000_000, 25, 40_000, false, List.of(), 10_000, List.of()));
        BenchReport oneFailed = Reports.withRebuild(Reports.example(1600, 90, 1_000_000, 7),
                new BenchReport.Rebuild(19, 1_000_000, 25, 40_000, true, List.of("ledger-lines"), 10_000, List.of()));

        assertThat(check(unfinished, REBUILD).status()).isEqualTo(Status.NOT_MET);
        assertThat(check(unfinished, REBUILD).measured()).endsWith(", did not finish");
        assertThat(check(oneFailed, REBUILD).status()).isEqualTo(Status.NOT_MET);
        assertThat(check(oneFailed, REBUILD).measured()).endsWith(", failed: ledger-lines");
    }

    @Test
    void noRebuild_notMeasured() {
        TargetCheck rebuild = check(Reports.withRebuild(Reports.example(1600, 90, 1_000_000, 7), null), REBUILD);

        assertThat(rebuild.status()).isEqualTo(Status.NOT_MEASURED);
        assertThat(rebuild.measured()).isEqualTo("not measured");
    }

    @Test
    void rebuildOfNoReadModel_cannotHaveFinished() {
        assertThatThrownBy(() -> new BenchReport.Rebuild(0, 1_000_000, 0.1, 0, true, List.of(), 10_000, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static TargetCheck check(BenchReport report, String target) {
        return Targets.evaluate(report).stream().filter(check -> check.target().equals(target)).findFirst()
                .orElseThrow();
    }

    private static Map<String, Status> statuses(BenchReport report) {
        return Targets.evaluate(report).stream().collect(Collectors.toMap(TargetCheck::target, TargetCheck::status));
    }
}
