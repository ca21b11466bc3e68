package org.kontor.command.crm;

import static org.kontor.command.crm.CustomerRequests.trim;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.kontor.command.crm.FollowUpCommands.AssignCase;
import org.kontor.command.crm.FollowUpCommands.ChangeCasePriority;
import org.kontor.command.crm.FollowUpCommands.CompleteActivity;
import org.kontor.command.crm.FollowUpCommands.OpenCase;
import org.kontor.command.crm.FollowUpCommands.ReopenCase;
import org.kontor.command.crm.FollowUpCommands.ResolveCase;
import org.kontor.command.crm.FollowUpCommands.ScheduleActivity;
import org.kontor.command.crm.PipelineRequests.ActivityJson;
import org.kontor.command.crm.PipelineRequests.AssigneeJson;
import org.kontor.command.crm.PipelineRequests.CaseJson;
import org.kontor.command.crm.PipelineRequests.OutcomeJson;
import org.kontor.command.crm.PipelineRequests.PriorityJson;
import org.kontor.command.crm.PipelineRequests.ReasonJson;
import org.kontor.command.crm.PipelineRequests.ResolutionJson;
import org.kontor.config.http.CommandDispatcher;
import org.kontor.config.http.CommandOutcome.IdAndVersion;
import org.kontor.config.http.CommandResponses;
import org.kontor.config.http.InvalidRequestException.FieldProblem;
import org.kontor.config.http.Versions;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Follow-up activities and support cases over HTTP (API.md, CRM rows; docs/api.md for the additions). */
@RestController
@RequestMapping(path = "/api", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/*+json"},
        produces = MediaType.APPLICATION_JSON_VALUE)
class FollowUpCommandController {

    private final CommandDispatcher commands;

    FollowUpCommandController(CommandDispatcher commands) {
        this.commands = commands;
    }

    @PostMapping("/activities")
    Mono<ResponseEntity<IdAndVersion>> scheduleActivity(@RequestBody ActivityJson body, ServerWebExchange exchange) {
        List<FieldProblem> problems = new ArrayList<>();
        String activityId = CustomerRequests.idOrNew(body.id(), problems);
        PipelineRequests.reference(problems, "customerId", body.customerId(), true);
        PipelineRequests.required(problems, "type", body.type(), "CALL, EMAIL, MEETING or TASK");
        PipelineRequests.required(problems, "dueAt", body.dueAt(), "an ISO 8601 instant such as 2026-03-01T09:30:00Z");
        PipelineRequests.reference(problems, "assigneeId", body.assigneeId(), false);
        CustomerRequests.optionalText(problems, "note", body.note(), CustomerRequests.MAX_TEXT_LENGTH);
        CustomerRequests.throwIfAny(problems);
        ScheduleActivity command = new ScheduleActivity(activityId, body.customerId().trim(), body.type(),
                body.dueAt(), trim(body.assigneeId()), body.note());
        return commands.send(exchange, command)
                .map(outcome -> CommandResponses.created(outcome, URI.create("/api/activities/" + activityId)));
    }

    @PostMapping("/activities/{activityId}/complete")
    Mono<ResponseEntity<IdAndVersion>> completeActivity(@PathVariable String activityId,
                                                        @RequestBody OutcomeJson body, ServerWebExchange exchange) {
        List<FieldProblem> problems = new ArrayList<>();
        CustomerRequests.optionalText(problems, "outcome", body.outcome(), CustomerRequests.MAX_TEXT_LENGTH);
        CustomerRequests.throwIfAny(problems);
        return commands.send(exchange, new CompleteActivity(activityId, trim(body.outcome()),
                        Versions.expectedAggregateVersion(exchange)))
                .map(CommandResponses::accepted);
    }

    @PostMapping("/cases")
    Mono<ResponseEntity<IdAndVersion>> openCase(@RequestBody CaseJson body, ServerWebExchange exchange) {
        List<FieldProblem> problems = new ArrayList<>();
        String caseId = CustomerRequests.idOrNew(body.id(), problems);
        PipelineRequests.reference(problems, "customerId", body.customerId(), true);
        CustomerRequests.requiredText(problems, "subject", body.subject(), CustomerRequests.MAX_NAME_LENGTH);
        PipelineRequests.required(problems, "priority", body.priority(), "LOW, NORMAL, HIGH or URGENT");
        PipelineRequests.reference(problems, "assigneeId", body.assigneeId(), false);
        CustomerRequests.throwIfAny(problems);
        OpenCase command = new OpenCase(caseId, body.customerId().trim(), body.subject().trim(), body.priority(),
                trim(body.assigneeId()));
        return commands.send(exchange, command)
                .map(outcome -> CommandResponses.created(outcome, URI.create("/api/cases/" + caseId)));
    }

    @PostMapping("/cases/{caseId}/assign")
    Mono<ResponseEntity<IdAndVersion>> assignCase(@PathVariable String caseId, @RequestBody AssigneeJson body,
                                                  ServerWebExchange exchange) {
        List<FieldProblem> problems = new ArrayList<>();
        PipelineRequests.reference(problems, "assigneeId", body.assigneeId(), true);
        CustomerRequests.throwIfAny(problems);
        return commands.send(exchange, new AssignCase(caseId, body.assigneeId().trim(),
                        Versions.expectedAggregateVersion(exchange)))
                .map(CommandResponses::accepted);
    }

    @PostMapping("/cases/{caseId}/priority")
    Mono<ResponseEntity<IdAndVersion>> changePriority(@PathVariable String caseId, @RequestBody PriorityJson body,
                                                      ServerWebExchange exchange) {
        List<FieldProblem> problems = new ArrayList<>();
        PipelineRequests.required(problems, "priority", body.priority(), "LOW, NORMAL, HIGH or URGENT");
        CustomerRequests.throwIfAny(problems);
        return commands.send(exchange, new ChangeCasePriority(caseId, body.priority(),
                        Versions.expectedAggregateVersion(exchange)))
                .map(CommandResponses::accepted);
    }

    @PostMapping("/cases/{caseId}/resolve")
    Mono<ResponseEntity<IdAndVersion>> resolveCase(@PathVariable String caseId, @RequestBody ResolutionJson body,
                                                   ServerWebExchange exchange) {
        String resolution = PipelineRequests.requiredLine("resolution", body.resolution());
        return commands.send(exchange, new ResolveCase(caseId, resolution, Versions.expectedAggregateVersion(exchange))).map(CommandResponses::accepted);
    }

    @PostMapping("/cases/{caseId}/reopen")
    Mono<ResponseEntity<IdAndVersion>> reopenCase(@PathVariable String caseId, @RequestBody ReasonJson body,
                                                  ServerWebExchange exchange) {
        String reason = PipelineRequests.requiredLine("reason", body.reason());
        return commands.send(exchange, new ReopenCase(caseId, reason, Versions.expectedAggregateVersion(exchange))).map(CommandResponses::accepted);
    }
}
