package org.kontor.query.crm;

import java.util.Set;
import org.kontor.config.http.InvalidRequestException;
import org.kontor.config.http.Page;
import org.kontor.config.http.PageRequest;
import org.kontor.query.crm.PipelineQueries.FetchActivitiesQuery;
import org.kontor.query.crm.PipelineQueries.FetchActivityQuery;
import org.kontor.query.crm.PipelineQueries.FetchCaseQuery;
import org.kontor.query.crm.PipelineQueries.FetchCasesQuery;
import org.kontor.query.crm.PipelineViews.ActivityList;
import org.kontor.query.crm.PipelineViews.ActivityView;
import org.kontor.query.crm.PipelineViews.CaseList;
import org.kontor.query.crm.PipelineViews.CaseView;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Follow-up activities and support cases over HTTP: one item, or a filtered list (docs/api.md). */
@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
class FollowUpQueryController {

    private static final Set<String> ACTIVITY_STATUSES = Set.of("OPEN", "OVERDUE", "COMPLETED");
    private static final Set<String> CASE_STATUSES = Set.of("OPEN", "RESOLVED");

    private final ViewReads reads;

    FollowUpQueryController(ViewReads reads) {
        this.reads = reads;
    }

    @GetMapping("/activities/{activityId}")
    Mono<ResponseEntity<ActivityView>> activity(@PathVariable String activityId,
                                                @RequestParam(required = false) Boolean consistent,
                                                @RequestParam(required = false) Long minVersion) {
        return reads.one(new FetchActivityQuery(activityId), ActivityView.class, ActivityView::version,
                ActivityProjection.PROCESSOR, "activity", activityId, consistent, minVersion);
    }

    /** An assignee's list: {@code ?assigneeId=anna&status=OVERDUE}, by due time. */
    @GetMapping("/activities")
    Mono<Page<ActivityView>> activities(@RequestParam(required = false) String assigneeId,
                                        @RequestParam(required = false) String customerId,
                                        @RequestParam(required = false) String status,
                                        @RequestParam(required = false) Integer limit,
                                        @RequestParam(required = false) String cursor,
                                        @RequestParam(required = false) Boolean consistent) {
        checkFilters(assigneeId, customerId, status, ACTIVITY_STATUSES);
        PageRequest page = PageRequest.of(limit, cursor);
        FetchActivitiesQuery query = new FetchActivitiesQuery(assigneeId, customerId, status, page.limit(),
                page.cursorPosition());
        return reads.page(query, ActivityList.class, ActivityProjection.PROCESSOR, consistent);
    }

    @GetMapping("/cases/{caseId}")
    Mono<ResponseEntity<CaseView>> supportCase(@PathVariable String caseId,
                                               @RequestParam(required = false) Boolean consistent,
                                               @RequestParam(required = false) Long minVersion) {
        return reads.one(new FetchCaseQuery(caseId), CaseView.class, CaseView::version, CaseProjection.PROCESSOR,
                "case", caseId, consistent, minVersion);
    }

    @GetMapping("/cases")
    Mono<Page<CaseView>> cases(@RequestParam(required = false) String customerId,
                               @RequestParam(required = false) String assigneeId,
                               @RequestParam(required = false) String status,
                               @RequestParam(required = false) Integer limit,
                               @RequestParam(required = false) String cursor,
                               @RequestParam(required = false) Boolean consistent) {
        checkFilters(assigneeId, customerId, status, CASE_STATUSES);
        PageRequest page = PageRequest.of(limit, cursor);
        FetchCasesQuery query = new FetchCasesQuery(customerId, assigneeId, status, page.limit(),
                page.cursorPosition());
        return reads.page(query, CaseList.class, CaseProjection.PROCESSOR, consistent);
    }

    private static void checkFilters(String assigneeId, String customerId, String status, Set<String> statuses) {
        ViewReads.requireShort("assigneeId", assigneeId);
        ViewReads.requireShort("customerId", customerId);
        if (status != null && !statuses.contains(status)) {
            throw new InvalidRequestException("status", "must be one of " + String.join(", ", statuses.stream()
                    .sorted().toList()));
        }
    }
}
