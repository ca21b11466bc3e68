package org.kontor.config.axon;

import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the units of work that are running and bounds them in time: from the warning threshold on
 * it logs, once per warning interval, how long a unit has run and where its thread is; at the
 * timeout it interrupts the unit's thread, once.
 *
 * <p>A unit costs the thread that runs it an entry in a set (and its unit of work a resource and a
 * cleanup handler); one daemon thread looks at the set a few times a second. Axon's own unit-of-work timeout (which this replaces, see
 * {@link UnitOfWorkTimeLimits}) captured the whole stack of the thread when each unit started and
 * scheduled and cancelled a task on a shared executor for each: with a command thread's stack, the
 * capture alone took 45 to 60 microseconds, for every command and every batch of every processor.
 * Here a stack is captured only for a unit that is late, when its warning is logged.
 */
final class UnitOfWorkWatch implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(UnitOfWorkWatch.class);

    /** At most this many frames of a late unit's thread go into a log line. */
    static final int FRAMES_LOGGED = 60;

    private final Set<Running> running = ConcurrentHashMap.newKeySet();
    private final long timeoutNanos;
    private final long warningThresholdNanos;
    private final long warningIntervalNanos;
    private final ScheduledExecutorService looker;

    UnitOfWorkWatch(Duration timeout, Duration warningThreshold, Duration warningInterval) {
        if (timeout.isNegative() || timeout.isZero() || warningInterval.isNegative() || warningInterval.isZero()) {
            throw new IllegalArgumentException("a unit of work's timeout and warning interval must be positive, not "
                    + timeout + " and " + warningInterval);
        }
        this.timeoutNanos = timeout.toNanos();
        // A threshold at or past the timeout (or negative) means no warnings, as in Axon's settings.
        this.warningThresholdNanos = warningThreshold.isNegative() || warningThreshold.compareTo(timeout) >= 0
                ? Long.MAX_VALUE : warningThreshold.toNanos();
        this.warningIntervalNanos = warningInterval.toNanos();
        // Four looks per interval (or per timeout, if shorter) keep a warning or an interrupt within
        // a quarter of it of its time, at a cost of a walk of the few units running.
        long lookNanos = Math.max(TimeUnit.MILLISECONDS.toNanos(5), Math.min(timeoutNanos, warningIntervalNanos) / 4);
        this.looker = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "unit-of-work-watch");
            thread.setDaemon(true);
            return thread;
        });
        looker.scheduleWithFixedDelay(this::lookSafely, lookNanos, lookNanos, TimeUnit.NANOSECONDS);
    }

    /** Starts watching a unit of work that the current thread runs. */
    Running begin(String component) {
        Running unit = new Running(component, Thread.currentThread(), System.nanoTime(), warningThresholdNanos);
        running.add(unit);
        return unit;
    }

    /** Stops watching the unit; it must be called on the unit's thread. */
    void end(Running unit) {
        running.remove(unit);
        unit.finish();
    }

    /** The units being watched now. */
    int runningCount() {
        return running.size();
    }

    /** A periodic task that throws is never run again, so a failed look is logged and the next one runs. */
    private void lookSafely() {
        try {
            look();
        } catch (RuntimeException failure) {
            log.warn("looking at the running units of work failed; looking again at the next turn", failure);
        }
    }

    private void look() {
        long now = System.nanoTime();
        for (Running unit : running) {
            long elapsed = now - unit.startedNanos;
            if (elapsed >= timeoutNanos) {
                unit.interrupt(() -> log.error(
                        "{} on thread [{}] has run {} ms, past its timeout of {} ms: interrupting it.\n{}",
                        unit.component, unit.thread.getName(), millis(elapsed), millis(timeoutNanos),
                        stackOf(unit.thread)));
            } else if (elapsed >= unit.nextWarningNanos) {
                unit.nextWarningNanos = elapsed + warningIntervalNanos;
                log.warn("{} on thread [{}] has run {} ms; it will be interrupted in {} ms.\n{}",
                        unit.component, unit.thread.getName(), millis(elapsed), millis(timeoutNanos - elapsed),
                        stackOf(unit.thread));
            }
        }
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    private static String stackOf(Thread thread) {
        return Arrays.stream(thread.getStackTrace())
                .limit(FRAMES_LOGGED)
                .map(frame -> "\tat " + frame)
                .collect(Collectors.joining("\n"));
    }

    @Override
    public void close() {
        looker.shutdownNow();
    }

    /** One unit of work being watched. */
    static final class Running {

        private final String component;
        private final Thread thread;
        private final long startedNanos;
        /** Elapsed time of the next warning; read and written by the watch's thread only. */
        private long nextWarningNanos;
        private boolean finished;
        private boolean interrupted;

        private Running(String component, Thread thread, long startedNanos, long firstWarningNanos) {
            this.component = component;
            this.thread = thread;
            this.startedNanos = startedNanos;
            this.nextWarningNanos = firstWarningNanos;
        }

        /** Whether the watch interrupted this unit's thread for running past the timeout. */
        synchronized boolean timedOut() {
            return interrupted;
        }

        /** Interrupts the unit's thread once, unless the unit is over, after {@code announce} (which logs where it is). */
        private synchronized void interrupt(Runnable announce) {
            if (finished || interrupted) {
                return;
            }
            announce.run();
            interrupted = true;
            thread.interrupt();
        }

        private synchronized void finish() {
            finished = true;
            if (interrupted && thread == Thread.currentThread()) {
                // The unit is over, failed or not: its thread (often a pooled one) must not take the
                // watch's interrupt into its next task.
                Thread.interrupted();
            }
        }
    }
}
