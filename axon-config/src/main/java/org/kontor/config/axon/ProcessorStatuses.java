package org.kontor.config.axon;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.kontor.config.axon.ReadModelRebuild.RebuildStatus;
import org.springframework.stereotype.Component;

/**
 * Where each streaming processor stands against the head of the event store: the position of its
 * slowest segment, the lag in events, whether it replays, and the error that stopped a segment.
 * The lag metric and {@code GET /api/admin/projections} both read it.
 */
@Component
class ProcessorStatuses {

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final ReadModelRebuilds rebuilds;

    ProcessorStatuses(EventProcessingConfiguration processing, EventStore eventStore, ReadModelRebuilds rebuilds) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.rebuilds = rebuilds;
    }

    /** Every streaming processor, by name. */
    Map<String, StreamingEventProcessor> streamingProcessors() {
        Map<String, StreamingEventProcessor> streaming = new TreeMap<>();
        for (Map.Entry<String, EventProcessor> processor : processing.eventProcessors().entrySet()) {
            if (processor.getValue() instanceof StreamingEventProcessor candidate) {
                streaming.put(processor.getKey(), candidate);
            }
        }
        return streaming;
    }

    List<ProcessorStatus> all() {
        long head = head();
        List<ProcessorStatus> statuses = new ArrayList<>();
        streamingProcessors().forEach((name, processor) -> statuses.add(statusOf(name, processor, head)));
        return statuses;
    }

    long lag(StreamingEventProcessor processor) {
        return Math.max(0, head() - slowestPosition(processor.processingStatus().values()));
    }

    private ProcessorStatus statusOf(String name, StreamingEventProcessor processor, long head) {
        Collection<EventTrackerStatus> segments = processor.processingStatus().values();
        long position = slowestPosition(segments);
        String error = null;
        for (EventTrackerStatus segment : segments) {
            if (segment.isErrorState() && segment.getError() != null && error == null) {
                error = segment.getError().getClass().getSimpleName() + ": " + segment.getError().getMessage();
            }
        }
        RebuildStatus rebuild = rebuilds.latestOf(name).map(ReadModelRebuild::status).orElse(null);
        boolean rebuilding = rebuilds.latestOf(name).filter(ReadModelRebuild::isActive).isPresent();
        return new ProcessorStatus(name, position, head, Math.max(0, head - position),
                processor.isReplaying() || rebuilding, processor.isRunning(), segments.size(), error, rebuild);
    }

    /** The slowest claimed segment's position; -1 (before the first event) when none is claimed. */
    private static long slowestPosition(Collection<EventTrackerStatus> segments) {
        return segments.stream().mapToLong(status -> status.getCurrentPosition().orElse(-1)).min().orElse(-1);
    }

    private long head() {
        TrackingToken token = eventStore.createHeadToken();
        return token == null ? -1 : token.position().orElse(-1);
    }

    /**
     * One processor as {@code GET /api/admin/projections} shows it; {@code position} and
     * {@code head} are global positions of the event store, {@code error} is {@code null} unless a
     * segment is stopped by one. {@code replaying} is also true while a copy of the read model is
     * rebuilt aside; {@code rebuild} is the latest rebuild since start, running or finished.
     */
    record ProcessorStatus(String name, long position, long head, long lag, boolean replaying, boolean running,
                           int segments, String error, RebuildStatus rebuild) {
    }
}
