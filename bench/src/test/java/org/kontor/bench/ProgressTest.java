package org.kontor.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long START = 5 * SECOND;

    @Test
    void pollsOverThreeSlices_aRateEachOverTheTimeItSpans() {
        Progress progress = new Progress(START, Duration.ofSeconds(10));

        progress.polled(START + 4 * SECOND, 20_000);
        progress.polled(START + 10 * SECOND, 50_000);
        // A poll late by 2 s: the second slice spans 12 s.
        progress.polled(START + 22 * SECOND, 290_000);
        progress.polled(START + 25 * SECOND, 350_000);
        progress.finish();

        assertThat(progress.perSecondEachSlice()).containsExactly(5_000.0, 20_000.0, 20_000.0);
        assertThat(progress.sliceMillis()).isEqualTo(10_000);
    }

    @Test
    void aFinishRightAtASlicesEnd_noEmptySliceAfterIt() {
        Progress progress = new Progress(START, Duration.ofSeconds(10));

        progress.polled(START + 10 * SECOND, 30_000);
        progress.finish();

        assertThat(progress.perSecondEachSlice()).containsExactly(3_000.0);
    }

    @Test
    void aCountThatReadsLowerThanBefore_keptAtTheHighest() {
        // A lag can read higher for a moment (a processor restarted its stream); work done stays done.
        Progress progress = new Progress(START, Duration.ofSeconds(10));

        progress.polled(START + 5 * SECOND, 40_000);
        progress.polled(START + 10 * SECOND, 30_000);
        progress.polled(START + 20 * SECOND, 60_000);

        assertThat(progress.perSecondEachSlice()).containsExactly(4_000.0, 2_000.0);
    }

    @Test
    void noPollAtAll_noSlice() {
        Progress progress = new Progress(START, Duration.ofSeconds(10));

        progress.finish();

        assertThat(progress.perSecondEachSlice()).isEmpty();
    }

    @Test
    void sliceOfZero_refused() {
        assertThatThrownBy(() -> new Progress(START, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
