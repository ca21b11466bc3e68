package org.kontor.query.crm;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The queries of the pipeline, follow-up and analytics views. Lists carry an explicit limit; date
 * ranges are bounded by the controller ({@link AnalyticsQueryHandlers#MAX_DAYS} days).
 */
public final class PipelineQueries {

    private PipelineQueries() {
    }

    public record FetchLeadQuery(String leadId) {

        public FetchLeadQuery {
            Objects.requireNonNull(leadId, "leadId");
        }
    }

    public record FetchOpportunityQuery(String opportunityId) {

        public FetchOpportunityQuery {
            Objects.requireNonNull(opportunityId, "opportunityId");
        }
    }

    public record FetchCampaignQuery(String campaignId) {

        public FetchCampaignQuery {
            Objects.requireNonNull(campaignId, "campaignId");
        }
    }

    /** The pipeline of one owner, or of everyone when {@code ownerId} is null. */
    public record FetchPipelineQuery(String ownerId) {
    }

    public record FetchActivityQuery(String activityId) {

        public FetchActivityQuery {
            Objects.requireNonNull(activityId, "activityId");
        }
    }

    /** Activities by due time; every filter is optional. */
    public record FetchActivitiesQuery(String assigneeId, String customerId, String status, int limit,
                                       String afterSortKey) {

        public FetchActivitiesQuery {
            requirePositive(limit);
        }
    }

    public record FetchCaseQuery(String caseId) {

        public FetchCaseQuery {
            Objects.requireNonNull(caseId, "caseId");
        }
    }

    /** Cases by the time they were opened; every filter is optional. */
    public record FetchCasesQuery(String customerId, String assigneeId, String status, int limit,
                                  String afterSortKey) {

        public FetchCasesQuery {
            requirePositive(limit);
        }
    }

    /** The funnel over the days {@code from} to {@code to}, inclusive. */
    public record FetchFunnelQuery(LocalDate from, LocalDate to) {

        public FetchFunnelQuery {
            requireRange(from, to);
        }
    }

    /** The employee report over the days {@code from} to {@code to}, inclusive. */
    public record FetchEmployeeReportQuery(LocalDate from, LocalDate to) {

        public FetchEmployeeReportQuery {
            requireRange(from, to);
        }
    }

    /** Campaigns that run on some day of {@code from} to {@code to} (either may be open), by id. */
    public record FetchCampaignAnalyticsQuery(LocalDate from, LocalDate to, int limit, String afterCampaignId) {

        public FetchCampaignAnalyticsQuery {
            requirePositive(limit);
        }
    }

    private static void requirePositive(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
    }

    private static void requireRange(LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the range ends before it starts");
        }
    }
}
