package org.kontor.config.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.axonframework.common.IdentifierFactory;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;

class TimeOrderedIdentifierFactoryTest {

    @Test
    void axonsIdentifierFactory_isTheTimeOrderedOne_soEventsGetVersion7Ids() {
        String eventIdentifier = GenericEventMessage.asEventMessage("payload").getIdentifier();

        assertThat(IdentifierFactory.getInstance()).isInstanceOf(TimeOrderedIdentifierFactory.class);
        assertThat(UUID.fromString(eventIdentifier).version()).isEqualTo(7);
    }

    @Test
    void identifier_holdsItsMillisecondFirst_withTheVersionAndVariantOfAVersion7Uuid() {
        long millis = Instant.parse("2026-11-27T11:30:00.123Z").toEpochMilli();

        UUID identifier = TimeOrderedIdentifierFactory.next(millis, new Random(7));

        assertThat(identifier.version()).isEqualTo(7);
        assertThat(identifier.variant()).isEqualTo(2);
        assertThat(identifier.getMostSignificantBits() >>> 16).isEqualTo(millis);
        assertThat(identifier.toString()).startsWith(String.format("%08x-%04x-7", millis >>> 16, millis & 0xFFFF));
    }

    @Test
    void identifiersOfLaterMilliseconds_sortAfterAsText_andNoneRepeats() {
        Random random = new Random(42);
        long start = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
        List<String> identifiers = new ArrayList<>();
        for (int millisecond = 0; millisecond < 2_000; millisecond++) {
            for (int sameMillisecond = 0; sameMillisecond < 50; sameMillisecond++) {
                identifiers.add(TimeOrderedIdentifierFactory.next(start + millisecond * 997L, random).toString());
            }
        }

        for (int index = 50; index < identifiers.size(); index += 50) {
            assertThat(identifiers.get(index)).isGreaterThan(identifiers.get(index - 1));
        }
        assertThat(new HashSet<>(identifiers)).hasSameSizeAs(identifiers);
    }
}
