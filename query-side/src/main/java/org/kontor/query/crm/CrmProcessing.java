package org.kontor.query.crm;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.eventhandling.async.SequentialPolicy;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * The analytics views (pipeline, campaigns, sales days) add up events of many aggregates into a
 * few documents: two events for one document must never be applied concurrently in two segments,
 * so each of those views handles its events in one sequence. The lead view is keyed by lead, while
 * the default policy sequences a qualified lead by its customer: it is sequenced by lead instead, so
 * a lead's qualification is never applied before its capture.
 */
@Configuration(proxyBeanMethods = false)
class CrmProcessing {

    @Autowired
    void sequenceViews(EventProcessingConfigurer processing) {
        processing.registerSequencingPolicy(PipelineProjection.PROCESSOR, configuration -> new SequentialPolicy());
        processing.registerSequencingPolicy(CampaignProjection.PROCESSOR, configuration -> new SequentialPolicy());
        processing.registerSequencingPolicy(SalesDayProjection.PROCESSOR, configuration -> new SequentialPolicy());
        processing.registerSequencingPolicy(LeadProjection.PROCESSOR,
                configuration -> SequentialPerAggregatePolicy.instance());
    }
}
