package org.kontor.config.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Random;
import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Whatever the column holds, the same instant as Axon's parser, or the same refusal. */
class StoredTimestampsTest {

    private static final long YEAR_3000 = Instant.parse("3000-01-01T00:00:00Z").toEpochMilli();

    @Test
    void timestampsAsAxonWritesThem_readAsAxonReadsThem() {
        Random random = new Random(27);
        for (int sample = 0; sample < 20_000; sample++) {
            Instant instant = Instant.ofEpochMilli(Math.floorMod(random.nextLong(), YEAR_3000));
            String stored = DateTimeUtils.formatInstant(instant);

            assertThat(StoredTimestamps.parse(stored)).as(stored).isEqualTo(DateTimeUtils.parseInstant(stored))
                    .isEqualTo(instant);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-27T05:30:00.123Z", "2024-02-29T23:59:59.999Z", "1970-01-01T00:00:00.000Z",
            "2026-11-27t05:30:00.123z", "2026-11-27T05:30:00Z", "2026-11-27T05:30:00.123456789Z",
            "2026-11-27T06:30:00.123+01:00", "2026-11-27T05:30Z"})
    void otherForms_asAxonsParserReadsThem(String stored) {
        Instant axon;
        try {
            axon = DateTimeUtils.parseInstant(stored);
        } catch (RuntimeException refused) {
            assertThatThrownBy(() -> StoredTimestamps.parse(stored)).isInstanceOf(refused.getClass());
            return;
        }
        assertThat(StoredTimestamps.parse(stored)).isEqualTo(axon);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30T00:00:00.000Z", "2026-11-27T24:00:00.000Z", "2026-11-27T05:60:00.000Z",
            "2026-13-01T00:00:00.000Z", "2026-11-27T05:30:0x.123Z", "not a time"})
    void invalidTimestamps_areRefusedAsAxonRefusesThem(String stored) {
        assertThatThrownBy(() -> DateTimeUtils.parseInstant(stored)).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> StoredTimestamps.parse(stored)).isInstanceOf(RuntimeException.class);
    }
}
