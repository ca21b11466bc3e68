package org.kontor.query.crm;

import java.time.Instant;
import org.kontor.events.common.Money;
import org.kontor.events.sales.SalesOrderEvent;
import org.kontor.events.sales.SalesOrderEvent.SalesOrderCancelled;
import org.kontor.events.sales.SalesOrderEvent.SalesOrderConfirmed;
import org.kontor.events.sales.SalesOrderEvent.SalesOrderDelivered;
import org.kontor.events.sales.SalesOrderEvent.SalesOrderDrafted;
import org.kontor.events.sales.SalesOrderEvent.SalesOrderReservationFailed;
import org.kontor.events.sales.SalesOrderEvent.SalesOrderStockReserved;

/** The timeline's sentences for a customer's sales orders; each entry refers to the order. */
final class SalesTimelineEntries {

    private SalesTimelineEntries() {
    }

    static TimelineEntry describe(SalesOrderEvent event, Instant at, String by) {
        return new TimelineEntry(at, event.getClass().getSimpleName(), summaryOf(event), event.orderId(), by);
    }

    private static String summaryOf(SalesOrderEvent event) {
        if (event instanceof SalesOrderDrafted drafted) {
            return "Order drafted: " + drafted.lines().size() + " line(s)";
        }
        if (event instanceof SalesOrderConfirmed confirmed) {
            return "Order confirmed: " + Money.of(Math.addExact(confirmed.netMinor(), confirmed.taxMinor()),
                    confirmed.currency()).toDecimalString() + " " + confirmed.currency();
        }
        if (event instanceof SalesOrderStockReserved) {
            return "Order's stock reserved";
        }
        if (event instanceof SalesOrderReservationFailed failed) {
            return "Order's stock could not be reserved: " + failed.sku() + " (" + failed.code() + ")";
        }
        if (event instanceof SalesOrderDelivered delivered) {
            return "Order delivered on " + delivered.date();
        }
        SalesOrderCancelled cancelled = (SalesOrderCancelled) event; // the last kind of a sealed interface
        return "Order cancelled: " + cancelled.reason();
    }
}
