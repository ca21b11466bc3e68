package org.kontor.config.axon;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps Axon's event processor timers and counters to one series per processor. Axon's dimensional
 * metrics tag them with the event's payload type too, and give every timer six client-side
 * percentiles: with 26 processors and as many event types that was 2,700 timers, a 4 MiB scrape,
 * and four percentile recordings per event in every processor, including the processors that
 * ignore it. Per processor is what an operator watches (is it failing, how long do its batches
 * take); per event type the command bus's metrics still tell. The percentiles are left to
 * Prometheus ({@code histogram_quantile} over the buckets, when an operator turns them on).
 * Gauges ({@code eventProcessor_latency}, {@code _capacity}) keep their tags: a gauge collapsed into
 * another would report only one of them.
 */
@Configuration(proxyBeanMethods = false)
public class ProcessorMetricsFilter {

    static final String PREFIX = "eventProcessor";
    static final String PAYLOAD_TYPE = "payloadType";

    @Bean
    MeterFilter eventProcessorSeriesPerProcessor() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                if (!isProcessorTimerOrCounter(id)) {
                    return id;
                }
                List<Tag> kept = id.getTags().stream().filter(tag -> !tag.getKey().equals(PAYLOAD_TYPE)).toList();
                return id.replaceTags(kept);
            }

            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!isProcessorTimerOrCounter(id)) {
                    return config;
                }
                return DistributionStatisticConfig.builder().percentiles(new double[0]).build().merge(config);
            }
        };
    }

    static boolean isProcessorTimerOrCounter(Meter.Id id) {
        return id.getName().startsWith(PREFIX)
                && (id.getType() == Meter.Type.TIMER || id.getType() == Meter.Type.COUNTER);
    }
}
