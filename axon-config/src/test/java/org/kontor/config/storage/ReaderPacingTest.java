package org.kontor.config.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ReaderPacingTest {

    private static final long LEAD = 10;
    private static final Duration LONG = Duration.ofSeconds(30);

    @Test
    void readerMoreThanTheLeadAheadOfASlowerOne_waitsUntilTheSlowerOneMoves() throws Exception {
        ReaderPacing pacing = new ReaderPacing(LEAD, LONG, LONG);
        ReaderPacing.Reader slow = askedAndGot(pacing, 0, true);
        ReaderPacing.Reader fast = askedAndGot(pacing, 30, true);

        Thread waiting = startAwaitingTurn(fast);

        assertThat(stateOnceSettled(waiting)).isEqualTo(Thread.State.TIMED_WAITING);
        assertThat(pacing.pauses()).isEqualTo(1);
        slow.awaitTurn();
        slow.advanced(15, true);
        assertThat(stateOnceSettled(waiting)).as("still more than the lead ahead").isEqualTo(Thread.State.TIMED_WAITING);
        slow.awaitTurn();
        slow.advanced(20, true);
        waiting.join(5_000);
        assertThat(waiting.isAlive()).isFalse();
    }

    @Test
    void readerWithinTheLead_doesNotWait() {
        ReaderPacing pacing = new ReaderPacing(LEAD, LONG, LONG);
        askedAndGot(pacing, 0, true);
        ReaderPacing.Reader ahead = askedAndGot(pacing, LEAD, true);

        assertThat(returnsWithin(ahead, Duration.ofSeconds(5))).isTrue();
        assertThat(pacing.pauses()).isZero();
    }

    @Test
    void slowerReaderThatStoppedAsking_holdsNoOneBack() throws Exception {
        ReaderPacing pacing = new ReaderPacing(LEAD, Duration.ofMillis(300), LONG);
        askedAndGot(pacing, 0, true);
        ReaderPacing.Reader fast = askedAndGot(pacing, 30, true);

        Thread waiting = startAwaitingTurn(fast);

        waiting.join(10_000);
        assertThat(waiting.isAlive()).as("released once the slower reader's live time ran out").isFalse();
    }

    @Test
    void closedReader_holdsNoOneBack() throws Exception {
        ReaderPacing pacing = new ReaderPacing(LEAD, LONG, LONG);
        ReaderPacing.Reader slow = askedAndGot(pacing, 0, true);
        ReaderPacing.Reader fast = askedAndGot(pacing, 30, true);
        Thread waiting = startAwaitingTurn(fast);
        assertThat(stateOnceSettled(waiting)).isEqualTo(Thread.State.TIMED_WAITING);

        slow.close();

        waiting.join(5_000);
        assertThat(waiting.isAlive()).isFalse();
    }

    /** A live processor keeps its latency while another view is rebuilt from the start. */
    @Test
    void readerAtTheHead_neitherWaitsNorHoldsOthersBack() {
        ReaderPacing pacing = new ReaderPacing(LEAD, LONG, LONG);
        ReaderPacing.Reader rebuilding = askedAndGot(pacing, 0, true);
        ReaderPacing.Reader atTheHead = askedAndGot(pacing, 1_000, false);
        ReaderPacing.Reader otherRebuild = askedAndGot(pacing, 5, true);

        assertThat(returnsWithin(atTheHead, Duration.ofSeconds(5))).isTrue();

        rebuilding.close();
        otherRebuild.advanced(900, true);
        // the only other reader is at the head, so a reader catching up has no one to wait for
        assertThat(returnsWithin(otherRebuild, Duration.ofSeconds(5))).isTrue();
    }

    @Test
    void pause_endsAfterTheLongestPause_evenIfTheSlowerReaderStaysBehind() throws Exception {
        ReaderPacing pacing = new ReaderPacing(LEAD, LONG, Duration.ofMillis(200));
        askedAndGot(pacing, 0, true);
        ReaderPacing.Reader fast = askedAndGot(pacing, 30, true);

        long start = System.nanoTime();
        fast.awaitTurn();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }

    @Test
    void interruptedWhileWaiting_returnsWithTheInterruptKept() throws Exception {
        ReaderPacing pacing = new ReaderPacing(LEAD, LONG, LONG);
        askedAndGot(pacing, 0, true);
        ReaderPacing.Reader fast = askedAndGot(pacing, 30, true);
        AtomicBoolean interruptKept = new AtomicBoolean();
        Thread waiting = new Thread(() -> {
            fast.awaitTurn();
            interruptKept.set(Thread.currentThread().isInterrupted());
        });
        waiting.start();
        assertThat(stateOnceSettled(waiting)).isEqualTo(Thread.State.TIMED_WAITING);

        waiting.interrupt();

        waiting.join(5_000);
        assertThat(waiting.isAlive()).isFalse();
        assertThat(interruptKept).isTrue();
    }

    /** Streams that are dropped without being closed must not pile up. */
    @Test
    void readersNeverClosed_areForgottenOnceQuiet_whenTheyPileUp() throws Exception {
        ReaderPacing pacing = new ReaderPacing(LEAD, Duration.ofMillis(50), LONG);
        for (int reader = 0; reader < ReaderPacing.PRUNE_ABOVE; reader++) {
            askedAndGot(pacing, reader, true);
        }
        Thread.sleep(100);

        askedAndGot(pacing, 0, true);

        assertThat(pacing.knownReaders()).isEqualTo(1);
    }

    /** Axon's event producer opens a stream at the head per fetch and never closes it. */
    @Test
    void readersAtTheHead_areNotKept() {
        ReaderPacing pacing = new ReaderPacing(LEAD, LONG, LONG);
        ReaderPacing.Reader rebuilding = askedAndGot(pacing, 0, true);
        ReaderPacing.Reader caughtUp = askedAndGot(pacing, 5, true);
        caughtUp.advanced(2_000, false);
        caughtUp.awaitTurn();

        for (int fetch = 0; fetch < 1_000; fetch++) {
            askedAndGot(pacing, 2_000 + fetch, false).awaitTurn();
        }

        assertThat(pacing.knownReaders()).isEqualTo(1);
        assertThat(returnsWithin(rebuilding, Duration.ofSeconds(5))).isTrue();
    }

    /** A reader that asked for a batch and got it: now after {@code position}. */
    private static ReaderPacing.Reader askedAndGot(ReaderPacing pacing, long position, boolean catchingUp) {
        ReaderPacing.Reader reader = pacing.reader(-1, catchingUp);
        reader.awaitTurn();
        reader.advanced(position, catchingUp);
        return reader;
    }

    private static Thread startAwaitingTurn(ReaderPacing.Reader reader) {
        Thread thread = new Thread(reader::awaitTurn);
        thread.start();
        return thread;
    }

    private static boolean returnsWithin(ReaderPacing.Reader reader, Duration bound) {
        try {
            CompletableFuture.runAsync(reader::awaitTurn).get(bound.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /** The thread's state once it has had 200 ms to reach a wait (or to finish), and at most 5 s. */
    private static Thread.State stateOnceSettled(Thread thread) throws InterruptedException {
        Thread.sleep(200);
        for (int attempt = 0; attempt < 480 && isMoving(thread.getState()); attempt++) {
            Thread.sleep(10);
        }
        return thread.getState();
    }

    private static boolean isMoving(Thread.State state) {
        return state == Thread.State.NEW || state == Thread.State.RUNNABLE || state == Thread.State.BLOCKED;
    }
}
