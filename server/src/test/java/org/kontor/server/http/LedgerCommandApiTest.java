package org.kontor.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient.BodyContentSpec;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

/**
 * The ledger command endpoints end to end (API.md, Ledger rows), with one test per error code of
 * issue 4. The class has books of its own, because it closes periods. Every test takes months of its
 * own, each later than every month taken before, and closes them when it ends (a year-end close in
 * miniature): the books close in order, so a month a test left open with entries would keep the
 * next test from closing anything.
 */
class LedgerCommandApiTest extends OwnBooksHttpTest {

    private static final int YEAR = 2026;
    private static final AtomicInteger MONTHS_TAKEN = new AtomicInteger();
    private final List<String> monthsOfThisTest = new ArrayList<>();

    @BeforeEach
    void loadDefaultChart() {
        http.post().uri("/api/ledger/accounts/defaults").exchange().expectStatus().isOk();
    }

    @AfterEach
    void closeTheMonthsThisTestTook() {
        for (String period : monthsOfThisTest) {
            close(period).expectStatus().isOk();
        }
    }

    // --- chart of accounts --------------------------------------------------------------------

    @Test
    void loadDefaultChart_everyDefaultAccountOpenAndLoadingAgainOpensNone() {
        // Another test class may have loaded the chart first, so the first answer here opens 0 or more.
        http.post().uri("/api/ledger/accounts/defaults")
                .exchange()
                .expectStatus().isOk()
                .expectBody().json("{\"accounts\": 25, \"opened\": 0}", true);

        // The default bank account exists with the default's content: opening it again is a repeat.
        post("/api/ledger/accounts", "{\"code\": \"1100\", \"name\": \"Bank\", \"type\": \"ASSET\"}")
                .expectStatus().isOk();
    }

    @Test
    void openAccount_createdWithLocationAndVersion() {
        String code = newAccountCode();

        post("/api/ledger/accounts", accountJson(code, "Bank, second account", "ASSET", "1100"))
                .expectStatus().isCreated()
                .expectHeader().location("/api/ledger/accounts/" + code)
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"")
                .expectBody().json("{\"id\": \"" + code + "\", \"version\": 1}", true);

        http.get().uri("/api/ledger/accounts/{code}?consistent=true", code).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.name").isEqualTo("Bank, second account")
                .jsonPath("$.parentCode").isEqualTo("1100");
    }

    @Test
    void openAccountAgainWithSameContent_okWithTheSameAnswer() {
        String code = newAccountCode();
        String body = accountJson(code, "Petty cash", "ASSET", null);
        post("/api/ledger/accounts", body).expectStatus().isCreated();

        post("/api/ledger/accounts", body)
                .expectStatus().isOk()
                .expectBody().json("{\"id\": \"" + code + "\", \"version\": 1}", true);
    }

    @Test
    void openAccountAgainWithOtherContent_conflictAlreadyExists() {
        String code = newAccountCode();
        post("/api/ledger/accounts", accountJson(code, "Petty cash", "ASSET", null)).expectStatus().isCreated();

        problem(post("/api/ledger/accounts", accountJson(code, "Petty cash", "EXPENSE", null)), 409,
                "ALREADY_EXISTS");
    }

    @Test
    void openAccountUnderUnknownParent_unprocessableUnknownAccount() {
        problem(post("/api/ledger/accounts", accountJson(newAccountCode(), "Orphan", "ASSET", "no-such-parent")),
                422, "UNKNOWN_ACCOUNT");
    }

    // --- post ---------------------------------------------------------------------------------

    @Test
    void postEntry_createdWithLocationAndVersion() {
        String id = newId();

        post("/api/ledger/journal-entries", saleJson(id, newPeriod() + "-15", "119.00"))
                .expectStatus().isCreated()
                .expectHeader().location("/api/ledger/journal-entries/" + id)
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"")
                .expectBody().json("{\"id\": \"" + id + "\", \"version\": 1}", true);
    }

    @Test
    void postEntryAgainWithSameContent_okWithTheSameAnswer() {
        String id = newId();
        String body = saleJson(id, newPeriod() + "-15", "119.00");
        post("/api/ledger/journal-entries", body).expectStatus().isCreated();

        post("/api/ledger/journal-entries", body)
                .expectStatus().isOk()
                .expectBody().json("{\"id\": \"" + id + "\", \"version\": 1}", true);
    }

    @Test
    void postEntryAgainWithOtherContent_conflictAlreadyExists() {
        String id = newId();
        String date = newPeriod() + "-15";
        post("/api/ledger/journal-entries", saleJson(id, date, "119.00")).expectStatus().isCreated();

        problem(post("/api/ledger/journal-entries", saleJson(id, date, "238.00")), 409, "ALREADY_EXISTS");
    }

    @Test
    void postUnbalancedEntry_unprocessableEntryNotBalanced() {
        problem(post("/api/ledger/journal-entries", entryJson(newId(), newPeriod() + "-15", "EUR",
                line("1100", "debit", "119.00"), line("4000", "credit", "100.00"))), 422, "ENTRY_NOT_BALANCED");
    }

    @Test
    void postEntryWithOneLine_unprocessableEntryNotBalanced() {
        problem(post("/api/ledger/journal-entries", entryJson(newId(), newPeriod() + "-15", "EUR",
                line("1100", "debit", "119.00"))), 422, "ENTRY_NOT_BALANCED");
    }

    @Test
    void postEntryWithAmountsBeyondTheLineLimit_badRequest() {
        // Each amount is the largest a long holds in cents; their sums would not be: a refusal, not a 500.
        // (The aggregate refuses overflowing totals too, for callers other than HTTP: JournalPostingTest.)
        String largest = "92233720368547758.07";
        problem(post("/api/ledger/journal-entries", entryJson(newId(), newPeriod() + "-15", "EUR",
                line("1100", "debit", largest), line("1000", "debit", largest),
                line("4000", "credit", largest), line("4100", "credit", largest))), 400, "INVALID_REQUEST")
                .jsonPath("$.errors[0].field").isEqualTo("lines[0].debit");
    }

    @Test
    void postEntryOnUnknownAccount_unprocessableUnknownAccount() {
        problem(post("/api/ledger/journal-entries", entryJson(newId(), newPeriod() + "-15", "EUR",
                line("1100", "debit", "50.00"), line("no-such-account", "credit", "50.00"))), 422,
                "UNKNOWN_ACCOUNT")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("no-such-account"));
    }

    @Test
    void postEntryIntoClosedPeriod_unprocessablePeriodClosed() {
        String period = newPeriod();
        close(period).expectStatus().isOk();

        problem(post("/api/ledger/journal-entries", saleJson(newId(), period + "-15", "119.00")), 422,
                "PERIOD_CLOSED");
    }

    @Test
    void postEntryInOtherCurrency_unprocessableCurrencyMismatch() {
        problem(post("/api/ledger/journal-entries", entryJson(newId(), newPeriod() + "-15", "USD",
                line("1100", "debit", "119.00"), line("4000", "credit", "119.00"))), 422, "CURRENCY_MISMATCH");
    }

    @Test
    void postLineWithDebitAndCredit_badRequestNamingTheLine() {
        String both = "{\"account\": \"1100\", \"debit\": \"10.00\", \"credit\": \"10.00\"}";

        problem(post("/api/ledger/journal-entries", entryJson(newId(), newPeriod() + "-15", "EUR",
                both, line("4000", "credit", "10.00"))), 400, "INVALID_REQUEST")
                .jsonPath("$.errors[0].field").isEqualTo("lines[0]");
    }

    @Test
    void postLineWithNegativeAmount_badRequestNamingTheAmount() {
        problem(post("/api/ledger/journal-entries", entryJson(newId(), newPeriod() + "-15", "EUR",
                line("1100", "debit", "-10.00"), line("4000", "credit", "-10.00"))), 400, "INVALID_REQUEST")
                .jsonPath("$.errors[0].field").isEqualTo("lines[0].debit")
                .jsonPath("$.errors[1].field").isEqualTo("lines[1].credit");
    }

    @Test
    void postLineWithMoreDecimalsThanEuroAllows_badRequestNamingTheAmount() {
        problem(post("/api/ledger/journal-entries", entryJson(newId(), newPeriod() + "-15", "EUR",
                line("1100", "debit", "10.005"), line("4000", "credit", "10.005"))), 400, "INVALID_REQUEST")
                .jsonPath("$.errors[0].field").isEqualTo("lines[0].debit");
    }

    // --- reverse ------------------------------------------------------------------------------

    @Test
    void reverseEntry_createdAndReversingAgainAnswersTheSameReversal() {
        String id = newId();
        String period = newPeriod();
        post("/api/ledger/journal-entries", saleJson(id, period + "-15", "119.00")).expectStatus().isCreated();
        String reversalId = UUID.nameUUIDFromBytes(("reversal-of:" + id).getBytes(StandardCharsets.UTF_8)).toString();
        String reversal = "{\"date\": \"" + period + "-20\", \"reason\": \"Order cancelled\"}";

        post("/api/ledger/journal-entries/" + id + "/reverse", reversal)
                .expectStatus().isCreated()
                .expectHeader().location("/api/ledger/journal-entries/" + reversalId)
                .expectBody().json("{\"id\": \"" + reversalId + "\", \"version\": 1}", true);
        post("/api/ledger/journal-entries/" + id + "/reverse", reversal)
                .expectStatus().isOk()
                .expectBody().json("{\"id\": \"" + reversalId + "\", \"version\": 1}", true);
        problem(post("/api/ledger/journal-entries/" + id + "/reverse", reversal.replace("Order cancelled", "Other")),
                422, "ENTRY_ALREADY_REVERSED");
    }

    @Test
    void reverseEntryIntoClosedPeriod_unprocessablePeriodClosed() {
        String id = newId();
        String period = newPeriod();
        post("/api/ledger/journal-entries", saleJson(id, period + "-15", "119.00")).expectStatus().isCreated();
        close(period).expectStatus().isOk();

        problem(post("/api/ledger/journal-entries/" + id + "/reverse", "{\"reason\": \"Order cancelled\"}"), 422,
                "PERIOD_CLOSED");
    }

    @Test
    void readEntryWithMinVersion_answersOnceTheReversalIsInTheViewWithItsVersionAsETag() {
        String id = newId();
        post("/api/ledger/journal-entries", saleJson(id, newPeriod() + "-15", "119.00")).expectStatus().isCreated();
        post("/api/ledger/journal-entries/" + id + "/reverse", "{\"reason\": \"Order cancelled\"}")
                .expectStatus().isCreated();

        http.get().uri("/api/ledger/journal-entries/{id}?minVersion=2", id).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"")
                .expectBody().jsonPath("$.version").isEqualTo(2).jsonPath("$.reversedBy").isNotEmpty();
        // No entry ever reaches version 3: the read gives up after its wait.
        problem(http.get().uri("/api/ledger/journal-entries/{id}?minVersion=3", id).exchange(), 503,
                "NOT_CONSISTENT_YET");
    }

    @Test
    void reverseUnknownEntry_notFound() {
        problem(post("/api/ledger/journal-entries/" + newId() + "/reverse", "{\"reason\": \"Typo\"}"), 404,
                "NOT_FOUND");
    }

    @Test
    void reverseWithoutReason_badRequestNamingTheReason() {
        problem(post("/api/ledger/journal-entries/" + newId() + "/reverse", "{}"), 400, "INVALID_REQUEST")
                .jsonPath("$.errors[0].field").isEqualTo("reason");
    }

    // --- periods ------------------------------------------------------------------------------

    @Test
    void closePeriodTwice_okBothTimesWithTheSameVersion() {
        String period = newPeriod();

        close(period).expectStatus().isOk()
                .expectBody().json("{\"id\": \"" + period + "\", \"version\": 1}", true);
        close(period).expectStatus().isOk()
                .expectBody().json("{\"id\": \"" + period + "\", \"version\": 1}", true);
    }

    @Test
    void closePeriodThatIsNotAMonth_badRequest() {
        problem(close("2026-13"), 400, "INVALID_REQUEST").jsonPath("$.errors[0].field").isEqualTo("period");
    }

    @Test
    void reopenClosedPeriod_okAndEntriesAreAcceptedAgain() {
        String period = newPeriod();
        close(period).expectStatus().isOk();

        reopen(period, "{\"reason\": \"Supplier invoice arrived late\"}")
                .expectStatus().isOk()
                .expectBody().json("{\"id\": \"" + period + "\", \"version\": 2}", true);
        post("/api/ledger/journal-entries", saleJson(newId(), period + "-28", "119.00")).expectStatus().isCreated();
    }

    @Test
    void reopenWithoutReason_badRequestNamingTheReason() {
        String period = newPeriod();
        close(period).expectStatus().isOk();

        problem(reopen(period, "{}"), 400, "INVALID_REQUEST").jsonPath("$.errors[0].field").isEqualTo("reason");
        problem(reopen(period, "{\"reason\": \"   \"}"), 400, "INVALID_REQUEST");
    }

    @Test
    void closePeriodWhileEarlierPeriodWithEntriesIsOpen_unprocessableEarlierPeriodOpen() {
        String earlier = newPeriod();
        String later = newPeriod();
        post("/api/ledger/journal-entries", saleJson(newId(), earlier + "-15", "119.00")).expectStatus().isCreated();

        problem(close(later), 422, "EARLIER_PERIOD_OPEN")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains(earlier));
    }

    @Test
    void closePeriods_eachRecordsItsClosingBalancesAndTheMonthEndViewAgrees() throws Exception {
        String first = newPeriod();
        String second = newPeriod();
        post("/api/ledger/journal-entries", saleJson(newId(), first + "-15", "100.00")).expectStatus().isCreated();
        close(first).expectStatus().isOk();
        post("/api/ledger/journal-entries", saleJson(newId(), second + "-03", "19.00")).expectStatus().isCreated();

        close(second).expectStatus().isOk()
                .expectBody().json("{\"id\": \"" + second + "\", \"version\": 2}", true);

        // The books carry over from earlier tests, so the second close is the first plus its month.
        JsonNode firstClose = read("/api/ledger/periods/" + first + "?consistent=true");
        JsonNode secondClose = read("/api/ledger/periods/" + second + "?consistent=true");
        assertThat(secondClose.get("status").asText()).isEqualTo("CLOSED");
        assertThat(closingBalance(secondClose, "1200").subtract(closingBalance(firstClose, "1200")))
                .isEqualByComparingTo("19.00");
        assertThat(closingBalance(secondClose, "4000").subtract(closingBalance(firstClose, "4000")))
                .isEqualByComparingTo("-19.00");
        JsonNode monthEnd = read("/api/ledger/balances?period=" + second + "&consistent=true");
        for (JsonNode row : monthEnd.get("rows")) {
            // The month-end view signs a balance by the account's normal side; the close by debit and credit.
            BigDecimal closing = new BigDecimal(row.get("closing").asText());
            boolean creditNormal = List.of("LIABILITY", "EQUITY", "INCOME").contains(row.get("type").asText());
            assertThat(creditNormal ? closing.negate() : closing).as("closing of " + row.get("account"))
                    .isEqualByComparingTo(closingBalance(secondClose, row.get("account").asText()));
        }
    }

    @Test
    void postIntoMonthWithoutEntriesBeforeTheBooksClose_unprocessablePeriodClosed() {
        String empty = newPeriod();
        String closed = newPeriod();
        close(closed).expectStatus().isOk();

        problem(post("/api/ledger/journal-entries", saleJson(newId(), empty + "-15", "119.00")), 422,
                "PERIOD_CLOSED");
        http.get().uri("/api/ledger/periods/{period}?consistent=true", empty).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("CLOSED")
                .jsonPath("$.booksClosedThrough").isEqualTo(closed);
    }

    @Test
    void reopenPeriodBeforeTheLatestClose_unprocessableLaterPeriodClosed() {
        String earlier = newPeriod();
        String later = newPeriod();
        close(earlier).expectStatus().isOk();
        close(later).expectStatus().isOk();

        problem(reopen(earlier, "{\"reason\": \"Late invoice\"}"), 422, "LATER_PERIOD_CLOSED");
    }

    @Test
    void reopenWithStaleIfMatch_preconditionFailedAndStillClosed() {
        String period = newPeriod();
        close(period).expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"");
        reopen(period, "{\"reason\": \"First look\"}").expectStatus().isOk();
        close(period).expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.ETAG, "\"3\"");

        problem(http.post().uri("/api/ledger/periods/{period}/reopen", period).header(HttpHeaders.IF_MATCH, "\"1\"")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"reason\": \"Second look\"}").exchange(),
                412, "VERSION_CONFLICT");
        http.post().uri("/api/ledger/periods/{period}/reopen", period).header(HttpHeaders.IF_MATCH, "\"3\"")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"reason\": \"Second look\"}").exchange()
                .expectStatus().isOk()
                .expectBody().json("{\"id\": \"" + period + "\", \"version\": 4}", true);
    }

    @Test
    void reverseWithStaleIfMatch_preconditionFailed() {
        String id = newId();
        String period = newPeriod();
        post("/api/ledger/journal-entries", saleJson(id, period + "-15", "119.00")).expectStatus().isCreated();
        reverse(id, "\"1\"", "Order cancelled").expectStatus().isCreated();

        // The entry is at version 2 now (it was reversed): an If-Match of 1 no longer holds.
        problem(reverse(id, "\"1\"", "Order cancelled twice"), 412, "VERSION_CONFLICT");
    }

    @Test
    void reopenOpenPeriod_unprocessablePeriodNotClosed() {
        String period = newPeriod();
        post("/api/ledger/journal-entries", saleJson(newId(), period + "-15", "119.00")).expectStatus().isCreated();

        problem(reopen(period, "{\"reason\": \"Just in case\"}"), 422, "PERIOD_NOT_CLOSED");
    }

    @Test
    void reopenPeriodWithoutAnyActivity_unprocessablePeriodNotClosed() {
        // Every month is open until it is closed, also one nothing was posted in yet.
        problem(reopen(newPeriod(), "{\"reason\": \"Just in case\"}"), 422, "PERIOD_NOT_CLOSED");
    }

    // --- helpers ------------------------------------------------------------------------------

    /** A month no other test of this class used, later than every month taken before. */
    private String newPeriod() {
        String period = YearMonth.of(YEAR, 1).plusMonths(MONTHS_TAKEN.getAndIncrement()).toString();
        monthsOfThisTest.add(period);
        return period;
    }

    private static String newAccountCode() {
        return "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private ResponseSpec post(String path, String body) {
        return http.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private JsonNode read(String path) throws Exception {
        byte[] body = http.get().uri(path).exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody();
        return new ObjectMapper().readTree(body);
    }

    /** The account's balance as the close recorded it, debit less credit; zero for an account that never moved. */
    private static BigDecimal closingBalance(JsonNode period, String account) {
        for (JsonNode balance : period.get("closingBalances")) {
            if (balance.get("account").asText().equals(account)) {
                return new BigDecimal(balance.get("debit").asText()).subtract(new BigDecimal(balance.get("credit").asText()));
            }
        }
        return BigDecimal.ZERO;
    }

    private ResponseSpec reverse(String entryId, String ifMatch, String reason) {
        return http.post().uri("/api/ledger/journal-entries/{id}/reverse", entryId).header(HttpHeaders.IF_MATCH, ifMatch)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"reason\": \"" + reason + "\"}").exchange();
    }

    private ResponseSpec close(String period) {
        return http.post().uri("/api/ledger/periods/{period}/close", period).exchange();
    }

    private ResponseSpec reopen(String period, String body) {
        return post("/api/ledger/periods/" + period + "/reopen", body);
    }

    private static String accountJson(String code, String name, String type, String parentCode) {
        return """
                {"code": "%s", "name": "%s", "type": "%s"%s}
                """.formatted(code, name, type, parentCode == null ? "" : ", \"parentCode\": \"" + parentCode + "\"");
    }

    /** A sale on account: the receivable is debited, revenue credited. */
    private static String saleJson(String id, String date, String amount) {
        return entryJson(id, date, "EUR", line("1200", "debit", amount), line("4000", "credit", amount));
    }

    private static String entryJson(String id, String date, String currency, String... lines) {
        return """
                {"id": "%s", "date": "%s", "description": "Sale", "currency": "%s", "reference": "INV-1",
                 "lines": [%s]}
                """.formatted(id, date, currency, String.join(", ", lines));
    }

    private static String line(String account, String side, String amount) {
        return "{\"account\": \"%s\", \"%s\": \"%s\"}".formatted(account, side, amount);
    }

    private static BodyContentSpec problem(ResponseSpec response, int status, String code) {
        return response.expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(status)
                .jsonPath("$.code").isEqualTo(code)
                .jsonPath("$.title").isNotEmpty()
                .jsonPath("$.detail").isNotEmpty()
                .jsonPath("$.instance").isNotEmpty()
                .jsonPath("$.type").isNotEmpty();
    }
}
