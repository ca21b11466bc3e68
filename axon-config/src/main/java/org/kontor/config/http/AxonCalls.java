package org.kontor.config.http;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Calls into Axon from a reactive endpoint. Locally, Axon's buses run handlers in the calling
 * thread, and handlers block (JDBC, the MongoDB driver); the call is therefore moved off the
 * Netty event loop, which must never block.
 */
public final class AxonCalls {

    private AxonCalls() {
    }

    public static <T> Mono<T> offEventLoop(Supplier<CompletableFuture<T>> call) {
        return Mono.fromFuture(call).subscribeOn(Schedulers.boundedElastic());
    }
}
