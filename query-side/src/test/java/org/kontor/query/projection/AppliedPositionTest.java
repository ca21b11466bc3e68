package org.kontor.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.LongStream;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class AppliedPositionTest {

    @Test
    void eventAfterTheStoredIndex_isNotApplied_andRecordingItKeepsItsGapsAboveTheStoredIndex() {
        Document document = new Document();
        AppliedPosition.recordApplied(document, gapAware(10));

        assertThat(AppliedPosition.alreadyApplied(document, gapAware(15, 4, 12, 13))).isFalse();
        AppliedPosition.recordApplied(document, gapAware(15, 4, 12, 13));

        assertThat(document.get(AppliedPosition.FIELD, Document.class))
                .isEqualTo(new Document("index", 15L).append("gaps", List.of(12L, 13L)));
        assertThat(AppliedPosition.alreadyApplied(document, gapAware(15, 4, 12, 13))).as("redelivered").isTrue();
        assertThat(AppliedPosition.alreadyApplied(document, gapAware(12))).as("a gap arriving late").isFalse();
    }

    @Test
    void redeliveredEvent_isApplied_alsoInsideAReplayToken() {
        Document document = new Document();
        AppliedPosition.recordApplied(document, gapAware(7, 3));

        assertThat(AppliedPosition.alreadyApplied(document, gapAware(7, 3))).isTrue();
        assertThat(AppliedPosition.alreadyApplied(document, ReplayToken.createReplayToken(gapAware(20), gapAware(7, 3))))
                .isTrue();
        assertThat(AppliedPosition.alreadyApplied(document, gapAware(3))).as("the gap itself").isFalse();
    }

    @Test
    void globalSequencePositions_areComparedByIndex() {
        Document document = new Document();
        AppliedPosition.recordApplied(document, new GlobalSequenceTrackingToken(5));

        assertThat(AppliedPosition.alreadyApplied(document, new GlobalSequenceTrackingToken(5))).isTrue();
        assertThat(AppliedPosition.alreadyApplied(document, new GlobalSequenceTrackingToken(6))).isFalse();
        AppliedPosition.recordApplied(document, new GlobalSequenceTrackingToken(6));
        assertThat(document.get(AppliedPosition.FIELD, Document.class)).isEqualTo(new Document("index", 6L));
    }

    /** The shortcuts must answer exactly as Axon's token arithmetic does, for any order of events. */
    @Test
    void randomPositionsInAnyOrder_agreeWithAxonsCoversAndUpperBound() {
        Random random = new Random(42);
        for (int round = 0; round < 2_000; round++) {
            GapAwareTrackingToken first = randomToken(random);
            GapAwareTrackingToken second = randomToken(random);
            Document document = new Document();
            AppliedPosition.recordApplied(document, first);

            assertThat(AppliedPosition.alreadyApplied(document, second)).as("%s covers %s", first, second)
                    .isEqualTo(first.covers(second));
            AppliedPosition.recordApplied(document, second);
            GapAwareTrackingToken expected = (GapAwareTrackingToken) first.upperBound(second);
            assertThat(document.get(AppliedPosition.FIELD, Document.class)).as("upper bound of %s and %s", first, second)
                    .isEqualTo(new Document("index", expected.getIndex()).append("gaps", List.copyOf(expected.getGaps())));
        }
    }

    private static GapAwareTrackingToken randomToken(Random random) {
        long index = random.nextInt(30);
        TreeSet<Long> gaps = new TreeSet<>();
        LongStream.range(0, index).filter(position -> random.nextInt(8) == 0).forEach(gaps::add);
        return GapAwareTrackingToken.newInstance(index, gaps);
    }

    private static TrackingToken gapAware(long index, long... gaps) {
        TreeSet<Long> gapSet = new TreeSet<>();
        for (long gap : gaps) {
            gapSet.add(gap);
        }
        return GapAwareTrackingToken.newInstance(index, gapSet);
    }
}
