package org.kontor.command.crm;

import static org.kontor.command.RuleViolations.violationOf;

import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kontor.command.crm.CustomerCommands.RecordInteraction;
import org.kontor.config.error.CommonRule;
import org.kontor.config.http.CommandOutcome;
import org.kontor.events.crm.InteractionChannel;
import org.kontor.events.crm.InteractionDirection;
import org.kontor.events.crm.InteractionEvent.InteractionRecorded;

class InteractionTest {

    private static final String INTERACTION_ID = "0d6a3c2e-1b4f-4a8e-9c7d-2e5f6a7b8c90";
    private static final String KNOWN_CUSTOMER_ID = "5f0c7f3e-8d1a-4c55-9a52-0c6f1f3b2a11";
    private static final String UNKNOWN_CUSTOMER_ID = "00000000-0000-4000-8000-000000000000";
    private static final Instant OCCURRED_AT = Instant.parse("2026-03-01T09:30:00Z");
    private static final InteractionRecorded RECORDED = new InteractionRecorded(INTERACTION_ID, KNOWN_CUSTOMER_ID,
            InteractionChannel.CALL, InteractionDirection.INBOUND, OCCURRED_AT, "Asked for a quote",
            "Wants 40 pallets before Easter.", "employee-7");

    private FixtureConfiguration<Interaction> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Interaction.class);
        fixture.registerInjectableResource((KnownCustomers) KNOWN_CUSTOMER_ID::equals);
    }

    @Test
    void recordInteraction_interactionRecorded() {
        fixture.givenNoPriorActivity()
                .when(record(KNOWN_CUSTOMER_ID, RECORDED.subject()))
                .expectSuccessfulHandlerExecution()
                .expectEvents(RECORDED)
                .expectResultMessagePayload(new CommandOutcome(INTERACTION_ID, 1, true));
    }

    @Test
    void recordInteractionForUnknownCustomer_refusedAsNotFound() {
        fixture.givenNoPriorActivity()
                .when(record(UNKNOWN_CUSTOMER_ID, RECORDED.subject()))
                .expectNoEvents()
                .expectException(violationOf(CommonRule.NOT_FOUND))
                .expectExceptionMessage("No customer with id " + UNKNOWN_CUSTOMER_ID + ".");
    }

    @Test
    void recordInteractionAgainWithSameContent_nothingHappensAndSameVersion() {
        fixture.given(RECORDED)
                .when(record(KNOWN_CUSTOMER_ID, RECORDED.subject()))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(new CommandOutcome(INTERACTION_ID, CommandOutcome.FIRST_VERSION, false));
    }

    @Test
    void recordInteractionAgainWithOtherContent_refusedAsAlreadyExists() {
        fixture.given(RECORDED)
                .when(record(KNOWN_CUSTOMER_ID, "Complained about a late delivery"))
                .expectNoEvents()
                .expectException(violationOf(CommonRule.ALREADY_EXISTS))
                .expectExceptionMessage("A different interaction with id " + INTERACTION_ID + " exists.");
    }

    private static RecordInteraction record(String customerId, String subject) {
        return new RecordInteraction(INTERACTION_ID, customerId, RECORDED.channel(), RECORDED.direction(),
                RECORDED.occurredAt(), subject, RECORDED.body(), RECORDED.employeeId());
    }
}
