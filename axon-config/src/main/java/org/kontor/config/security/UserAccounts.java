package org.kontor.config.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.kontor.events.people.UserAccountEvent;
import org.kontor.events.people.UserAccountEvent.UserDisabled;
import org.kontor.events.people.UserAccountEvent.UserEnabled;
import org.kontor.events.people.UserAccountEvent.UserPasswordChanged;
import org.kontor.events.people.UserAccountEvent.UserRegistered;
import org.kontor.events.people.UserAccountEvent.UserRolesChanged;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Reads user accounts from their own event streams, so sign-in never waits for a projection to
 * catch up (after a restart the read models are still replaying) and works the same on every node.
 * Accounts are cached for {@value #CACHE_SECONDS} seconds, at most {@value #MAX_CACHED} of them; a
 * node that changes an account forgets it at once, other nodes within the cache time.
 */
@Component
public class UserAccounts {

    static final int CACHE_SECONDS = 5;
    static final int MAX_CACHED = 10_000;

    private final EventStore eventStore;
    private final Clock clock;
    private final Map<String, Cached> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
            return size() > MAX_CACHED;
        }
    };

    @Autowired
    public UserAccounts(EventStore eventStore) {
        this(eventStore, Clock.systemUTC());
    }

    UserAccounts(EventStore eventStore, Clock clock) {
        this.eventStore = eventStore;
        this.clock = clock;
    }

    /** The account of {@code username}, if there is one. Blocking: call it off the event loop. */
    public Optional<KnownUser> find(String username) {
        Instant now = clock.instant();
        synchronized (cache) {
            Cached cached = cache.get(username);
            if (cached != null && cached.until().isAfter(now)) {
                return cached.user();
            }
        }
        Optional<KnownUser> user = load(username);
        synchronized (cache) {
            cache.put(username, new Cached(user, now.plus(Duration.ofSeconds(CACHE_SECONDS))));
        }
        return user;
    }

    /** Drops a changed account from the cache, so the next request sees the change. */
    public void forget(String username) {
        synchronized (cache) {
            cache.remove(username);
        }
    }

    private Optional<KnownUser> load(String username) {
        DomainEventStream events = eventStore.readEvents(UserAccountEvent.accountId(username));
        KnownUser user = null;
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            user = apply(user, event.getPayload());
        }
        return Optional.ofNullable(user);
    }

    static KnownUser apply(KnownUser user, Object event) {
        if (event instanceof UserRegistered registered) {
            return new KnownUser(registered.username(), registered.passwordHash(), registered.roles(),
                    registered.employeeId(), true);
        }
        if (user == null) {
            return null; // not an account stream
        }
        if (event instanceof UserRolesChanged changed) {
            return new KnownUser(user.username(), user.passwordHash(), changed.roles(), user.employeeId(),
                    user.enabled());
        }
        if (event instanceof UserPasswordChanged changed) {
            return new KnownUser(user.username(), changed.passwordHash(), user.roles(), user.employeeId(),
                    user.enabled());
        }
        if (event instanceof UserDisabled) {
            return new KnownUser(user.username(), user.passwordHash(), user.roles(), user.employeeId(), false);
        }
        if (event instanceof UserEnabled) {
            return new KnownUser(user.username(), user.passwordHash(), user.roles(), user.employeeId(), true);
        }
        return user;
    }

    private record Cached(Optional<KnownUser> user, Instant until) {
    }

    /** For tests and tools: the roles of a freshly loaded account. */
    List<String> roleNames(String username) {
        return find(username).map(user -> user.roles().stream().map(Enum::name).toList()).orElse(List.of());
    }
}
