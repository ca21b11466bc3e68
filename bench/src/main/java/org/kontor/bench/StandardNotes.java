package org.kontor.bench;

import java.util.ArrayList;
import java.util.List;

/** How the figures were taken, so that a reader of the report can judge them. */
final class StandardNotes {

    private StandardNotes() {
    }

    static List<String> of(BenchOptions options, EventStoreFile eventStore) {
        List<String> notes = new ArrayList<>();
        notes.add("Throughput: " + options.clients() + " closed-loop clients (java.net.http, HTTP/1.1, HTTP Basic)"
                + " on the same machine as the server; latency from send to full reply, HdrHistogram; requests"
                + " that began in the warm-up or ended after the window are not counted. A closed loop does not"
                + " correct for coordinated omission.");
        notes.add("Journal entries: 4 lines on 4 different accounts of the default chart, 2 debits and 2 credits,"
                + " dates spread over the 12 months of " + options.year() + ". Interactions go to 49 customers at"
                + " random; the timeline customer's interactions are loaded before, with the same clients.");
        notes.add("Report latency: one client, " + options.reportRequests() + " requests per endpoint after "
                + Math.max(20, options.reportRequests() / 2) + " warm-up requests, with the projections caught up; trial balance and balances of a random month,"
                + " the first timeline page (limit=50) of the timeline customer. The smallest book size is measured"
                + " before the throughput phases, the larger ones after (they reuse the throughput entries).");
        notes.add("Book lines are counted from the entries the server accepted (4 lines each).");
        notes.add("Projection lag: every processor's lag polled from GET /api/admin/projections every 100 ms"
                + " until every one reads 0.");
        notes.add("Server CPU: process.cpu.time from the actuator. A command phase has two rows: its warm-up, over"
                + " the commands that succeeded in it, and from the start of its measured window until its"
                + " projections caught up, over the commands that succeeded from that start on. Replay: from the"
                + " first read of the lags until they all read 0, over the events worked off. Rebuild through the"
                + " API: from the first request until every rebuild ended, over the events in the store. By thread"
                + " group (a server this run started): jcmd Thread.print where each figure starts and ends, the"
                + " largest groups; a thread that ended in between is not counted.");
        notes.add("Warm-up: " + options.warmupSeconds() + " s a phase. On 2 cores the server's JIT (one C2 compiler"
                + " thread) needs minutes of load to compile a phase's code: a fresh server posting journal"
                + " entries went from about 200 to about 1,100 a second over its first 160 s (docs/benchmarks.md)."
                + " The rate in each slice of the warm-up shows where this run stood.");
        if (options.startsServer()) {
            notes.add(topUp(options));
            notes.add("Replay: the server is stopped (SIGTERM) and started again on the same data directory; its"
                    + " in-memory read models and tokens are empty, so every projection replays the whole store."
                    + " events/s = the largest lag at the first read of the lags / time until all read 0.");
            notes.add("Rebuild through the API: in the server that just replayed (warm, every read model current),"
                    + " POST /api/admin/projections/{name}/replay for every processor listed, one request after the"
                    + " other without waiting, so the rebuilds run at once; the processors that are not read models"
                    + " are refused (409) and not rebuilt. Seconds from the first request until GET"
                    + " /api/admin/projections, polled every 200 ms, shows every accepted rebuild DONE or FAILED;"
                    + " events = the store's head before the first request.");
            notes.add("Storage reference: payload and metadata sizes are the averages of the JournalEntryPosted and"
                    + " EntryRecordedInPeriod rows of this run's event store; single JDBC connection, no server"
                    + " running.");
        } else {
            notes.add("No replay: the benchmark did not start the server (--server). Storage reference with typical"
                    + " sizes (" + eventStore.postingPayloadBytes() + " B payload, "
                    + eventStore.postingMetaDataBytes() + " B metadata) on this machine.");
        }
        notes.add("Heap: jvm.memory.used{area=heap} from the actuator, sampled every second (it includes garbage"
                + " not yet collected); live heap after a full GC (jcmd GC.run) at the end of the report phases.");
        return notes;
    }

    private static String topUp(BenchOptions options) {
        if (options.replayEvents() == 0) {
            return "Top-up: none (--replay-events 0); the replay works through the events the phases before left.";
        }
        return "Top-up: after the report phases and before the restart, the event store is topped up to "
                + options.replayEvents() + " events (--replay-events) with journal entries, posted by "
                + options.clients() + " closed-loop clients, in at most " + StoreTopUp.MAX_ROUNDS + " rounds within"
                + " the load bound, its head (GET /api/admin/projections) read again after each round (about "
                + StoreTopUp.EVENTS_PER_ENTRY + " events an entry); then the projections are waited for.";
    }
}
