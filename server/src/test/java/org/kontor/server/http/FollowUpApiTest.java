package org.kontor.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Follow-up activities and support cases end to end, and what they put on the customer's views. */
class FollowUpApiTest extends CrmTestSupport {

    /** db-scheduler polls every 5 s in this server; a deadline fires within that after its due time. */
    private static final Duration DEADLINE_WAIT = Duration.ofSeconds(30);

    @Test
    void activityNotCompletedByItsDueTime_overdueInTheAssigneesListAndOnTheTimeline() throws Exception {
        String customerId = registerCustomer("Overdue GmbH");
        String assignee = "assignee-" + newId();
        String activityId = scheduleActivity(customerId, assignee, Instant.now().plusSeconds(1));

        JsonNode overdueList = getUntil(list -> list.get("items").size() == 1, DEADLINE_WAIT,
                "/api/activities?assigneeId={a}&status=OVERDUE&consistent=true", assignee);

        assertThat(overdueList.at("/items/0/id").asText()).isEqualTo(activityId);
        JsonNode timeline = get("/api/customers/{id}/timeline?consistent=true&types=ActivityOverdue", customerId);
        assertThat(timeline.at("/items/0/refId").asText()).isEqualTo(activityId);
        assertThat(timeline.at("/items/0/by").asText()).isEqualTo("system");
    }

    @Test
    void activityCompletedBeforeItsDueTime_completedAndNeverOverdue() {
        String customerId = registerCustomer("On Time GmbH");
        String activityId = scheduleActivity(customerId, "anna", Instant.now().plusSeconds(3600));

        post("/api/activities/" + activityId + "/complete", "{\"outcome\": \"Reached her\"}")
                .expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(2);

        JsonNode activity = get("/api/activities/{id}?consistent=true", activityId);
        assertThat(activity.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(activity.get("late").asBoolean()).isFalse();
    }

    @Test
    void completeAgainWithAnotherOutcome_unprocessableActivityAlreadyCompleted() {
        String activityId = scheduleActivity(registerCustomer("Twice Done AG"), "anna",
                Instant.now().plusSeconds(3600));
        post("/api/activities/" + activityId + "/complete", "{\"outcome\": \"Called\"}").expectStatus().isOk();

        post("/api/activities/" + activityId + "/complete", "{\"outcome\": \"Emailed\"}")
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("ACTIVITY_ALREADY_COMPLETED");
    }

    @Test
    void scheduleActivityWithoutTypeOrDueTime_badRequestNamingBoth() {
        post("/api/activities", "{\"customerId\": \"" + newId() + "\"}")
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'type')]").exists()
                .jsonPath("$.errors[?(@.field == 'dueAt')]").exists();
    }

    @Test
    void scheduleActivityForUnknownCustomer_notFound() {
        post("/api/activities", """
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
        String customerId = registerCustomer("Support GmbH");
        String caseId = openCase(customerId, "Pallets damaged");
        post("/api/cases/" + caseId + "/assign", "{\"assigneeId\": \"bob\"}").expectStatus().isOk();
        post("/api/cases/" + caseId + "/priority", "{\"priority\": \"URGENT\"}").expectStatus().isOk();

        JsonNode open = get("/api/customers/{id}?consistent=true", customerId);
        assertThat(open.at("/openCases/0/id").asText()).isEqualTo(caseId);
        assertThat(open.at("/openCases/0/priority").asText()).isEqualTo("URGENT");
        assertThat(open.at("/openCases/0/assigneeId").asText()).isEqualTo("bob");

        post("/api/cases/" + caseId + "/resolve", "{\"resolution\": \"Replaced\"}").expectStatus().isOk();

        assertThat(get("/api/customers/{id}?consistent=true", customerId).get("openCases")).isEmpty();
        JsonNode resolved = get("/api/cases/{id}?consistent=true", caseId);
        assertThat(resolved.get("status").asText()).isEqualTo("RESOLVED");
        assertThat(resolved.get("version").asLong()).isEqualTo(4);
    }

    @Test
    void resolveAgainDifferently_unprocessableCaseAlreadyResolved() {
        String caseId = openCase(registerCustomer("Resolved GmbH"), "Late delivery");
        post("/api/cases/" + caseId + "/resolve", "{\"resolution\": \"Delivered\"}").expectStatus().isOk();

        post("/api/cases/" + caseId + "/resolve", "{\"resolution\": \"Refunded\"}")
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("CASE_ALREADY_RESOLVED");
    }

    @Test
    void reopenOpenCase_unprocessableCaseNotResolved() {
        String caseId = openCase(registerCustomer("Open Case GmbH"), "Question");

        post("/api/cases/" + caseId + "/reopen", "{\"reason\": \"Again\"}")
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("CASE_NOT_RESOLVED");
    }

    @Test
    void reopenResolvedCase_openAgainInTheCustomersList() {
        String customerId = registerCustomer("Reopened GmbH");
        String caseId = openCase(customerId, "Broken");
        post("/api/cases/" + caseId + "/resolve", "{\"resolution\": \"Fixed\"}").expectStatus().isOk();

        post("/api/cases/" + caseId + "/reopen", "{\"reason\": \"Broken again\"}").expectStatus().isOk();

        JsonNode cases = get("/api/cases?customerId={id}&status=OPEN&consistent=true", customerId);
        assertThat(cases.at("/items/0/id").asText()).isEqualTo(caseId);
    }

    @Test
    void openCaseWithUnknownPriority_badRequest() {
        post("/api/cases", "{\"customerId\": \"" + newId() + "\", \"subject\": \"X\", \"priority\": \"ASAP\"}")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("INVALID_REQUEST");
    }

    @Test
    void employeeReport_activitiesAndWinsOfOneEmployee() {
        String employee = "employee-" + newId();
        String customerId = registerCustomer("Report GmbH");
        String activityId = scheduleActivity(customerId, employee, Instant.now().plusSeconds(3600));
        post("/api/activities/" + activityId + "/complete", "{}").expectStatus().isOk();
        markWon(openOpportunity(customerId, "700.00", employee));
        String today = LocalDate.now(ZoneOffset.UTC).toString();

        JsonNode report = get("/api/analytics/employees?from={from}&to={to}&consistent=true",
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
        post("/api/activities", """
                {"id": "%s", "customerId": "%s", "type": "CALL", "dueAt": "%s", "assigneeId": "%s",
                 "note": "Call back"}
                """.formatted(id, customerId, dueAt, assigneeId)).expectStatus().isCreated();
        return id;
    }

    private String openCase(String customerId, String subject) {
        String id = newId();
        post("/api/cases", """
                {"id": "%s", "customerId": "%s", "subject": "%s", "priority": "HIGH"}
                """.formatted(id, customerId, subject)).expectStatus().isCreated();
        return id;
    }
}
