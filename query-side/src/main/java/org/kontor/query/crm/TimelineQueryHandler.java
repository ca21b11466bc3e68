package org.kontor.query.crm;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.kontor.query.crm.CustomerQueries.FetchCustomerTimelineQuery;
import org.springframework.stereotype.Component;

/**
 * Reads a page of a timeline: the head, then the buckets that hold the entries of the page, by
 * {@code _id}, in one query. A page filtered by type scans at most {@value #MAX_ENTRIES_SCANNED}
 * entries and hands back a cursor where it stopped, so no request scans a long history; a page
 * without a filter of the largest {@code limit} spans fewer entries than that.
 */
@Component
class TimelineQueryHandler {

    static final int MAX_ENTRIES_SCANNED = 2_000;
    static final int MAX_BUCKETS_PER_PAGE = MAX_ENTRIES_SCANNED / TimelineProjection.BUCKET_SIZE;

    private final MongoCollection<Document> heads;
    private final MongoCollection<Document> buckets;

    TimelineQueryHandler(MongoDatabase readStore) {
        this.heads = readStore.getCollection(TimelineProjection.HEADS);
        this.buckets = readStore.getCollection(TimelineProjection.BUCKETS);
    }

    /** A page, or {@code null} when the timeline does not know the customer. */
    @QueryHandler
    TimelinePage handle(FetchCustomerTimelineQuery query) {
        Document head = heads.find(Filters.eq("_id", query.customerId())).first();
        if (head == null) {
            return null;
        }
        long count = head.get("count", Number.class).longValue();
        // Entries are only ever added, so a cursor handed out earlier is always below the count.
        long from = query.fromEntry() == null ? count - 1 : Math.min(query.fromEntry(), count - 1);
        if (from < 0) {
            return new TimelinePage(List.of(), null);
        }
        Map<Long, Document> slots = readBuckets(query.customerId(), from, bucketsToRead(query, from));
        List<TimelineEntry> items = new ArrayList<>();
        long entry = from;
        long lowestRead = (from / TimelineProjection.BUCKET_SIZE - slots.size() + 1) * TimelineProjection.BUCKET_SIZE;
        for (; entry >= lowestRead && items.size() < query.limit(); entry--) {
            Document bucket = slots.get(entry / TimelineProjection.BUCKET_SIZE);
            Document slot = bucket == null ? null
                    : bucket.get("e", Document.class).get(Long.toString(entry % TimelineProjection.BUCKET_SIZE),
                            Document.class);
            if (slot != null && (query.types().isEmpty() || query.types().contains(slot.getString("type")))) {
                items.add(TimelineProjection.fromDocument(slot));
            }
        }
        return new TimelinePage(items, entry >= 0 ? entry : null);
    }

    /** Without a type filter, exactly the buckets the page spans; with one, up to the scan limit. */
    private static int bucketsToRead(FetchCustomerTimelineQuery query, long from) {
        long size = TimelineProjection.BUCKET_SIZE;
        long bucketsLeft = from / size + 1;
        long inNewestBucket = from % size + 1;
        long wanted = query.types().isEmpty()
                ? 1 + ceilDivide(Math.max(0, query.limit() - inNewestBucket), size)
                : MAX_BUCKETS_PER_PAGE;
        return (int) Math.min(bucketsLeft, Math.min(wanted, MAX_BUCKETS_PER_PAGE));
    }

    private static long ceilDivide(long dividend, long divisor) {
        return (dividend + divisor - 1) / divisor;
    }

    private Map<Long, Document> readBuckets(String customerId, long from, int count) {
        long newest = from / TimelineProjection.BUCKET_SIZE;
        List<String> ids = new ArrayList<>();
        for (long bucket = newest; bucket > newest - count; bucket--) {
            ids.add(TimelineProjection.bucketId(customerId, bucket));
        }
        Map<Long, Document> byNumber = new HashMap<>();
        for (long bucket = newest; bucket > newest - count; bucket--) {
            byNumber.put(bucket, null);
        }
        buckets.find(Filters.in("_id", ids)).forEach(bucket -> {
            String id = bucket.getString("_id");
            byNumber.put(Long.parseLong(id.substring(id.lastIndexOf(':') + 1)), bucket);
        });
        return byNumber;
    }

    /** Entries newest first, and the entry to continue from, or {@code null} at the oldest. */
    public record TimelinePage(List<TimelineEntry> items, Long nextEntry) {
    }
}
