package org.kontor.config.storage;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.kontor.config.http.CommandDurability;

/**
 * Writes the commits of concurrent commands to the event store's file together, and lets each
 * command's reply wait for the write that holds its commit.
 *
 * <p>With {@code WRITE_DELAY=0}, H2 wrote a chunk of the file at every commit: the changed pages of
 * the event table, of its two indexes and of its own layout, for two event rows. That was 17 % of the
 * server's CPU while 16 clients posted journal entries. Now a commit only changes the store in
 * memory (H2's own writer writes what is left within {@code WRITE_DELAY}), and a command that must
 * be acknowledged calls {@link #awaitDurable()}: the first caller writes everything committed so
 * far, one chunk for every command that committed meanwhile, and the callers whose commit that
 * chunk holds return without writing.
 *
 * <p>After a crash the file holds a prefix of the commits in their order, as it did with a write per
 * commit (H2 writes a chunk as a whole, and a newer chunk holds every older commit), and every
 * acknowledged command is in it. A change another request saw before it was written can be lost
 * with the crash; its own request had not been answered yet.
 */
final class GroupCommit implements CommandDurability {

    /** A write takes milliseconds; a wait this long means the store is stuck, and the reply says so. */
    static final long LONGEST_WAIT_SECONDS = 30;

    private final Writer writer;
    /** Callers so far; a caller's number is taken after its transaction committed. */
    private final AtomicLong callers = new AtomicLong();
    private final ReentrantLock writing = new ReentrantLock();
    /** Every caller up to this number is durable. Guarded by {@link #writing}. */
    private long durableUpTo;
    /** Writes done, for tests and the metric. Guarded by {@link #writing}; read without it by the metric. */
    private volatile long writes;

    GroupCommit(Writer writer) {
        this.writer = writer;
    }

    /** Group commit on the H2 store behind the event store's pool. */
    static GroupCommit of(EventStoreFile file) {
        return new GroupCommit(() -> file.open().commit());
    }

    @Override
    public void awaitDurable() {
        long caller = callers.incrementAndGet();
        try {
            if (!writing.tryLock(LONGEST_WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the event store did not write its file within "
                        + LONGEST_WAIT_SECONDS + " s; the command may or may not be stored");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the event store wrote its file", e);
        }
        try {
            if (durableUpTo >= caller) {
                return; // a write that started after this caller's commit covered it
            }
            // Read before the write starts: every caller up to here committed before it.
            long covered = callers.get();
            writer.writeCommitted();
            durableUpTo = covered;
            writes++;
        } finally {
            writing.unlock();
        }
    }

    /** Callers so far: commands acknowledged, or refused because the file could not be written. */
    long callers() {
        return callers.get();
    }

    /** Callers waiting for the write in progress to end, for tests. */
    int queuedCallers() {
        return writing.getQueueLength();
    }

    long writes() {
        return writes;
    }

    /** Writes everything committed so far to the file, and returns when it is there. */
    @FunctionalInterface
    interface Writer {
        void writeCommitted();
    }
}
