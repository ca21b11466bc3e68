package org.kontor.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** The request bodies the benchmark sends: random, valid, and each with a fresh client-chosen id. */
final class Workload {

    /** The codes of the default chart ({@code POST /api/ledger/accounts/defaults}). */
    static final List<String> ACCOUNTS = List.of("1000", "1100", "1200", "1300", "1400", "1500", "1800",
            "2000", "2100", "2200", "2300", "2500", "3000", "3100", "4000", "4100", "4900", "5000", "5100",
            "6000", "6100", "6200", "6300", "6400", "6900");
    static final int LINES_PER_ENTRY = 4;
    private static final String[] CHANNELS = {"CALL", "EMAIL", "MEETING", "SMS", "NOTE", "VISIT"};
    private static final String[] DIRECTIONS = {"INBOUND", "OUTBOUND"};

    private final int year;

    Workload(int year) {
        this.year = year;
    }

    /** A balanced entry of four lines on four different accounts: two debits, two credits. */
    String journalEntry() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String[] accounts = distinctAccounts(random);
        long debitA = random.nextLong(1, 500_000);
        long debitB = random.nextLong(1, 500_000);
        long total = debitA + debitB;
        long creditA = random.nextLong(1, total);
        long creditB = total - creditA;
        return "{\"id\":\"" + UUID.randomUUID() + "\",\"date\":\"" + randomDate(random)
                + "\",\"description\":\"Bench entry\",\"currency\":\"EUR\",\"lines\":["
                + line(accounts[0], "debit", debitA) + "," + line(accounts[1], "debit", debitB) + ","
                + line(accounts[2], "credit", creditA) + "," + line(accounts[3], "credit", creditB) + "]}";
    }

    String interaction() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Instant occurredAt = randomDate(random).atTime(LocalTime.ofSecondOfDay(random.nextInt(86_400)))
                .toInstant(ZoneOffset.UTC);
        return "{\"id\":\"" + UUID.randomUUID() + "\",\"channel\":\"" + CHANNELS[random.nextInt(CHANNELS.length)]
                + "\",\"direction\":\"" + DIRECTIONS[random.nextInt(DIRECTIONS.length)]
                + "\",\"occurredAt\":\"" + occurredAt + "\",\"subject\":\"Bench interaction\"}";
    }

    static String customer(String id, int number) {
        return "{\"id\":\"" + id + "\",\"name\":\"Bench Customer " + number + "\",\"kind\":\"COMPANY\"}";
    }

    /** A month of the benchmark's year, {@code YYYY-MM}. */
    String randomPeriod() {
        return String.format("%d-%02d", year, ThreadLocalRandom.current().nextInt(1, 13));
    }

    /** Minor units as the API's decimal string: 1234 is {@code "12.34"}. */
    static String amount(long minor) {
        return minor / 100 + "." + String.format("%02d", minor % 100);
    }

    private LocalDate randomDate(ThreadLocalRandom random) {
        LocalDate first = LocalDate.of(year, 1, 1);
        return first.plusDays(random.nextInt(first.lengthOfYear()));
    }

    private static String line(String account, String side, long minor) {
        return "{\"account\":\"" + account + "\",\"" + side + "\":\"" + amount(minor) + "\"}";
    }

    /** The first four steps of a Fisher-Yates shuffle of the chart. */
    private static String[] distinctAccounts(ThreadLocalRandom random) {
        String[] codes = ACCOUNTS.toArray(new String[0]);
        for (int index = 0; index < LINES_PER_ENTRY; index++) {
            int other = random.nextInt(index, codes.length);
            String swapped = codes[index];
            codes[index] = codes[other];
            codes[other] = swapped;
        }
        return java.util.Arrays.copyOf(codes, LINES_PER_ENTRY);
    }
}
