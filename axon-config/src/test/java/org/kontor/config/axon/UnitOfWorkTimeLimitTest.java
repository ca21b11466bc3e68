package org.kontor.config.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.timeout.AxonTimeoutException;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class UnitOfWorkTimeLimitTest {

    private final UnitOfWorkWatch watch =
            new UnitOfWorkWatch(Duration.ofMillis(300), Duration.ofMillis(100), Duration.ofMillis(60));
    private final UnitOfWorkTimeLimit timeLimit = new UnitOfWorkTimeLimit("command bus", watch);

    @AfterEach
    void closeWatch() {
        watch.close();
    }

    @Test
    void unitWithinItsTime_isWatchedUntilItsCleanupAndLeftAlone() {
        AtomicInteger watchedWhileHandling = new AtomicInteger();

        ResultMessage<?> result = run(message -> {
            watchedWhileHandling.set(watch.runningCount());
            return "posted";
        });

        assertThat(result.isExceptional()).isFalse();
        assertThat(result.getPayload()).isEqualTo("posted");
        assertThat(watchedWhileHandling).hasValue(1);
        assertThat(watch.runningCount()).isZero();
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void unitPastItsTimeout_isInterruptedAndFailsWithATimeout() {
        ResultMessage<?> result = run(message -> {
            Thread.sleep(10_000);
            return "never";
        });

        assertThat(result.isExceptional()).isTrue();
        assertThat(result.exceptionResult()).isInstanceOf(AxonTimeoutException.class)
                .hasMessageContaining("command bus");
        assertThat(watch.runningCount()).isZero();
        assertThat(Thread.currentThread().isInterrupted()).as("the watch's interrupt is cleared").isFalse();
    }

    @Test
    void handlerThatSwallowsTheInterrupt_stillFailsWithATimeout() {
        ResultMessage<?> result = run(message -> {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException swallowed) {
                // a careless handler carries on as if nothing happened
            }
            return "done anyway";
        });

        assertThat(result.isExceptional()).isTrue();
        assertThat(result.exceptionResult()).isInstanceOf(AxonTimeoutException.class);
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void unitPastItsWarningThreshold_isLoggedWithWhereItsThreadIs() {
        Logger logger = (Logger) LoggerFactory.getLogger(UnitOfWorkWatch.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        logger.addAppender(logged);
        try {
            run(message -> {
                Thread.sleep(10_000);
                return "never";
            });
        } finally {
            logger.detachAppender(logged);
        }

        List<ILoggingEvent> warnings = logged.list.stream().filter(event -> event.getLevel() == Level.WARN).toList();
        assertThat(warnings).isNotEmpty();
        assertThat(warnings.get(0).getFormattedMessage())
                .contains("unit of work of command bus", "will be interrupted in", "Thread.sleep");
        assertThat(logged.list).filteredOn(event -> event.getLevel() == Level.ERROR).singleElement()
                .extracting(ILoggingEvent::getFormattedMessage).asString()
                .contains("past its timeout of 300 ms", "Thread.sleep");
    }

    @Test
    void nestedUnit_isCoveredByItsRootsLimitOnce() {
        AtomicInteger watchedInNested = new AtomicInteger();

        run(message -> {
            UnitOfWork<Message<?>> nested = DefaultUnitOfWork.startAndGet(new GenericMessage<>("nested"));
            nested.executeWithResult(() -> new DefaultInterceptorChain<>(nested, List.of(timeLimit),
                    (MessageHandler<Message<?>>) inner -> {
                        watchedInNested.set(watch.runningCount());
                        return null;
                    }).proceed());
            return "done";
        });

        assertThat(watchedInNested).hasValue(1);
        assertThat(watch.runningCount()).isZero();
    }

    @Test
    void timeoutNotPositive_refused() {
        assertThatThrownBy(() -> new UnitOfWorkWatch(Duration.ZERO, Duration.ofSeconds(10), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private ResultMessage<?> run(MessageHandler<Message<?>> handler) {
        UnitOfWork<Message<?>> unitOfWork = DefaultUnitOfWork.startAndGet(new GenericMessage<>("post"));
        return unitOfWork.executeWithResult(
                () -> new DefaultInterceptorChain<>(unitOfWork, List.of(timeLimit), handler).proceed());
    }
}
