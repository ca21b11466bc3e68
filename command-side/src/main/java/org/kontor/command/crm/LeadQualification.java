package org.kontor.command.crm;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.kontor.command.crm.PipelineCommands.OpportunityDraft;
import org.kontor.command.crm.PipelineCommands.QualifyLead;
import org.kontor.config.axon.RequestMetadata;
import org.kontor.config.http.CommandOutcome;
import org.kontor.events.crm.CustomerEvent.CustomerRegistered;
import org.kontor.events.crm.CustomerKind;
import org.kontor.events.crm.LeadEvent.LeadCaptured;
import org.kontor.events.crm.LeadEvent.LeadQualified;
import org.kontor.events.crm.OpportunityEvent.OpportunityOpened;
import org.kontor.events.crm.OpportunityStage;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Qualifies a lead in one unit of work, and so in one transaction: the lead, the customer it
 * becomes (registered here unless the client names an existing one) and the opportunity it opens.
 * The new customer's and opportunity's ids are derived from the lead's, so a retried request finds
 * what the first one made and answers as it did. The lead is loaded (and locked) first, so two
 * qualifications of one lead queue up behind each other.
 */
@Component
class LeadQualification {

    private static final String CUSTOMER = "customer";
    private static final String OPPORTUNITY = "opportunity";

    private final Repository<Lead> leads;
    private final Repository<Customer> customers;
    private final Repository<Opportunity> opportunities;
    private final KnownCustomers knownCustomers;
    private final SalesCurrency salesCurrency;

    LeadQualification(@Qualifier("leadRepository") Repository<Lead> leads,
                      @Qualifier("customerRepository") Repository<Customer> customers,
                      @Qualifier("opportunityRepository") Repository<Opportunity> opportunities,
                      KnownCustomers knownCustomers, SalesCurrency salesCurrency) {
        this.leads = leads;
        this.customers = customers;
        this.opportunities = opportunities;
        this.knownCustomers = knownCustomers;
        this.salesCurrency = salesCurrency;
    }

    @CommandHandler
    CommandOutcome handle(QualifyLead command, @MetaDataValue(RequestMetadata.USER_ID) String userId)
            throws Exception {
        Aggregate<Lead> lead = leads.load(command.leadId());
        LeadCaptured captured = lead.invoke(Lead::captured);
        boolean createsCustomer = command.customerId() == null;
        String customerId = customerIdOf(command);
        OpportunityOpened opportunity = command.opportunity() == null ? null
                : opening(command.opportunity(), customerId, captured, userId);
        LeadQualified qualification = lead.invoke(open -> open.qualification(customerId, createsCustomer,
                opportunity == null ? null : opportunity.opportunityId()));
        LeadQualified earlier = lead.invoke(Lead::qualified);
        if (earlier != null && isRepeat(earlier, qualification, opportunity)) {
            return new CommandOutcome(command.leadId(), lead.version() + 1, false);
        }
        // Refused before anything is made; the customer comes first, so the timeline tells the story in order.
        lead.execute(Lead::refuseUnlessOpen);
        if (createsCustomer) {
            customers.newInstance(() -> new Customer(customerFor(customerId, captured)));
        } else if (!knownCustomers.exists(customerId)) {
            throw RepeatedCreates.unknown("customer", customerId);
        }
        lead.execute(open -> open.qualify(qualification));
        if (opportunity != null) {
            salesCurrency.check(opportunity.amount(), "opportunity.amount");
            opportunities.newInstance(() -> new Opportunity(opportunity));
        }
        return new CommandOutcome(command.leadId(), lead.version() + 1, true);
    }

    /** The same qualification again, with the same opportunity: what the first request did stands. */
    private boolean isRepeat(LeadQualified earlier, LeadQualified attempt, OpportunityOpened opportunity) {
        if (!earlier.equals(attempt)) {
            return false;
        }
        return opportunity == null
                || opportunities.load(opportunity.opportunityId()).invoke(Opportunity::opened).equals(opportunity);
    }

    private static OpportunityOpened opening(OpportunityDraft draft, String customerId, LeadCaptured lead,
                                             String userId) {
        return new OpportunityOpened(derivedId(OPPORTUNITY, lead.leadId()), customerId, draft.title(),
                draft.amount(), draft.expectedCloseDate(), OpportunityStage.PROSPECTING,
                draft.ownerId() != null ? draft.ownerId() : userId, lead.leadId(), lead.campaignId());
    }

    /** A lead with a company becomes that company; one without becomes the person. */
    private static CustomerRegistered customerFor(String customerId, LeadCaptured lead) {
        boolean company = lead.company() != null;
        return new CustomerRegistered(customerId, company ? lead.company() : lead.name(),
                company ? CustomerKind.COMPANY : CustomerKind.PERSON, lead.email(), null, null, null, null, null,
                null, null);
    }

    /** The same id for the same lead every time: the idempotency key of a retried qualification. */
    private static String derivedId(String what, String leadId) {
        return UUID.nameUUIDFromBytes((what + "-of-lead:" + leadId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The customer a qualification links: the one named, or the one it registers. */
    static String customerIdOf(QualifyLead command) {
        return command.customerId() != null ? command.customerId() : derivedId(CUSTOMER, command.leadId());
    }

    /** The opportunity a qualification opens, if it opens one. */
    static String opportunityIdOf(QualifyLead command) {
        return command.opportunity() == null ? null : derivedId(OPPORTUNITY, command.leadId());
    }
}
