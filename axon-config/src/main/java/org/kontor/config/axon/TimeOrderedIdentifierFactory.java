package org.kontor.config.axon;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;
import org.axonframework.common.IdentifierFactory;

/**
 * Message identifiers (every event's {@code eventIdentifier}, every command's id) as version 7
 * UUIDs: the first 48 bits are the milliseconds since 1970, the other 74 random. Their text sorts
 * by time, so the event store's unique index on {@code eventIdentifier} grows at its end, as the
 * events do.
 *
 * <p>Why: with random (version 4) identifiers every stored event changed one leaf page of that
 * index at a random place. H2 writes each changed page again whole at the next commit and updates
 * the record of the file chunk the old page lived in, so random identifiers made every commit
 * touch pages and chunk records all over the file; serializing them was the largest single part of
 * the server's CPU while clients posted (docs/benchmarks.md). Time-ordered ones change the same
 * last leaf, commit after commit.
 *
 * <p>Axon finds this factory through {@code META-INF/services}. The random bits come from
 * {@link ThreadLocalRandom}: identifiers must be unique, not unguessable, and two identifiers of
 * the same millisecond share 74 random bits with a chance far below one in 10^20; the unique index
 * refuses a duplicate anyway.
 */
public final class TimeOrderedIdentifierFactory extends IdentifierFactory {

    private static final long VERSION_7 = 0x7000L;
    private static final long VARIANT_RFC_4122 = 0x8000_0000_0000_0000L;

    @Override
    public String generateIdentifier() {
        return next(System.currentTimeMillis(), ThreadLocalRandom.current()).toString();
    }

    /** A version 7 UUID of {@code epochMillis}, its random bits from {@code random}. */
    static UUID next(long epochMillis, RandomGenerator random) {
        long mostSignificant = (epochMillis << 16) | VERSION_7 | (random.nextLong() & 0x0FFFL);
        long leastSignificant = VARIANT_RFC_4122 | (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL);
        return new UUID(mostSignificant, leastSignificant);
    }
}
