package org.kontor.events.crm;

import org.axonframework.serialization.Revision;

/** Everything that can happen to a support case of a customer. */
public sealed interface CaseEvent extends AboutCustomer {

    String caseId();

    @Revision("1")
    record CaseOpened(String caseId, String customerId, String subject, CasePriority priority, String assigneeId)
            implements CaseEvent {
    }

    @Revision("1")
    record CaseAssigned(String caseId, String customerId, String assigneeId) implements CaseEvent {
    }

    @Revision("1")
    record CasePriorityChanged(String caseId, String customerId, CasePriority priority) implements CaseEvent {
    }

    @Revision("1")
    record CaseResolved(String caseId, String customerId, String resolution) implements CaseEvent {
    }

    /** A resolved case is open again; it carries what an open-case list shows, as it is now. */
    @Revision("1")
    record CaseReopened(String caseId, String customerId, String reason, String subject, CasePriority priority,
                        String assigneeId) implements CaseEvent {
    }
}
