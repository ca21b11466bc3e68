package org.kontor.command.people;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.kontor.command.people.UserCommands.RegisterUser;
import org.kontor.config.axon.RequestMetadata;
import org.kontor.config.error.BusinessRuleViolation;
import org.kontor.config.error.CommonRule;
import org.kontor.config.error.RuleViolationDetails;
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

    @Autowired
    AdministratorBootstrap(UserAccounts userAccounts, PasswordEncoder passwordEncoder, CommandGateway commandGateway,
                           @Value("${ERP_ADMIN_PASSWORD:${erp.security.admin-password:}}") String configuredPassword) {
        this(userAccounts, passwordEncoder, commandGateway, configuredPassword, RandomPasswords::next, System.out);
    }

    AdministratorBootstrap(UserAccounts userAccounts, PasswordEncoder passwordEncoder, CommandGateway commandGateway,
                           String configuredPassword, Supplier<String> randomPasswords, PrintStream console) {
        this.userAccounts = userAccounts;
        this.passwordEncoder = passwordEncoder;
        this.commandGateway = commandGateway;
        this.configuredPassword = configuredPassword == null ? "" : configuredPassword;
        this.randomPasswords = randomPasswords;
        this.console = console;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onApplicationReady() {
        createAdministratorIfMissing();
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
