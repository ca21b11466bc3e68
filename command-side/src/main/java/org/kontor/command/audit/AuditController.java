package org.kontor.command.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.kontor.command.audit.ChainVerification.DayDigest;
import org.kontor.command.audit.ChainVerification.Verification;
import org.kontor.config.http.BusinessDates;
import org.kontor.config.http.Instants;
import org.kontor.config.http.NotFoundException;
import org.kontor.config.http.Page;
import org.kontor.config.http.PageRequest;
import org.kontor.config.storage.AxonServerStorageConfiguration;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The audit trail over HTTP (API.md, Audit rows): the event browser, one aggregate's history, the
 * hash chain's verification and its daily digests. Lists take {@code limit} (default
 * {@value #DEFAULT_LIMIT}, at most 1000) and hand out {@code nextCursor}; the event browser also
 * takes {@code after}, a global position. JDBC blocks, so every read runs off the event loop.
 */
@RestController
@RequestMapping(path = "/api/audit", produces = MediaType.APPLICATION_JSON_VALUE)
@Profile("!" + AxonServerStorageConfiguration.PROFILE)
class AuditController {

    static final int DEFAULT_LIMIT = 100;
    /**
     * A time filter is applied to the rows read, not in SQL (Axon stores timestamps as text); a
     * request reads at most this many rows and, if the page is not full by then, hands out a cursor
     * to go on from where it stopped.
     */
    static final int MAX_ROWS_READ = 10_000;
    private static final String EVENT_CURSOR = "event:";
    private static final String SEQUENCE_CURSOR = "sequence:";
    private static final String DAY_CURSOR = "day:";
    private static final LocalDate FIRST_DAY = LocalDate.of(1970, 1, 1);
    private static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);

    private final StoredEvents events;
    private final ChainVerification chain;

    AuditController(StoredEvents events, ChainVerification chain) {
        this.events = events;
        this.chain = chain;
    }

    @GetMapping("/events")
    Mono<Page<AuditEventView>> events(@RequestParam(required = false) Long after,
                                      @RequestParam(required = false) String aggregateId,
                                      @RequestParam(required = false) String type,
                                      @RequestParam(required = false) String from,
                                      @RequestParam(required = false) String to,
                                      @RequestParam(required = false) Integer limit,
                                      @RequestParam(required = false) String cursor) {
        PageRequest page = page(limit, cursor);
        long start = page.isFirstPage() ? (after == null ? 0 : after)
                : parsePosition(PageRequest.withoutPrefix(page.cursorPosition(), EVENT_CURSOR));
        Instant fromInstant = Instants.parseOptional("from", from);
        Instant toInstant = Instants.parseOptional("to", to);
        return blocking(() -> browse(start, blankToNull(aggregateId), blankToNull(type), fromInstant, toInstant,
                page.limit()));
    }

    @GetMapping("/aggregates/{id}/history")
    Mono<Page<AuditEventView>> history(@PathVariable String id,
                                       @RequestParam(required = false) Integer limit,
                                       @RequestParam(required = false) String cursor) {
        PageRequest page = page(limit, cursor);
        long afterSequence = page.isFirstPage() ? -1
                : parsePosition(PageRequest.withoutPrefix(page.cursorPosition(), SEQUENCE_CURSOR));
        return blocking(() -> {
            List<StoredEvent> found = events.history(id, afterSequence, page.limit());
            if (found.isEmpty() && page.isFirstPage()) {
                throw new NotFoundException("aggregate", id);
            }
            String next = found.size() < page.limit() ? null
                    : PageRequest.encodeCursor(SEQUENCE_CURSOR + found.get(found.size() - 1).sequenceNumber());
            return new Page<>(AuditEventView.of(found), next);
        });
    }

    @GetMapping("/verify")
    Mono<Verification> verify(@RequestParam(required = false) Long from, @RequestParam(required = false) Long to) {
        return blocking(() -> chain.verify(from, to));
    }

    @GetMapping("/digests")
    Mono<Page<DayDigest>> digests(@RequestParam(required = false) String from,
                                  @RequestParam(required = false) String to,
                                  @RequestParam(required = false) Integer limit,
                                  @RequestParam(required = false) String cursor) {
        PageRequest page = page(limit, cursor);
        LocalDate first = page.isFirstPage() ? (from == null ? FIRST_DAY : BusinessDates.parse("from", from))
                : BusinessDates.parse("cursor", PageRequest.withoutPrefix(page.cursorPosition(), DAY_CURSOR));
        LocalDate last = to == null ? LAST_DAY : BusinessDates.parse("to", to);
        return blocking(() -> {
            List<DayDigest> digests = chain.digests(first, last, page.limit());
            String next = digests.size() < page.limit() ? null
                    : PageRequest.encodeCursor(DAY_CURSOR + digests.get(digests.size() - 1).day().plusDays(1));
            return new Page<>(digests, next);
        });
    }

    /**
     * Reads in batches of the page's size until the page is full, the store has no more, or
     * {@value #MAX_ROWS_READ} rows were read; the cursor continues after the last row read.
     */
    private Page<AuditEventView> browse(long after, String aggregateId, String type, Instant from, Instant to,
                                        int limit) {
        List<AuditEventView> items = new ArrayList<>();
        long position = after;
        int rowsRead = 0;
        boolean more = true;
        while (items.size() < limit && more && rowsRead < MAX_ROWS_READ) {
            List<StoredEvent> batch = events.after(position, aggregateId, type, limit);
            more = batch.size() == limit;
            for (StoredEvent event : batch) {
                rowsRead++;
                position = event.globalIndex();
                if (isWithin(event.instant(), from, to)) {
                    items.add(AuditEventView.of(event));
                    if (items.size() == limit) {
                        break;
                    }
                }
            }
        }
        boolean exhausted = !more && items.size() < limit;
        return new Page<>(items, exhausted ? null : PageRequest.encodeCursor(EVENT_CURSOR + position));
    }

    private static boolean isWithin(Instant instant, Instant from, Instant to) {
        return (from == null || !instant.isBefore(from)) && (to == null || instant.isBefore(to));
    }

    private static PageRequest page(Integer limit, String cursor) {
        return PageRequest.of(limit == null ? DEFAULT_LIMIT : limit, cursor);
    }

    private static long parsePosition(String position) {
        try {
            return Long.parseLong(position);
        } catch (NumberFormatException notOurs) {
            throw PageRequest.invalidCursor();
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    static <T> Mono<T> blocking(Callable<T> read) {
        return Mono.fromCallable(read).subscribeOn(Schedulers.boundedElastic());
    }
}
