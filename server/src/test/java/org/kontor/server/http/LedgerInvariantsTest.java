package org.kontor.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
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
 * reversals, closes and reopenings go in over HTTP; a model predicts which are accepted; then the
 * projected month-end balances must equal the fold of the accepted entries, every trial balance must
 * balance, and rebuilding the ledger views from the event store must give the very same answers.
 * Each repetition uses its own year and a seed printed in its name, so a failure can be replayed.
 */
class LedgerInvariantsTest extends HttpTestSupport {

    private static final List<String> ACCOUNTS = List.of("1000", "1100", "1200", "2000", "3000", "4000", "5000", "6000");
    private static final List<String> LEDGER_PROCESSORS =
            List.of("ledger-accounts", "ledger-balances", "ledger-entries", "ledger-lines");
    private static final int OPERATIONS = 90;
    private static final int MONTHS = 6;

    @Autowired
    EventProcessingConfiguration processing;
    private final ObjectMapper json = new ObjectMapper();

    @RepeatedTest(value = 3, name = "random books {currentRepetition}")
    void randomBooks_balancesAreTheFoldOfAcceptedEntriesAndSurviveAReplay(RepetitionInfo repetition) throws Exception {
        long seed = 4711L * repetition.getCurrentRepetition() + System.nanoTime() % 1000;
        Random random = new Random(seed);
        // A year of its own for each repetition (2200-2898), so no repetition sees another's closes.
        int year = 2200 + (repetition.getCurrentRepetition() - 1) * 233 + random.nextInt(233);
        http.post().uri("/api/ledger/accounts/defaults").exchange().expectStatus().isOk();

        // --- the model: which periods are closed, which entries were accepted ---
        Set<Integer> closedMonths = new HashSet<>();
        List<Posted> accepted = new ArrayList<>();
        Set<String> reversed = new HashSet<>();
        for (int operation = 0; operation < OPERATIONS; operation++) {
            int dice = random.nextInt(100);
            if (dice < 70) {
                post(random, year, closedMonths, accepted, seed);
            } else if (dice < 85 && !accepted.isEmpty()) {
                reverse(random, closedMonths, accepted, reversed, seed);
            } else if (dice < 95) {
                int month = 1 + random.nextInt(MONTHS);
                http.post().uri("/api/ledger/periods/{p}/close", period(year, month)).exchange().expectStatus().isOk();
                closedMonths.add(month);
            } else if (!closedMonths.isEmpty()) {
                int month = closedMonths.iterator().next();
                http.post().uri("/api/ledger/periods/{p}/reopen", period(year, month))
                        .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"reason\": \"correction\"}")
                        .exchange().expectStatus().isOk();
                closedMonths.remove(month);
            }
        }

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
        }

        // --- rebuilt from the event store, the views answer exactly as before ---
        for (String name : LEDGER_PROCESSORS) {
            StreamingEventProcessor processor =
                    processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow();
            processor.shutDown();
            processor.resetTokens();
            processor.start();
        }
        assertThat(reports(year)).as("seed %d", seed).isEqualTo(before);
    }

    private void post(Random random, int year, Set<Integer> closedMonths, List<Posted> accepted, long seed) {
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
        boolean open = !closedMonths.contains(month);
        http.post().uri("/api/ledger/journal-entries").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isEqualTo(open ? 201 : 422);
        if (open) {
            lines.merge(debitAccount, debit, Long::sum);
            lines.merge(creditAccount, -debit, Long::sum);
            accepted.add(new Posted(id, date, lines));
        }
    }

    private void reverse(Random random, Set<Integer> closedMonths, List<Posted> accepted, Set<String> reversed,
                         long seed) {
        Posted original = accepted.get(random.nextInt(accepted.size()));
        if (original.reversalOf() != null || reversed.contains(original.id())) {
            return;
        }
        boolean open = !closedMonths.contains(original.date().getMonthValue());
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
        }
        reports.put("trial balance as of", read("/api/ledger/trial-balance?asOf=" + year + "-04-17"));
        return reports;
    }

    /**
     * A read once the views have caught up. After a reset the views replay the whole store, which the
     * other test classes fill too (inventory's movements and postings among them): that can take
     * longer than the 2 s one consistent read waits in tests, so a 503 is asked again, up to 30 s.
     */
    private JsonNode read(String path) throws Exception {
        for (int attempt = 1; ; attempt++) {
            EntityExchangeResult<byte[]> result = http.get().uri(path + "&consistent=true").exchange()
                    .expectBody().returnResult();
            if (result.getStatus().value() == 503 && attempt < 15) {
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
