package org.kontor.command.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kontor.command.people.UserCommands.ChangeUserRoles;
import org.kontor.command.people.UserCommands.DisableUser;
import org.kontor.command.people.UserCommands.RegisterUser;
import org.kontor.config.security.KnownUser;
import org.kontor.config.security.UserAccounts;
import org.kontor.events.people.Role;
import org.kontor.events.people.UserAccountEvent;
import org.kontor.events.people.UserAccountEvent.UserDisabled;
import org.kontor.events.people.UserAccountEvent.UserEnabled;
import org.kontor.events.people.UserAccountEvent.UserPasswordChanged;
import org.kontor.events.people.UserAccountEvent.UserRegistered;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The first start of an installation, on Axon without Spring. */
class AdministratorBootstrapTest {

    private static final String GENERATED = "Gen3ratedPasswordForTests";
    private static final String ADMIN_ACCOUNT = UserAccountEvent.accountId("admin");

    /** The lowest cost bcrypt allows, so the tests stay fast; the form of the hash is the same. */
    private final PasswordEncoder passwordEncoder = new BCryptPasswordEncoder(4);
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private Configuration axon;
    private UserAccounts userAccounts;

    @BeforeEach
    void startAxon() {
        axon = InMemoryAxon.withUserAccounts();
        userAccounts = new UserAccounts(axon.eventStore());
    }

    @AfterEach
    void stopAxon() {
        axon.shutdown();
    }

    @Test
    void firstStartWithoutConfiguredPassword_adminCreatedWithARandomPasswordPrintedOnce() {
        boolean created = bootstrap("").createAdministratorIfMissing();

        assertThat(created).isTrue();
        KnownUser admin = userAccounts.find("admin").orElseThrow();
        assertThat(admin.roles()).containsExactly(Role.ADMIN);
        assertThat(admin.enabled()).isTrue();
        assertThat(passwordEncoder.matches(GENERATED, admin.passwordHash())).isTrue();
        assertThat(printed()).contains("Kontor created the administrator 'admin' with the one-time password:",
                GENERATED, "Change it with POST /api/users/me/password");
        assertThat(printed().split(GENERATED, -1)).as("the password is printed exactly once").hasSize(2);
    }

    @Test
    void firstStart_registrationAttributedToTheSystem() {
        bootstrap("").createAdministratorIfMissing();

        List<DomainEventMessage<?>> events = eventsOfAdmin();
        assertThat(events).hasSize(1);
        assertThat(events.get(0).getMetaData()).containsEntry("userId", "system");
    }

    @Test
    void firstStartWithConfiguredPassword_adminCreatedWithItAndNothingPrinted() {
        String configured = "configured-admin-password";

        boolean created = bootstrap(configured).createAdministratorIfMissing();

        assertThat(created).isTrue();
        assertThat(passwordEncoder.matches(configured, userAccounts.find("admin").orElseThrow().passwordHash()))
                .isTrue();
        assertThat(printed()).isEmpty();
    }

    @Test
    void laterStart_nothingHappens() {
        bootstrap("").createAdministratorIfMissing();
        console.reset();

        boolean created = bootstrap("").createAdministratorIfMissing();

        assertThat(created).isFalse();
        assertThat(eventsOfAdmin()).hasSize(1);
        assertThat(printed()).isEmpty();
    }

    @Test
    void laterStartAfterTheAdministratorWasDisabled_nothingHappens() {
        // Not a back door: without erp.security.reset-admin, a disabled administrator stays disabled.
        bootstrap("").createAdministratorIfMissing();
        axon.commandGateway().sendAndWait(new UserCommands.DisableUser(ADMIN_ACCOUNT, "replaced", null));
        console.reset();

        boolean created = bootstrap("configured-admin-password").createAdministratorIfMissing();

        assertThat(created).isFalse();
        assertThat(userAccounts.find("admin").orElseThrow().enabled()).isFalse();
    }

    @Test
    void startWhileAnotherNodeCreatesTheAdministrator_otherNodesAccountKeptAndNothingPrinted() {
        // This node looked first (and remembers that there was no account); the other node won.
        assertThat(userAccounts.find("admin")).isEmpty();
        axon.commandGateway().sendAndWait(new RegisterUser(ADMIN_ACCOUNT, "admin",
                passwordEncoder.encode("other-nodes-password"), List.of(Role.ADMIN), null));

        boolean created = bootstrap("").createAdministratorIfMissing();

        assertThat(created).isFalse();
        assertThat(eventsOfAdmin()).hasSize(1);
        assertThat(passwordEncoder.matches("other-nodes-password",
                userAccounts.find("admin").orElseThrow().passwordHash())).isTrue();
        assertThat(printed()).isEmpty();
    }

    @Test
    void firstStartWithTooShortConfiguredPassword_refusedToStartWithoutShowingIt() {
        assertThatThrownBy(() -> bootstrap("tooShort").createAdministratorIfMissing())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ERP_ADMIN_PASSWORD")
                .message().doesNotContain("tooShort");
        assertThat(userAccounts.find("admin")).isEmpty();
    }

    // --- erp.security.reset-admin -----------------------------------------------------------

    @Test
    void startWithResetAfterThePasswordWasForgotten_configuredPasswordSetByTheSystem() {
        bootstrap("").createAdministratorIfMissing();

        List<String> changed = resetting("new-admin-password-1").resetAdministrator();

        assertThat(changed).containsExactly("the configured password");
        assertThat(passwordEncoder.matches("new-admin-password-1",
                userAccounts.find("admin").orElseThrow().passwordHash())).isTrue();
        List<DomainEventMessage<?>> events = eventsOfAdmin();
        assertThat(events).hasSize(2);
        assertThat(events.get(1).getPayload()).isInstanceOf(UserPasswordChanged.class);
        assertThat(events.get(1).getMetaData()).containsEntry("userId", "system");
    }

    @Test
    void startWithResetAfterTheRoleWasTaken_adminGivenTheRoleBackKeepingItsOthers() {
        bootstrap("configured-admin-password").createAdministratorIfMissing();
        axon.commandGateway().sendAndWait(new ChangeUserRoles(ADMIN_ACCOUNT, List.of(Role.MANAGER), null));

        List<String> changed = resetting("configured-admin-password").resetAdministrator();

        assertThat(changed).containsExactly("the role ADMIN");
        assertThat(userAccounts.find("admin").orElseThrow().roles()).containsExactly(Role.ADMIN, Role.MANAGER);
    }

    @Test
    void startWithResetWhenNothingIsLost_nothingWritten() {
        bootstrap("configured-admin-password").createAdministratorIfMissing();

        List<String> changed = resetting("configured-admin-password").resetAdministrator();

        assertThat(changed).isEmpty();
        assertThat(eventsOfAdmin()).hasSize(1);
    }

    @Test
    void firstStartWithReset_adminCreatedOnceWithTheConfiguredPassword() {
        resetting("configured-admin-password").onApplicationReady();

        assertThat(eventsOfAdmin()).hasSize(1);
        assertThat(passwordEncoder.matches("configured-admin-password",
                userAccounts.find("admin").orElseThrow().passwordHash())).isTrue();
    }

    @Test
    void startWithResetOfADisabledAdministrator_enabledFirstThenGivenThePassword() {
        bootstrap("").createAdministratorIfMissing();
        axon.commandGateway().sendAndWait(new DisableUser(ADMIN_ACCOUNT, "replaced", null));

        List<String> changed = resetting("new-admin-password-1").resetAdministrator();

        assertThat(changed).containsExactly("enabled", "the configured password");
        KnownUser admin = userAccounts.find("admin").orElseThrow();
        assertThat(admin.enabled()).isTrue();
        assertThat(passwordEncoder.matches("new-admin-password-1", admin.passwordHash())).isTrue();
        List<DomainEventMessage<?>> events = eventsOfAdmin();
        assertThat(events).<Class<?>>extracting(event -> event.getPayload().getClass())
                .containsExactly(UserRegistered.class, UserDisabled.class, UserEnabled.class, UserPasswordChanged.class);
        assertThat(events.get(2).getPayload()).isEqualTo(new UserEnabled("admin", "erp.security.reset-admin"));
        assertThat(events.get(2).getMetaData()).containsEntry("userId", "system");
    }

    @Test
    void resetWithoutConfiguredPassword_refusedToStart() {
        assertThatThrownBy(() -> resetting(""))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("erp.security.reset-admin=true needs the new password");
    }

    private AdministratorBootstrap bootstrap(String configuredPassword) {
        return new AdministratorBootstrap(userAccounts, passwordEncoder, axon.commandGateway(), configuredPassword,
                () -> GENERATED, new PrintStream(console, true, StandardCharsets.UTF_8), false);
    }

    private AdministratorBootstrap resetting(String configuredPassword) {
        return new AdministratorBootstrap(userAccounts, passwordEncoder, axon.commandGateway(), configuredPassword,
                () -> GENERATED, new PrintStream(console, true, StandardCharsets.UTF_8), true);
    }

    private String printed() {
        return console.toString(StandardCharsets.UTF_8);
    }

    private List<DomainEventMessage<?>> eventsOfAdmin() {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        DomainEventStream stream = axon.eventStore().readEvents(ADMIN_ACCOUNT);
        stream.forEachRemaining(events::add);
        return events;
    }
}
