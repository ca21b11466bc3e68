package org.kontor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StoreTopUpTest {

    @Test
    void entriesFor_theEventsMissingAtTwoAnEntryRoundedUp() {
        assertThat(StoreTopUp.entriesFor(760_000, 1_000_000)).isEqualTo(120_000);
        assertThat(StoreTopUp.entriesFor(999_999, 1_000_000)).isEqualTo(1);
        assertThat(StoreTopUp.entriesFor(1_000_000, 1_000_000)).isZero();
        assertThat(StoreTopUp.entriesFor(1_000_003, 1_000_000)).isZero();
    }

    @Test
    void shortfall_notedOnlyWhenTheHeadStayedBelow() {
        assertThat(new StoreTopUp.Result(null, 760_000, 1_000_001).shortfall(1_000_000, 600)).isEmpty();
        assertThat(new StoreTopUp.Result(null, 760_000, 940_000).shortfall(1_000_000, 600))
                .hasValueSatisfying(note -> assertThat(note).contains("reached 940000 of the 1000000 events")
                        .contains("600 s"));
        assertThat(new StoreTopUp.Result(null, -1, -1).shortfall(1_000_000, 600))
                .hasValueSatisfying(note -> assertThat(note).contains("could not be read"));
    }
}
