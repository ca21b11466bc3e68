package org.kontor.config.axon;

import java.time.Duration;

/**
 * The bounds of a rebuild: the copy's batch size (as the live processors'), how long the copy may
 * take to catch up, how long the live processor may stay paused for the switch, and how long the old
 * copy outlives the switch for reads that resolved it just before.
 */
record RebuildSettings(int batchSize, Duration maxBuild, Duration switchTimeout, Duration oldCopyGrace) {
}
