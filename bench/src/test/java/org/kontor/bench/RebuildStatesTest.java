package org.kontor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RebuildStatesTest {

    /**
     * The shape of {@code GET /api/admin/projections} during a rebuild (ProcessorStatuses.ProcessorStatus
     * and ReadModelRebuild.RebuildStatus in axon-config; docs/api.md): {@code rebuild} is null for a
     * processor never rebuilt since the start, such as one that is not a read model.
     */
    private static final String DURING_THE_REBUILD = """
            {"items": [
              {"name": "audit-hash-chain", "position": 999999, "head": 999999, "lag": 0, "replaying": false,
               "running": true, "segments": 1, "error": null, "rebuild": null},
              {"name": "crm-timeline", "position": 999999, "head": 999999, "lag": 0, "replaying": false,
               "running": true, "segments": 1, "error": null,
               "rebuild": {"state": "DONE", "startedAt": "2026-01-01T10:00:00.120Z",
                           "finishedAt": "2026-01-01T10:00:31.480Z", "position": 999999, "headAtStart": 999999,
                           "error": null}},
              {"name": "ledger-balances", "position": 999999, "head": 999999, "lag": 0, "replaying": true,
               "running": true, "segments": 1, "error": null,
               "rebuild": {"state": "BUILDING", "startedAt": "2026-01-01T10:00:00.180Z", "finishedAt": null,
                           "position": 412000, "headAtStart": 999999, "error": null}},
              {"name": "ledger-lines", "position": 999999, "head": 999999, "lag": 0, "replaying": false,
               "running": true, "segments": 1, "error": null,
               "rebuild": {"state": "FAILED", "startedAt": "2026-01-01T10:00:00.200Z",
                           "finishedAt": "2026-01-01T10:00:12.000Z", "position": -1, "headAtStart": 999999,
                           "error": "IllegalStateException: the copy stopped on an error"}}
            ], "nextCursor": null}
            """;

    @Test
    void statusList_theStateOfEachRebuildAndNoneForAProcessorNeverRebuilt() throws Exception {
        assertThat(RebuildStates.snapshot(DURING_THE_REBUILD).states()).isEqualTo(Map.of("crm-timeline", "DONE",
                "ledger-balances", "BUILDING", "ledger-lines", "FAILED"));
    }

    @Test
    void allFinal_onlyWhenEveryReadModelIsDoneOrFailed() throws Exception {
        Map<String, String> states = RebuildStates.snapshot(DURING_THE_REBUILD).states();

        assertThat(RebuildStates.allFinal(states, List.of("crm-timeline", "ledger-lines"))).isTrue();
        assertThat(RebuildStates.allFinal(states, List.of("crm-timeline", "ledger-balances"))).isFalse();
        // Accepted, but not listed with a rebuild yet: not finished.
        assertThat(RebuildStates.allFinal(states, List.of("crm-timeline", "audit-hash-chain"))).isFalse();
        assertThat(RebuildStates.unfinished(states, List.of("crm-timeline", "ledger-balances")))
                .isEqualTo(Map.of("ledger-balances", "BUILDING"));
    }

    @Test
    void failed_theReadModelsWhoseRebuildFailed() throws Exception {
        Map<String, String> states = RebuildStates.snapshot(DURING_THE_REBUILD).states();

        assertThat(RebuildStates.failed(states, List.of("crm-timeline", "ledger-balances", "ledger-lines")))
                .containsExactly("ledger-lines");
    }

    @Test
    void lowestPosition_theRebuildFurthestBehindNotFailed_andZeroForOneNotListedYet() throws Exception {
        RebuildStates.Snapshot snapshot = RebuildStates.snapshot(DURING_THE_REBUILD);

        assertThat(snapshot.lowestPosition(List.of("crm-timeline", "ledger-balances", "ledger-lines")))
                .isEqualTo(412_000);
        assertThat(snapshot.lowestPosition(List.of("crm-timeline", "ledger-lines"))).isEqualTo(999_999);
        assertThat(snapshot.lowestPosition(List.of("crm-timeline", "sales-orders"))).isZero();
        assertThat(RebuildStates.Snapshot.NONE.lowestPosition(List.of("crm-timeline"))).isZero();
    }
}
