package org.kontor.query.projection;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.TreeSet;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.bson.Document;

/**
 * The position of the last event a document applied, kept in the document (field
 * {@value #FIELD}). A document built from events of many aggregates cannot use a sequence number,
 * and a bare global index is not enough either: the JDBC store may deliver an event with a lower
 * index later (it was still committing), so the gaps are remembered too. An event is skipped only
 * when the stored position covers it, which is exactly a redelivery.
 *
 * <p>Events mostly come in order, so both methods first compare the event's index with the stored
 * one and read the stored gaps only when they must: a replay calls them for every document an event
 * changes, and reading the stored position into a token was a sixth of the time of the balances'
 * projection in a profile.
 */
public final class AppliedPosition {

    public static final String FIELD = "appliedPosition";

    private AppliedPosition() {
    }

    /** True when the document has already applied the event at {@code token}. */
    public static boolean alreadyApplied(Document document, TrackingToken token) {
        if (document == null || token == null) {
            return false;
        }
        Document stored = document.get(FIELD, Document.class);
        if (stored == null) {
            return false;
        }
        TrackingToken event = unwrap(token);
        OptionalLong position = event.position();
        // No position covers one past its index, whatever its gaps.
        if (position.isPresent() && position.getAsLong() > indexOf(stored)) {
            return false;
        }
        return read(stored).covers(event);
    }

    /** Records that the document has applied the event at {@code token}. */
    public static void recordApplied(Document document, TrackingToken token) {
        if (token == null) {
            return;
        }
        Document storedPosition = document.get(FIELD, Document.class);
        TrackingToken event = unwrap(token);
        if (storedPosition != null && event instanceof GapAwareTrackingToken gapAware && hasNoGaps(storedPosition)) {
            long earlierIndex = indexOf(storedPosition);
            if (gapAware.getIndex() > earlierIndex) {
                // Axon's upper bound of a position without gaps and a later one: the later index,
                // with the later position's gaps above the earlier index.
                document.put(FIELD, new Document("index", gapAware.getIndex())
                        .append("gaps", new ArrayList<>(gapAware.getGaps().tailSet(earlierIndex + 1))));
                return;
            }
        }
        TrackingToken stored = read(storedPosition);
        TrackingToken latest = stored == null ? event : stored.upperBound(event);
        document.put(FIELD, write(latest));
    }

    private static long indexOf(Document stored) {
        return stored.get("index", Number.class).longValue();
    }

    private static boolean hasNoGaps(Document stored) {
        List<?> gaps = stored.get("gaps", List.class);
        return gaps != null && gaps.isEmpty();
    }

    private static TrackingToken unwrap(TrackingToken token) {
        return WrappedToken.unwrapUpperBound(token);
    }

    private static Document write(TrackingToken token) {
        if (token instanceof GapAwareTrackingToken gapAware) {
            return new Document("index", gapAware.getIndex()).append("gaps", new ArrayList<>(gapAware.getGaps()));
        }
        if (token instanceof GlobalSequenceTrackingToken global) {
            return new Document("index", global.getGlobalIndex());
        }
        throw new IllegalStateException("unsupported tracking token " + token.getClass().getSimpleName());
    }

    private static TrackingToken read(Document stored) {
        if (stored == null) {
            return null;
        }
        long index = stored.get("index", Number.class).longValue();
        List<?> gaps = stored.get("gaps", List.class);
        if (gaps == null) {
            return new GlobalSequenceTrackingToken(index);
        }
        TreeSet<Long> gapSet = new TreeSet<>();
        gaps.forEach(gap -> gapSet.add(((Number) gap).longValue()));
        return GapAwareTrackingToken.newInstance(index, gapSet);
    }
}
