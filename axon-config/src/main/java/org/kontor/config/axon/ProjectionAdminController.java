package org.kontor.config.axon;

import java.net.URI;
import org.kontor.config.axon.ProcessorStatuses.ProcessorStatus;
import org.kontor.config.axon.ReadModelRebuild.RebuildStatus;
import org.kontor.config.http.Page;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code GET /api/admin/projections} (API.md, operations rows): every streaming processor of this
 * node, by name, with its position, the head of the store, the lag, whether it replays and its
 * error; {@code POST /api/admin/projections/{name}/replay} rebuilds one read model. Processors are a few dozen at most, so the list is one page. Reading the head asks the
 * event store, which may block, so the read runs off the event loop.
 */
@RestController
class ProjectionAdminController {

    static final String STATUS_LIST = "/api/admin/projections";

    private final ProcessorStatuses statuses;
    private final ReadModelRebuilds rebuilds;

    ProjectionAdminController(ProcessorStatuses statuses, ReadModelRebuilds rebuilds) {
        this.statuses = statuses;
        this.rebuilds = rebuilds;
    }

    @GetMapping(path = STATUS_LIST, produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<Page<ProcessorStatus>> projections() {
        return Mono.fromCallable(() -> new Page<>(statuses.all(), null)).subscribeOn(Schedulers.boundedElastic());
    }

    /**
     * Rebuilds one read model aside while the old copy serves, then switches it in. Accepted at once;
     * the status list ({@code Location}) shows the rebuild's progress under the processor's
     * {@code rebuild}. Starting a rebuild reads the token store, which may block.
     */
    @PostMapping(path = STATUS_LIST + "/{name}/replay", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<RebuildAccepted>> replay(@PathVariable String name) {
        return Mono.fromCallable(() -> rebuilds.start(name)).subscribeOn(Schedulers.boundedElastic())
                .map(rebuild -> ResponseEntity.accepted().location(URI.create(STATUS_LIST))
                        .body(new RebuildAccepted(name, rebuild.status())));
    }

    /** The answer to a replay: which read model is rebuilt, and how far it is. */
    record RebuildAccepted(String name, RebuildStatus rebuild) {
    }
}
