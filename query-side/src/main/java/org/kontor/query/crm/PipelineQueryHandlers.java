package org.kontor.query.crm;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.kontor.events.common.Money;
import org.kontor.events.crm.OpportunityStage;
import org.kontor.query.crm.PipelineQueries.FetchLeadQuery;
import org.kontor.query.crm.PipelineQueries.FetchOpportunityQuery;
import org.kontor.query.crm.PipelineQueries.FetchPipelineQuery;
import org.kontor.query.crm.PipelineViews.LeadView;
import org.kontor.query.crm.PipelineViews.OpportunityView;
import org.kontor.query.crm.PipelineViews.PipelineView;
import org.kontor.query.crm.PipelineViews.StageTotals;
import org.kontor.query.crm.PipelineViews.StageVisit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Answers the lead, opportunity and pipeline queries; each is one {@code _id} read. */
@Component
class PipelineQueryHandlers {

    private final MongoDatabase readStore;
    private final StageProbabilities probabilities;
    private final String salesCurrency;

    PipelineQueryHandlers(MongoDatabase readStore, StageProbabilities probabilities,
                          @Value("${erp.crm.currency:EUR}") String salesCurrency) {
        this.readStore = readStore;
        this.probabilities = probabilities;
        this.salesCurrency = salesCurrency;
    }

    @QueryHandler
    LeadView handle(FetchLeadQuery query) {
        Document lead = byId(LeadProjection.COLLECTION, query.leadId());
        return lead == null ? null : new LeadView(lead.getString("_id"), lead.getString("name"),
                lead.getString("company"), lead.getString("email"), lead.getString("source"),
                lead.getString("campaignId"), lead.getString("status"), lead.getString("customerId"),
                lead.getString("opportunityId"), lead.getString("disqualifiedReason"),
                Views.instant(lead, "capturedAt"), Views.version(lead));
    }

    @QueryHandler
    OpportunityView handle(FetchOpportunityQuery query) {
        Document opportunity = byId(OpportunityProjection.COLLECTION, query.opportunityId());
        if (opportunity == null) {
            return null;
        }
        List<StageVisit> history = opportunity.getList("stageHistory", Document.class, List.of()).stream()
                .map(PipelineQueryHandlers::visit)
                .toList();
        return new OpportunityView(opportunity.getString("_id"), opportunity.getString("customerId"),
                opportunity.getString("title"), Views.money(opportunity, "amountMinor"),
                Views.date(opportunity, "expectedCloseDate"), opportunity.getString("stage"),
                opportunity.getString("ownerId"), opportunity.getString("leadId"),
                opportunity.getString("campaignId"), opportunity.getString("lostReason"),
                Views.instant(opportunity, "openedAt"), Views.instant(opportunity, "closedAt"), history,
                Views.version(opportunity));
    }

    /** The pipeline; one that has no opportunity yet shows every stage empty. */
    @QueryHandler
    PipelineView handle(FetchPipelineQuery query) {
        String id = query.ownerId() == null ? PipelineProjection.ALL
                : PipelineProjection.ownerDocumentId(query.ownerId());
        Document pipeline = byId(PipelineProjection.COLLECTION, id);
        Document stages = pipeline == null ? new Document() : pipeline.get("stages", Document.class);
        String currency = pipeline == null ? salesCurrency : pipeline.getString("currency");
        List<StageTotals> totals = new ArrayList<>();
        long openCount = 0;
        long openAmount = 0;
        long openWeighted = 0;
        for (OpportunityStage stage : OpportunityStage.values()) {
            Document stageTotals = stages.get(stage.name(), Document.class);
            long count = Counters.read(stageTotals, "count");
            long amount = Counters.read(stageTotals, "amountMinor");
            long weighted = probabilities.weighted(stage, amount);
            totals.add(new StageTotals(stage.name(), probabilities.percentOf(stage), count,
                    decimal(amount, currency), decimal(weighted, currency)));
            if (stage.isOpen()) {
                openCount += count;
                openAmount += amount;
                openWeighted += weighted;
            }
        }
        StageTotals open = new StageTotals("OPEN", openAmount == 0 ? 0 : (int) (openWeighted * 100 / openAmount),
                openCount, decimal(openAmount, currency), decimal(openWeighted, currency));
        return new PipelineView(query.ownerId(), currency, totals, open);
    }

    private static StageVisit visit(Document visit) {
        Instant entered = Views.instant(visit, "enteredAt");
        Instant left = Views.instant(visit, "leftAt");
        return new StageVisit(visit.getString("stage"), entered, left,
                left == null ? null : left.getEpochSecond() - entered.getEpochSecond());
    }

    private static String decimal(long amountMinor, String currency) {
        return new Money(amountMinor, currency).toDecimalString();
    }

    private Document byId(String collection, String id) {
        return readStore.getCollection(collection).find(Filters.eq("_id", id)).first();
    }
}
