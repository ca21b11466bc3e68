package org.kontor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StandardNotesTest {

    @Test
    void startedServer_theNotesSayHowFarTheStoreIsToppedUpAndWhereTheRebuildRuns() {
        BenchOptions options = BenchOptions.parse(new String[] {"--start-server", "j", "--replay-events", "1200000"},
                Map.of());

        String notes = String.join("\n", StandardNotes.of(options, EventStoreFile.TYPICAL));

        assertThat(notes).contains("the event store is topped up to 1200000 events (--replay-events) with journal"
                        + " entries")
                .contains("Rebuild through the API: in the server that just replayed");
    }

    @Test
    void noTopUp_saidSo() {
        BenchOptions options = BenchOptions.parse(new String[] {"--start-server", "j", "--replay-events", "0"},
                Map.of());

        assertThat(StandardNotes.of(options, EventStoreFile.TYPICAL)).anyMatch(note -> note.startsWith("Top-up: none"));
    }
}
