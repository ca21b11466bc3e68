package org.kontor.command.people;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.kontor.command.people.UserCommands.ChangeUserPassword;
import org.kontor.command.people.UserCommands.ChangeUserRoles;
import org.kontor.command.people.UserCommands.DisableUser;
import org.kontor.command.people.UserCommands.EnableUser;
import org.kontor.command.people.UserCommands.RegisterUser;
import org.kontor.command.people.UserCommands.ResetUserPassword;
import org.kontor.config.axon.RequestMetadata;
import org.kontor.config.error.BusinessRuleViolation;
import org.kontor.config.error.CommonRule;
import org.kontor.config.http.CommandOutcome;
import org.kontor.events.people.Role;
import org.kontor.events.people.UserAccountEvent;
import org.kontor.events.people.UserAccountEvent.UserDisabled;
import org.kontor.events.people.UserAccountEvent.UserEnabled;
import org.kontor.events.people.UserAccountEvent.UserPasswordChanged;
import org.kontor.events.people.UserAccountEvent.UserRegistered;
import org.kontor.events.people.UserAccountEvent.UserRolesChanged;

/**
 * A user account: who may sign in, with which roles. A disabled account takes no change until an
 * administrator enables it again, with the roles and password it had; its name is never given to
 * anyone else. Command handlers decide and apply; event sourcing handlers only assign. The
 * password hash is not kept: no decision here needs it.
 *
 * <p>No one disables their own account or takes the role ADMIN from it ({@link
 * PeopleRule#SELF_LOCKOUT}); another administrator can. Only administrators change accounts, so
 * each change that leaves an administrator fewer is made by one who stays: one after the other,
 * such changes never leave the system without an administrator who can sign in. (Two
 * administrators taking the role from each other at the same moment still can: the rule is kept
 * by each account, not across accounts.) The acting user is the command's {@code userId}; a
 * command without one (sent by the system) is not anyone's own.
 */
@Aggregate
class UserAccount {

    @AggregateIdentifier
    private String accountId;
    private String username;
    private Set<Role> roles;
    private boolean disabled;

    UserAccount() {
        // for Axon: an empty account that events (or a creating command) fill in
    }

    /**
     * Always refused when the account exists, even with the same content: the password arrives
     * salted and hashed, so only the HTTP edge can tell a repeat, and answers it without a command.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    CommandOutcome handle(RegisterUser command) {
        if (isRegistered()) {
            throw new BusinessRuleViolation(CommonRule.ALREADY_EXISTS, "A user named " + username + " exists.");
        }
        apply(new UserRegistered(command.username(), command.passwordHash(), command.roles(),
                command.employeeId()));
        return CommandOutcome.ofCurrentAggregate(command.username(), true);
    }

    @CommandHandler
    CommandOutcome handle(ChangeUserRoles command, @MetaDataValue(RequestMetadata.USER_ID) String actor) {
        refuseIfDisabled();
        if (isOwn(actor) && roles.contains(Role.ADMIN) && !command.roles().contains(Role.ADMIN)) {
            throw new BusinessRuleViolation(PeopleRule.SELF_LOCKOUT, "You cannot take the role ADMIN from your own "
                    + "account; another administrator can. So there is always an administrator who can sign in.");
        }
        if (!hasExactly(command.roles())) {
            apply(new UserRolesChanged(username, command.roles()));
        }
        return currentVersion();
    }

    @CommandHandler
    CommandOutcome handle(ChangeUserPassword command) {
        refuseIfDisabled();
        apply(new UserPasswordChanged(username, command.passwordHash()));
        return currentVersion();
    }

    /**
     * An administrator's reset of another user's password. Their own goes through the change that
     * asks for the current password: a reset needs none, so allowing it for oneself would let a
     * borrowed session take an administrator's account for good.
     */
    @CommandHandler
    CommandOutcome handle(ResetUserPassword command, @MetaDataValue(RequestMetadata.USER_ID) String actor) {
        if (isOwn(actor)) {
            throw new BusinessRuleViolation(PeopleRule.OWN_PASSWORD_RESET, "You change your own password with "
                    + "POST /api/users/me/password, which asks for the current one.");
        }
        refuseIfDisabled();
        apply(new UserPasswordChanged(username, command.passwordHash()));
        return currentVersion();
    }

    @CommandHandler
    CommandOutcome handle(DisableUser command, @MetaDataValue(RequestMetadata.USER_ID) String actor) {
        if (!disabled && isOwn(actor)) {
            throw new BusinessRuleViolation(PeopleRule.SELF_LOCKOUT, "You cannot disable your own account; another "
                    + "administrator can. So there is always an administrator who can sign in.");
        }
        if (!disabled) {
            apply(new UserDisabled(username, command.reason()));
        }
        return currentVersion();
    }

    /** Enabling an enabled account changes nothing and answers its version, as a repeat would. */
    @CommandHandler
    CommandOutcome handle(EnableUser command) {
        if (disabled) {
            apply(new UserEnabled(username, command.reason()));
        }
        return currentVersion();
    }

    /** Whether the user sending the command is this account's user. */
    private boolean isOwn(String actor) {
        return username.equals(actor);
    }

    private boolean isRegistered() {
        return accountId != null;
    }

    private boolean hasExactly(List<Role> someRoles) {
        return roles.equals(EnumSet.copyOf(someRoles));
    }

    private void refuseIfDisabled() {
        if (disabled) {
            throw new BusinessRuleViolation(PeopleRule.USER_DISABLED, "The user " + username + " is disabled.");
        }
    }

    private CommandOutcome currentVersion() {
        return CommandOutcome.ofCurrentAggregate(username, false);
    }

    @EventSourcingHandler
    void on(UserRegistered event) {
        accountId = UserAccountEvent.accountId(event.username());
        username = event.username();
        roles = EnumSet.copyOf(event.roles());
    }

    @EventSourcingHandler
    void on(UserRolesChanged event) {
        roles = EnumSet.copyOf(event.roles());
    }

    @EventSourcingHandler
    void on(UserDisabled event) {
        disabled = true;
    }

    @EventSourcingHandler
    void on(UserEnabled event) {
        disabled = false;
    }
}
