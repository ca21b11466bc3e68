package org.kontor.query.people;

import java.security.Principal;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.kontor.config.http.AxonCalls;
import org.kontor.config.http.InvalidRequestException;
import org.kontor.config.http.Page;
import org.kontor.config.http.PageRequest;
import org.kontor.config.http.ReadConsistency;
import org.kontor.config.security.AuthenticationRequiredException;
import org.kontor.query.people.PeopleQueries.FetchUserQuery;
import org.kontor.query.people.PeopleQueries.FetchUsersQuery;
import org.kontor.query.people.PeopleViews.UserPage;
import org.kontor.query.people.PeopleViews.UserView;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * User accounts over HTTP, read side: the directory for administrators, one account by name (the
 * {@code Location} a registration answers), and {@code me}, the signed-in user's own account, for
 * every role (who may call what is the security filter chain's business). {@code consistent=true}
 * waits for the view, {@code minVersion=N} for the account's version N, the version is the
 * {@code ETag}.
 */
@RestController
@RequestMapping(path = "/api/users", produces = MediaType.APPLICATION_JSON_VALUE)
class UserQueryController {

    /** Usernames are at most 64 characters (the registration's rule); longer is not a name at all. */
    private static final int MAX_USERNAME_LENGTH = 64;
    private static final String CURSOR_PREFIX = "user:";

    private final QueryGateway queries;
    private final ReadConsistency consistency;

    UserQueryController(QueryGateway queries, ReadConsistency consistency) {
        this.queries = queries;
        this.consistency = consistency;
    }

    @GetMapping
    Mono<Page<UserView>> users(@RequestParam(required = false) Integer limit,
                               @RequestParam(required = false) String cursor,
                               @RequestParam(required = false) Boolean consistent) {
        PageRequest page = PageRequest.of(limit, cursor);
        String after = page.isFirstPage() ? null : PageRequest.withoutPrefix(page.cursorPosition(), CURSOR_PREFIX);
        return consistency.awaitIfRequested(consistent, PeopleViews.PROCESSOR)
                .then(AxonCalls.offEventLoop(() -> queries.query(new FetchUsersQuery(after, page.limit()),
                        ResponseTypes.instanceOf(UserPage.class))))
                .map(found -> new Page<>(found.items(), found.lastUsername() == null ? null
                        : PageRequest.encodeCursor(CURSOR_PREFIX + found.lastUsername())));
    }

    /** The signed-in user's account; 404 for a user signed in by a token who has no account here. */
    @GetMapping("/me")
    Mono<ResponseEntity<UserView>> me(ServerWebExchange exchange, @RequestParam(required = false) Boolean consistent,
                                      @RequestParam(required = false) Long minVersion) {
        return exchange.getPrincipal()
                .map(Principal::getName)
                .switchIfEmpty(Mono.error(AuthenticationRequiredException::new))
                // Not checked against the registration's rule: a token's subject may be any length.
                .flatMap(username -> read(username, consistent, minVersion));
    }

    @GetMapping("/{username}")
    Mono<ResponseEntity<UserView>> user(@PathVariable String username,
                                        @RequestParam(required = false) Boolean consistent,
                                        @RequestParam(required = false) Long minVersion) {
        if (username.length() > MAX_USERNAME_LENGTH) {
            throw new InvalidRequestException("username", "must be at most " + MAX_USERNAME_LENGTH + " characters");
        }
        return read(username, consistent, minVersion);
    }

    private Mono<ResponseEntity<UserView>> read(String username, Boolean consistent, Long minVersion) {
        return consistency.readVersioned(PeopleViews.PROCESSOR, consistent, minVersion,
                () -> AxonCalls.offEventLoop(() -> queries.query(new FetchUserQuery(username),
                        ResponseTypes.instanceOf(UserView.class))),
                UserView::version, "user", username);
    }
}
