package org.kontor.command.crm;

import static org.kontor.command.crm.CustomerRequests.trim;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.kontor.command.crm.PipelineCommands.CaptureLead;
import org.kontor.command.crm.PipelineCommands.ChangeOpportunityStage;
import org.kontor.command.crm.PipelineCommands.DisqualifyLead;
import org.kontor.command.crm.PipelineCommands.MarkOpportunityLost;
import org.kontor.command.crm.PipelineCommands.MarkOpportunityWon;
import org.kontor.command.crm.PipelineCommands.OpenOpportunity;
import org.kontor.command.crm.PipelineCommands.OpportunityDraft;
import org.kontor.command.crm.PipelineCommands.PlanCampaign;
import org.kontor.command.crm.PipelineCommands.QualifyLead;
import org.kontor.command.crm.PipelineRequests.CampaignJson;
import org.kontor.command.crm.PipelineRequests.LeadJson;
import org.kontor.command.crm.PipelineRequests.OpportunityDraftJson;
import org.kontor.command.crm.PipelineRequests.OpportunityJson;
import org.kontor.command.crm.PipelineRequests.QualifyJson;
import org.kontor.command.crm.PipelineRequests.ReasonJson;
import org.kontor.command.crm.PipelineRequests.StageJson;
import org.kontor.config.http.CommandDispatcher;
import org.kontor.config.http.CommandOutcome.IdAndVersion;
import org.kontor.config.http.CommandResponses;
import org.kontor.config.http.InvalidRequestException.FieldProblem;
import org.kontor.config.http.Versions;
import org.kontor.events.common.Money;
import org.kontor.events.crm.OpportunityStage;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The sales pipeline commands over HTTP: campaigns, leads, opportunities (API.md, CRM rows). */
@RestController
@RequestMapping(path = "/api", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/*+json"},
        produces = MediaType.APPLICATION_JSON_VALUE)
class PipelineCommandController {

    private final CommandDispatcher commands;

    PipelineCommandController(CommandDispatcher commands) {
        this.commands = commands;
    }

    @PostMapping("/campaigns")
    Mono<ResponseEntity<IdAndVersion>> planCampaign(@RequestBody CampaignJson body, ServerWebExchange exchange) {
        List<FieldProblem> problems = new ArrayList<>();
        String campaignId = CustomerRequests.idOrNew(body.id(), problems);
        CustomerRequests.requiredText(problems, "name", body.name(), CustomerRequests.MAX_NAME_LENGTH);
        CustomerRequests.requiredText(problems, "channel", body.channel(), CustomerRequests.MAX_TAG_LENGTH);
        Money budget = PipelineRequests.amount(problems, "budget", body.budget(), false);
        PipelineRequests.required(problems, "startsOn", body.startsOn(), "a date such as 2026-03-01");
        if (body.startsOn() != null && body.endsOn() != null && body.endsOn().isBefore(body.startsOn())) {
            problems.add(new FieldProblem("endsOn", "must not be before startsOn"));
        }
        CustomerRequests.throwIfAny(problems);
        PlanCampaign command = new PlanCampaign(campaignId, body.name().trim(), body.channel().trim(), budget,
                body.startsOn(), body.endsOn());
        return commands.send(exchange, command)
                .map(outcome -> CommandResponses.created(outcome, URI.create("/api/campaigns/" + campaignId)));
    }

    @PostMapping("/leads")
    Mono<ResponseEntity<IdAndVersion>> captureLead(@RequestBody LeadJson body, ServerWebExchange exchange) {
        List<FieldProblem> problems = new ArrayList<>();
        String leadId = CustomerRequests.idOrNew(body.id(), problems);
        CustomerRequests.requiredText(problems, "name", body.name(), CustomerRequests.MAX_NAME_LENGTH);
        CustomerRequests.optionalText(problems, "company", body.company(), CustomerRequests.MAX_NAME_LENGTH);
        CustomerRequests.optionalText(problems, "email", body.email(), CustomerRequests.MAX_NAME_LENGTH);
        CustomerRequests.optionalText(problems, "source", body.source(), CustomerRequests.MAX_TAG_LENGTH);
        PipelineRequests.reference(problems, "campaignId", body.campaignId(), false);
        CustomerRequests.throwIfAny(problems);
        CaptureLead command = new CaptureLead(leadId, body.name().trim(), trim(body.company()), trim(body.email()),
                trim(body.source()), trim(body.campaignId()));
        return commands.send(exchange, command)
                .map(outcome -> CommandResponses.created(outcome, URI.create("/api/leads/" + leadId)));
    }

    /**
     * 201 with the opportunity (or the customer) as {@code Location} the first time; a retry of the
     * same qualification answers 200 with the same body.
     */
    @PostMapping("/leads/{leadId}/qualify")
    Mono<ResponseEntity<QualifiedLead>> qualifyLead(@PathVariable String leadId, @RequestBody QualifyJson body,
                                                    ServerWebExchange exchange) {
        List<FieldProblem> problems = new ArrayList<>();
        PipelineRequests.reference(problems, "customerId", body.customerId(), false);
        OpportunityDraft draft = draft(body.opportunity(), problems);
        CustomerRequests.throwIfAny(problems);
        QualifyLead command = new QualifyLead(leadId, trim(body.customerId()), draft);
        String customerId = LeadQualification.customerIdOf(command);
        String opportunityId = LeadQualification.opportunityIdOf(command);
        return commands.send(exchange, command)
                .map(outcome -> ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK)
                        .location(URI.create(opportunityId != null ? "/api/opportunities/" + opportunityId
                                : "/api/customers/" + customerId))
                        .eTag(Versions.etag(outcome.version()))
                        .body(new QualifiedLead(outcome.id(), outcome.version(), customerId, opportunityId)));
    }

    @PostMapping("/leads/{leadId}/disqualify")
    Mono<ResponseEntity<IdAndVersion>> disqualifyLead(@PathVariable String leadId, @RequestBody ReasonJson body,
                                                      ServerWebExchange exchange) {
        String reason = PipelineRequests.requiredLine("reason", body.reason());
        return commands.send(exchange, new DisqualifyLead(leadId, reason, Versions.expectedAggregateVersion(exchange))).map(CommandResponses::accepted);
    }

    @PostMapping("/opportunities")
    Mono<ResponseEntity<IdAndVersion>> openOpportunity(@RequestBody OpportunityJson body,
                                                       ServerWebExchange exchange) {
        List<FieldProblem> problems = new ArrayList<>();
        String opportunityId = CustomerRequests.idOrNew(body.id(), problems);
        PipelineRequests.reference(problems, "customerId", body.customerId(), true);
        OpportunityDraft draft = draft(new OpportunityDraftJson(body.title(), body.amount(), body.expectedCloseDate(),
                body.ownerId()), problems, "");
        CustomerRequests.throwIfAny(problems);
        OpenOpportunity command = new OpenOpportunity(opportunityId, body.customerId().trim(), draft.title(),
                draft.amount(), draft.expectedCloseDate(),
                body.stage() == null ? OpportunityStage.PROSPECTING : body.stage(), draft.ownerId());
        return commands.send(exchange, command).map(outcome ->
                CommandResponses.created(outcome, URI.create("/api/opportunities/" + opportunityId)));
    }

    @PostMapping("/opportunities/{opportunityId}/stage")
    Mono<ResponseEntity<IdAndVersion>> changeStage(@PathVariable String opportunityId, @RequestBody StageJson body,
                                                   ServerWebExchange exchange) {
        List<FieldProblem> problems = new ArrayList<>();
        PipelineRequests.required(problems, "stage", body.stage(),
                "PROSPECTING, QUALIFICATION, PROPOSAL or NEGOTIATION");
        CustomerRequests.throwIfAny(problems);
        return commands.send(exchange, new ChangeOpportunityStage(opportunityId, body.stage(),
                        Versions.expectedAggregateVersion(exchange)))
                .map(CommandResponses::accepted);
    }

    @PostMapping(path = "/opportunities/{opportunityId}/won", consumes = MediaType.ALL_VALUE)
    Mono<ResponseEntity<IdAndVersion>> markWon(@PathVariable String opportunityId, ServerWebExchange exchange) {
        return commands.send(exchange, new MarkOpportunityWon(opportunityId,
                        Versions.expectedAggregateVersion(exchange))).map(CommandResponses::accepted);
    }

    @PostMapping("/opportunities/{opportunityId}/lost")
    Mono<ResponseEntity<IdAndVersion>> markLost(@PathVariable String opportunityId, @RequestBody ReasonJson body,
                                                ServerWebExchange exchange) {
        String reason = PipelineRequests.requiredLine("reason", body.reason());
        return commands.send(exchange, new MarkOpportunityLost(opportunityId, reason,
                        Versions.expectedAggregateVersion(exchange))).map(CommandResponses::accepted);
    }

    /** The answer to a qualification: the lead's id and version, and the customer and opportunity it became. */
    record QualifiedLead(String id, long version, String customerId, String opportunityId) {
    }

    private static OpportunityDraft draft(OpportunityDraftJson json, List<FieldProblem> problems) {
        return json == null ? null : draft(json, problems, "opportunity.");
    }

    private static OpportunityDraft draft(OpportunityDraftJson json, List<FieldProblem> problems, String prefix) {
        int before = problems.size();
        CustomerRequests.requiredText(problems, prefix + "title", json.title(), CustomerRequests.MAX_NAME_LENGTH);
        Money amount = PipelineRequests.amount(problems, prefix + "amount", json.amount(), true);
        PipelineRequests.required(problems, prefix + "expectedCloseDate", json.expectedCloseDate(),
                "a date such as 2026-06-30");
        PipelineRequests.reference(problems, prefix + "ownerId", json.ownerId(), false);
        return problems.size() > before ? null
                : new OpportunityDraft(json.title().trim(), amount, json.expectedCloseDate(), trim(json.ownerId()));
    }
}
