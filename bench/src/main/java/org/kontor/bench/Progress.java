package org.kontor.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The rate of a replay or a rebuild in each slice of its time, from the events worked off at each
 * poll. Why: one rate per phase hides where the time goes; a replay at start runs a cold JVM,
 * whose first half minute (while the JIT compiles) is several times slower than the rest, and the
 * store's events differ in cost by where they are (postings against interactions).
 *
 * <p>A slice ends at the first poll at or after its end, so a slice is its width plus at most one
 * poll interval, and its rate is over the time it really spans; {@link #finish} closes the last,
 * shorter one. At most {@link #MAX_SLICES} are kept (more than 8 hours of 10 s slices).
 */
final class Progress {

    static final int MAX_SLICES = 3_000;

    private final long sliceNanos;
    private final List<Double> perSecondEachSlice = new ArrayList<>();
    private long sliceStartNanos;
    private long workedOffAtSliceStart;
    private long lastWorkedOff;
    private long lastNanos;

    Progress(long startNanos, Duration slice) {
        if (slice.isNegative() || slice.isZero()) {
            throw new IllegalArgumentException("a slice must be longer than zero, not " + slice);
        }
        this.sliceNanos = slice.toNanos();
        this.sliceStartNanos = startNanos;
        this.lastNanos = startNanos;
    }

    /** At {@code nowNanos}, {@code workedOff} events were worked off since the start; never fewer than before. */
    void polled(long nowNanos, long workedOff) {
        lastWorkedOff = Math.max(lastWorkedOff, workedOff);
        lastNanos = nowNanos;
        if (nowNanos - sliceStartNanos >= sliceNanos) {
            closeSlice();
        }
    }

    /** Closes the last slice, if time passed since the one before. */
    void finish() {
        if (lastNanos > sliceStartNanos) {
            closeSlice();
        }
    }

    long sliceMillis() {
        return Duration.ofNanos(sliceNanos).toMillis();
    }

    List<Double> perSecondEachSlice() {
        return List.copyOf(perSecondEachSlice);
    }

    private void closeSlice() {
        if (perSecondEachSlice.size() < MAX_SLICES) {
            double seconds = (lastNanos - sliceStartNanos) / 1e9;
            perSecondEachSlice.add(ClosedLoopLoad.round((lastWorkedOff - workedOffAtSliceStart) / seconds));
        }
        sliceStartNanos = lastNanos;
        workedOffAtSliceStart = lastWorkedOff;
    }
}
