package org.kontor.query.crm;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.kontor.query.crm.PipelineQueries.FetchActivitiesQuery;
import org.kontor.query.crm.PipelineQueries.FetchActivityQuery;
import org.kontor.query.crm.PipelineQueries.FetchCaseQuery;
import org.kontor.query.crm.PipelineQueries.FetchCasesQuery;
import org.kontor.query.crm.PipelineViews.ActivityList;
import org.kontor.query.crm.PipelineViews.ActivityView;
import org.kontor.query.crm.PipelineViews.CaseList;
import org.kontor.query.crm.PipelineViews.CaseView;
import org.springframework.stereotype.Component;

/**
 * Answers the activity and case queries. One item is an {@code _id} read; a list filters and pages
 * by sort key, a bounded page at a time (on a real MongoDB an index on the filter fields and
 * {@code sortKey} serves it; docs/operations.md lists them).
 */
@Component
class FollowUpQueryHandlers {

    private final MongoCollection<Document> activities;
    private final MongoCollection<Document> cases;

    FollowUpQueryHandlers(MongoDatabase readStore) {
        this.activities = readStore.getCollection(ActivityProjection.COLLECTION);
        this.cases = readStore.getCollection(CaseProjection.COLLECTION);
    }

    @QueryHandler
    ActivityView handle(FetchActivityQuery query) {
        Document activity = activities.find(Filters.eq("_id", query.activityId())).first();
        return activity == null ? null : toActivity(activity);
    }

    @QueryHandler
    ActivityList handle(FetchActivitiesQuery query) {
        List<Bson> conditions = new ArrayList<>();
        addIfSet(conditions, "assigneeId", query.assigneeId());
        addIfSet(conditions, "customerId", query.customerId());
        addIfSet(conditions, "status", query.status());
        SortedPage page = SortedPage.find(activities, conditions, query.afterSortKey(), query.limit());
        return new ActivityList(page.items().stream().map(FollowUpQueryHandlers::toActivity).toList(),
                page.lastSortKey());
    }

    @QueryHandler
    CaseView handle(FetchCaseQuery query) {
        Document supportCase = cases.find(Filters.eq("_id", query.caseId())).first();
        return supportCase == null ? null : toCase(supportCase);
    }

    @QueryHandler
    CaseList handle(FetchCasesQuery query) {
        List<Bson> conditions = new ArrayList<>();
        addIfSet(conditions, "customerId", query.customerId());
        addIfSet(conditions, "assigneeId", query.assigneeId());
        addIfSet(conditions, "status", query.status());
        SortedPage page = SortedPage.find(cases, conditions, query.afterSortKey(), query.limit());
        return new CaseList(page.items().stream().map(FollowUpQueryHandlers::toCase).toList(), page.lastSortKey());
    }

    private static void addIfSet(List<Bson> conditions, String field, String value) {
        if (value != null) {
            conditions.add(Filters.eq(field, value));
        }
    }

    private static ActivityView toActivity(Document activity) {
        return new ActivityView(activity.getString("_id"), activity.getString("customerId"),
                activity.getString("type"), Views.instant(activity, "dueAt"), activity.getString("assigneeId"),
                activity.getString("note"), activity.getString("status"), activity.getString("outcome"),
                activity.getBoolean("late"), Views.instant(activity, "completedAt"), Views.version(activity));
    }

    private static CaseView toCase(Document supportCase) {
        return new CaseView(supportCase.getString("_id"), supportCase.getString("customerId"),
                supportCase.getString("subject"), supportCase.getString("priority"),
                supportCase.getString("assigneeId"), supportCase.getString("status"),
                supportCase.getString("resolution"), Views.instant(supportCase, "openedAt"),
                Views.instant(supportCase, "resolvedAt"), Views.version(supportCase));
    }
}
