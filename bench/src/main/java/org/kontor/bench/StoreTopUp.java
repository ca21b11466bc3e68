package org.kontor.bench;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Tops the event store up with journal entries before the restart, so that the replay works through
 * as many events as issue 5's target names: the earlier phases leave about 760,000. The store's head
 * (the global position of its newest event) is re-read after each round, because the entries to post
 * are only estimated from it: a rejected entry appends nothing, and a gap in the positions counts as
 * an event.
 */
final class StoreTopUp {

    /** A posted journal entry appends its {@code JournalEntryPosted} and {@code EntryRecordedInPeriod}. */
    static final int EVENTS_PER_ENTRY = 2;
    /** The rounds after the first only make up for what the estimate missed; more would mean it is wrong. */
    static final int MAX_ROUNDS = 5;

    /** What a top-up did: {@code load} is null when nothing was posted; a head of -1 could not be read. */
    record Result(BenchReport.Load load, long headBefore, long headAfter) {

        /** A note for the report when the head stayed below the events asked for. */
        Optional<String> shortfall(long events, int loadTimeoutSeconds) {
            if (headAfter >= events) {
                return Optional.empty();
            }
            if (headAfter < 0) {
                return Optional.of("The event store's head could not be read from GET /api/admin/projections:"
                        + " the store was not topped up to " + events + " events before the replay.");
            }
            return Optional.of("The event store reached " + headAfter + " of the " + events + " events asked for"
                    + " (--replay-events) within the load bound of " + loadTimeoutSeconds + " s and " + MAX_ROUNDS
                    + " rounds of journal entries; the replay worked through that many.");
        }
    }

    private StoreTopUp() {
    }

    /**
     * Posts journal entries in rounds until the store's head reaches {@code events}, for at most
     * {@link #MAX_ROUNDS} rounds and {@code bound} in all.
     */
    static Result run(KontorHttp http, Book book, long events, int clients, Duration bound)
            throws InterruptedException {
        OptionalLong first = http.storeHead();
        if (first.isEmpty()) {
            return new Result(null, -1, -1);
        }
        long headBefore = first.getAsLong();
        String what = "journal entries to top the store up to " + events + " events";
        long started = System.nanoTime();
        long deadline = started + bound.toNanos();
        // Positions left unused by rolled-back appends count in the head, not in the store the replay
        // counts: aiming half a percent above the events asked for keeps the replay at its scale.
        long aim = events + events / 200;
        long head = headBefore;
        long asked = 0;
        long posted = 0;
        long errors = 0;
        for (int round = 1; round <= MAX_ROUNDS && head < aim && System.nanoTime() < deadline; round++) {
            long entries = entriesFor(head, aim);
            Log.info("top-up round " + round + ": store head at " + head + ", posting " + entries
                    + " journal entries to reach " + aim + " events");
            BenchReport.Load load = ClosedLoopLoad.forCount(what, clients, entries,
                    Duration.ofNanos(Math.max(0, deadline - System.nanoTime())), book::postEntry,
                    total -> {
                        if (total % 5_000 == 0) {
                            Log.info("  " + total + " of " + entries + " entries");
                        }
                    });
            asked += entries;
            posted += load.reached();
            errors += load.errors();
            OptionalLong after = http.storeHead();
            if (load.reached() == 0 || after.isEmpty()) {
                // Nothing was accepted, or the head cannot be read: another round would not do better.
                head = after.orElse(head);
                break;
            }
            head = after.getAsLong();
        }
        Log.info("store head at " + head + " (asked for " + events + ")");
        if (asked == 0) {
            return new Result(null, headBefore, head);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Result(new BenchReport.Load(what, asked, posted, ClosedLoopLoad.round(seconds),
                ClosedLoopLoad.round(posted / seconds), errors), headBefore, head);
    }

    /** The entries that append the events from {@code head} to {@code events}; none when it is there. */
    static long entriesFor(long head, long events) {
        return Math.max(0, (events - head + EVENTS_PER_ENTRY - 1) / EVENTS_PER_ENTRY);
    }
}
