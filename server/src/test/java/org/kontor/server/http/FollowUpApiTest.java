package org.kontor.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Follow-up activities and support cases end to end, and what they put on the customer's views. */
class FollowUpApiTest extends HttpTestSupport {

    private CrmRequests crm;

    @BeforeEach
    void crmRequests() {
        crm = new CrmRequests(http);
    }


    /** db-scheduler polls every 5 s in this server; a deadline fires within that after its due time. */
    private static final Duration DEADLINE_WAIT = Duration.ofSeconds(30);

    @Test
    void activityNotCompletedByItsDueTime_overdueInTheAssigneesListAndOnTheTimeline() throws Exception {
        String customerId = crm.registerCustomer("Overdue GmbH");
        String assignee = "assignee-" + newId();
        String activityId = scheduleActivity(customerId, assignee, Instant.now().plusSeconds(1));

        JsonNode overdueList = crm.getUntil(list -> list.get("items").size() == 1, DEADLINE_WAIT,
                "/api/activities?assigneeId={a}&status=OVERDUE&consistent=true", assignee);

        assertThat(overdueList.at("/items/0/id").asText()).isEqualTo(activityId);
        JsonNode timeline = crm.get("/api/customers/{id}/timeline?consistent=true&types=ActivityOverdue", customerId);
        assertThat(timeline.at("/items/0/refId").asText()).isEqualTo(activityId);
        assertThat(timeline.at("/items/0/by").asText()).isEqualTo("system");
    }

    @Test
    void activityCompletedBeforeItsDueTime_completedAndNeverOverdue() {
        String customerId = crm.registerCustomer("On Time GmbH");
        String activityId = scheduleActivity(customerId, "anna", Instant.now().plusSeconds(3600));

        crm.post("/api/activities/" + activityId + "/complete", "{\"outcome\": \"Reached her\"}")
                .expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(2);

        JsonNode activity = crm.get("/api/activities/{id}?consistent=true", activityId);
        assertThat(activity.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(activity.get("late").asBoolean()).isFalse();
    }

    @Test
    void completeAgainWithAnotherOutcome_unprocessableActivityAlreadyCompleted() {
        String activityId = scheduleActivity(crm.registerCustomer("Twice Done AG"), "anna",
                Instant.now().plusSeconds(3600));
        crm.post("/api/activities/" + activityId + "/complete", "{\"outcome\": \"Called\"}").expectStatus().isOk();

        crm.post("/api/activities/" + activityId + "/complete", "{\"outcome\": \"Emailed\"}")
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("ACTIVITY_ALREADY_COMPLETED");
    }

    @Test
    void scheduleActivityWithoutTypeOrDueTime_badRequestNamingBoth() {
        crm.post("/api/activities", "{\"customerId\": \"" + newId() + "\"}")
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'type')]").exists()
                .jsonPath("$.errors[?(@.field == 'dueAt')]").exists();
    }

    @Test
    void scheduleActivityForUnknownCustomer_notFound() {
        crm.post("/api/activities", """
                {"customerId": "%s", "type": "CALL", "dueAt": "2026-12-01T10:00:00Z"}
                """.formatted(newId()))
                .expectStatus().isNotFound();
    }

    @Test
    void listActivitiesWithUnknownStatus_badRequest() {
        http.get().uri("/api/activities?status=LATE").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("status");
    }

    @Test
    void caseOpenedAssignedAndResolved_360ViewShowsItOnlyWhileOpen() {
        String customerId = crm.registerCustomer("Support GmbH");
        String caseId = openCase(customerId, "Pallets damaged");
        crm.post("/api/cases/" + caseId + "/assign", "{\"assigneeId\": \"bob\"}").expectStatus().isOk();
        crm.post("/api/cases/" + caseId + "/priority", "{\"priority\": \"URGENT\"}").expectStatus().isOk();

        JsonNode open = crm.get("/api/customers/{id}?consistent=true", customerId);
        assertThat(open.at("/openCases/0/id").asText()).isEqualTo(caseId);
        assertThat(open.at("/openCases/0/priority").asText()).isEqualTo("URGENT");
        assertThat(open.at("/openCases/0/assigneeId").asText()).isEqualTo("bob");

        crm.post("/api/cases/" + caseId + "/resolve", "{\"resolution\": \"Replaced\"}").expectStatus().isOk();

        assertThat(crm.get("/api/customers/{id}?consistent=true", customerId).get("openCases")).isEmpty();
        JsonNode resolved = crm.get("/api/cases/{id}?consistent=true", caseId);
        assertThat(resolved.get("status").asText()).isEqualTo("RESOLVED");
        assertThat(resolved.get("version").asLong()).isEqualTo(4);
    }

    @Test
    void resolveAgainDifferently_unprocessableCaseAlreadyResolved() {
        String caseId = openCase(crm.registerCustomer("Resolved GmbH"), "Late delivery");
        crm.post("/api/cases/" + caseId + "/resolve", "{\"resolution\": \"Delivered\"}").expectStatus().isOk();

        crm.post("/api/cases/" + caseId + "/resolve", "{\"resolution\": \"Refunded\"}")
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("CASE_ALREADY_RESOLVED");
    }

    @Test
    void reopenOpenCase_unprocessableCaseNotResolved() {
        String caseId = openCase(crm.registerCustomer("Open Case GmbH"), "Question");

        crm.post("/api/cases/" + caseId + "/reopen", "{\"reason\": \"Again\"}")
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("CASE_NOT_RESOLVED");
    }

    @Test
    void reopenResolvedCase_openAgainInTheCustomersList() {
        String customerId = crm.registerCustomer("Reopened GmbH");
        String caseId = openCase(customerId, "Broken");
        crm.post("/api/cases/" + caseId + "/resolve", "{\"resolution\": \"Fixed\"}").expectStatus().isOk();

        crm.post("/api/cases/" + caseId + "/reopen", "{\"reason\": \"Broken again\"}").expectStatus().isOk();

        JsonNode cases = crm.get("/api/cases?customerId={id}&status=OPEN&consistent=true", customerId);
        assertThat(cases.at("/items/0/id").asText()).isEqualTo(caseId);
    }

    @Test
    void openCaseWithUnknownPriority_badRequest() {
        crm.post("/api/cases", "{\"customerId\": \"" + newId() + "\", \"subject\": \"X\", \"priority\": \"ASAP\"}")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("INVALID_REQUEST");
    }

    @Test
    void employeeReport_activitiesAndWinsOfOneEmployee() {
        String employee = "employee-" + newId();
        String customerId = crm.registerCustomer("Report GmbH");
        String activityId = scheduleActivity(customerId, employee, Instant.now().plusSeconds(3600));
        crm.post("/api/activities/" + activityId + "/complete", "{}").expectStatus().isOk();
        crm.markWon(crm.openOpportunity(customerId, "700.00", employee));
        String today = LocalDate.now(ZoneOffset.UTC).toString();

        JsonNode report = crm.get("/api/analytics/employees?from={from}&to={to}&consistent=true",
                LocalDate.now(ZoneOffset.UTC).minusDays(1), LocalDate.now(ZoneOffset.UTC).plusDays(1));

        JsonNode row = null;
        for (JsonNode item : report.get("items")) {
            row = employee.equals(item.get("employeeId").asText()) ? item : row;
        }
        assertThat(row).as("a row for " + employee + " on " + today).isNotNull();
        assertThat(row.get("activitiesScheduled").asLong()).isEqualTo(1);
        assertThat(row.get("activitiesCompleted").asLong()).isEqualTo(1);
        assertThat(row.get("opportunitiesOpened").asLong()).isEqualTo(1);
        assertThat(row.get("opportunitiesWon").asLong()).isEqualTo(1);
        assertThat(row.at("/wonAmount/amount").asText()).isEqualTo("700.00");
    }

    @Test
    void funnelOverMoreThanAYear_badRequest() {
        http.get().uri("/api/analytics/funnel?from=2025-01-01&to=2026-06-01").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("to");
    }

    private String scheduleActivity(String customerId, String assigneeId, Instant dueAt) {
        String id = newId();
        crm.post("/api/activities", """
                {"id": "%s", "customerId": "%s", "type": "CALL", "dueAt": "%s", "assigneeId": "%s",
                 "note": "Call back"}
                """.formatted(id, customerId, dueAt, assigneeId)).expectStatus().isCreated();
        return id;
    }

    private String openCase(String customerId, String subject) {
        String id = newId();
        crm.post("/api/cases", """
                {"id": "%s", "customerId": "%s", "subject": "%s", "priority": "HIGH"}
                """.formatted(id, customerId, subject)).expectStatus().isCreated();
        return id;
    }
}
