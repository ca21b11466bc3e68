package org.kontor.config.axon;

import org.kontor.config.axon.ProcessorStatuses.ProcessorStatus;
import org.kontor.config.http.Page;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code GET /api/admin/projections} (API.md, operations rows): every streaming processor of this
 * node, by name, with its position, the head of the store, the lag, whether it replays and its
 * error. Processors are a few dozen at most, so the list is one page. Reading the head asks the
 * event store, which may block, so the read runs off the event loop.
 */
@RestController
class ProjectionAdminController {

    private final ProcessorStatuses statuses;

    ProjectionAdminController(ProcessorStatuses statuses) {
        this.statuses = statuses;
    }

    @GetMapping(path = "/api/admin/projections", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<Page<ProcessorStatus>> projections() {
        return Mono.fromCallable(() -> new Page<>(statuses.all(), null)).subscribeOn(Schedulers.boundedElastic());
    }
}
