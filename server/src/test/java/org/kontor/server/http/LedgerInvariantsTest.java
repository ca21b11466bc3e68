package org.kontor.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * The ledger's invariants, checked on random books: random entries (dates, accounts, amounts),
 * reversals, closes and reopenings go in over HTTP; a model predicts which are accepted, including
 * the order closes must keep; then the projected month-end balances must equal the fold of the
 * accepted entries, every trial balance must balance, every close must have recorded the
 * cumulative balances of its month end, and rebuilding the ledger views from the event store must
 * give the very same answers. Each repetition takes the next year and closes it at its end, as a
 * year-end close; its seed is in the failure messages, so a failure can be replayed.
 */
class LedgerInvariantsTest extends OwnBooksHttpTest {

    private static final List<String> ACCOUNTS = List.of("1000", "1100", "1200", "2000", "3000", "4000", "5000", "6000");
    private static final int READ_ATTEMPTS = 30;
    private static final List<String> LEDGER_PROCESSORS =
            List.of("ledger-accounts", "ledger-balances", "ledger-entries", "ledger-lines");
    private static final int OPERATIONS = 90;
    private static final int MONTHS = 6;

    /** Every accepted entry of the repetitions before, by account: the balances carried into the year. */
    private static final Map<String, Long> CARRIED_FORWARD = new TreeMap<>();

    @Autowired
    EventProcessingConfiguration processing;
    private final ObjectMapper json = new ObjectMapper();

    @RepeatedTest(value = 3, name = "random books {currentRepetition}")
    void randomBooks_balancesAreTheFoldOfAcceptedEntriesAndSurviveAReplay(RepetitionInfo repetition) throws Exception {
        long seed = 4711L * repetition.getCurrentRepetition() + System.nanoTime() % 1000;
        Random random = new Random(seed);
        int year = 2025 + repetition.getCurrentRepetition();
        http.post().uri("/api/ledger/accounts/defaults").exchange().expectStatus().isOk();

        // --- the model: the closes in force, the months with entries, the accepted entries ---
        Books books = new Books();
        List<Posted> accepted = new ArrayList<>();
        Set<String> reversed = new HashSet<>();
        for (int operation = 0; operation < OPERATIONS; operation++) {
            int dice = random.nextInt(100);
            if (dice < 70) {
                post(random, year, books, accepted);
            } else if (dice < 85 && !accepted.isEmpty()) {
                reverse(random, books, accepted, reversed);
            } else if (dice < 95) {
                close(year, 1 + random.nextInt(MONTHS), books, seed);
            } else {
                // Mostly the latest close, which may be reopened; sometimes any month, which mostly may not.
                int month = books.closes.isEmpty() || random.nextBoolean()
                        ? 1 + random.nextInt(MONTHS) : books.closes.peek();
                reopen(year, month, books, seed);
            }
        }
        // The year-end close: every month, in order.
        for (int month = 1; month <= MONTHS; month++) {
            close(year, month, books, seed);
        }
        Map<String, Long> opening = new TreeMap<>(CARRIED_FORWARD);
        CARRIED_FORWARD.clear();
        CARRIED_FORWARD.putAll(cumulativeThrough(opening, accepted, year, MONTHS));

        // --- the projections equal the fold of the accepted entries, and every trial balance balances ---
        Map<String, JsonNode> before = reports(year);
        for (int month = 1; month <= MONTHS; month++) {
            JsonNode balances = before.get("balances " + month);
            Map<String, Long> expected = netByAccount(accepted, year, month);
            Map<String, Long> actual = new TreeMap<>();
            for (JsonNode row : balances.get("rows")) {
                long net = minor(row.get("debits")) - minor(row.get("credits"));
                if (net != 0) {
                    actual.put(row.get("account").asText(), net);
                }
            }
            assertThat(actual).as("movements of %d-%02d, seed %d", year, month, seed).isEqualTo(expected);
            JsonNode trialBalance = before.get("trial balance " + month);
            assertThat(trialBalance.get("totals").get("debit")).as("seed %d", seed)
                    .isEqualTo(trialBalance.get("totals").get("credit"));
            Map<String, Long> cumulative = cumulativeThrough(opening, accepted, year, month);
            JsonNode period = before.get("period " + month);
            assertThat(period.get("status").asText()).as("status of %d-%02d, seed %d", year, month, seed)
                    .isEqualTo("CLOSED");
            // A month without entries when a later month closed was closed by that close, with no balances of its own.
            if (books.closes.contains(month)) {
                assertThat(closingBalancesRecorded(period))
                        .as("closing balances recorded by the close of %d-%02d, seed %d", year, month, seed)
                        .isEqualTo(cumulative);
            }
            assertThat(closingColumn(balances)).as("month-end closing balances of %d-%02d, seed %d", year, month, seed)
                    .isEqualTo(cumulative);
        }

        // --- rebuilt from the event store, the views answer exactly as before ---
        for (String name : LEDGER_PROCESSORS) {
            StreamingEventProcessor processor =
                    processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow();
            processor.shutDown();
            // From the first event: a segment that has seen no event yet holds a null token, and a reset
            // to the processor's initial (tail) token would store null, which the Mongo token store refuses.
            processor.resetTokens(source -> source.createTokenAt(Instant.EPOCH));
            processor.start();
        }
        assertThat(reports(year)).as("seed %d", seed).isEqualTo(before);
    }

    /** Which closes and reopenings the ledger accepts: the books close in order, like a lock date. */
    private static final class Books {
        /** The months closed by a close of their own, latest on top. */
        final Deque<Integer> closes = new ArrayDeque<>();
        final Set<Integer> monthsWithEntries = new HashSet<>();

        int closedThrough() {
            return closes.isEmpty() ? 0 : closes.peek();
        }

        boolean accepts(int month) {
            return month > closedThrough();
        }
    }

    private void close(int year, int month, Books books, long seed) {
        boolean earlierOpen = books.monthsWithEntries.stream()
                .anyMatch(other -> other > books.closedThrough() && other < month);
        int expected = month <= books.closedThrough() || !earlierOpen ? 200 : 422;
        http.post().uri("/api/ledger/periods/{p}/close", period(year, month)).exchange()
                .expectStatus().value(status -> assertThat(status).as("close %d, seed %d", month, seed).isEqualTo(expected));
        if (expected == 200 && month > books.closedThrough()) {
            books.closes.push(month);
        }
    }

    private void reopen(int year, int month, Books books, long seed) {
        int expected = !books.closes.isEmpty() && books.closes.peek() == month ? 200 : 422;
        http.post().uri("/api/ledger/periods/{p}/reopen", period(year, month))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"reason\": \"correction\"}")
                .exchange()
                .expectStatus().value(status -> assertThat(status).as("reopen %d, seed %d", month, seed).isEqualTo(expected));
        if (expected == 200) {
            books.closes.pop();
        }
    }

    private void post(Random random, int year, Books books, List<Posted> accepted) {
        int month = 1 + random.nextInt(MONTHS);
        LocalDate date = LocalDate.of(year, month, 1 + random.nextInt(28));
        Map<String, Long> lines = new HashMap<>();
        long debit = 1 + random.nextInt(1_000_000);
        String debitAccount = ACCOUNTS.get(random.nextInt(ACCOUNTS.size()));
        String creditAccount = ACCOUNTS.get(random.nextInt(ACCOUNTS.size()));
        String id = UUID.randomUUID().toString();
        String body = """
                {"id": "%s", "date": "%s", "description": "random", "currency": "EUR",
                 "lines": [{"account": "%s", "debit": "%s"}, {"account": "%s", "credit": "%s"}]}
                """.formatted(id, date, debitAccount, decimal(debit), creditAccount, decimal(debit));
        boolean open = books.accepts(month);
        http.post().uri("/api/ledger/journal-entries").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isEqualTo(open ? 201 : 422);
        if (open) {
            lines.merge(debitAccount, debit, Long::sum);
            lines.merge(creditAccount, -debit, Long::sum);
            accepted.add(new Posted(id, date, lines));
            books.monthsWithEntries.add(month);
        }
    }

    private void reverse(Random random, Books books, List<Posted> accepted, Set<String> reversed) {
        Posted original = accepted.get(random.nextInt(accepted.size()));
        if (original.reversalOf() != null || reversed.contains(original.id())) {
            return;
        }
        boolean open = books.accepts(original.date().getMonthValue());
        http.post().uri("/api/ledger/journal-entries/{id}/reverse", original.id())
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"reason\": \"random correction\"}")
                .exchange().expectStatus().isEqualTo(open ? 201 : 422);
        if (open) {
            Map<String, Long> lines = new HashMap<>();
            original.net().forEach((account, amount) -> lines.put(account, -amount));
            reversed.add(original.id());
            accepted.add(new Posted(UUID.randomUUID().toString(), original.date(), lines, original.id()));
        }
    }

    /** Every report the test compares, read once the views have caught up. */
    private Map<String, JsonNode> reports(int year) throws Exception {
        Map<String, JsonNode> reports = new TreeMap<>();
        for (int month = 1; month <= MONTHS; month++) {
            reports.put("balances " + month, read("/api/ledger/balances?period=" + period(year, month)));
            reports.put("trial balance " + month, read("/api/ledger/trial-balance?period=" + period(year, month)));
            reports.put("period " + month, read("/api/ledger/periods/" + period(year, month)));
        }
        reports.put("trial balance as of", read("/api/ledger/trial-balance?asOf=" + year + "-04-17"));
        return reports;
    }

    /**
     * A read once the views have caught up. Tests wait 2 s for that; after a reset the views replay
     * every repetition's events, which on a busy machine can take longer, so a 503 is asked again,
     * for at most {@value #READ_ATTEMPTS} attempts.
     */
    private JsonNode read(String path) throws Exception {
        String consistentPath = path + (path.contains("?") ? "&" : "?") + "consistent=true";
        for (int attempt = 1; ; attempt++) {
            EntityExchangeResult<byte[]> result = http.get().uri(consistentPath).exchange().expectBody().returnResult();
            if (result.getStatus().value() == 503 && attempt < READ_ATTEMPTS) {
                continue;
            }
            assertThat(result.getStatus().value()).as(path).isEqualTo(200);
            return json.readTree(result.getResponseBody());
        }
    }

    private static Map<String, Long> netByAccount(List<Posted> accepted, int year, int month) {
        Map<String, Long> net = new TreeMap<>();
        for (Posted posted : accepted) {
            if (posted.date().getYear() == year && posted.date().getMonthValue() == month) {
                posted.net().forEach((account, amount) -> net.merge(account, amount, Long::sum));
            }
        }
        net.values().removeIf(amount -> amount == 0);
        return net;
    }

    /** The balances at the end of the month: the opening plus this year's entries up to it, zeros left out. */
    private static Map<String, Long> cumulativeThrough(Map<String, Long> opening, List<Posted> accepted, int year,
                                                       int month) {
        Map<String, Long> balances = new TreeMap<>(opening);
        for (Posted posted : accepted) {
            if (posted.date().getYear() == year && posted.date().getMonthValue() <= month) {
                posted.net().forEach((account, amount) -> balances.merge(account, amount, Long::sum));
            }
        }
        balances.values().removeIf(amount -> amount == 0);
        return balances;
    }

    private static Map<String, Long> closingBalancesRecorded(JsonNode period) {
        Map<String, Long> balances = new TreeMap<>();
        for (JsonNode balance : period.get("closingBalances")) {
            balances.put(balance.get("account").asText(), minor(balance.get("debit")) - minor(balance.get("credit")));
        }
        balances.values().removeIf(amount -> amount == 0);
        return balances;
    }

    /** The month-end view's closing column, signed debit-positive (the view signs by the account's normal side). */
    private static Map<String, Long> closingColumn(JsonNode monthEndBalances) {
        Map<String, Long> balances = new TreeMap<>();
        for (JsonNode row : monthEndBalances.get("rows")) {
            boolean creditNormal = Set.of("LIABILITY", "EQUITY", "INCOME").contains(row.get("type").asText());
            long closing = minor(row.get("closing"));
            balances.put(row.get("account").asText(), creditNormal ? -closing : closing);
        }
        balances.values().removeIf(amount -> amount == 0);
        return balances;
    }

    private static String period(int year, int month) {
        return "%d-%02d".formatted(year, month);
    }

    private static String decimal(long minor) {
        return BigDecimal.valueOf(minor, 2).toPlainString();
    }

    private static long minor(JsonNode decimal) {
        return new BigDecimal(decimal.asText()).movePointRight(2).longValueExact();
    }

    private record Posted(String id, LocalDate date, Map<String, Long> net, String reversalOf) {

        Posted(String id, LocalDate date, Map<String, Long> net) {
            this(id, date, net, null);
        }
    }
}
