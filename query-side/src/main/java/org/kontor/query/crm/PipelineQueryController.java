package org.kontor.query.crm;

import org.kontor.config.http.NotFoundException;
import org.kontor.query.crm.PipelineQueries.FetchCampaignQuery;
import org.kontor.query.crm.PipelineQueries.FetchLeadQuery;
import org.kontor.query.crm.PipelineQueries.FetchOpportunityQuery;
import org.kontor.query.crm.PipelineQueries.FetchPipelineQuery;
import org.kontor.query.crm.PipelineViews.CampaignView;
import org.kontor.query.crm.PipelineViews.LeadView;
import org.kontor.query.crm.PipelineViews.OpportunityView;
import org.kontor.query.crm.PipelineViews.PipelineView;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Leads, opportunities, campaigns and the pipeline over HTTP (API.md, CRM rows; docs/api.md). */
@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
class PipelineQueryController {

    private final ViewReads reads;

    PipelineQueryController(ViewReads reads) {
        this.reads = reads;
    }

    @GetMapping("/leads/{leadId}")
    Mono<ResponseEntity<LeadView>> lead(@PathVariable String leadId,
                                        @RequestParam(required = false) Boolean consistent,
                                        @RequestParam(required = false) Long minVersion) {
        return reads.one(new FetchLeadQuery(leadId), LeadView.class, LeadView::version, LeadProjection.PROCESSOR,
                "lead", leadId, consistent, minVersion);
    }

    @GetMapping("/opportunities/{opportunityId}")
    Mono<ResponseEntity<OpportunityView>> opportunity(@PathVariable String opportunityId,
                                                      @RequestParam(required = false) Boolean consistent,
                                                      @RequestParam(required = false) Long minVersion) {
        return reads.one(new FetchOpportunityQuery(opportunityId), OpportunityView.class, OpportunityView::version,
                OpportunityProjection.PROCESSOR, "opportunity", opportunityId, consistent, minVersion);
    }

    @GetMapping("/campaigns/{campaignId}")
    Mono<CampaignView> campaign(@PathVariable String campaignId,
                                @RequestParam(required = false) Boolean consistent) {
        ViewReads.requireShort("campaignId", campaignId);
        return reads.read(new FetchCampaignQuery(campaignId), CampaignView.class, CampaignProjection.PROCESSOR,
                        consistent)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("campaign", campaignId)));
    }

    @GetMapping("/pipeline")
    Mono<PipelineView> pipeline(@RequestParam(required = false) String ownerId,
                                @RequestParam(required = false) Boolean consistent) {
        ViewReads.requireShort("ownerId", ownerId);
        return reads.read(new FetchPipelineQuery(ownerId), PipelineView.class, PipelineProjection.PROCESSOR,
                consistent);
    }
}
