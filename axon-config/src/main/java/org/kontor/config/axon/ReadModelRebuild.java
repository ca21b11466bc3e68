package org.kontor.config.axon;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.kontor.config.storage.ReadModelCollections;

/**
 * One rebuild of one read model: build a copy aside, then switch it in (docs/architecture.md,
 * "Rebuilding one read model").
 *
 * <ol>
 * <li>{@link #buildAside()}: the read model's own handlers (the live processor's invoker and
 * interceptors) run in a second processor, built here, from the first event, with its tokens in
 * memory and every collection resolved to the other copy ({@link ReadModelCollections}). The live
 * processor keeps the serving copy current meanwhile.
 * <li>{@link #awaitCaughtUp()}: until the copy is where the live processor is.
 * <li>{@link #switchIn()}: the live processor is paused and its tokens claimed; the copy goes on to
 * at least those positions and is stopped; the copy's collections are switched in and the copy's
 * final tokens become the live processor's, segment by segment; the live processor restarts. It
 * continues exactly where the copy stopped: no event is lost or applied twice. Reads are served by
 * the old copy until the switch and by the new one after; only the pause (the copy's last few
 * events) delays them. The rebuild is {@code DONE} once the new copy serves; the old copy is
 * dropped {@code erp.rebuild.old-copy-grace} later, and the next rebuild of the same read model
 * waits for that drop before it builds into those collections.
 * </ol>
 * Any failure leaves the old copy serving: the copy built aside is dropped and the live processor
 * runs on.
 */
public final class ReadModelRebuild {

    /** How far a rebuild is; {@code DONE} and {@code FAILED} are final. */
    public enum State { STARTING, BUILDING, SWITCHING, DONE, FAILED }

    private static final Duration POLL = Duration.ofMillis(20);

    private final String readModel;
    private final PooledStreamingEventProcessor live;
    private final TokenStore liveTokens;
    private final EventStore eventStore;
    private final ReadModelCollections collections;
    private final RebuildSettings settings;
    private final Clock clock;
    private final InMemoryTokenStore copyTokens = new InMemoryTokenStore();
    /** The copy reads like a live processor: stepping over what it ignores, without filling its queue. */
    private final HandOver copyHandOver = new HandOver(AxonDefaults.HAND_OVER_LONGEST_WAIT);
    private final String copyName;
    /**
     * {@link #oldCopyGone} of this read model's rebuild before this one, or {@code null}: its old
     * copy must be gone first. The latch, not the rebuild, so that rebuilds do not form a chain.
     */
    private final CountDownLatch previousOldCopyGone;
    /** Counted down once this rebuild will drop nothing more: its old copy dropped, or nothing to drop. */
    private final CountDownLatch oldCopyGone = new CountDownLatch(1);

    private volatile State state = State.STARTING;
    private volatile Instant startedAt;
    private volatile Instant finishedAt;
    private volatile long headAtStart = -1;
    private volatile String error;
    private volatile long finalPosition = -1;
    private PooledStreamingEventProcessor copy;
    private ScheduledExecutorService copyCoordinator;
    private ScheduledExecutorService copyWorkers;
    private int[] segments = new int[0];
    private boolean livePaused;
    private volatile boolean applicationStopping;

    ReadModelRebuild(String readModel, PooledStreamingEventProcessor live, TokenStore liveTokens, EventStore eventStore,
                     ReadModelCollections collections, RebuildSettings settings, Clock clock,
                     CountDownLatch previousOldCopyGone) {
        this.readModel = readModel;
        this.previousOldCopyGone = previousOldCopyGone;
        this.live = live;
        this.liveTokens = liveTokens;
        this.eventStore = eventStore;
        this.collections = collections;
        this.settings = settings;
        this.clock = clock;
        this.copyName = readModel + "-rebuild";
    }

    /** All three steps; a failure is recorded in the status, never thrown. */
    void run() {
        try {
            buildAside();
            awaitCaughtUp();
            switchIn();
        } catch (Exception | AssertionError e) {
            fail(e);
        }
    }

    /** Starts building the copy aside, from the first event. */
    public synchronized void buildAside() throws Exception {
        startedAt = clock.instant();
        state = State.BUILDING;
        awaitPreviousOldCopyGone();
        // The reset handlers drop whatever an earlier attempt left in the other copy, and name the
        // read model's collections (a read model's reset handler drops every collection it owns).
        collections.buildingAside(readModel, () -> {
            live.eventHandlerInvoker().performReset();
            return null;
        });
        // The copy has the live processor's segments, so its token of each segment can become the
        // live token of that segment at the switch.
        segments = liveTokens.fetchSegments(readModel);
        if (segments.length == 0) {
            throw new IllegalStateException(readModel + " has not started yet: it has no segments to rebuild");
        }
        TrackingToken head = eventStore.createHeadToken();
        headAtStart = position(head);
        // A replay token: handlers see a replay, and anything marked @DisallowReplay stays quiet.
        TrackingToken fromFirstEvent = ReplayToken.createReplayToken(head, null);
        for (int segment : segments) {
            copyTokens.initializeSegment(fromFirstEvent, copyName, segment);
        }
        copyCoordinator = RebuildThreads.scheduled(copyName + "-coordinator", 1);
        copyWorkers = RebuildThreads.scheduled(copyName + "-worker", segments.length);
        copy = PooledStreamingEventProcessor.builder()
                .name(copyName)
                .eventHandlerInvoker(live.eventHandlerInvoker())
                .messageSource(new SkippingMessageSource(eventStore, copyHandOver))
                .tokenStore(copyTokens)
                .transactionManager(NoTransactionManager.instance())
                .coordinatorExecutor(copyCoordinator)
                .workerExecutor(copyWorkers)
                .initialSegmentCount(segments.length)
                .batchSize(settings.batchSize())
                .build();
        // Registered first, so it encloses the live processor's interceptors (the batch flush too).
        MessageHandlerInterceptor<EventMessage<?>> aside =
                (unitOfWork, chain) -> collections.buildingAside(readModel, chain::proceed);
        copy.registerHandlerInterceptor(aside);
        copy.registerHandlerInterceptor(copyHandOver.batchesTaken());
        // The live processor's own hand-over stays with it: the copy's batches are reported to the copy's.
        live.getHandlerInterceptors().stream()
                .filter(interceptor -> !(interceptor instanceof HandOver.BatchesTaken))
                .forEach(copy::registerHandlerInterceptor);
        copy.start();
    }

    /** Waits until the copy has reached the live processor's position in every segment. */
    public void awaitCaughtUp() throws InterruptedException {
        awaitCopy(() -> copyReached(positionsOf(live.processingStatus())), settings.maxBuild(), "catch up");
    }

    /** Pauses the live processor, lets the copy reach its tokens, switches the copy in and restarts. */
    public synchronized void switchIn() throws Exception {
        state = State.SWITCHING;
        Map<Integer, TrackingToken> paused = pauseLive();
        Map<Integer, Long> pausedAt = new TreeMap<>();
        paused.forEach((segment, token) -> pausedAt.put(segment, position(token)));
        awaitCopy(() -> copyReached(pausedAt), settings.switchTimeout(), "reach the paused live processor");
        Map<Integer, TrackingToken> consumed = new TreeMap<>();
        copy.processingStatus().forEach((segment, status) -> consumed.put(segment, status.getTrackingToken()));
        copy.shutdownAsync().get(settings.switchTimeout().toMillis(), TimeUnit.MILLISECONDS);
        Map<Integer, TrackingToken> built = new TreeMap<>();
        for (int segment : segments) {
            TrackingToken token = later(copyTokens.fetchToken(copyName, segment), consumed.get(segment));
            if (token != null) {
                built.put(segment, token);
            }
        }
        Set<String> oldCopies = collections.switchIn(readModel);
        // A segment the copy consumed nothing of keeps its live token: the live processor applied
        // nothing of it either (the copy had reached that token).
        built.forEach((segment, token) -> liveTokens.storeToken(token, readModel, segment));
        finalPosition = built.values().stream().mapToLong(ReadModelRebuild::position).min().orElse(-1);
        resumeLive();
        stopCopyThreads();
        // The rebuilt copy serves and the live processor runs on it: the read model is rebuilt.
        // What is left is housekeeping, and a status that waited for it would say DONE a grace late.
        finishedAt = clock.instant();
        state = State.DONE;
        dropAfterGrace(oldCopies);
    }

    /**
     * Drops the old copy once reads that resolved it just before the switch have finished. An
     * interrupt (the application stopping) leaves it; the next start drops copies that serve
     * nothing. Never fails the rebuild: the new copy serves whatever happens here.
     */
    private void dropAfterGrace(Set<String> oldCopies) {
        try {
            Thread.sleep(settings.oldCopyGrace().toMillis());
            collections.drop(oldCopies);
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException notDropped) {
            error = "the old copy was not dropped: " + notDropped.getClass().getSimpleName() + ": "
                    + notDropped.getMessage();
        } finally {
            oldCopyGone.countDown();
        }
    }

    /**
     * The rebuild before this one of the same read model may still be in its grace: its old copy
     * is the collections this one is about to build into, so this one waits until they are dropped.
     * Bounded: a drop is one grace and a few collection drops away.
     */
    private void awaitPreviousOldCopyGone() throws InterruptedException {
        if (previousOldCopyGone == null) {
            return;
        }
        Duration bound = settings.oldCopyGrace().plus(settings.switchTimeout());
        if (!previousOldCopyGone.await(bound.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("the previous rebuild's old copy was not dropped within " + bound);
        }
    }

    /**
     * The application stops: the copy's threads are interrupted, and a rebuild that has not switched
     * leaves the old copy serving; a persistent read store drops the copy built aside at the next start.
     */
    void abandonOnShutdown() {
        applicationStopping = true;
    }

    /**
     * Gives up a rebuild that has not switched: the copy built aside is dropped, the old copy
     * serves on and the live processor runs (restarted if the switch had paused it). A finished
     * rebuild is left as it is.
     */
    public synchronized void abandon(String reason) {
        if (isActive()) {
            fail(new IllegalStateException(reason));
        }
    }

    /** Stops a rebuild that did not switch because a step failed (see {@link #abandon}). */
    synchronized void fail(Throwable cause) {
        // Nothing is left to drop but what this method discards.
        oldCopyGone.countDown();
        error = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        if (applicationStopping) {
            if (copy != null) {
                copy.shutDown();
            }
            stopCopyThreads();
            state = State.FAILED;
            return;
        }
        try {
            if (copy != null) {
                copy.shutDown();
            }
            stopCopyThreads();
            collections.discardBuiltAside(readModel);
        } finally {
            resumeLive();
            finishedAt = clock.instant();
            state = State.FAILED;
        }
    }

    /** Counted down when this rebuild drops nothing more; the next rebuild of the read model waits for it. */
    CountDownLatch oldCopyGone() {
        return oldCopyGone;
    }

    public State state() {
        return state;
    }

    boolean isActive() {
        return state == State.BUILDING || state == State.SWITCHING || state == State.STARTING;
    }

    /** As {@code GET /api/admin/projections} shows it, beside the live processor. */
    public RebuildStatus status() {
        long position = finalPosition;
        if (state == State.BUILDING || state == State.SWITCHING) {
            PooledStreamingEventProcessor running = copy;
            position = running == null ? -1 : slowest(positionsOf(running.processingStatus()));
        }
        return new RebuildStatus(state.name(), startedAt, finishedAt, position, headAtStart, error);
    }

    private Map<Integer, TrackingToken> pauseLive() throws Exception {
        live.shutdownAsync().get(settings.switchTimeout().toMillis(), TimeUnit.MILLISECONDS);
        livePaused = true;
        Map<Integer, TrackingToken> tokens = new TreeMap<>();
        for (int segment : segments) {
            // Claimed until the restart: no other node takes the segment over during the switch.
            tokens.put(segment, liveTokens.fetchToken(readModel, segment));
        }
        return tokens;
    }

    private void resumeLive() {
        if (!livePaused) {
            return;
        }
        for (int segment : segments) {
            liveTokens.releaseClaim(readModel, segment);
        }
        live.start();
        livePaused = false;
    }

    /**
     * Where the copy is built to in one segment, as the live processor will hold it (no longer a
     * replay: it continues live). A work package stores its token after each batch it handles, but
     * after events of other segments only now and then; its status has the token of every event it
     * consumed, its handled batches committed. Between the two there are only events of other
     * segments, so the later of them is exact.
     */
    private static TrackingToken later(TrackingToken stored, TrackingToken consumed) {
        TrackingToken storedToken = unwrapReplay(stored);
        TrackingToken consumedToken = unwrapReplay(consumed);
        if (storedToken == null) {
            return consumedToken;
        }
        return consumedToken != null && position(consumedToken) > position(storedToken) ? consumedToken : storedToken;
    }

    private static TrackingToken unwrapReplay(TrackingToken token) {
        return token instanceof ReplayToken replay ? replay.getCurrentToken() : token;
    }

    private boolean copyReached(Map<Integer, Long> target) {
        Map<Integer, Long> reached = positionsOf(copy.processingStatus());
        for (EventTrackerStatus segment : copy.processingStatus().values()) {
            if (segment.isErrorState()) {
                throw new IllegalStateException("the copy stopped on an error", segment.getError());
            }
        }
        return target.entrySet().stream().allMatch(entry -> reached.getOrDefault(entry.getKey(), -1L) >= entry.getValue());
    }

    private void awaitCopy(BooleanSupplier reached, Duration maxWait, String what) throws InterruptedException {
        Instant giveUp = clock.instant().plus(maxWait);
        while (!reached.getAsBoolean()) {
            if (clock.instant().isAfter(giveUp)) {
                throw new IllegalStateException("the copy did not " + what + " within " + maxWait);
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    private void stopCopyThreads() {
        if (copyCoordinator != null) {
            copyCoordinator.shutdownNow();
            copyWorkers.shutdownNow();
        }
    }

    private static Map<Integer, Long> positionsOf(Map<Integer, EventTrackerStatus> statuses) {
        Map<Integer, Long> positions = new TreeMap<>();
        statuses.forEach((segment, status) -> positions.put(segment, status.getCurrentPosition().orElse(-1)));
        return positions;
    }

    private static long slowest(Map<Integer, Long> positions) {
        return positions.values().stream().mapToLong(Long::longValue).min().orElse(-1);
    }

    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }

    /**
     * A rebuild as the status list shows it: {@code position} is the copy's slowest segment (the
     * final one once switched), {@code headAtStart} the head of the store when it began.
     */
    public record RebuildStatus(String state, Instant startedAt, Instant finishedAt, long position, long headAtStart,
                                String error) {
    }
}
