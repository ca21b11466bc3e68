package org.kontor.query.crm;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.kontor.config.http.MoneyJson;
import org.kontor.events.common.Money;
import org.kontor.query.crm.PipelineQueries.FetchCampaignAnalyticsQuery;
import org.kontor.query.crm.PipelineQueries.FetchCampaignQuery;
import org.kontor.query.crm.PipelineQueries.FetchEmployeeReportQuery;
import org.kontor.query.crm.PipelineQueries.FetchFunnelQuery;
import org.kontor.query.crm.PipelineViews.CampaignList;
import org.kontor.query.crm.PipelineViews.CampaignView;
import org.kontor.query.crm.PipelineViews.ConversionRates;
import org.kontor.query.crm.PipelineViews.EmployeeReport;
import org.kontor.query.crm.PipelineViews.EmployeeRow;
import org.kontor.query.crm.PipelineViews.FunnelView;
import org.springframework.stereotype.Component;

/**
 * Answers the analytics queries from their projections: a date range reads one day document per
 * day ({@value #MAX_DAYS} at most), a campaign is one document.
 */
@Component
class AnalyticsQueryHandlers {

    static final int MAX_DAYS = 366;
    private static final List<String> EMPLOYEE_COUNTERS = List.of("activitiesScheduled", "activitiesCompleted",
            "activitiesOverdue", "interactions", "casesResolved", "opportunitiesOpened", "opportunitiesWon",
            "opportunitiesLost", "wonAmountMinor");

    private final MongoCollection<Document> days;
    private final MongoCollection<Document> campaigns;

    AnalyticsQueryHandlers(MongoDatabase readStore) {
        this.days = readStore.getCollection(SalesDayProjection.COLLECTION);
        this.campaigns = readStore.getCollection(CampaignProjection.COLLECTION);
    }

    @QueryHandler
    FunnelView handle(FetchFunnelQuery query) {
        Document sum = new Document();
        for (Document day : daysBetween(query.from(), query.to())) {
            for (String counter : List.of("leads", "qualified", "opportunities", "won", "wonAmountMinor")) {
                Counters.add(sum, counter, Counters.read(day, counter));
            }
            sum.putIfAbsent("currency", day.getString("currency"));
        }
        long leads = Counters.read(sum, "leads");
        long qualified = Counters.read(sum, "qualified");
        long opportunities = Counters.read(sum, "opportunities");
        long won = Counters.read(sum, "won");
        return new FunnelView(query.from(), query.to(), leads, qualified, opportunities, won,
                Views.money(sum, "wonAmountMinor"), new ConversionRates(rate(qualified, leads),
                rate(opportunities, qualified), rate(won, opportunities), rate(won, leads)));
    }

    @QueryHandler
    EmployeeReport handle(FetchEmployeeReportQuery query) {
        Map<String, Document> byEmployee = new TreeMap<>();
        String currency = null;
        for (Document day : daysBetween(query.from(), query.to())) {
            currency = currency != null ? currency : day.getString("currency");
            for (Document row : day.getList(SalesDayProjection.EMPLOYEES, Document.class, List.of())) {
                Document sum = byEmployee.computeIfAbsent(row.getString(SalesDayProjection.EMPLOYEE_ID),
                        id -> new Document());
                EMPLOYEE_COUNTERS.forEach(counter -> Counters.add(sum, counter, Counters.read(row, counter)));
            }
        }
        List<EmployeeRow> rows = new ArrayList<>();
        for (Map.Entry<String, Document> entry : byEmployee.entrySet()) {
            Document sum = entry.getValue().append("currency", currency);
            long wonCount = Counters.read(sum, "opportunitiesWon");
            long lost = Counters.read(sum, "opportunitiesLost");
            rows.add(new EmployeeRow(entry.getKey(), Counters.read(sum, "activitiesScheduled"),
                    Counters.read(sum, "activitiesCompleted"), Counters.read(sum, "activitiesOverdue"),
                    Counters.read(sum, "interactions"), Counters.read(sum, "casesResolved"),
                    Counters.read(sum, "opportunitiesOpened"), wonCount, lost,
                    wonCount == 0 ? null : Views.money(sum, "wonAmountMinor"), rate(wonCount, wonCount + lost)));
        }
        return new EmployeeReport(query.from(), query.to(), rows);
    }

    @QueryHandler
    CampaignView handle(FetchCampaignQuery query) {
        Document campaign = campaigns.find(Filters.eq("_id", query.campaignId())).first();
        return campaign == null ? null : toCampaign(campaign);
    }

    /** Campaigns by id whose run (start to end, or open-ended) meets the range. */
    @QueryHandler
    CampaignList handle(FetchCampaignAnalyticsQuery query) {
        List<Bson> conditions = new ArrayList<>();
        if (query.to() != null) {
            conditions.add(Filters.lte("startsOn", query.to().toString()));
        }
        if (query.from() != null) {
            conditions.add(Filters.or(Filters.eq("endsOn", null), Filters.gte("endsOn", query.from().toString())));
        }
        if (query.afterCampaignId() != null) {
            conditions.add(Filters.gt("_id", query.afterCampaignId()));
        }
        Bson filter = conditions.isEmpty() ? new Document() : Filters.and(conditions);
        List<Document> found = campaigns.find(filter).sort(Sorts.ascending("_id")).limit(query.limit() + 1)
                .into(new ArrayList<>());
        boolean more = found.size() > query.limit();
        List<Document> page = more ? found.subList(0, query.limit()) : found;
        return new CampaignList(page.stream().map(AnalyticsQueryHandlers::toCampaign).toList(),
                more ? page.get(page.size() - 1).getString("_id") : null);
    }

    private List<Document> daysBetween(LocalDate from, LocalDate to) {
        if (from.plusDays(MAX_DAYS).isBefore(to.plusDays(1))) {
            throw new IllegalArgumentException("a range spans at most " + MAX_DAYS + " days");
        }
        List<String> ids = from.datesUntil(to.plusDays(1)).map(LocalDate::toString).toList();
        return days.find(Filters.in("_id", ids)).into(new ArrayList<>());
    }

    private static CampaignView toCampaign(Document campaign) {
        long leads = Counters.read(campaign, "leads");
        long won = Counters.read(campaign, "won");
        return new CampaignView(campaign.getString("_id"), campaign.getString("name"),
                campaign.getString("channel"), Views.money(campaign, "budgetMinor"), Views.date(campaign, "startsOn"),
                Views.date(campaign, "endsOn"), leads, Counters.read(campaign, "qualified"),
                Counters.read(campaign, "disqualified"), Counters.read(campaign, "opportunities"), won,
                Counters.read(campaign, "lost"), Views.money(campaign, "wonAmountMinor"),
                costPer(campaign, leads), costPer(campaign, won));
    }

    /** The budget shared by {@code count}, rounded half up to a minor unit; null without either. */
    private static MoneyJson costPer(Document campaign, long count) {
        Number budget = campaign.get("budgetMinor", Number.class);
        if (budget == null || count == 0) {
            return null;
        }
        long share = BigDecimal.valueOf(budget.longValue())
                .divide(BigDecimal.valueOf(count), 0, RoundingMode.HALF_UP).longValueExact();
        return MoneyJson.of(new Money(share, campaign.getString("currency")));
    }

    private static BigDecimal rate(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}
