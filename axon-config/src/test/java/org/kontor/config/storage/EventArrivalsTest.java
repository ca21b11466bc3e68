package org.kontor.config.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.common.Registration;
import org.junit.jupiter.api.Test;

class EventArrivalsTest {

    @Test
    void anIdleListener_isCalledAtOnce_andArrivalsWithinTheIntervalWaitForIt() throws InterruptedException {
        try (EventArrivals arrivals = new EventArrivals(Duration.ofHours(1))) {
            AtomicInteger calls = new AtomicInteger();
            CountDownLatch first = new CountDownLatch(1);
            arrivals.listen("ledger-balances", () -> {
                calls.incrementAndGet();
                first.countDown();
            });

            arrivals.signal();
            assertThat(first.await(30, TimeUnit.SECONDS)).as("called at once").isTrue();
            arrivals.signal();
            arrivals.signal();
            Thread.sleep(200);

            assertThat(calls).as("the next call is an hour away").hasValue(1);
            assertThat(arrivals.signals()).isEqualTo(3);
        }
    }

    @Test
    void aCancelledListener_isNotCalled() throws InterruptedException {
        try (EventArrivals arrivals = new EventArrivals(Duration.ZERO)) {
            AtomicInteger cancelledCalls = new AtomicInteger();
            Registration cancelled = arrivals.listen("ledger-lines", cancelledCalls::incrementAndGet);
            CountDownLatch other = new CountDownLatch(1);
            arrivals.listen("ledger-entries", other::countDown);

            cancelled.cancel();
            arrivals.signal();

            assertThat(other.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(cancelledCalls).hasValue(0);
            assertThat(arrivals.listeners()).isOne();
        }
    }

    @Test
    void aCallbackThatFails_isStillCalledForLaterArrivals() throws InterruptedException {
        try (EventArrivals arrivals = new EventArrivals(Duration.ZERO)) {
            CountDownLatch twice = new CountDownLatch(2);
            arrivals.listen("ledger-balances", () -> {
                twice.countDown();
                throw new IllegalStateException("a coordinator that cannot be scheduled");
            });

            arrivals.signal();
            awaitCalls(twice, 1);
            arrivals.signal();

            assertThat(twice.await(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aHurriedProcessor_isCalledAtOnce_insteadOfAtTheEndOfTheInterval() throws InterruptedException {
        try (EventArrivals arrivals = new EventArrivals(Duration.ofHours(1))) {
            CountDownLatch calls = new CountDownLatch(2);
            arrivals.listen("crm-customers", calls::countDown);
            arrivals.signal();
            awaitCalls(calls, 1);
            arrivals.signal();

            arrivals.hurry("crm-customers");

            assertThat(calls.await(30, TimeUnit.SECONDS)).as("the second call, not an hour later").isTrue();
            assertThat(arrivals.hurried()).isOne();
        }
    }

    @Test
    void hurrying_callsOnlyThatProcessor_andOnlyWhenACallIsPending() throws InterruptedException {
        try (EventArrivals arrivals = new EventArrivals(Duration.ofHours(1))) {
            AtomicInteger timelineCalls = new AtomicInteger();
            CountDownLatch customerCalls = new CountDownLatch(2);
            arrivals.listen("crm-timeline", timelineCalls::incrementAndGet);
            arrivals.listen("crm-customers", customerCalls::countDown);
            arrivals.signal();
            awaitCalls(customerCalls, 1);

            arrivals.hurry("crm-customers");
            Thread.sleep(200);
            assertThat(customerCalls.getCount()).as("nothing arrived since the last call").isOne();
            arrivals.signal();
            arrivals.hurry("crm-customers");

            assertThat(customerCalls.await(30, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(200);
            assertThat(timelineCalls).as("not hurried: its next call is an hour away").hasValue(1);
        }
    }

    @Test
    void aCallRunEarly_isNotRepeatedWhenTheIntervalEnds() throws InterruptedException {
        try (EventArrivals arrivals = new EventArrivals(Duration.ofMillis(300))) {
            AtomicInteger calls = new AtomicInteger();
            CountDownLatch twice = new CountDownLatch(2);
            arrivals.listen("ledger-lines", () -> {
                calls.incrementAndGet();
                twice.countDown();
            });
            arrivals.signal();
            awaitCalls(twice, 1);
            arrivals.signal();
            arrivals.hurry("ledger-lines");
            assertThat(twice.await(30, TimeUnit.SECONDS)).isTrue();

            Thread.sleep(700);

            assertThat(calls).as("the call pending ran early, once").hasValue(2);
        }
    }

    @Test
    void aNegativeInterval_isRefused() {
        assertThatThrownBy(() -> new EventArrivals(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    private static void awaitCalls(CountDownLatch latch, long left) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (latch.getCount() > left && System.nanoTime() < until) {
            Thread.sleep(5);
        }
    }
}
