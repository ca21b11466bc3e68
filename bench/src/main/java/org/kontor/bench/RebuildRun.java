package org.kontor.bench;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Every read model rebuilt through {@code POST /api/admin/projections/{name}/replay}, all at once, in
 * the server that has just replayed at its start. It is the same work as that replay, but done the
 * way an operator asks for it: each read model's copy is built aside while the server serves, then
 * switched in. The server is warm: its JIT compiled the handlers during the replay.
 */
final class RebuildRun {

    static final String PHASE = "rebuild through the API";
    private static final long POLL_MILLIS = 200;

    private RebuildRun() {
    }

    /**
     * Asks every listed processor to rebuild (command-side processors are refused with a 4xx and not
     * rebuilt) and polls the status list until every accepted rebuild is DONE or FAILED, bounded by
     * {@code timeout}. Null when the status list cannot be read. {@code threads} (may be null) adds
     * the server's CPU by thread group to the phase's CPU.
     */
    static BenchReport.Rebuild measure(KontorHttp http, ThreadCpu threads, Duration timeout,
                                       Consumer<BenchReport.ServerCpu> cpu)
            throws InterruptedException {
        Optional<String> before = http.processorStatusList();
        Set<String> processors;
        long events;
        try {
            processors = before.isPresent() ? ProcessorLags.fromStatusList(before.get()).keySet() : Set.of();
            events = before.isPresent() ? ProcessorLags.headFromStatusList(before.get()).orElse(-1) : -1;
        } catch (IOException unreadable) {
            processors = Set.of();
            events = -1;
        }
        if (processors.isEmpty() || events < 0) {
            Log.info("rebuild through the API: GET /api/admin/projections could not be read; not measured");
            return null;
        }
        Log.info("rebuild through the API: " + processors.size() + " processors, " + events + " events in store");
        CpuMeter meter = CpuMeter.start(http, threads);
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        List<String> failed = new ArrayList<>();
        List<String> accepted = askEveryOne(http, processors, failed);
        RebuildStates.Snapshot snapshot = RebuildStates.Snapshot.NONE;
        long nextReport = started + Duration.ofSeconds(10).toNanos();
        Progress progress = new Progress(started, ClosedLoopLoad.SLICE);
        while (!accepted.isEmpty() && System.nanoTime() < deadline) {
            snapshot = snapshotOr(http, snapshot);
            progress.polled(System.nanoTime(), snapshot.lowestPosition(accepted));
            if (RebuildStates.allFinal(snapshot.states(), accepted)) {
                break;
            }
            Thread.sleep(POLL_MILLIS);
            if (System.nanoTime() > nextReport) {
                Log.info("  rebuilding: " + RebuildStates.unfinished(snapshot.states(), accepted));
                nextReport += Duration.ofSeconds(10).toNanos();
            }
        }
        long end = System.nanoTime();
        progress.finish();
        Map<String, String> states = snapshot.states();
        boolean finished = !accepted.isEmpty() && RebuildStates.allFinal(states, accepted);
        failed.addAll(RebuildStates.failed(states, accepted));
        cpu.accept(meter.stop(PHASE, events, "events"));
        double seconds = (end - started) / 1e9;
        double rate = accepted.isEmpty() || seconds <= 0 ? 0 : events / seconds;
        Log.info(String.format("rebuild of %d read models %s after %.1f s: %.0f events/s%s", accepted.size(),
                finished ? "finished" : "DID NOT FINISH", seconds, rate, failed.isEmpty() ? "" : ", failed: " + failed));
        return new BenchReport.Rebuild(accepted.size(), events, ClosedLoopLoad.round(seconds),
                ClosedLoopLoad.round(rate), finished, failed, progress.sliceMillis(), progress.perSecondEachSlice());
    }

    /**
     * Asks for a rebuild of each processor, one request after the other without waiting, so the
     * rebuilds run at once. Answers the read models accepted; adds to {@code failed} those whose request
     * got no answer or a server error.
     */
    private static List<String> askEveryOne(KontorHttp http, Set<String> processors, List<String> failed)
            throws InterruptedException {
        List<String> accepted = new ArrayList<>();
        for (String name : processors) {
            Answer answer = ask(http, name);
            if (answer.accepted()) {
                accepted.add(name);
            } else if (answer.refused()) {
                Log.info("  not rebuilt: " + name + " (" + answer.detail() + ")");
            } else {
                failed.add(name + " (" + answer.detail() + ")");
            }
        }
        Log.info("  " + accepted.size() + " read models are being rebuilt");
        return accepted;
    }

    /** Asks for one rebuild. */
    private static Answer ask(KontorHttp http, String name) throws InterruptedException {
        try {
            // The endpoint reads no body; the empty object goes with the JSON content type of every POST.
            HttpResponse<String> answer = http.post("/api/admin/projections/" + name + "/replay", "{}");
            String body = answer.body() == null ? "" : answer.body();
            return new Answer(answer.statusCode(),
                    answer.statusCode() + " " + body.substring(0, Math.min(200, body.length())));
        } catch (IOException failed) {
            return new Answer(0, failed.getClass().getSimpleName() + ": " + failed.getMessage());
        }
    }

    /**
     * The answer to one request for a rebuild; status 0 when none came. A 4xx is a refusal: the
     * processors that send commands or link the audit chain are not read models (409 NOT_A_READ_MODEL).
     */
    private record Answer(int status, String detail) {

        boolean accepted() {
            return status / 100 == 2;
        }

        boolean refused() {
            return status / 100 == 4;
        }
    }

    /** The rebuilds now, or as last read when the list cannot be read this time. */
    private static RebuildStates.Snapshot snapshotOr(KontorHttp http, RebuildStates.Snapshot last)
            throws InterruptedException {
        Optional<String> list = http.processorStatusList();
        if (list.isEmpty()) {
            return last;
        }
        try {
            return RebuildStates.snapshot(list.get());
        } catch (IOException unreadable) {
            return last;
        }
    }
}
