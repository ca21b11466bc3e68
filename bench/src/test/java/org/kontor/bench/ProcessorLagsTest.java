package org.kontor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProcessorLagsTest {

    /** The shape of {@code GET /api/admin/projections} (API.md). */
    private static final String STATUS_LIST = """
            {"items": [
              {"name": "crm-timeline", "position": 41, "head": 41, "lag": 0, "replaying": false, "running": true,
               "segments": 2, "error": null, "rebuild": null},
              {"name": "ledger-balances", "position": 7, "head": 1241, "lag": 1234, "replaying": true, "running": true,
               "segments": 1, "error": null, "rebuild": null}
            ], "nextCursor": null}
            """;

    @Test
    void statusList_lagPerProcessor() throws Exception {
        assertThat(ProcessorLags.fromStatusList(STATUS_LIST))
                .isEqualTo(Map.of("crm-timeline", 0L, "ledger-balances", 1234L));
        assertThat(ProcessorLags.maxLag(ProcessorLags.fromStatusList(STATUS_LIST))).isEqualTo(1234);
        assertThat(ProcessorLags.fromStatusList("{\"items\": [], \"nextCursor\": null}")).isEmpty();
    }

    @Test
    void statusList_headIsTheLargestListed() throws Exception {
        assertThat(ProcessorLags.headFromStatusList(STATUS_LIST)).isEqualTo(OptionalLong.of(1241));
        assertThat(ProcessorLags.headFromStatusList("{\"items\": [], \"nextCursor\": null}")).isEmpty();
    }

    @Test
    void caughtUp_onlyWhenEveryExpectedProcessorReadsZero() {
        assertThat(ProjectionLag.caughtUp(Map.of("a", 0L, "b", 0L), Set.of("a", "b"))).isTrue();
        assertThat(ProjectionLag.caughtUp(Map.of("a", 0L, "b", 1L), Set.of("a", "b"))).isFalse();
        assertThat(ProjectionLag.caughtUp(Map.of("a", 0L), Set.of("a", "b"))).isFalse();
        assertThat(ProjectionLag.caughtUp(Map.of(), Set.of())).isFalse();
    }
}
