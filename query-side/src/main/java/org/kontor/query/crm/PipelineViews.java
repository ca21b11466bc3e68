package org.kontor.query.crm;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.kontor.config.http.MoneyJson;

/** The shapes clients read from the pipeline, follow-up and analytics views. */
public final class PipelineViews {

    private PipelineViews() {
    }

    /** {@code status}: NEW, QUALIFIED or DISQUALIFIED. */
    public record LeadView(String id, String name, String company, String email, String source, String campaignId,
                           String status, String customerId, String opportunityId, String disqualifiedReason,
                           Instant capturedAt, long version) {
    }

    public record OpportunityView(String id, String customerId, String title, MoneyJson amount,
                                  LocalDate expectedCloseDate, String stage, String ownerId, String leadId,
                                  String campaignId, String lostReason, Instant openedAt, Instant closedAt,
                                  List<StageVisit> stageHistory, long version) {
    }

    /**
     * A stage the opportunity was in: when it entered and left it and the seconds in between;
     * {@code leftAt} and {@code secondsInStage} are null for the stage it is in.
     */
    public record StageVisit(String stage, Instant enteredAt, Instant leftAt, Long secondsInStage) {
    }

    /** {@code status}: OPEN, OVERDUE or COMPLETED. */
    public record ActivityView(String id, String customerId, String type, Instant dueAt, String assigneeId,
                               String note, String status, String outcome, Boolean late, Instant completedAt,
                               long version) {
    }

    /** A page of a list ordered by sort key, and the key to continue after (null on the last page). */
    public interface SortedList<T> {

        List<T> items();

        String lastSortKey();
    }

    public record ActivityList(List<ActivityView> items, String lastSortKey) implements SortedList<ActivityView> {
    }

    /** {@code status}: OPEN or RESOLVED. */
    public record CaseView(String id, String customerId, String subject, String priority, String assigneeId,
                           String status, String resolution, Instant openedAt, Instant resolvedAt, long version) {
    }

    public record CaseList(List<CaseView> items, String lastSortKey) implements SortedList<CaseView> {
    }

    /**
     * The pipeline per stage, amounts in {@code currency}; {@code open} sums the four open stages.
     * {@code ownerId} is null for the whole company's pipeline.
     */
    public record PipelineView(String ownerId, String currency, List<StageTotals> stages, StageTotals open) {
    }

    /** {@code probability} in percent; {@code weightedAmount} is {@code amount} times it. */
    public record StageTotals(String stage, int probability, long count, String amount, String weightedAmount) {
    }

    /**
     * A campaign and what came of it. Costs are the budget divided by the leads and by the won deals
     * (null without a budget or before the first lead or win).
     */
    public record CampaignView(String id, String name, String channel, MoneyJson budget, LocalDate startsOn,
                               LocalDate endsOn, long leads, long qualified, long disqualified, long opportunities,
                               long won, long lost, MoneyJson wonAmount, MoneyJson costPerLead,
                               MoneyJson costPerWonDeal) {
    }

    public record CampaignList(List<CampaignView> items, String lastCampaignId) {
    }

    /**
     * What happened in a date range, step by step: leads captured, leads qualified, opportunities
     * opened (from leads or directly), opportunities won. Rates are each step over the one before
     * (null when that is zero), as decimals with four places.
     */
    public record FunnelView(LocalDate from, LocalDate to, long leads, long qualified, long opportunities, long won,
                             MoneyJson wonAmount, ConversionRates conversion) {
    }

    public record ConversionRates(BigDecimal leadToQualified, BigDecimal qualifiedToOpportunity,
                                  BigDecimal opportunityToWon, BigDecimal leadToWon) {
    }

    public record EmployeeReport(LocalDate from, LocalDate to, List<EmployeeRow> items) {
    }

    /** One employee's work in a range; {@code winRate} is won over won and lost (null without either). */
    public record EmployeeRow(String employeeId, long activitiesScheduled, long activitiesCompleted,
                              long activitiesOverdue, long interactions, long casesResolved,
                              long opportunitiesOpened, long opportunitiesWon, long opportunitiesLost,
                              MoneyJson wonAmount, BigDecimal winRate) {
    }
}
