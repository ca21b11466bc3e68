package org.kontor.query.people;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.kontor.query.people.PeopleQueries.FetchUserQuery;
import org.kontor.query.people.PeopleQueries.FetchUsersQuery;
import org.kontor.query.people.PeopleViews.UserPage;
import org.kontor.query.people.PeopleViews.UserView;
import org.springframework.stereotype.Component;

/**
 * Answers the people queries: one account is an {@code _id} read; the list reads one more account
 * than asked for, to tell whether there is a next page. A directory holds as many accounts as the
 * company has staff, so the list's scan of the collection on the embedded store stays small.
 */
@Component
class PeopleQueryHandlers {

    private final MongoCollection<Document> users;

    PeopleQueryHandlers(MongoDatabase readStore) {
        this.users = readStore.getCollection(UserDirectoryProjection.COLLECTION);
    }

    /** The account, or {@code null} when the view does not know it. */
    @QueryHandler
    UserView handle(FetchUserQuery query) {
        Document user = users.find(Filters.eq("_id", query.username())).first();
        return user == null ? null : toUser(user);
    }

    @QueryHandler
    UserPage handle(FetchUsersQuery query) {
        Bson filter = query.afterUsername() == null ? new Document() : Filters.gt("_id", query.afterUsername());
        List<UserView> found = users.find(filter).sort(Sorts.ascending("_id")).limit(query.limit() + 1)
                .map(PeopleQueryHandlers::toUser).into(new ArrayList<>());
        boolean more = found.size() > query.limit();
        List<UserView> items = more ? found.subList(0, query.limit()) : found;
        return new UserPage(List.copyOf(items), more ? items.get(items.size() - 1).username() : null);
    }

    private static UserView toUser(Document user) {
        return new UserView(user.getString("_id"), List.copyOf(user.getList("roles", String.class)),
                user.getString("employeeId"), user.getBoolean("enabled"), instant(user, "registeredAt"),
                instant(user, "passwordChangedAt"), instant(user, "disabledAt"), user.getString("disabledReason"),
                instant(user, "reenabledAt"), user.getString("reenabledReason"), user.getLong("version"));
    }

    private static Instant instant(Document user, String field) {
        Date date = user.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
