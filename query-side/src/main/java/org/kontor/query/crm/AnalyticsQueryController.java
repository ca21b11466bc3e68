package org.kontor.query.crm;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.kontor.config.http.InvalidRequestException;
import org.kontor.config.http.Page;
import org.kontor.config.http.PageRequest;
import org.kontor.query.crm.PipelineQueries.FetchCampaignAnalyticsQuery;
import org.kontor.query.crm.PipelineQueries.FetchEmployeeReportQuery;
import org.kontor.query.crm.PipelineQueries.FetchFunnelQuery;
import org.kontor.query.crm.PipelineViews.CampaignList;
import org.kontor.query.crm.PipelineViews.CampaignView;
import org.kontor.query.crm.PipelineViews.EmployeeReport;
import org.kontor.query.crm.PipelineViews.FunnelView;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The sales analytics over HTTP: funnel, campaigns, employees (API.md, CRM rows; docs/api.md). Date
 * ranges are inclusive, in days of the UTC calendar on which the events were recorded, and span at
 * most {@value AnalyticsQueryHandlers#MAX_DAYS} days.
 */
@RestController
@RequestMapping(path = "/api/analytics", produces = MediaType.APPLICATION_JSON_VALUE)
class AnalyticsQueryController {

    private final ViewReads reads;

    AnalyticsQueryController(ViewReads reads) {
        this.reads = reads;
    }

    @GetMapping("/funnel")
    Mono<FunnelView> funnel(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                            @RequestParam(required = false) Boolean consistent) {
        LocalDate fromDate = requiredDate("from", from);
        LocalDate toDate = requiredDate("to", to);
        checkRange(fromDate, toDate);
        return reads.read(new FetchFunnelQuery(fromDate, toDate), FunnelView.class, SalesDayProjection.PROCESSOR,
                consistent);
    }

    @GetMapping("/employees")
    Mono<EmployeeReport> employees(@RequestParam(required = false) String from,
                                   @RequestParam(required = false) String to,
                                   @RequestParam(required = false) Boolean consistent) {
        LocalDate fromDate = requiredDate("from", from);
        LocalDate toDate = requiredDate("to", to);
        checkRange(fromDate, toDate);
        return reads.read(new FetchEmployeeReportQuery(fromDate, toDate), EmployeeReport.class,
                SalesDayProjection.PROCESSOR, consistent);
    }

    /** Campaigns running on some day of the range (any campaign without one), a page at a time. */
    @GetMapping("/campaigns")
    Mono<Page<CampaignView>> campaigns(@RequestParam(required = false) String from,
                                       @RequestParam(required = false) String to,
                                       @RequestParam(required = false) Integer limit,
                                       @RequestParam(required = false) String cursor,
                                       @RequestParam(required = false) Boolean consistent) {
        LocalDate fromDate = from == null ? null : date("from", from);
        LocalDate toDate = to == null ? null : date("to", to);
        if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            throw new InvalidRequestException("to", "must not be before from");
        }
        PageRequest page = PageRequest.of(limit, cursor);
        FetchCampaignAnalyticsQuery query = new FetchCampaignAnalyticsQuery(fromDate, toDate, page.limit(),
                page.cursorPosition());
        return reads.read(query, CampaignList.class, CampaignProjection.PROCESSOR, consistent)
                .map(found -> new Page<>(found.items(), found.lastCampaignId() == null ? null
                        : PageRequest.encodeCursor(found.lastCampaignId())));
    }

    private static void checkRange(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new InvalidRequestException("to", "must not be before from");
        }
        if (!to.isBefore(from.plusDays(AnalyticsQueryHandlers.MAX_DAYS))) {
            throw new InvalidRequestException("to", "must be less than " + AnalyticsQueryHandlers.MAX_DAYS
                    + " days after from");
        }
    }

    private static LocalDate requiredDate(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException(field, "is required: a date such as 2026-03-01");
        }
        return date(field, value);
    }

    private static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException notADate) {
            throw new InvalidRequestException(field, "must be a date written YYYY-MM-DD");
        }
    }
}
