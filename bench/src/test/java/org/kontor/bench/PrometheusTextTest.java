package org.kontor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {

    private static final String EXPOSITION = """
            # HELP kontor_processor_lag_events Events stored but not yet handled by the processor
            # TYPE kontor_processor_lag_events gauge
            kontor_processor_lag_events{application="kontor",processorName="crm-timeline"} 0.0
            kontor_processor_lag_events{application="kontor",processorName="ledger-balances"} 1234.0
            kontor_processor_lag_events_other{processorName="x"} 5.0
            jvm_memory_used_bytes{application="kontor",area="heap",id="G1 Eden Space"} 2.3068672E7
            """;

    @Test
    void lagGauges_readPerProcessor() {
        assertThat(PrometheusText.processorLag(EXPOSITION))
                .isEqualTo(Map.of("crm-timeline", 0L, "ledger-balances", 1234L));
    }

    @Test
    void caughtUp_onlyWhenEveryExpectedProcessorReadsZero() {
        assertThat(ProjectionLag.caughtUp(Map.of("a", 0L, "b", 0L), Set.of("a", "b"))).isTrue();
        assertThat(ProjectionLag.caughtUp(Map.of("a", 0L, "b", 1L), Set.of("a", "b"))).isFalse();
        assertThat(ProjectionLag.caughtUp(Map.of("a", 0L), Set.of("a", "b"))).isFalse();
        assertThat(ProjectionLag.caughtUp(Map.of(), Set.of())).isFalse();
    }
}
