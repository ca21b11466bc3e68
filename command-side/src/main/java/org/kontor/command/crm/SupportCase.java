package org.kontor.command.crm;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.kontor.command.crm.FollowUpCommands.AssignCase;
import org.kontor.command.crm.FollowUpCommands.ChangeCasePriority;
import org.kontor.command.crm.FollowUpCommands.OpenCase;
import org.kontor.command.crm.FollowUpCommands.ReopenCase;
import org.kontor.command.crm.FollowUpCommands.ResolveCase;
import org.kontor.config.error.BusinessRuleViolation;
import org.kontor.config.http.CommandOutcome;
import org.kontor.events.crm.CaseEvent.CaseAssigned;
import org.kontor.events.crm.CaseEvent.CaseOpened;
import org.kontor.events.crm.CaseEvent.CasePriorityChanged;
import org.kontor.events.crm.CaseEvent.CaseReopened;
import org.kontor.events.crm.CaseEvent.CaseResolved;
import org.kontor.events.crm.CasePriority;

/**
 * A customer's support case. Work on it (assigning, changing the priority) happens while it is open;
 * a resolved case is reopened first. Repeating a change that already holds changes nothing.
 */
@Aggregate
class SupportCase {

    @AggregateIdentifier
    private String caseId;
    private CaseOpened opened;
    private CasePriority priority;
    private String assigneeId;
    private String resolution;

    SupportCase() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    CommandOutcome handle(OpenCase command, KnownCustomers knownCustomers) {
        CaseOpened attempt = new CaseOpened(command.caseId(), command.customerId(), command.subject(),
                command.priority(), command.assigneeId());
        if (caseId != null) {
            return RepeatedCreates.repeatOf(opened, attempt, "case", caseId);
        }
        if (!knownCustomers.exists(command.customerId())) {
            throw RepeatedCreates.unknown("customer", command.customerId());
        }
        apply(attempt);
        return CommandOutcome.ofCurrentAggregate(command.caseId(), true);
    }

    @CommandHandler
    CommandOutcome handle(AssignCase command) {
        if (!command.assigneeId().equals(assigneeId)) {
            refuseIfResolved();
            apply(new CaseAssigned(caseId, opened.customerId(), command.assigneeId()));
        }
        return CommandOutcome.ofCurrentAggregate(caseId, false);
    }

    @CommandHandler
    CommandOutcome handle(ChangeCasePriority command) {
        if (command.priority() != priority) {
            refuseIfResolved();
            apply(new CasePriorityChanged(caseId, opened.customerId(), command.priority()));
        }
        return CommandOutcome.ofCurrentAggregate(caseId, false);
    }

    @CommandHandler
    CommandOutcome handle(ResolveCase command) {
        if (!command.resolution().equals(resolution)) {
            refuseIfResolved();
            apply(new CaseResolved(caseId, opened.customerId(), command.resolution()));
        }
        return CommandOutcome.ofCurrentAggregate(caseId, false);
    }

    @CommandHandler
    CommandOutcome handle(ReopenCase command) {
        if (!isResolved()) {
            throw new BusinessRuleViolation(CrmRule.CASE_NOT_RESOLVED, "Case " + caseId + " is open.");
        }
        apply(new CaseReopened(caseId, opened.customerId(), command.reason(), opened.subject(), priority,
                assigneeId));
        return CommandOutcome.ofCurrentAggregate(caseId, false);
    }

    private boolean isResolved() {
        return resolution != null;
    }

    private void refuseIfResolved() {
        if (isResolved()) {
            throw new BusinessRuleViolation(CrmRule.CASE_ALREADY_RESOLVED,
                    "Case " + caseId + " is resolved; reopen it first.");
        }
    }

    @EventSourcingHandler
    void on(CaseOpened event) {
        caseId = event.caseId();
        opened = event;
        priority = event.priority();
        assigneeId = event.assigneeId();
    }

    @EventSourcingHandler
    void on(CaseAssigned event) {
        assigneeId = event.assigneeId();
    }

    @EventSourcingHandler
    void on(CasePriorityChanged event) {
        priority = event.priority();
    }

    @EventSourcingHandler
    void on(CaseResolved event) {
        resolution = event.resolution();
    }

    @EventSourcingHandler
    void on(CaseReopened event) {
        resolution = null;
    }
}
