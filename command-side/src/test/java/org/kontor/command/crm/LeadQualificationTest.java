package org.kontor.command.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kontor.command.crm.CustomerCommands.RegisterCustomer;
import org.kontor.command.crm.PipelineCommands.CaptureLead;
import org.kontor.command.crm.PipelineCommands.DisqualifyLead;
import org.kontor.command.crm.PipelineCommands.OpportunityDraft;
import org.kontor.command.crm.PipelineCommands.QualifyLead;
import org.kontor.config.axon.SerializerConfiguration;
import org.kontor.config.error.CommonRule;
import org.kontor.config.error.RuleCode;
import org.kontor.config.error.RuleViolationDetails;
import org.kontor.config.error.RuleViolationInterceptor;
import org.kontor.config.http.CommandOutcome;
import org.kontor.events.common.Money;
import org.kontor.events.crm.CustomerEvent.CustomerRegistered;
import org.kontor.events.crm.CustomerKind;
import org.kontor.events.crm.LeadEvent.LeadQualified;
import org.kontor.events.crm.OpportunityEvent.OpportunityOpened;
import org.kontor.events.crm.OpportunityStage;

/**
 * Qualification touches the lead, a customer and an opportunity in one unit of work, so it is
 * tested on real Axon pieces without Spring: an in-memory event store, the event-sourcing
 * repositories of the three aggregates and the rule violation interceptor.
 */
class LeadQualificationTest {

    private static final String LEAD_ID = "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    private static final String EXISTING_CUSTOMER_ID = "5f0c7f3e-8d1a-4c55-9a52-0c6f1f3b2a11";
    private static final OpportunityDraft DRAFT = new OpportunityDraft("40 pallets", Money.of(2_500_000, "EUR"),
            LocalDate.of(2026, 6, 30), null);
    private static final QualifyLead QUALIFY = new QualifyLead(LEAD_ID, null, DRAFT);

    private Configuration axon;
    private CommandGateway commands;
    /** What each committed unit of work published, one list per commit. */
    private final List<List<Object>> commits = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startAxon() {
        // false: no configurer modules from the class path, so no attempt to reach an Axon Server.
        axon = DefaultConfigurer.defaultConfiguration(false)
                .configureSerializer(configuration -> SerializerConfiguration.storageSerializer())
                .configureEmbeddedEventStore(configuration -> new InMemoryEventStorageEngine())
                .configureAggregate(Lead.class)
                .configureAggregate(Customer.class)
                .configureAggregate(Opportunity.class)
                .registerComponent(KnownCampaigns.class, configuration -> campaignId -> false)
                .registerComponent(KnownCustomers.class, configuration -> this::customerExists)
                .registerCommandHandler(configuration -> new LeadQualification(
                        configuration.repository(Lead.class), configuration.repository(Customer.class),
                        configuration.repository(Opportunity.class), this::customerExists, new SalesCurrency("EUR")))
                .buildConfiguration();
        axon.commandBus().registerHandlerInterceptor(new RuleViolationInterceptor());
        axon.start();
        commands = axon.commandGateway();
        commands.sendAndWait(new CaptureLead(LEAD_ID, "Anna Berg", "Nordwind GmbH", "anna@nordwind.example", "fair",
                null));
        axon.eventStore().subscribe(events -> commits.add(payloads(events)));
    }

    @AfterEach
    void stopAxon() {
        axon.shutdown();
    }

    @Test
    void qualifyWithoutCustomer_customerRegisteredOpportunityOpenedAndLeadQualifiedInOneCommit() {
        CommandOutcome outcome = qualify(QUALIFY);

        assertThat(outcome).isEqualTo(new CommandOutcome(LEAD_ID, 2, true));
        String customerId = LeadQualification.customerIdOf(QUALIFY);
        String opportunityId = LeadQualification.opportunityIdOf(QUALIFY);
        assertThat(commits).containsExactly(List.of(
                new CustomerRegistered(customerId, "Nordwind GmbH", CustomerKind.COMPANY, "anna@nordwind.example",
                        null, null, null, null, null, null, null),
                new LeadQualified(LEAD_ID, "Anna Berg", customerId, true, opportunityId, null),
                new OpportunityOpened(opportunityId, customerId, "40 pallets", DRAFT.amount(),
                        DRAFT.expectedCloseDate(), OpportunityStage.PROSPECTING, "anna", LEAD_ID, null)));
    }

    @Test
    void qualifyAgainTheSameWay_sameAnswerAndNothingStored() {
        qualify(QUALIFY);

        CommandOutcome retry = qualify(QUALIFY);

        assertThat(retry).isEqualTo(new CommandOutcome(LEAD_ID, 2, false));
        assertThat(commits).hasSize(1);
    }

    @Test
    void qualifyAgainWithAnotherOpportunity_refusedAsAlreadyQualified() {
        qualify(QUALIFY);

        assertRefused(new QualifyLead(LEAD_ID, null, new OpportunityDraft("80 pallets", DRAFT.amount(),
                DRAFT.expectedCloseDate(), null)), CrmRule.LEAD_ALREADY_QUALIFIED);
        assertThat(commits).hasSize(1);
    }

    @Test
    void qualifyWithExistingCustomerAndNoOpportunity_linkedWithoutRegistering() {
        commands.sendAndWait(new RegisterCustomer(EXISTING_CUSTOMER_ID, new CustomerDetails("Nordwind GmbH",
                CustomerKind.COMPANY, null, null, null, null, null, null, List.of(), null)));
        commits.clear();

        qualify(new QualifyLead(LEAD_ID, EXISTING_CUSTOMER_ID, null));

        assertThat(commits).containsExactly(List.of(
                new LeadQualified(LEAD_ID, "Anna Berg", EXISTING_CUSTOMER_ID, false, null, null)));
    }

    @Test
    void qualifyWithUnknownCustomer_refusedAsNotFoundAndNothingStored() {
        assertRefused(new QualifyLead(LEAD_ID, EXISTING_CUSTOMER_ID, DRAFT), CommonRule.NOT_FOUND);

        assertThat(commits).isEmpty();
    }

    @Test
    void qualifyWithOpportunityInOtherCurrency_refusedAndNothingStored() {
        assertRefused(new QualifyLead(LEAD_ID, null, new OpportunityDraft("40 pallets", Money.of(100, "USD"),
                DRAFT.expectedCloseDate(), null)), CrmRule.CURRENCY_MISMATCH);

        assertThat(commits).isEmpty();
    }

    @Test
    void qualifyDisqualifiedLead_refusedAsDisqualified() {
        commands.sendAndWait(new DisqualifyLead(LEAD_ID, "No budget", null));

        assertRefused(QUALIFY, CrmRule.LEAD_DISQUALIFIED);
    }

    @Test
    void qualifyUnknownLead_notFound() {
        assertThatThrownBy(() -> qualify(new QualifyLead("00000000-0000-4000-8000-000000000000", null, null)))
                .isInstanceOf(AggregateNotFoundException.class);
    }

    private boolean customerExists(String customerId) {
        return EventSourcedLookups.exists(axon.eventStore(), axon.repository(Customer.class), customerId,
                Customer::isRegistered);
    }

    private CommandOutcome qualify(QualifyLead command) {
        return commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(MetaData.from(Map.of("userId", "anna"))));
    }

    private void assertRefused(QualifyLead command, RuleCode rule) {
        assertThatThrownBy(() -> qualify(command))
                .isInstanceOfSatisfying(CommandExecutionException.class, refused -> assertThat(
                        refused.getDetails().map(details -> ((RuleViolationDetails) details).code()))
                        .contains(rule.name()));
    }

    private static List<Object> payloads(List<? extends EventMessage<?>> events) {
        List<Object> payloads = new ArrayList<>();
        events.forEach(event -> payloads.add(event.getPayload()));
        return payloads;
    }
}
