package org.kontor.command.crm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.kontor.command.crm.CustomerCommands.AddContact;
import org.kontor.command.crm.CustomerCommands.ChangeCustomerDetails;
import org.kontor.command.crm.CustomerCommands.RecordInteraction;
import org.kontor.command.crm.CustomerCommands.RegisterCustomer;
import org.kontor.command.crm.CustomerRequests.ContactJson;
import org.kontor.command.crm.CustomerRequests.CustomerJson;
import org.kontor.command.crm.CustomerRequests.InteractionJson;
import org.kontor.config.http.CommandDispatcher;
import org.kontor.config.http.CommandOutcome.IdAndVersion;
import org.kontor.config.http.CommandResponses;
import org.kontor.config.http.InvalidRequestException;
import org.kontor.config.http.InvalidRequestException.FieldProblem;
import org.kontor.config.http.Versions;
import org.kontor.events.common.PersonName;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The CRM customer commands over HTTP (API.md, CRM rows). */
@RestController
@RequestMapping(path = "/api/customers", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/*+json"},
        produces = MediaType.APPLICATION_JSON_VALUE)
class CustomerCommandController {

    private final CommandDispatcher commands;
    private final ObjectMapper objectMapper;

    CustomerCommandController(CommandDispatcher commands, ObjectMapper objectMapper) {
        this.commands = commands;
        this.objectMapper = objectMapper;
    }

    @PostMapping
    Mono<ResponseEntity<IdAndVersion>> register(@RequestBody CustomerJson body, ServerWebExchange exchange) {
        List<FieldProblem> problems = new ArrayList<>();
        String customerId = CustomerRequests.idOrNew(body.id(), problems);
        CustomerDetails details = CustomerRequests.detailsForCreate(body, problems);
        CustomerRequests.throwIfAny(problems);
        return commands.send(exchange, new RegisterCustomer(customerId, details))
                .map(outcome -> CommandResponses.created(outcome, URI.create("/api/customers/" + customerId)));
    }

    @PatchMapping("/{customerId}")
    Mono<ResponseEntity<IdAndVersion>> change(@PathVariable String customerId, @RequestBody ObjectNode body,
                                              ServerWebExchange exchange) {
        Set<CustomerField> present = fieldsIn(body);
        List<FieldProblem> problems = new ArrayList<>();
        CustomerDetails values = CustomerRequests.detailsForChange(read(body), present, problems);
        CustomerRequests.throwIfAny(problems);
        Long expectedVersion = Versions.expectedAggregateVersion(exchange);
        return commands.send(exchange, new ChangeCustomerDetails(customerId, present, values, expectedVersion))
                .map(CommandResponses::accepted);
    }

    @PostMapping("/{customerId}/contacts")
    Mono<ResponseEntity<IdAndVersion>> addContact(@PathVariable String customerId, @RequestBody ContactJson body,
                                                  ServerWebExchange exchange) {
        List<FieldProblem> problems = new ArrayList<>();
        String contactId = CustomerRequests.idOrNew(body.id(), problems);
        CustomerRequests.requiredText(problems, "name", body.name(), CustomerRequests.MAX_NAME_LENGTH);
        CustomerRequests.optionalText(problems, "email", body.email(), CustomerRequests.MAX_NAME_LENGTH);
        CustomerRequests.optionalText(problems, "phone", body.phone(), 40);
        CustomerRequests.optionalText(problems, "role", body.role(), CustomerRequests.MAX_NAME_LENGTH);
        CustomerRequests.throwIfAny(problems);
        Long expectedVersion = Versions.expectedAggregateVersion(exchange);
        // The API takes the name in one field, as before; the event keeps its parts.
        AddContact command = new AddContact(customerId, contactId, PersonName.parse(body.name()),
                CustomerRequests.trim(body.email()), CustomerRequests.trim(body.phone()),
                CustomerRequests.trim(body.role()), expectedVersion);
        return commands.send(exchange, command)
                .map(outcome -> CommandResponses.created(outcome, URI.create("/api/customers/" + customerId)));
    }

    @PostMapping("/{customerId}/interactions")
    Mono<ResponseEntity<IdAndVersion>> recordInteraction(@PathVariable String customerId,
                                                         @RequestBody InteractionJson body,
                                                         ServerWebExchange exchange) {
        List<FieldProblem> problems = new ArrayList<>();
        String interactionId = CustomerRequests.idOrNew(body.id(), problems);
        if (body.channel() == null) {
            problems.add(new FieldProblem("channel", "is required: CALL, EMAIL, MEETING, SMS, NOTE or VISIT"));
        }
        if (body.direction() == null) {
            problems.add(new FieldProblem("direction", "is required: INBOUND or OUTBOUND"));
        }
        if (body.occurredAt() == null) {
            problems.add(new FieldProblem("occurredAt", "is required: an ISO 8601 instant such as 2026-03-01T09:30:00Z"));
        }
        CustomerRequests.requiredText(problems, "subject", body.subject(), CustomerRequests.MAX_NAME_LENGTH);
        CustomerRequests.optionalText(problems, "body", body.body(), CustomerRequests.MAX_TEXT_LENGTH);
        CustomerRequests.optionalText(problems, "employeeId", body.employeeId(), CustomerRequests.MAX_ID_LENGTH);
        CustomerRequests.throwIfAny(problems);
        RecordInteraction command = new RecordInteraction(interactionId, customerId, body.channel(),
                body.direction(), body.occurredAt(), body.subject().trim(), body.body(),
                CustomerRequests.trim(body.employeeId()));
        return commands.send(exchange, command)
                .map(outcome -> CommandResponses.created(outcome,
                        URI.create("/api/customers/" + customerId + "/timeline")));
    }

    /** The fields a change names; any other key is refused, so a misspelt field is not silently ignored. */
    private static Set<CustomerField> fieldsIn(ObjectNode body) {
        Set<CustomerField> present = EnumSet.noneOf(CustomerField.class);
        List<FieldProblem> unknown = new ArrayList<>();
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            CustomerField.byJsonName(name).ifPresentOrElse(present::add,
                    () -> unknown.add(new FieldProblem(name, "is not a customer detail that can be changed")));
        }
        if (present.isEmpty() && unknown.isEmpty()) {
            unknown.add(new FieldProblem("body", "must name at least one detail to change"));
        }
        CustomerRequests.throwIfAny(unknown);
        return present;
    }

    private CustomerJson read(ObjectNode body) {
        try {
            return objectMapper.treeToValue(body, CustomerJson.class);
        } catch (JsonMappingException wrongType) {
            String field = wrongType.getPath().isEmpty() ? "body" : wrongType.getPath().get(0).getFieldName();
            throw new InvalidRequestException(field, "has a value of the wrong type or form");
        } catch (JsonProcessingException unreadable) {
            throw new InvalidRequestException("body", "is not valid JSON");
        }
    }
}
