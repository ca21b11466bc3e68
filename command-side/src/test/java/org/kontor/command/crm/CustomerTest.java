package org.kontor.command.crm;

import static org.kontor.command.RuleViolations.violationOf;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kontor.command.crm.CustomerCommands.AddContact;
import org.kontor.command.crm.CustomerCommands.ChangeCustomerDetails;
import org.kontor.command.crm.CustomerCommands.RegisterCustomer;
import org.kontor.config.error.CommonRule;
import org.kontor.config.http.CommandOutcome;
import org.kontor.events.common.Money;
import org.kontor.events.common.PersonName;
import org.kontor.events.common.PostalAddress;
import org.kontor.events.crm.CustomerEvent.ContactAdded;
import org.kontor.events.crm.CustomerEvent.CustomerDetailsChanged;
import org.kontor.events.crm.CustomerEvent.CustomerRegistered;
import org.kontor.events.crm.CustomerKind;

class CustomerTest {

    private static final String CUSTOMER_ID = "5f0c7f3e-8d1a-4c55-9a52-0c6f1f3b2a11";
    private static final String CONTACT_ID = "9b2e4a10-3c7d-4e8f-a1b2-c3d4e5f60718";
    private static final PostalAddress ADDRESS =
            new PostalAddress("Hafenstraße 12", "20457", "Hamburg", null, "DE");
    private static final CustomerDetails DETAILS = new CustomerDetails("Nordwind GmbH", CustomerKind.COMPANY,
            "info@nordwind.example", "+49 40 123456", "DE123456789", ADDRESS, Money.of(500_000, "EUR"),
            "employee-7", List.of("wholesale", "north"), null);
    private static final CustomerRegistered REGISTERED = DETAILS.registered(CUSTOMER_ID);
    private static final ContactAdded CONTACT_ADDED = new ContactAdded(CUSTOMER_ID, CONTACT_ID, new PersonName("Anna", "Berg"),
            "anna.berg@nordwind.example", "+49 40 123457", "Purchasing");

    private FixtureConfiguration<Customer> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Customer.class);
    }

    // --- register ---------------------------------------------------------------------------

    @Test
    void registerCustomer_customerRegistered() {
        fixture.givenNoPriorActivity()
                .when(new RegisterCustomer(CUSTOMER_ID, DETAILS))
                .expectSuccessfulHandlerExecution()
                .expectEvents(REGISTERED)
                .expectResultMessagePayload(new CommandOutcome(CUSTOMER_ID, 1, true));
    }

    @Test
    void registerCustomerAgainWithSameContent_nothingHappensAndSameVersion() {
        fixture.given(REGISTERED)
                .when(new RegisterCustomer(CUSTOMER_ID, DETAILS))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(new CommandOutcome(CUSTOMER_ID, CommandOutcome.FIRST_VERSION, false));
    }

    @Test
    void registerCustomerAgainWithSameContentAfterChanges_nothingHappens() {
        // A repeat is compared with the registration, not with the details as they are today.
        fixture.given(REGISTERED, changedEmail("new@nordwind.example"))
                .when(new RegisterCustomer(CUSTOMER_ID, DETAILS))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(new CommandOutcome(CUSTOMER_ID, CommandOutcome.FIRST_VERSION, false));
    }

    @Test
    void registerCustomerAgainWithOtherContent_refusedAsAlreadyExists() {
        CustomerDetails otherName = new CustomerDetails("Südwind AG", DETAILS.kind(), DETAILS.email(),
                DETAILS.phone(), DETAILS.vatNumber(), DETAILS.address(), DETAILS.creditLimit(), DETAILS.ownerId(),
                DETAILS.tags(), DETAILS.paymentTermDays());

        fixture.given(REGISTERED)
                .when(new RegisterCustomer(CUSTOMER_ID, otherName))
                .expectNoEvents()
                .expectException(violationOf(CommonRule.ALREADY_EXISTS))
                .expectExceptionMessage("A different customer with id " + CUSTOMER_ID + " exists.");
    }

    @Test
    void registerCustomerWithPaymentTerms_registeredWithTheTerms() {
        fixture.givenNoPriorActivity()
                .when(new RegisterCustomer(CUSTOMER_ID, withTerms(DETAILS, 14)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CustomerRegistered(CUSTOMER_ID, "Nordwind GmbH", CustomerKind.COMPANY,
                        "info@nordwind.example", "+49 40 123456", "DE123456789", ADDRESS, Money.of(500_000, "EUR"),
                        "employee-7", List.of("wholesale", "north"), 14));
    }

    @Test
    void registerCustomerAgainWithOtherPaymentTerms_refusedAsAlreadyExists() {
        fixture.given(withTerms(DETAILS, 14).registered(CUSTOMER_ID))
                .when(new RegisterCustomer(CUSTOMER_ID, withTerms(DETAILS, 30)))
                .expectNoEvents()
                .expectException(violationOf(CommonRule.ALREADY_EXISTS));
    }

    @Test
    void registerCustomerWithPaymentTermsOverAYear_refusedAndNothingRegistered() {
        fixture.givenNoPriorActivity()
                .when(new RegisterCustomer(CUSTOMER_ID, withTerms(DETAILS, 366)))
                .expectNoEvents()
                .expectException(violationOf(CrmRule.PAYMENT_TERMS_OUT_OF_RANGE));
    }

    // --- change details -----------------------------------------------------------------------

    @Test
    void changeCustomerDetails_detailsChangedWithOnlyTheChangedFieldsNamed() {
        // Three fields are named, but the phone number is the one the customer already has.
        CustomerDetails values = new CustomerDetails(null, null, "orders@nordwind.example", DETAILS.phone(), null,
                null, null, "employee-9", null, null);
        Set<CustomerField> named = EnumSet.of(CustomerField.EMAIL, CustomerField.PHONE, CustomerField.OWNER_ID);

        fixture.given(REGISTERED)
                .when(new ChangeCustomerDetails(CUSTOMER_ID, named, values, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CustomerDetailsChanged(CUSTOMER_ID, List.of("email", "ownerId"),
                        "Nordwind GmbH", CustomerKind.COMPANY, "orders@nordwind.example", "+49 40 123456",
                        "DE123456789", ADDRESS, Money.of(500_000, "EUR"), "employee-9",
                        List.of("wholesale", "north"), null))
                .expectResultMessagePayload(new CommandOutcome(CUSTOMER_ID, 2, false));
    }

    @Test
    void changeCustomerDetailsToClearAnOptionalField_detailsChangedWithTheFieldCleared() {
        CustomerDetails values = new CustomerDetails(null, null, null, null, null, null, null, null, null, null);

        fixture.given(REGISTERED)
                .when(new ChangeCustomerDetails(CUSTOMER_ID, EnumSet.of(CustomerField.VAT_NUMBER), values, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CustomerDetailsChanged(CUSTOMER_ID, List.of("vatNumber"), "Nordwind GmbH",
                        CustomerKind.COMPANY, "info@nordwind.example", "+49 40 123456", null, ADDRESS,
                        Money.of(500_000, "EUR"), "employee-7", List.of("wholesale", "north"), null));
    }

    @Test
    void changeCustomerDetailsAfterEarlierChange_changeStartsFromTheLatestDetails() {
        CustomerDetails values = new CustomerDetails(null, null, null, null, null, null, null, null,
                List.of("retail"), null);

        fixture.given(REGISTERED, changedEmail("new@nordwind.example"))
                .when(new ChangeCustomerDetails(CUSTOMER_ID, EnumSet.of(CustomerField.TAGS), values, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CustomerDetailsChanged(CUSTOMER_ID, List.of("tags"), "Nordwind GmbH",
                        CustomerKind.COMPANY, "new@nordwind.example", "+49 40 123456", "DE123456789", ADDRESS,
                        Money.of(500_000, "EUR"), "employee-7", List.of("retail"), null))
                .expectResultMessagePayload(new CommandOutcome(CUSTOMER_ID, 3, false));
    }

    @Test
    void changeCustomerDetailsToTheSameValues_nothingHappens() {
        Set<CustomerField> named = EnumSet.of(CustomerField.NAME, CustomerField.EMAIL, CustomerField.TAGS);

        fixture.given(REGISTERED)
                .when(new ChangeCustomerDetails(CUSTOMER_ID, named, DETAILS, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(new CommandOutcome(CUSTOMER_ID, 1, false));
    }

    @Test
    void changePaymentTerms_detailsChangedWithOnlyTheTermsNamedAndEveryOtherDetailKept() {
        fixture.given(REGISTERED)
                .when(new ChangeCustomerDetails(CUSTOMER_ID, EnumSet.of(CustomerField.PAYMENT_TERM_DAYS),
                        termsOnly(14), null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CustomerDetailsChanged(CUSTOMER_ID, List.of("paymentTermDays"), "Nordwind GmbH",
                        CustomerKind.COMPANY, "info@nordwind.example", "+49 40 123456", "DE123456789", ADDRESS,
                        Money.of(500_000, "EUR"), "employee-7", List.of("wholesale", "north"), 14));
    }

    @Test
    void changeOtherDetailOfCustomerWithTerms_termsCarriedUnchanged() {
        fixture.given(withTerms(DETAILS, 14).registered(CUSTOMER_ID))
                .when(new ChangeCustomerDetails(CUSTOMER_ID, EnumSet.of(CustomerField.EMAIL),
                        emailOnly("new@nordwind.example"), null))
                .expectEvents(new CustomerDetailsChanged(CUSTOMER_ID, List.of("email"), "Nordwind GmbH",
                        CustomerKind.COMPANY, "new@nordwind.example", "+49 40 123456", "DE123456789", ADDRESS,
                        Money.of(500_000, "EUR"), "employee-7", List.of("wholesale", "north"), 14));
    }

    @Test
    void clearPaymentTerms_detailsChangedWithTheTermsNull() {
        fixture.given(withTerms(DETAILS, 14).registered(CUSTOMER_ID))
                .when(new ChangeCustomerDetails(CUSTOMER_ID, EnumSet.of(CustomerField.PAYMENT_TERM_DAYS),
                        termsOnly(null), null))
                .expectEvents(new CustomerDetailsChanged(CUSTOMER_ID, List.of("paymentTermDays"), "Nordwind GmbH",
                        CustomerKind.COMPANY, "info@nordwind.example", "+49 40 123456", "DE123456789", ADDRESS,
                        Money.of(500_000, "EUR"), "employee-7", List.of("wholesale", "north"), null));
    }

    @Test
    void changePaymentTermsToNegative_refusedAndNothingChanged() {
        fixture.given(REGISTERED)
                .when(new ChangeCustomerDetails(CUSTOMER_ID, EnumSet.of(CustomerField.PAYMENT_TERM_DAYS),
                        termsOnly(-1), null))
                .expectNoEvents()
                .expectException(violationOf(CrmRule.PAYMENT_TERMS_OUT_OF_RANGE));
    }

    @Test
    void changeCustomerDetailsOfUnknownCustomer_aggregateNotFound() {
        CustomerDetails values = new CustomerDetails(null, null, "x@example.org", null, null, null, null, null,
                null, null);

        fixture.givenNoPriorActivity()
                .when(new ChangeCustomerDetails(CUSTOMER_ID, EnumSet.of(CustomerField.EMAIL), values, null))
                .expectNoEvents()
                .expectException(AggregateNotFoundException.class);
    }

    @Test
    void changeCustomerDetailsWithCurrentVersion_detailsChanged() {
        // Axon counts from 0: after registration and one change the expected version is 1 (HTTP "2").
        fixture.given(REGISTERED, changedEmail("new@nordwind.example"))
                .when(new ChangeCustomerDetails(CUSTOMER_ID, EnumSet.of(CustomerField.EMAIL),
                        emailOnly("newer@nordwind.example"), 1L))
                .expectSuccessfulHandlerExecution()
                .expectEvents(changedEmail("newer@nordwind.example"))
                .expectResultMessagePayload(new CommandOutcome(CUSTOMER_ID, 3, false));
    }

    @Test
    void changeCustomerDetailsWithOutdatedVersion_conflictingVersion() {
        // The client saw only the registration (Axon version 0); the customer has changed since.
        fixture.given(REGISTERED, changedEmail("new@nordwind.example"))
                .when(new ChangeCustomerDetails(CUSTOMER_ID, EnumSet.of(CustomerField.EMAIL),
                        emailOnly("newer@nordwind.example"), 0L))
                .expectNoEvents()
                .expectException(ConflictingAggregateVersionException.class);
    }

    // --- contacts -----------------------------------------------------------------------------

    @Test
    void addContact_contactAdded() {
        fixture.given(REGISTERED)
                .when(addContact(null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(CONTACT_ADDED)
                .expectResultMessagePayload(new CommandOutcome(CONTACT_ID, 2, true));
    }

    @Test
    void addContactAgainWithSameContent_nothingHappensAndSameVersionAsTheFirstTime() {
        // The contact was added at version 2; a later change must not alter the answer to a repeat.
        fixture.given(REGISTERED, CONTACT_ADDED, changedEmail("new@nordwind.example"))
                .when(addContact(null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(new CommandOutcome(CONTACT_ID, 2, false));
    }

    @Test
    void addContactAgainWithOtherContent_refusedAsAlreadyExists() {
        AddContact otherPerson = new AddContact(CUSTOMER_ID, CONTACT_ID, new PersonName("Bernd", "Lau"), "bernd.lau@nordwind.example",
                null, "Finance", null);

        fixture.given(REGISTERED, CONTACT_ADDED)
                .when(otherPerson)
                .expectNoEvents()
                .expectException(violationOf(CommonRule.ALREADY_EXISTS))
                .expectExceptionMessage("A different contact with id " + CONTACT_ID + " exists.");
    }

    @Test
    void addContactToUnknownCustomer_aggregateNotFound() {
        fixture.givenNoPriorActivity()
                .when(addContact(null))
                .expectNoEvents()
                .expectException(AggregateNotFoundException.class);
    }

    @Test
    void addContactWithOutdatedVersion_conflictingVersion() {
        fixture.given(REGISTERED, changedEmail("new@nordwind.example"))
                .when(addContact(0L))
                .expectNoEvents()
                .expectException(ConflictingAggregateVersionException.class);
    }

    @Test
    void addContactAgainWithTheIfMatchOfTheFirstAttempt_answeredAsTheFirstTime() {
        // A client whose reply was lost retries with the same body and the same If-Match (version 1).
        fixture.given(REGISTERED, CONTACT_ADDED)
                .when(addContact(0L))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(new CommandOutcome(CONTACT_ID, 2, false));
    }

    // --- helpers ------------------------------------------------------------------------------

    private static AddContact addContact(Long expectedVersion) {
        return new AddContact(CUSTOMER_ID, CONTACT_ID, CONTACT_ADDED.name(), CONTACT_ADDED.email(),
                CONTACT_ADDED.phone(), CONTACT_ADDED.role(), expectedVersion);
    }

    private static CustomerDetails emailOnly(String email) {
        return new CustomerDetails(null, null, email, null, null, null, null, null, null, null);
    }

    private static CustomerDetails termsOnly(Integer paymentTermDays) {
        return new CustomerDetails(null, null, null, null, null, null, null, null, null, paymentTermDays);
    }

    private static CustomerDetails withTerms(CustomerDetails details, Integer paymentTermDays) {
        return new CustomerDetails(details.name(), details.kind(), details.email(), details.phone(),
                details.vatNumber(), details.address(), details.creditLimit(), details.ownerId(), details.tags(),
                paymentTermDays);
    }

    private static CustomerDetailsChanged changedEmail(String email) {
        return new CustomerDetailsChanged(CUSTOMER_ID, List.of("email"), DETAILS.name(), DETAILS.kind(), email,
                DETAILS.phone(), DETAILS.vatNumber(), DETAILS.address(), DETAILS.creditLimit(), DETAILS.ownerId(),
                DETAILS.tags(), DETAILS.paymentTermDays());
    }
}
