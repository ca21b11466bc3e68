package org.kontor.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kontor.config.axon.ReadModelRebuild;
import org.kontor.config.axon.ReadModelRebuilds;
import org.kontor.config.storage.ReadModelCollections;
import org.kontor.query.projection.AppliedPosition;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * {@code POST /api/admin/projections/{name}/replay}: a read model is rebuilt aside from the event
 * store while the old copy serves, then switched in. The rebuilt copy must be the very same
 * documents; reads answer from the old copy meanwhile; events appended during the rebuild are in
 * the new copy exactly once. A server of its own: a switch pauses the processor it rebuilds.
 */
class ReadModelReplayApiTest extends OwnBooksHttpTest {

    /** Every read model of the query side; a new one belongs here (the test fails if one is missing). */
    private static final List<String> READ_MODELS = List.of("crm-activities", "crm-campaigns", "crm-cases",
            "crm-customers", "crm-leads", "crm-opportunities", "crm-pipeline", "crm-sales-days", "crm-timeline",
            "inventory-stock", "ledger-accounts", "ledger-balances", "ledger-entries", "ledger-lines", "sales-orders",
            "sales-invoices", "purchasing-documents", "open-items-receivables", "open-items-payables",
            "people-users");
    /** Not read models: the Mongo token store's collection and the record of switches. */
    private static final Set<String> NOT_READ_MODELS = Set.of("trackingtokens", "read_model_switches");
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    MongoDatabase readStore;
    @Autowired
    ReadModelCollections collections;
    @Autowired
    ReadModelRebuilds rebuilds;

    private CrmRequests crm;
    private AuditClient admin;

    @BeforeEach
    void clients() {
        crm = new CrmRequests(http);
        admin = new AuditClient(http);
    }

    @Test
    void replayEveryReadModel_theSwitchedInCopyHasTheSameChecksumAsTheOldOne() throws Exception {
        writeSomethingForEveryReadModel();
        Map<String, List<String>> before = contentWhenCaughtUp();

        for (String readModel : READ_MODELS) {
            http.post().uri("/api/admin/projections/{name}/replay", readModel).exchange()
                    .expectStatus().isAccepted()
                    .expectHeader().valueEquals(HttpHeaders.LOCATION, "/api/admin/projections")
                    .expectBody().jsonPath("$.name").isEqualTo(readModel)
                    .jsonPath("$.rebuild.state").exists();
            JsonNode done = awaitRebuildFinished(readModel);
            assertThat(done.at("/rebuild/state").asText()).as("%s: %s", readModel, done).isEqualTo("DONE");
            assertThat(done.get("replaying").asBoolean()).isFalse();

            Set<String> owned = collections.collectionsOf(readModel);
            assertThat(owned).as("%s owns collections", readModel).isNotEmpty();
            for (String collection : owned) {
                assertThat(readStore.getCollection(collection).countDocuments())
                        .as("the test wrote something for %s (%s)", readModel, collection).isPositive();
            }
            Map<String, List<String>> after = contentWhenCaughtUp();
            assertThat(checksums(after)).as("every read model after rebuilding %s:%s", readModel,
                    differences(before, after)).isEqualTo(checksums(before));
        }
        assertThat(before.keySet()).as("every read-model collection belongs to a read model rebuilt above")
                .isEqualTo(everyCollectionOf(READ_MODELS));
    }

    @Test
    void eventsAppendedWhileBuildingAside_inTheSwitchedInCopyExactlyOnce() throws Exception {
        String customerId = crm.registerCustomer("Busy Line GmbH");
        List<String> subjects = new ArrayList<>();
        for (int call = 0; call < 5; call++) {
            subjects.add(logCall(customerId, "before " + call));
        }
        assertThat(timelineSubjects(customerId)).containsExactlyInAnyOrderElementsOf(subjects);

        ReadModelRebuild rebuild = rebuilds.begin("crm-timeline");
        rebuild.buildAside();
        rebuild.awaitCaughtUp();
        JsonNode building = processor("crm-timeline");
        assertThat(building.get("replaying").asBoolean()).isTrue();
        assertThat(building.at("/rebuild/state").asText()).isEqualTo("BUILDING");
        // While the copy is built aside, the live processor keeps the serving copy current.
        for (int call = 0; call < 5; call++) {
            subjects.add(logCall(customerId, "during " + call));
        }
        assertThat(timelineSubjects(customerId)).as("reads answer from the old copy")
                .containsExactlyInAnyOrderElementsOf(subjects);
        // A second replay of the same read model is refused while this one runs.
        http.post().uri("/api/admin/projections/crm-timeline/replay").exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("REBUILD_IN_PROGRESS");

        String servingBefore = servingName(TIMELINE_HEADS);

        rebuild.switchIn();

        assertThat(rebuild.state()).isEqualTo(ReadModelRebuild.State.DONE);
        assertThat(servingName(TIMELINE_HEADS)).as("the copy built aside serves now").isNotEqualTo(servingBefore);
        assertThat(awaitClaimed("crm-timeline").get("position").asLong())
                .as("the live processor restarts exactly where the copy stopped")
                .isEqualTo(rebuild.status().position());
        assertThat(timelineSubjects(customerId)).containsExactlyInAnyOrderElementsOf(subjects);
        // The live processor continues on the new copy, from where the copy stopped.
        subjects.add(logCall(customerId, "after"));
        assertThat(timelineSubjects(customerId)).containsExactlyInAnyOrderElementsOf(subjects);
    }

    @Test
    void rebuildAbandonedBeforeTheSwitch_oldCopyServesOnAndTheCopyAsideIsDropped() throws Exception {
        String customerId = crm.registerCustomer("Given Up GmbH");
        List<String> subjects = new ArrayList<>(List.of(logCall(customerId, "kept")));
        // The live processor has the call before the rebuild starts: a copy that catches up with a
        // processor that has claimed nothing yet would have written nothing aside.
        assertThat(timelineSubjects(customerId)).containsExactlyInAnyOrderElementsOf(subjects);
        String serving = servingName(TIMELINE_HEADS);
        ReadModelRebuild rebuild = rebuilds.begin("crm-timeline");
        rebuild.buildAside();
        rebuild.awaitCaughtUp();
        String aside = serving.endsWith("__rebuilt") ? TIMELINE_HEADS : TIMELINE_HEADS + "__rebuilt";
        assertThat(readStore.listCollectionNames()).as("the copy being built").contains(aside);

        rebuild.abandon("the operator changed their mind");

        assertThat(rebuild.state()).isEqualTo(ReadModelRebuild.State.FAILED);
        assertThat(rebuild.status().error()).contains("the operator changed their mind");
        assertThat(readStore.listCollectionNames()).as("the copy aside is dropped").doesNotContain(aside);
        assertThat(servingName(TIMELINE_HEADS)).isEqualTo(serving);
        subjects.add(logCall(customerId, "after giving up"));
        assertThat(timelineSubjects(customerId)).as("the live processor runs on the old copy")
                .containsExactlyInAnyOrderElementsOf(subjects);
        assertThat(processor("crm-timeline").get("replaying").asBoolean()).isFalse();
    }

    @Test
    void readModelRebuiltTwiceInARow_theSecondWaitsUntilTheFirstsOldCopyIsDropped_andNothingIsLost()
            throws Exception {
        String customerId = crm.registerCustomer("Twice Rebuilt KG");
        List<String> subjects = new ArrayList<>();
        for (int call = 0; call < 3; call++) {
            subjects.add(logCall(customerId, "call " + call));
        }
        assertThat(timelineSubjects(customerId)).containsExactlyInAnyOrderElementsOf(subjects);
        Map<String, List<String>> before = contentWhenCaughtUp();
        http.post().uri("/api/admin/projections/crm-timeline/replay").exchange().expectStatus().isAccepted();
        assertThat(awaitRebuildFinished("crm-timeline").at("/rebuild/state").asText()).isEqualTo("DONE");

        // DONE comes at the switch, a grace before the first rebuild drops its old copy, which is
        // what the second builds into. Had the second not waited for that drop, the copy it built
        // would be dropped under it while it waits here, and switched in empty.
        ReadModelRebuild second = rebuilds.begin("crm-timeline");
        second.buildAside();
        second.awaitCaughtUp();
        Thread.sleep(Duration.ofSeconds(2).toMillis());
        second.switchIn();

        assertThat(second.state()).isEqualTo(ReadModelRebuild.State.DONE);
        assertThat(timelineSubjects(customerId)).containsExactlyInAnyOrderElementsOf(subjects);
        Map<String, List<String>> after = contentWhenCaughtUp();
        assertThat(checksums(after)).as("every read model:%s", differences(before, after))
                .isEqualTo(checksums(before));
        String serving = servingName(TIMELINE_HEADS);
        String other = serving.endsWith("__rebuilt") ? TIMELINE_HEADS : TIMELINE_HEADS + "__rebuilt";
        assertThat(readStore.listCollectionNames()).as("the old copy is dropped").doesNotContain(other);
    }

    @Test
    void replayUnknownProcessor_notFound() {
        http.post().uri("/api/admin/projections/no-such-view/replay").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("NOT_FOUND");
    }

    @Test
    void replayProcessorThatSendsCommands_conflictNotAReadModel() {
        for (String processor : List.of("ledger-inventory-postings", "inventory-sales-orders", "audit-hash-chain",
                "sales-order-fulfilment", "ledger-sales-postings", "ledger-purchase-postings",
                "inventory-purchase-receipts")) {
            http.post().uri("/api/admin/projections/{name}/replay", processor).exchange()
                    .expectStatus().isEqualTo(409)
                    .expectBody().jsonPath("$.code").isEqualTo("NOT_A_READ_MODEL");
        }
    }

    @Test
    void replayAsManager_forbidden() {
        http.post().uri("/api/users").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"username\": \"replay-manager\", \"password\": \"replay-manager-pw\", \"roles\": [\"MANAGER\"]}")
                .exchange().expectStatus().isCreated();
        WebTestClient manager = anonymous.mutate()
                .defaultHeaders(headers -> headers.setBasicAuth("replay-manager", "replay-manager-pw")).build();

        manager.post().uri("/api/admin/projections/crm-customers/replay").exchange()
                .expectStatus().isForbidden();
    }

    private static final String TIMELINE_HEADS = "crm_timeline_heads";

    /** A story that reaches every view: CRM, ledger, inventory, sales, purchasing and open items. */
    private void writeSomethingForEveryReadModel() {
        InventoryClient inventory = new InventoryClient(http);
        inventory.loadDefaultChart();
        // A closed month (before every entry below) for the ledger's periods: this server is ours alone.
        http.post().uri("/api/ledger/periods/2025-12/close").exchange().expectStatus().isOk();
        String warehouse = inventory.newWarehouse();
        String sku = inventory.newProduct("FIFO");
        inventory.receive(warehouse, "2026-01-10", sku, 10, "2.00");
        inventory.issue(warehouse, "2026-01-12", sku, 1);

        String campaignId = crm.planCampaign("Replay fair", "300.00");
        String leadId = crm.captureLead("Replay lead", campaignId);
        String opportunityId = crm.qualify(leadId, "900.00", "replay-rep");
        crm.moveTo(opportunityId, "PROPOSAL");
        crm.markWon(opportunityId);
        String customerId = crm.registerCustomer("Replay Kunde AG");
        logCall(customerId, "First call");
        crm.post("/api/activities", """
                {"id": "%s", "customerId": "%s", "type": "CALL", "dueAt": "%s", "assigneeId": "anna"}
                """.formatted(newId(), customerId, Instant.now().plus(Duration.ofDays(2)))).expectStatus().isCreated();
        crm.post("/api/cases", """
                {"id": "%s", "customerId": "%s", "subject": "Broken hinge", "priority": "HIGH"}
                """.formatted(newId(), customerId)).expectStatus().isCreated();
        // Sold, delivered, invoiced and partly paid; bought, received, billed and partly paid. The
        // invoice falls due in a year: an overdue deadline firing between two checksums would change them.
        SalesClient sales = new SalesClient(inventory);
        String invoiceId = sales.invoice(sales.deliveredOrder(customerId, warehouse, sku, 2, "12.50", "19",
                "2026-01-15"), "2026-01-15", LocalDate.now(ZoneOffset.UTC).plusYears(1).toString());
        sales.pay(invoiceId, "10.00", "2026-01-20", "BANK_TRANSFER");
        PurchasingClient purchasing = new PurchasingClient(http);
        String purchaseOrder = purchasing.placeOrder(purchasing.newSupplier("Replay Lieferant GmbH", 14),
                PurchasingClient.line(sku, 5, "2.00", "19"));
        purchasing.receiveAll(purchaseOrder, warehouse, "2026-01-11");
        purchasing.pay(purchasing.bill(purchaseOrder, "2026-01-13"), "5.00", "2026-01-20", "CASH");
        crm.post("/api/ledger/journal-entries", """
                {"id": "%s", "date": "%s", "description": "Office rent", "currency": "EUR", "reference": "RENT-1",
                 "lines": [{"account": "6100", "debit": "500.00"}, {"account": "1000", "credit": "500.00"}]}
                """.formatted(newId(), LocalDate.now(ZoneOffset.UTC))).expectStatus().isCreated();
        for (boolean back : new boolean[] {false, true}) {
            String username = "replay-" + newId().substring(0, 8);
            crm.post("/api/users", """
                    {"username": "%s", "password": "replay-password-1", "roles": ["SALES"]}
                    """.formatted(username)).expectStatus().isCreated();
            crm.post("/api/users/" + username + "/disable", "{\"reason\": \"left\"}").expectStatus().isOk();
            if (back) {
                crm.post("/api/users/" + username + "/enable", "{\"reason\": \"back\"}").expectStatus().isOk();
            }
        }
    }

    private String servingName(String collection) {
        return collections.servingCollection(collection).getNamespace().getCollectionName();
    }

    private String logCall(String customerId, String subject) {
        crm.post("/api/customers/" + customerId + "/interactions",
                interactionJson(newId(), Instant.now().toString(), subject)).expectStatus().isCreated();
        return subject;
    }

    private List<String> timelineSubjects(String customerId) {
        JsonNode timeline = crm.get("/api/customers/{id}/timeline?consistent=true&types=InteractionRecorded&limit=100",
                customerId);
        List<String> subjects = new ArrayList<>();
        // The summary is "Call (outbound): <subject>".
        timeline.get("items").forEach(item -> subjects.add(item.get("summary").asText().replaceFirst("^[^:]*: ", "")));
        return subjects;
    }

    /**
     * Every read-model collection once every processor has caught up: its documents sorted by
     * {@code _id}, as canonical JSON (keys sorted at every level, since a document updated in place
     * and one written at once may list fields in another order), without {@link #withoutAppliedPosition their applied position}.
     */
    private Map<String, List<String>> contentWhenCaughtUp() throws InterruptedException {
        awaitEveryProcessorCaughtUp();
        Set<String> names = new TreeSet<>();
        for (String physical : readStore.listCollectionNames()) {
            names.add(physical.replace("__rebuilt", ""));
        }
        names.removeAll(NOT_READ_MODELS);
        Map<String, List<String>> content = new TreeMap<>();
        for (String name : names) {
            List<String> documents = new ArrayList<>();
            readStore.getCollection(name).find().sort(Sorts.ascending("_id"))
                    .forEach(document -> documents.add(new Document(canonical(withoutAppliedPosition(document))).toJson()));
            content.put(name, documents);
        }
        return content;
    }

    /**
     * The one thing excluded: a document's applied position, which is bookkeeping of the delivery,
     * not content. It is the position of the token that delivered the document's last event. An
     * event that committed after a later one (concurrent commands) reaches the live processor as a
     * filled gap, under a token already past it; a replay reads committed history in order and
     * delivers it under its own position. Seen here: an activity applied at 53 live and at 51 in the
     * rebuilt copy, with the same content.
     */
    private static Document withoutAppliedPosition(Document document) {
        document.remove(AppliedPosition.FIELD);
        return document;
    }

    /** A SHA-256 checksum of each collection's canonical documents. */
    private static Map<String, String> checksums(Map<String, List<String>> content) throws Exception {
        Map<String, String> checksums = new TreeMap<>();
        for (Map.Entry<String, List<String>> collection : content.entrySet()) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            collection.getValue().forEach(document -> digest.update(document.getBytes(StandardCharsets.UTF_8)));
            checksums.put(collection.getKey(), HexFormat.of().formatHex(digest.digest()));
        }
        return checksums;
    }

    /** The documents of the collections whose content differs, to say what a failure is about. */
    private static String differences(Map<String, List<String>> before, Map<String, List<String>> after) {
        StringBuilder differences = new StringBuilder();
        before.forEach((name, documents) -> {
            if (!documents.equals(after.get(name))) {
                differences.append("\n").append(name).append(" before: ").append(documents)
                        .append("\n").append(name).append(" after:  ").append(after.get(name));
            }
        });
        return differences.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> canonical(Map<String, Object> document) {
        Map<String, Object> sorted = new TreeMap<>();
        document.forEach((key, value) -> sorted.put(key, canonicalValue(value)));
        return sorted;
    }

    @SuppressWarnings("unchecked")
    private static Object canonicalValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            return new Document(canonical((Map<String, Object>) map));
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ReadModelReplayApiTest::canonicalValue).toList();
        }
        return value;
    }

    private Set<String> everyCollectionOf(List<String> readModels) {
        Set<String> owned = new TreeSet<>();
        readModels.forEach(readModel -> owned.addAll(collections.collectionsOf(readModel)));
        return owned;
    }

    private void awaitEveryProcessorCaughtUp() throws InterruptedException {
        Instant giveUp = Instant.now().plus(PATIENCE);
        while (true) {
            boolean caughtUp = true;
            for (JsonNode processor : admin.get("/api/admin/projections").get("items")) {
                caughtUp &= processor.get("lag").asLong() == 0 && processor.get("running").asBoolean();
            }
            if (caughtUp) {
                return;
            }
            assertThat(Instant.now()).as("every processor catches up").isBefore(giveUp);
            Thread.sleep(50);
        }
    }

    private JsonNode awaitRebuildFinished(String readModel) throws InterruptedException {
        Instant giveUp = Instant.now().plus(PATIENCE);
        while (true) {
            JsonNode found = processor(readModel);
            String state = found.at("/rebuild/state").asText();
            if (state.equals("DONE") || state.equals("FAILED")) {
                return found;
            }
            assertThat(found.get("replaying").asBoolean()).as("replaying while %s", state).isTrue();
            assertThat(Instant.now()).as("%s is rebuilt in time", readModel).isBefore(giveUp);
            Thread.sleep(50);
        }
    }

    /** The processor's status once its segments are claimed again after a restart. */
    private JsonNode awaitClaimed(String name) throws InterruptedException {
        Instant giveUp = Instant.now().plus(PATIENCE);
        JsonNode found = processor(name);
        while (found.get("segments").asInt() == 0 || found.get("position").asLong() < 0) {
            assertThat(Instant.now()).as("%s claims its segments", name).isBefore(giveUp);
            Thread.sleep(20);
            found = processor(name);
        }
        return found;
    }

    private JsonNode processor(String name) {
        for (JsonNode processor : admin.get("/api/admin/projections").get("items")) {
            if (processor.get("name").asText().equals(name)) {
                return processor;
            }
        }
        throw new AssertionError("no processor " + name);
    }
}
