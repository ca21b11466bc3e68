package org.kontor.query.openitems;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.kontor.events.common.Money;

/**
 * The aging of one book as of a date: per party and currency, what was open at the end of that day
 * by bucket, and the totals per currency over every party (not only the page's rows).
 */
public record AgingReport(LocalDate asOf, List<Row> rows, List<Totals> totals, String nextCursor) {

    /** A party's open amounts in one currency; the party id is named as the book names it. */
    public record Row(@JsonIgnore OpenItemKind kind, @JsonIgnore String partyId, String name, String currency,
                      String current, String days1to30, String days31to60, String days61to90, String over90,
                      String total, int openDocuments) {

        @JsonAnyGetter
        Map<String, String> party() {
            return Map.of(kind.partyField(), partyId);
        }
    }

    public record Totals(String currency, String current, String days1to30, String days31to60, String days61to90,
                         String over90, String total) {
    }

    /** Sums open items into buckets per party and currency, and per currency over all parties. */
    static final class Builder {

        private final OpenItemKind kind;
        private final LocalDate asOf;
        private final List<Row> rows = new ArrayList<>();
        private final Map<String, Buckets> totals = new TreeMap<>();

        Builder(OpenItemKind kind, LocalDate asOf) {
            this.kind = kind;
            this.asOf = asOf;
        }

        /**
         * Adds one party's items; returns its rows (one per currency it has open items in), which
         * the caller may or may not put on the page. Totals count them either way.
         */
        List<Row> add(String partyId, String name, List<OpenItem> items) {
            Map<String, Buckets> byCurrency = new TreeMap<>();
            for (OpenItem item : items) {
                long open = item.openAsOf(asOf);
                if (open != 0) {
                    AgingBucket bucket = AgingBucket.of(item.dueOn(), asOf);
                    byCurrency.computeIfAbsent(item.currency(), currency -> new Buckets()).add(bucket, open);
                    totals.computeIfAbsent(item.currency(), currency -> new Buckets()).add(bucket, open);
                }
            }
            List<Row> partyRows = new ArrayList<>();
            byCurrency.forEach((currency, buckets) -> partyRows.add(new Row(kind, partyId, name, currency,
                    buckets.amount(AgingBucket.CURRENT, currency), buckets.amount(AgingBucket.DAYS_1_30, currency),
                    buckets.amount(AgingBucket.DAYS_31_60, currency), buckets.amount(AgingBucket.DAYS_61_90, currency),
                    buckets.amount(AgingBucket.OVER_90, currency), buckets.total(currency), buckets.documents)));
            return partyRows;
        }

        void page(List<Row> pageRows) {
            rows.addAll(pageRows);
        }

        AgingReport build(String nextCursor) {
            List<Totals> totalRows = new ArrayList<>();
            totals.forEach((currency, buckets) -> totalRows.add(new Totals(currency,
                    buckets.amount(AgingBucket.CURRENT, currency), buckets.amount(AgingBucket.DAYS_1_30, currency),
                    buckets.amount(AgingBucket.DAYS_31_60, currency), buckets.amount(AgingBucket.DAYS_61_90, currency),
                    buckets.amount(AgingBucket.OVER_90, currency), buckets.total(currency))));
            return new AgingReport(asOf, List.copyOf(rows), totalRows, nextCursor);
        }
    }

    /** Minor units per bucket, and how many open documents were counted. */
    private static final class Buckets {

        private final Map<AgingBucket, Long> minor = new EnumMap<>(AgingBucket.class);
        private int documents;

        void add(AgingBucket bucket, long amountMinor) {
            minor.merge(bucket, amountMinor, Math::addExact);
            documents++;
        }

        String amount(AgingBucket bucket, String currency) {
            return Money.of(minor.getOrDefault(bucket, 0L), currency).toDecimalString();
        }

        String total(String currency) {
            return Money.of(minor.values().stream().mapToLong(Long::longValue).sum(), currency).toDecimalString();
        }
    }
}
