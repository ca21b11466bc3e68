package org.kontor.config.storage;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;

/**
 * Which physical collection serves each read-model collection, so that a read model can be rebuilt
 * beside the copy that serves it and then switched in at once.
 *
 * <p>Projections and queries name collections by what they hold ({@code ledger_lines}); through
 * {@link #database()} every call on such a collection resolves the name again. Normally a name is
 * served by the collection of that name. Code running inside {@link #buildingAside} instead reaches
 * the name's <em>other</em> copy ({@code ledger_lines__rebuilt}, or back to {@code ledger_lines}
 * once the rebuilt one serves), and the names it touches are recorded as that read model's. {@link
 * #switchIn} then points all of them at the other copy in one step: one in-memory swap for reads
 * and one document write for restarts ({@value #SWITCHES}), so no read sees a mix of a half-built
 * and a complete model.
 *
 * <p>Why not rename the collections? mongo-java-server's {@code renameCollection} with
 * {@code dropTarget} drops the target and then moves the source, so a read in between finds no
 * collection at all; on MongoDB a rename kills the queries running on the target. A read model of
 * several collections could not switch all of them at once either way.
 *
 * <p>At start, the copies that serve nothing (left by a rebuild that crashed before its switch, or
 * by one that switched but crashed before dropping the old copy) are dropped.
 */
public final class ReadModelCollections {

    /** One document per read model that was ever switched: its collections and the copies serving them. */
    static final String SWITCHES = "read_model_switches";
    static final String OTHER_COPY_SUFFIX = "__rebuilt";

    private final MongoDatabase physical;
    private final MongoDatabase view;
    /** Logical name to the physical name serving it; names absent are served by themselves. */
    private volatile Map<String, String> serving;
    private final ThreadLocal<String> building = new ThreadLocal<>();
    private final Map<String, Set<String>> touchedWhileBuilding = new ConcurrentHashMap<>();

    public ReadModelCollections(MongoDatabase physical) {
        this.physical = physical;
        this.view = RoutedMongo.database(physical, this::resolve);
        this.serving = loadSwitches();
        dropCopiesServingNothing();
    }

    /** The read store as projections and queries use it: names resolve to the copy serving them. */
    public MongoDatabase database() {
        return view;
    }

    /**
     * Runs {@code work} (a batch of the copy being built, or its reset handlers) against the other
     * copy of every collection it touches, and records those names as {@code readModel}'s.
     */
    public <T> T buildingAside(String readModel, Callable<T> work) throws Exception {
        String outer = building.get();
        building.set(readModel);
        try {
            return work.call();
        } finally {
            if (outer == null) {
                building.remove();
            } else {
                building.set(outer);
            }
        }
    }

    /** The collection names the read model touched while being built aside. */
    public Set<String> collectionsOf(String readModel) {
        return Set.copyOf(touchedWhileBuilding.getOrDefault(readModel, Set.of()));
    }

    /**
     * Makes the copy built aside serve every collection of the read model, and answers the names
     * of the copies that served them until now (the caller drops them once no read uses them).
     */
    public synchronized Set<String> switchIn(String readModel) {
        Set<String> names = collectionsOf(readModel);
        if (names.isEmpty()) {
            throw new IllegalStateException(readModel + " touched no collection while being built aside");
        }
        Map<String, String> next = new HashMap<>(serving);
        Document collections = new Document();
        Set<String> replaced = new TreeSet<>();
        for (String name : new TreeSet<>(names)) {
            String current = servingName(name);
            String other = otherCopy(name, current);
            replaced.add(current);
            collections.append(name, other);
            if (other.equals(name)) {
                next.remove(name);
            } else {
                next.put(name, other);
            }
        }
        // The document first: a crash after it restarts on the new copy, whose events are then
        // redelivered from the old token and skipped as already applied.
        physical.getCollection(SWITCHES).replaceOne(Filters.eq("_id", readModel),
                new Document("_id", readModel).append("collections", collections), new ReplaceOptions().upsert(true));
        serving = Map.copyOf(next);
        return replaced;
    }

    /** Drops the copy built aside for the read model (after a failed or abandoned rebuild). */
    public void discardBuiltAside(String readModel) {
        for (String name : collectionsOf(readModel)) {
            physical.getCollection(otherCopy(name, servingName(name))).drop();
        }
    }

    /** Drops physical collections by name: copies that no longer serve anything. */
    public void drop(Set<String> physicalNames) {
        physicalNames.stream().filter(name -> !servesSomething(name)).forEach(name -> physical.getCollection(name).drop());
    }

    /** A collection serves its own name unless that name was switched away, or the name it copies. */
    private boolean servesSomething(String physicalName) {
        Map<String, String> current = serving;
        if (current.containsValue(physicalName)) {
            return true;
        }
        return !physicalName.endsWith(OTHER_COPY_SUFFIX) && !current.containsKey(physicalName);
    }

    private String resolve(String name) {
        String current = servingName(name);
        String readModel = building.get();
        if (readModel == null) {
            return current;
        }
        touchedWhileBuilding.computeIfAbsent(readModel, key -> ConcurrentHashMap.newKeySet()).add(name);
        return otherCopy(name, current);
    }

    private String servingName(String name) {
        return serving.getOrDefault(name, name);
    }

    private static String otherCopy(String name, String current) {
        return current.equals(name) ? name + OTHER_COPY_SUFFIX : name;
    }

    private Map<String, String> loadSwitches() {
        Map<String, String> loaded = new TreeMap<>();
        for (Document readModel : physical.getCollection(SWITCHES).find()) {
            Document collections = readModel.get("collections", Document.class);
            collections.forEach((name, physicalName) -> {
                if (!name.equals(physicalName)) {
                    loaded.put(name, physicalName.toString());
                }
            });
        }
        return Map.copyOf(loaded);
    }

    private void dropCopiesServingNothing() {
        Set<String> present = new TreeSet<>();
        physical.listCollectionNames().forEach(present::add);
        drop(present);
    }

    /** For tests and diagnostics: the physical collection serving a name right now. */
    public MongoCollection<Document> servingCollection(String name) {
        return physical.getCollection(servingName(name));
    }
}
