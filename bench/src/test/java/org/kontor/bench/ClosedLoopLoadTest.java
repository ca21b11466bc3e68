package org.kontor.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.Test;

class ClosedLoopLoadTest {

    private static final Duration WARMUP = Duration.ofMillis(300);
    private static final Duration WINDOW = Duration.ofMillis(500);
    private static final Duration SLICE = Duration.ofMillis(100);

    @Test
    void forDuration_countsEverySliceFromTheWarmUpAndStartsTheWindowOnce() throws Exception {
        AtomicInteger windowStarts = new AtomicInteger();
        AtomicLong windowStartedAt = new AtomicLong();
        long started = System.nanoTime();

        BenchReport.Throughput phase = ClosedLoopLoad.forDuration("entries", 2, WARMUP, WINDOW, SLICE,
                () -> answerAfterMillis(2, 201), () -> {
                    windowStarts.incrementAndGet();
                    windowStartedAt.set(System.nanoTime());
                });

        assertThat(windowStarts).hasValue(1);
        assertThat(windowStartedAt.get() - started).isGreaterThanOrEqualTo(WARMUP.toNanos());
        assertThat(phase.sliceMillis()).isEqualTo(100);
        assertThat(phase.perSecondEachSlice()).hasSize(8).allSatisfy(rate -> assertThat(rate).isPositive());
        long repliesInWindowSlices = phase.perSecondEachSlice().subList(3, 8).stream()
                .mapToLong(rate -> Math.round(rate * SLICE.toMillis() / 1000.0)).sum();
        assertThat(phase.succeeded()).isPositive().isLessThanOrEqualTo(repliesInWindowSlices);
        assertThat(phase.errors()).isZero();
    }

    @Test
    void forDuration_failuresAreErrorsAndInNoSlice() throws Exception {
        BenchReport.Throughput phase = ClosedLoopLoad.forDuration("entries", 1, WARMUP, WINDOW, SLICE,
                () -> answerAfterMillis(2, 500), () -> { });

        assertThat(phase.errors()).isPositive();
        assertThat(phase.succeeded()).isZero();
        assertThat(phase.perSecondEachSlice()).hasSize(8).containsOnly(0.0);
        assertThat(phase.errorSamples()).first().asString().startsWith("500");
    }

    private static HttpResponse<String> answerAfterMillis(long millis, int status) throws InterruptedException {
        Thread.sleep(millis);
        return new Reply(status);
    }

    private record Reply(int statusCode) implements HttpResponse<String> {

        @Override
        public HttpRequest request() {
            return HttpRequest.newBuilder(URI.create("http://localhost/")).build();
        }

        @Override
        public Optional<HttpResponse<String>> previousResponse() {
            return Optional.empty();
        }

        @Override
        public HttpHeaders headers() {
            return HttpHeaders.of(Map.of(), (name, value) -> true);
        }

        @Override
        public String body() {
            return "{}";
        }

        @Override
        public Optional<SSLSession> sslSession() {
            return Optional.empty();
        }

        @Override
        public URI uri() {
            return URI.create("http://localhost/");
        }

        @Override
        public HttpClient.Version version() {
            return HttpClient.Version.HTTP_1_1;
        }
    }
}
