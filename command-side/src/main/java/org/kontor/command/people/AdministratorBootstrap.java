package org.kontor.command.people;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.kontor.command.people.UserCommands.ChangeUserPassword;
import org.kontor.command.people.UserCommands.ChangeUserRoles;
import org.kontor.command.people.UserCommands.EnableUser;
import org.kontor.command.people.UserCommands.RegisterUser;
import org.kontor.config.axon.RequestMetadata;
import org.kontor.config.error.BusinessRuleViolation;
import org.kontor.config.error.CommonRule;
import org.kontor.config.error.RuleViolationDetails;
import org.kontor.config.security.KnownUser;
import org.kontor.config.security.UserAccounts;
import org.kontor.events.people.Role;
import org.kontor.events.people.UserAccountEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * A fresh installation has no user who could create users: on start, if there is no account
 * {@value #ADMINISTRATOR}, this creates it with the role ADMIN. Its password comes from
 * {@code ERP_ADMIN_PASSWORD} (or {@code erp.security.admin-password}); without one, a random
 * password is made and printed once to standard output, deliberately not to the log, whose files
 * are kept and shipped. {@code erp.security.create-administrator=false} turns it off (for nodes
 * that should never create accounts).
 *
 * <p>The way back when no administrator can sign in (the password forgotten, the role taken, the
 * account disabled): {@code erp.security.reset-admin=true} with a configured password enables the
 * existing account {@value #ADMINISTRATOR} if it is disabled and gives it that password and the
 * role ADMIN at start, as the system user, so the history shows it. Whoever sets the server's
 * configuration can read its data directory anyway, so this opens nothing to anyone who could not
 * already. A start with the flag and the same password changes nothing.
 */
@Component
@ConditionalOnProperty(name = "erp.security.create-administrator", havingValue = "true", matchIfMissing = true)
class AdministratorBootstrap {

    static final String ADMINISTRATOR = "admin";
    /** The user commands are attributed to when no person sent them. */
    static final String SYSTEM_USER = "system";

    private static final Logger log = LoggerFactory.getLogger(AdministratorBootstrap.class);

    private final UserAccounts userAccounts;
    private final PasswordEncoder passwordEncoder;
    private final CommandGateway commandGateway;
    private final String configuredPassword;
    private final Supplier<String> randomPasswords;
    private final PrintStream console;
    private final boolean resetAdministrator;

    @Autowired
    AdministratorBootstrap(UserAccounts userAccounts, PasswordEncoder passwordEncoder, CommandGateway commandGateway,
                           @Value("${ERP_ADMIN_PASSWORD:${erp.security.admin-password:}}") String configuredPassword,
                           @Value("${erp.security.reset-admin:false}") boolean resetAdministrator) {
        this(userAccounts, passwordEncoder, commandGateway, configuredPassword, RandomPasswords::next, System.out,
                resetAdministrator);
    }

    AdministratorBootstrap(UserAccounts userAccounts, PasswordEncoder passwordEncoder, CommandGateway commandGateway,
                           String configuredPassword, Supplier<String> randomPasswords, PrintStream console,
                           boolean resetAdministrator) {
        this.userAccounts = userAccounts;
        this.passwordEncoder = passwordEncoder;
        this.commandGateway = commandGateway;
        this.configuredPassword = configuredPassword == null ? "" : configuredPassword;
        this.randomPasswords = randomPasswords;
        this.console = console;
        this.resetAdministrator = resetAdministrator;
        if (resetAdministrator && this.configuredPassword.isEmpty()) {
            throw new IllegalStateException("erp.security.reset-admin=true needs the new password of '"
                    + ADMINISTRATOR + "' in ERP_ADMIN_PASSWORD (or erp.security.admin-password).");
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void onApplicationReady() {
        if (!createAdministratorIfMissing() && resetAdministrator) {
            resetAdministrator();
        }
    }

    /**
     * Enables the existing account {@value #ADMINISTRATOR} and gives it the configured password and
     * the role ADMIN; returns what it changed: nothing when it is enabled and has both already.
     */
    List<String> resetAdministrator() {
        userAccounts.forget(ADMINISTRATOR);
        KnownUser admin = userAccounts.find(ADMINISTRATOR).orElseThrow(() -> new IllegalStateException(
                "erp.security.reset-admin=true, but there is no account '" + ADMINISTRATOR + "' to reset."));
        String password = checkedConfiguredPassword();
        String accountId = UserAccountEvent.accountId(ADMINISTRATOR);
        List<String> changed = new ArrayList<>();
        try {
            // First: a disabled account takes no other change.
            if (!admin.enabled()) {
                commandGateway.sendAndWait(new EnableUser(accountId, "erp.security.reset-admin", null),
                        startupMetadata());
                changed.add("enabled");
            }
            if (!passwordEncoder.matches(password, admin.passwordHash())) {
                commandGateway.sendAndWait(new ChangeUserPassword(accountId, passwordEncoder.encode(password), null),
                        startupMetadata());
                changed.add("the configured password");
            }
            if (!admin.roles().contains(Role.ADMIN)) {
                List<Role> roles = new ArrayList<>(admin.roles());
                roles.add(Role.ADMIN);
                commandGateway.sendAndWait(new ChangeUserRoles(accountId, roles, null), startupMetadata());
                changed.add("the role ADMIN");
            }
        } finally {
            userAccounts.forget(ADMINISTRATOR);
        }
        if (changed.isEmpty()) {
            log.info("erp.security.reset-admin=true: the account '{}' is enabled and has the configured password and "
                    + "the role ADMIN already; nothing changed. Remove the setting.", ADMINISTRATOR);
        } else {
            log.warn("erp.security.reset-admin=true: changed the account '{}': {}. Remove the setting.",
                    ADMINISTRATOR, String.join(", ", changed));
        }
        return changed;
    }

    /** Whether this call created the administrator; false when the account already existed. */
    boolean createAdministratorIfMissing() {
        if (userAccounts.find(ADMINISTRATOR).isPresent()) {
            return false;
        }
        boolean generated = configuredPassword.isEmpty();
        String password = generated ? randomPasswords.get() : checkedConfiguredPassword();
        RegisterUser command = new RegisterUser(UserAccountEvent.accountId(ADMINISTRATOR), ADMINISTRATOR,
                passwordEncoder.encode(password), List.of(Role.ADMIN), null);
        try {
            commandGateway.sendAndWait(command, startupMetadata());
        } catch (RuntimeException failure) {
            if (isCreatedElsewhere(failure)) {
                log.info("Another node created the administrator '{}' at the same time.", ADMINISTRATOR);
                return false;
            }
            throw failure;
        } finally {
            userAccounts.forget(ADMINISTRATOR);
        }
        if (generated) {
            console.println(banner(password));
            console.flush();
        } else {
            log.info("Created the administrator '{}' with the configured password.", ADMINISTRATOR);
        }
        return true;
    }

    /** Every command carries the full metadata auditors read, also one the system sends itself. */
    private static MetaData startupMetadata() {
        String startup = "startup-" + UUID.randomUUID();
        return MetaData.from(Map.of(
                RequestMetadata.USER_ID, SYSTEM_USER,
                RequestMetadata.CORRELATION_ID, startup,
                RequestMetadata.CAUSATION_ID, startup,
                RequestMetadata.REQUEST_ID, startup,
                RequestMetadata.CLIENT_IP, "local"));
    }

    /** Refuses to start with a configured password that the API would refuse as a new password. */
    private String checkedConfiguredPassword() {
        int length = configuredPassword.codePointCount(0, configuredPassword.length());
        if (length < UserRequests.MIN_PASSWORD_LENGTH || length > UserRequests.MAX_PASSWORD_LENGTH
                || configuredPassword.getBytes(StandardCharsets.UTF_8).length > UserRequests.MAX_PASSWORD_BYTES) {
            throw new IllegalStateException("ERP_ADMIN_PASSWORD (erp.security.admin-password) must be "
                    + UserRequests.MIN_PASSWORD_LENGTH + " to " + UserRequests.MAX_PASSWORD_LENGTH
                    + " characters and at most " + UserRequests.MAX_PASSWORD_BYTES + " bytes in UTF-8.");
        }
        return configuredPassword;
    }

    /** The account was there after all: another node's create won the race. */
    private static boolean isCreatedElsewhere(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof AggregateStreamCreationException
                    || cause instanceof BusinessRuleViolation violation && violation.rule() == CommonRule.ALREADY_EXISTS
                    || cause instanceof CommandExecutionException remote
                    && remote.getDetails().orElse(null) instanceof RuleViolationDetails details
                    && CommonRule.ALREADY_EXISTS.name().equals(details.code())) {
                return true;
            }
        }
        return false;
    }

    static String banner(String password) {
        String rule = "=".repeat(78);
        return String.join(System.lineSeparator(),
                rule,
                " Kontor created the administrator '" + ADMINISTRATOR + "' with the one-time password:",
                "",
                "     " + password,
                "",
                " Change it with POST /api/users/me/password",
                " This password is shown only this once; it is not written to the log.",
                rule);
    }
}
