package org.kontor.command.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kontor.command.RuleViolations.violationOf;

import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kontor.command.people.UserCommands.ChangeUserPassword;
import org.kontor.command.people.UserCommands.ChangeUserRoles;
import org.kontor.command.people.UserCommands.DisableUser;
import org.kontor.command.people.UserCommands.EnableUser;
import org.kontor.command.people.UserCommands.RegisterUser;
import org.kontor.command.people.UserCommands.ResetUserPassword;
import org.kontor.config.axon.RequestMetadata;
import org.kontor.config.error.CommonRule;
import org.kontor.config.http.CommandOutcome;
import org.kontor.events.people.Role;
import org.kontor.events.people.UserAccountEvent;
import org.kontor.events.people.UserAccountEvent.UserDisabled;
import org.kontor.events.people.UserAccountEvent.UserEnabled;
import org.kontor.events.people.UserAccountEvent.UserPasswordChanged;
import org.kontor.events.people.UserAccountEvent.UserRegistered;
import org.kontor.events.people.UserAccountEvent.UserRolesChanged;

class UserAccountTest {

    private static final String USERNAME = "anna.berg";
    private static final String ACCOUNT_ID = UserAccountEvent.accountId(USERNAME);
    /** bcrypt-shaped examples; no password hashes to them. */
    private static final String HASH = "$2a$10$abcdefghijklmnopqrstuvABCDEFGHIJKLMNOPQRSTUVWXYZ01234";
    private static final String NEW_HASH = "$2a$10$zyxwvutsrqponmlkjihgfeZYXWVUTSRQPONMLKJIHGFEDCBA98765";
    private static final UserRegistered REGISTERED =
            new UserRegistered(USERNAME, HASH, List.of(Role.SALES, Role.SUPPORT), "employee-7");
    private static final UserDisabled DISABLED = new UserDisabled(USERNAME, "Left the company");
    private static final UserRegistered REGISTERED_ADMINISTRATOR =
            new UserRegistered(USERNAME, HASH, List.of(Role.ADMIN, Role.MANAGER), null);
    /** The metadata of a command the account's own user sent. */
    private static final Map<String, String> SENT_BY_THEMSELVES = Map.of(RequestMetadata.USER_ID, USERNAME);
    private static final Map<String, String> SENT_BY_ANOTHER_ADMINISTRATOR = Map.of(RequestMetadata.USER_ID, "admin");

    private FixtureConfiguration<UserAccount> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(UserAccount.class);
    }

    // --- register ---------------------------------------------------------------------------

    @Test
    void registerUser_userRegistered() {
        fixture.givenNoPriorActivity()
                .when(register(List.of(Role.SALES, Role.SUPPORT)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(REGISTERED)
                .expectResultMessagePayload(new CommandOutcome(USERNAME, 1, true));
    }

    @Test
    void registerUserWithRolesRepeatedAndOutOfOrder_userRegisteredWithEachRoleOnceInRoleOrder() {
        fixture.givenNoPriorActivity()
                .when(register(List.of(Role.SUPPORT, Role.SALES, Role.SUPPORT)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(REGISTERED);
    }

    @Test
    void registerUserWithoutEmployee_userRegisteredWithoutEmployee() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUser(ACCOUNT_ID, USERNAME, HASH, List.of(Role.ANALYST), null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new UserRegistered(USERNAME, HASH, List.of(Role.ANALYST), null));
    }

    @Test
    void registerUserAgainWithSameContent_refusedAsAlreadyExists() {
        // The hash of a repeated password is salted anew, so the aggregate cannot recognise a
        // repeat; the HTTP edge, which holds the password, answers repeats before a command is sent.
        fixture.given(REGISTERED)
                .when(register(List.of(Role.SALES, Role.SUPPORT)))
                .expectNoEvents()
                .expectException(violationOf(CommonRule.ALREADY_EXISTS))
                .expectExceptionMessage("A user named " + USERNAME + " exists.");
    }

    @Test
    void registerUserAgainAfterDisabled_refusedAsAlreadyExists() {
        // A disabled name is never given to someone else: their history would read as one person's.
        fixture.given(REGISTERED, DISABLED)
                .when(register(List.of(Role.SALES)))
                .expectNoEvents()
                .expectException(violationOf(CommonRule.ALREADY_EXISTS));
    }

    @Test
    void registerUserWithoutRoles_commandCannotBeMade() {
        assertThatThrownBy(() -> register(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a user account always has at least one role");
        assertThatThrownBy(() -> register(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void registerUserWithAnotherUsersAccountId_commandCannotBeMade() {
        assertThatThrownBy(() -> new RegisterUser("user:bernd.lau", USERNAME, HASH, List.of(Role.SALES), null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void registerUserWithAPasswordInsteadOfAHash_commandCannotBeMadeAndTheMessageHidesIt() {
        String password = "correct horse battery staple";

        assertThatThrownBy(() -> new RegisterUser(ACCOUNT_ID, USERNAME, password, List.of(Role.SALES), null))
                .isInstanceOf(IllegalArgumentException.class)
                .message().doesNotContain(password);
    }

    // --- roles --------------------------------------------------------------------------------

    @Test
    void changeUserRoles_rolesChanged() {
        fixture.given(REGISTERED)
                .when(new ChangeUserRoles(ACCOUNT_ID, List.of(Role.MANAGER, Role.SALES), null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new UserRolesChanged(USERNAME, List.of(Role.MANAGER, Role.SALES)))
                .expectResultMessagePayload(new CommandOutcome(USERNAME, 2, false));
    }

    @Test
    void changeUserRolesToTheSameRolesInAnotherOrder_nothingHappens() {
        fixture.given(REGISTERED)
                .when(new ChangeUserRoles(ACCOUNT_ID, List.of(Role.SUPPORT, Role.SALES), null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(new CommandOutcome(USERNAME, 1, false));
    }

    @Test
    void changeUserRolesToTheRolesOfTheLastChange_nothingHappens() {
        // Compared with the roles as they are now, not as registered.
        fixture.given(REGISTERED, new UserRolesChanged(USERNAME, List.of(Role.MANAGER)))
                .when(new ChangeUserRoles(ACCOUNT_ID, List.of(Role.MANAGER), null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(new CommandOutcome(USERNAME, 2, false));
    }

    @Test
    void changeUserRolesToTheRegisteredRolesAfterAChange_rolesChanged() {
        fixture.given(REGISTERED, new UserRolesChanged(USERNAME, List.of(Role.MANAGER)))
                .when(new ChangeUserRoles(ACCOUNT_ID, List.of(Role.SALES, Role.SUPPORT), null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new UserRolesChanged(USERNAME, List.of(Role.SALES, Role.SUPPORT)))
                .expectResultMessagePayload(new CommandOutcome(USERNAME, 3, false));
    }

    @Test
    void changeOwnRolesWithoutAdmin_refusedAsSelfLockout() {
        fixture.given(REGISTERED_ADMINISTRATOR)
                .when(new ChangeUserRoles(ACCOUNT_ID, List.of(Role.MANAGER), null), SENT_BY_THEMSELVES)
                .expectNoEvents()
                .expectException(violationOf(PeopleRule.SELF_LOCKOUT))
                .expectExceptionMessage("You cannot take the role ADMIN from your own account; another administrator "
                        + "can. So there is always an administrator who can sign in.");
    }

    @Test
    void changeOwnRolesKeepingAdmin_rolesChanged() {
        fixture.given(REGISTERED_ADMINISTRATOR)
                .when(new ChangeUserRoles(ACCOUNT_ID, List.of(Role.ADMIN), null), SENT_BY_THEMSELVES)
                .expectSuccessfulHandlerExecution()
                .expectEvents(new UserRolesChanged(USERNAME, List.of(Role.ADMIN)));
    }

    @Test
    void changeOwnRolesOfANonAdministrator_rolesChanged() {
        // Only the role ADMIN is guarded: without it, the account could not change roles anyway.
        fixture.given(REGISTERED)
                .when(new ChangeUserRoles(ACCOUNT_ID, List.of(Role.SALES), null), SENT_BY_THEMSELVES)
                .expectSuccessfulHandlerExecution()
                .expectEvents(new UserRolesChanged(USERNAME, List.of(Role.SALES)));
    }

    @Test
    void changeAnotherAdministratorsRolesWithoutAdmin_rolesChanged() {
        fixture.given(REGISTERED_ADMINISTRATOR)
                .when(new ChangeUserRoles(ACCOUNT_ID, List.of(Role.MANAGER), null), SENT_BY_ANOTHER_ADMINISTRATOR)
                .expectSuccessfulHandlerExecution()
                .expectEvents(new UserRolesChanged(USERNAME, List.of(Role.MANAGER)));
    }

    @Test
    void changeUserRolesToNone_commandCannotBeMade() {
        assertThatThrownBy(() -> new ChangeUserRoles(ACCOUNT_ID, List.of(), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a user account always has at least one role");
    }

    @Test
    void changeUserRolesOfDisabledUser_refusedAsUserDisabled() {
        fixture.given(REGISTERED, DISABLED)
                .when(new ChangeUserRoles(ACCOUNT_ID, List.of(Role.MANAGER), null))
                .expectNoEvents()
                .expectException(violationOf(PeopleRule.USER_DISABLED))
                .expectExceptionMessage("The user " + USERNAME + " is disabled.");
    }

    @Test
    void changeUserRolesOfUnknownUser_aggregateNotFound() {
        fixture.givenNoPriorActivity()
                .when(new ChangeUserRoles(ACCOUNT_ID, List.of(Role.MANAGER), null))
                .expectNoEvents()
                .expectException(AggregateNotFoundException.class);
    }

    @Test
    void changeUserRolesWithCurrentVersion_rolesChanged() {
        // Axon counts from 0: after the registration the expected version is 0 (HTTP "1").
        fixture.given(REGISTERED)
                .when(new ChangeUserRoles(ACCOUNT_ID, List.of(Role.MANAGER), 0L))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new UserRolesChanged(USERNAME, List.of(Role.MANAGER)));
    }

    @Test
    void changeUserRolesWithOutdatedVersion_conflictingVersion() {
        fixture.given(REGISTERED, new UserRolesChanged(USERNAME, List.of(Role.MANAGER)))
                .when(new ChangeUserRoles(ACCOUNT_ID, List.of(Role.ADMIN), 0L))
                .expectNoEvents()
                .expectException(ConflictingAggregateVersionException.class);
    }

    // --- password -----------------------------------------------------------------------------

    @Test
    void changeUserPassword_passwordChanged() {
        fixture.given(REGISTERED)
                .when(new ChangeUserPassword(ACCOUNT_ID, NEW_HASH, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new UserPasswordChanged(USERNAME, NEW_HASH))
                .expectResultMessagePayload(new CommandOutcome(USERNAME, 2, false));
    }

    @Test
    void changeUserPasswordOfDisabledUser_refusedAsUserDisabled() {
        fixture.given(REGISTERED, DISABLED)
                .when(new ChangeUserPassword(ACCOUNT_ID, NEW_HASH, null))
                .expectNoEvents()
                .expectException(violationOf(PeopleRule.USER_DISABLED));
    }

    @Test
    void changeUserPasswordOfUnknownUser_aggregateNotFound() {
        fixture.givenNoPriorActivity()
                .when(new ChangeUserPassword(ACCOUNT_ID, NEW_HASH, null))
                .expectNoEvents()
                .expectException(AggregateNotFoundException.class);
    }

    @Test
    void changeUserPasswordToAPasswordInsteadOfAHash_commandCannotBeMade() {
        assertThatThrownBy(() -> new ChangeUserPassword(ACCOUNT_ID, "a-new-password-in-clear", null))
                .isInstanceOf(IllegalArgumentException.class)
                .message().doesNotContain("a-new-password-in-clear");
    }

    // --- disable ------------------------------------------------------------------------------

    @Test
    void disableUser_userDisabled() {
        fixture.given(REGISTERED)
                .when(new DisableUser(ACCOUNT_ID, "Left the company", null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(DISABLED)
                .expectResultMessagePayload(new CommandOutcome(USERNAME, 2, false));
    }

    @Test
    void disableUserWithoutReason_userDisabledWithoutReason() {
        fixture.given(REGISTERED)
                .when(new DisableUser(ACCOUNT_ID, null, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new UserDisabled(USERNAME, null));
    }

    @Test
    void disableUserAgain_nothingHappens() {
        fixture.given(REGISTERED, DISABLED)
                .when(new DisableUser(ACCOUNT_ID, "Asked twice", null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(new CommandOutcome(USERNAME, 2, false));
    }

    @Test
    void disableOwnAccount_refusedAsSelfLockout() {
        fixture.given(REGISTERED_ADMINISTRATOR)
                .when(new DisableUser(ACCOUNT_ID, "leaving", null), SENT_BY_THEMSELVES)
                .expectNoEvents()
                .expectException(violationOf(PeopleRule.SELF_LOCKOUT))
                .expectExceptionMessage("You cannot disable your own account; another administrator can. So there "
                        + "is always an administrator who can sign in.");
    }

    @Test
    void disableAnotherAdministrator_userDisabled() {
        fixture.given(REGISTERED_ADMINISTRATOR)
                .when(new DisableUser(ACCOUNT_ID, "leaving", null), SENT_BY_ANOTHER_ADMINISTRATOR)
                .expectSuccessfulHandlerExecution()
                .expectEvents(new UserDisabled(USERNAME, "leaving"));
    }

    @Test
    void disableUnknownUser_aggregateNotFound() {
        fixture.givenNoPriorActivity()
                .when(new DisableUser(ACCOUNT_ID, null, null))
                .expectNoEvents()
                .expectException(AggregateNotFoundException.class);
    }

    // --- enable -------------------------------------------------------------------------------

    @Test
    void enableDisabledUser_userEnabled() {
        fixture.given(REGISTERED, DISABLED)
                .when(new EnableUser(ACCOUNT_ID, "Back from parental leave", null), SENT_BY_ANOTHER_ADMINISTRATOR)
                .expectSuccessfulHandlerExecution()
                .expectEvents(new UserEnabled(USERNAME, "Back from parental leave"))
                .expectResultMessagePayload(new CommandOutcome(USERNAME, 3, false));
    }

    @Test
    void changeRolesOfUserEnabledAgain_rolesChanged() {
        fixture.given(REGISTERED, DISABLED, new UserEnabled(USERNAME, null))
                .when(new ChangeUserRoles(ACCOUNT_ID, List.of(Role.MANAGER), null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new UserRolesChanged(USERNAME, List.of(Role.MANAGER)));
    }

    @Test
    void enableEnabledUser_nothingHappens() {
        fixture.given(REGISTERED, DISABLED, new UserEnabled(USERNAME, null))
                .when(new EnableUser(ACCOUNT_ID, "Asked twice", null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(new CommandOutcome(USERNAME, 3, false));
    }

    @Test
    void disableUserEnabledAgain_userDisabledAgain() {
        fixture.given(REGISTERED, DISABLED, new UserEnabled(USERNAME, null))
                .when(new DisableUser(ACCOUNT_ID, "Left again", null), SENT_BY_ANOTHER_ADMINISTRATOR)
                .expectSuccessfulHandlerExecution()
                .expectEvents(new UserDisabled(USERNAME, "Left again"));
    }

    @Test
    void enableUnknownUser_aggregateNotFound() {
        fixture.givenNoPriorActivity()
                .when(new EnableUser(ACCOUNT_ID, null, null))
                .expectNoEvents()
                .expectException(AggregateNotFoundException.class);
    }

    // --- reset password -----------------------------------------------------------------------

    @Test
    void resetPasswordOfAnotherUser_passwordChanged() {
        fixture.given(REGISTERED)
                .when(new ResetUserPassword(ACCOUNT_ID, NEW_HASH, null), SENT_BY_ANOTHER_ADMINISTRATOR)
                .expectSuccessfulHandlerExecution()
                .expectEvents(new UserPasswordChanged(USERNAME, NEW_HASH))
                .expectResultMessagePayload(new CommandOutcome(USERNAME, 2, false));
    }

    @Test
    void resetOwnPassword_refusedAsOwnPasswordReset() {
        fixture.given(REGISTERED_ADMINISTRATOR)
                .when(new ResetUserPassword(ACCOUNT_ID, NEW_HASH, null), SENT_BY_THEMSELVES)
                .expectNoEvents()
                .expectException(violationOf(PeopleRule.OWN_PASSWORD_RESET));
    }

    @Test
    void resetPasswordOfDisabledUser_refusedAsUserDisabled() {
        fixture.given(REGISTERED, DISABLED)
                .when(new ResetUserPassword(ACCOUNT_ID, NEW_HASH, null), SENT_BY_ANOTHER_ADMINISTRATOR)
                .expectNoEvents()
                .expectException(violationOf(PeopleRule.USER_DISABLED));
    }

    @Test
    void resetPasswordToAPasswordInsteadOfAHash_commandCannotBeMade() {
        assertThatThrownBy(() -> new ResetUserPassword(ACCOUNT_ID, "a-new-password-in-clear", null))
                .isInstanceOf(IllegalArgumentException.class)
                .message().doesNotContain("a-new-password-in-clear");
    }

    @Test
    void commandsWithAHash_printWithoutIt() {
        // Commands may end up in logs; a bcrypt hash there could be attacked offline.
        assertThat(register(List.of(Role.SALES)).toString()).doesNotContain(HASH).contains(USERNAME);
        assertThat(new ChangeUserPassword(ACCOUNT_ID, NEW_HASH, null).toString()).doesNotContain(NEW_HASH);
        assertThat(new ResetUserPassword(ACCOUNT_ID, NEW_HASH, null).toString()).doesNotContain(NEW_HASH);
    }

    private static RegisterUser register(List<Role> roles) {
        return new RegisterUser(ACCOUNT_ID, USERNAME, HASH, roles, "employee-7");
    }
}
