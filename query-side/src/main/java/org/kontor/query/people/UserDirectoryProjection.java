package org.kontor.query.people;

import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;
import org.kontor.events.people.Role;
import org.kontor.events.people.UserAccountEvent;
import org.kontor.events.people.UserAccountEvent.UserDisabled;
import org.kontor.events.people.UserAccountEvent.UserEnabled;
import org.kontor.events.people.UserAccountEvent.UserPasswordChanged;
import org.kontor.events.people.UserAccountEvent.UserRegistered;
import org.kontor.events.people.UserAccountEvent.UserRolesChanged;
import org.kontor.query.projection.DocumentBatch;
import org.springframework.stereotype.Component;

/**
 * One document per user account, keyed by its username, which is also the order of the list. The
 * password hash of an event is never copied here: the view says when the password changed, not what
 * it is.
 */
@Component
@ProcessingGroup(PeopleViews.PROCESSOR)
class UserDirectoryProjection {

    static final String COLLECTION = "users";

    private final MongoDatabase readStore;

    UserDirectoryProjection(MongoDatabase readStore) {
        this.readStore = readStore;
    }

    @EventHandler
    void on(UserRegistered event, @Timestamp Instant recordedAt, @SequenceNumber long sequenceNumber,
            TrackingToken token) {
        change(event, token, sequenceNumber, true, user -> {
            user.put("roles", names(event.roles()));
            user.put("employeeId", event.employeeId());
            user.put("enabled", true);
            user.put("registeredAt", Date.from(recordedAt));
        });
    }

    @EventHandler
    void on(UserRolesChanged event, @SequenceNumber long sequenceNumber, TrackingToken token) {
        change(event, token, sequenceNumber, false, user -> user.put("roles", names(event.roles())));
    }

    @EventHandler
    void on(UserPasswordChanged event, @Timestamp Instant recordedAt, @SequenceNumber long sequenceNumber,
            TrackingToken token) {
        change(event, token, sequenceNumber, false, user -> user.put("passwordChangedAt", Date.from(recordedAt)));
    }

    @EventHandler
    void on(UserDisabled event, @Timestamp Instant recordedAt, @SequenceNumber long sequenceNumber,
            TrackingToken token) {
        change(event, token, sequenceNumber, false, user -> {
            user.put("enabled", false);
            user.put("disabledAt", Date.from(recordedAt));
            user.put("disabledReason", event.reason());
            user.remove("reenabledAt");
            user.remove("reenabledReason");
        });
    }

    @EventHandler
    void on(UserEnabled event, @Timestamp Instant recordedAt, @SequenceNumber long sequenceNumber,
            TrackingToken token) {
        change(event, token, sequenceNumber, false, user -> {
            user.put("enabled", true);
            user.put("reenabledAt", Date.from(recordedAt));
            user.put("reenabledReason", event.reason());
            user.remove("disabledAt");
            user.remove("disabledReason");
        });
    }

    @ResetHandler
    void clear() {
        readStore.getCollection(COLLECTION).drop();
    }

    private void change(UserAccountEvent event, TrackingToken token, long sequenceNumber, boolean creates,
                        Consumer<Document> change) {
        DocumentBatch.current(readStore).applyVersioned(COLLECTION, event.username(),
                UserDirectoryProjection::usernameOf, token, sequenceNumber, creates, change);
    }

    private static List<String> names(List<Role> roles) {
        return roles.stream().map(Role::name).toList();
    }

    static String usernameOf(Object payload) {
        return payload instanceof UserAccountEvent event ? event.username() : null;
    }
}
