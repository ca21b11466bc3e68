package org.kontor.command.people;

import java.net.URI;
import java.security.Principal;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.kontor.command.people.UserCommands.ChangeUserPassword;
import org.kontor.command.people.UserCommands.ChangeUserRoles;
import org.kontor.command.people.UserCommands.DisableUser;
import org.kontor.command.people.UserCommands.EnableUser;
import org.kontor.command.people.UserCommands.RegisterUser;
import org.kontor.command.people.UserCommands.ResetUserPassword;
import org.kontor.command.people.UserRequests.PasswordChangeJson;
import org.kontor.command.people.UserRequests.PasswordResetJson;
import org.kontor.command.people.UserRequests.ReasonJson;
import org.kontor.command.people.UserRequests.Registration;
import org.kontor.command.people.UserRequests.RegistrationJson;
import org.kontor.command.people.UserRequests.RolesJson;
import org.kontor.config.error.BusinessRuleViolation;
import org.kontor.config.error.CommonRule;
import org.kontor.config.http.CommandDispatcher;
import org.kontor.config.http.CommandOutcome;
import org.kontor.config.http.CommandOutcome.IdAndVersion;
import org.kontor.config.http.CommandResponses;
import org.kontor.config.http.NotFoundException;
import org.kontor.config.http.Versions;
import org.kontor.config.security.AuthenticationRequiredException;
import org.kontor.config.security.KnownUser;
import org.kontor.config.security.UserAccounts;
import org.kontor.events.people.UserAccountEvent;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * User administration and the user's own password over HTTP. Who may call what is the security
 * filter chain's business. Passwords are hashed here, at the edge, and go no further: commands,
 * events and answers carry only hashes. Reading an account and bcrypt both block, so they run off
 * the event loop.
 */
@RestController
@RequestMapping(path = "/api/users", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/*+json"},
        produces = MediaType.APPLICATION_JSON_VALUE)
class UserController {

    private final CommandDispatcher commands;
    private final UserAccounts userAccounts;
    private final PasswordEncoder passwordEncoder;

    UserController(CommandDispatcher commands, UserAccounts userAccounts, PasswordEncoder passwordEncoder) {
        this.commands = commands;
        this.userAccounts = userAccounts;
        this.passwordEncoder = passwordEncoder;
    }

    /**
     * A repeat of a registration (same roles, employee id and password) answers 200 as the first
     * did and sends nothing; a registration of a taken name with other content is a conflict.
     */
    @PostMapping
    Mono<ResponseEntity<IdAndVersion>> register(@RequestBody RegistrationJson body, ServerWebExchange exchange) {
        Registration registration = UserRequests.registration(body);
        String username = registration.username();
        return blocking(() -> currentAccount(username).orElse(null))
                .flatMap(known -> blocking(() -> repeatOf(registration, known)))
                .switchIfEmpty(Mono.defer(() -> blocking(() -> passwordEncoder.encode(registration.password()))
                        .flatMap(passwordHash -> send(exchange, username, new RegisterUser(accountId(username),
                                username, passwordHash, registration.roles(), registration.employeeId())))))
                .map(outcome -> CommandResponses.created(outcome, URI.create("/api/users/" + username)));
    }

    @PostMapping("/{username}/roles")
    Mono<ResponseEntity<IdAndVersion>> changeRoles(@PathVariable String username, @RequestBody RolesJson body,
                                                   ServerWebExchange exchange) {
        requireWellFormed(username);
        ChangeUserRoles command = new ChangeUserRoles(accountId(username), UserRequests.roles(body),
                Versions.expectedAggregateVersion(exchange));
        return send(exchange, username, command).map(CommandResponses::accepted);
    }

    @PostMapping("/{username}/disable")
    Mono<ResponseEntity<IdAndVersion>> disable(@PathVariable String username,
                                               @RequestBody(required = false) ReasonJson body,
                                               ServerWebExchange exchange) {
        requireWellFormed(username);
        DisableUser command = new DisableUser(accountId(username), UserRequests.reason(body),
                Versions.expectedAggregateVersion(exchange));
        return send(exchange, username, command).map(CommandResponses::accepted);
    }

    @PostMapping("/{username}/enable")
    Mono<ResponseEntity<IdAndVersion>> enable(@PathVariable String username,
                                              @RequestBody(required = false) ReasonJson body,
                                              ServerWebExchange exchange) {
        requireWellFormed(username);
        EnableUser command = new EnableUser(accountId(username), UserRequests.reason(body),
                Versions.expectedAggregateVersion(exchange));
        return send(exchange, username, command).map(CommandResponses::accepted);
    }

    /**
     * An administrator gives another user a new password, for a forgotten one or after a leak. The
     * user should choose their own at once with {@code /me/password}; nothing forces it yet.
     */
    @PostMapping("/{username}/password")
    Mono<ResponseEntity<IdAndVersion>> resetPassword(@PathVariable String username,
                                                     @RequestBody PasswordResetJson body,
                                                     ServerWebExchange exchange) {
        requireWellFormed(username);
        UserRequests.checkPasswordReset(body);
        Long expectedVersion = Versions.expectedAggregateVersion(exchange);
        return blocking(() -> passwordEncoder.encode(body.newPassword()))
                .flatMap(passwordHash -> send(exchange, username,
                        new ResetUserPassword(accountId(username), passwordHash, expectedVersion)))
                .map(CommandResponses::accepted);
    }

    /** The signed-in user chooses a new password, proving they know the current one. */
    @PostMapping("/me/password")
    Mono<ResponseEntity<IdAndVersion>> changeOwnPassword(@RequestBody PasswordChangeJson body,
                                                         ServerWebExchange exchange) {
        UserRequests.checkPasswordChange(body);
        Long expectedVersion = Versions.expectedAggregateVersion(exchange);
        return exchange.getPrincipal()
                .map(Principal::getName)
                .switchIfEmpty(Mono.error(AuthenticationRequiredException::new))
                .flatMap(username -> blocking(() -> newPasswordHash(username, body))
                        .flatMap(passwordHash -> send(exchange, username,
                                new ChangeUserPassword(accountId(username), passwordHash, expectedVersion))))
                .map(CommandResponses::accepted);
    }

    private CommandOutcome repeatOf(Registration registration, KnownUser known) {
        boolean sameAccount = known.enabled()
                && EnumSet.copyOf(known.roles()).equals(EnumSet.copyOf(registration.roles()))
                && Objects.equals(known.employeeId(), registration.employeeId())
                && passwordEncoder.matches(registration.password(), known.passwordHash());
        if (!sameAccount) {
            throw new BusinessRuleViolation(CommonRule.ALREADY_EXISTS,
                    "A different user named " + known.username() + " exists.");
        }
        return CommandOutcome.repeatedCreate(known.username());
    }

    private String newPasswordHash(String username, PasswordChangeJson body) {
        // A user signed in by a token from an identity provider may have no account here.
        KnownUser known = currentAccount(username).orElseThrow(() -> new NotFoundException("user", username));
        if (!passwordEncoder.matches(body.currentPassword(), known.passwordHash())) {
            throw new BusinessRuleViolation(PeopleRule.WRONG_PASSWORD, "The current password is not right.");
        }
        return passwordEncoder.encode(body.newPassword());
    }

    /**
     * The account as its events leave it, not as a cache of a few seconds remembers it: another
     * node may just have changed it, and decisions are taken on this.
     */
    private Optional<KnownUser> currentAccount(String username) {
        userAccounts.forget(username);
        return userAccounts.find(username);
    }

    private Mono<CommandOutcome> send(ServerWebExchange exchange, String username, Object command) {
        return commands.send(exchange, command).doOnNext(outcome -> userAccounts.forget(username));
    }

    /** A name that no account can have is answered like a name no account has. */
    private static void requireWellFormed(String username) {
        if (!UserRequests.USERNAME.matcher(username).matches()) {
            throw new NotFoundException("user", username);
        }
    }

    private static String accountId(String username) {
        return UserAccountEvent.accountId(username);
    }

    private static <T> Mono<T> blocking(Callable<T> call) {
        return Mono.fromCallable(call).subscribeOn(Schedulers.boundedElastic());
    }
}
