package org.kontor.events.inventory;

import java.math.BigInteger;
import java.math.RoundingMode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * The valuation rule of one product in one warehouse, shared by the write side (which values each
 * movement when it happens) and the valuation view (which recomputes from the movements): both
 * must arrive at the same minor unit, or the inventory account and the valuation would drift.
 *
 * <p>Stock is held in layers of a quantity and an exact value in minor units: one layer under
 * {@link CostMethod#AVERAGE}, one per inbound movement under {@link CostMethod#FIFO}. Goods going
 * out take the value of the quantity they take from a layer, {@code value * taken / quantity}
 * rounded half up to the minor unit, and the layer keeps the rest; the last unit of a layer takes
 * exactly what is left. So the value of the stock is always the exact sum of its layers, and no
 * stock has a value without a quantity. Goods counted in (a positive adjustment) are valued at the
 * average cost of what is in stock, or of the last inbound when the stock is empty.
 */
public final class CostFlow {

    /** Movements in date order; those of one date in the order they were recorded. */
    public static final Comparator<Step> DATE_ORDER = Comparator.comparing(Step::date);

    private final CostMethod method;
    /** Each layer is {quantity, value in minor units}. */
    private final Deque<long[]> layers = new ArrayDeque<>();
    private long quantity;
    private long valueMinor;
    private long lastInboundQuantity;
    private long lastInboundValueMinor;

    public CostFlow(CostMethod method) {
        this.method = Objects.requireNonNull(method, "method");
    }

    /**
     * One movement of a stock's history. {@code fixedValueMinor} is the value of goods that come in
     * at a known value (receipts, transfers in); {@code null} for goods valued at cost.
     */
    public record Step(String movementId, LocalDate date, long quantityChange, Long fixedValueMinor) {

        public Step {
            Objects.requireNonNull(movementId, "movementId");
            Objects.requireNonNull(date, "date");
        }
    }

    /** A step with its value (signed: negative for goods going out) and the stock after it. */
    public record Valued(Step step, long valueMinor, long quantityAfter, long valueAfterMinor) {
    }

    /** Values every step in date order (a stable sort: steps of one date keep their order). */
    public static List<Valued> replay(CostMethod method, List<Step> stepsInRecordedOrder) {
        CostFlow flow = new CostFlow(method);
        List<Valued> valued = new ArrayList<>(stepsInRecordedOrder.size());
        for (Step step : inDateOrder(stepsInRecordedOrder)) {
            long value = flow.apply(step);
            valued.add(new Valued(step, value, flow.quantity, flow.valueMinor));
        }
        return valued;
    }

    /** Whether the quantity on hand, followed through the steps in date order, never falls below zero. */
    public static boolean staysInStock(List<Step> stepsInRecordedOrder) {
        long onHand = 0;
        for (Step step : inDateOrder(stepsInRecordedOrder)) {
            onHand += step.quantityChange();
            if (onHand < 0) {
                return false;
            }
        }
        return true;
    }

    /** The quantity on hand at the end of {@code date}. */
    public static long quantityAt(List<Step> stepsInRecordedOrder, LocalDate date) {
        return stepsInRecordedOrder.stream().filter(step -> !step.date().isAfter(date))
                .mapToLong(Step::quantityChange).sum();
    }

    public static List<Step> inDateOrder(List<Step> stepsInRecordedOrder) {
        List<Step> sorted = new ArrayList<>(stepsInRecordedOrder);
        sorted.sort(DATE_ORDER);
        return sorted;
    }

    public long quantity() {
        return quantity;
    }

    public long valueMinor() {
        return valueMinor;
    }

    /**
     * Applies one movement and answers its value: positive for goods in, negative for goods out.
     *
     * @throws IllegalStateException when the movement takes more than is in stock: callers check
     *                               quantities first, so this is a defect
     */
    public long apply(Step step) {
        long change = step.quantityChange();
        if (change > 0) {
            long value = step.fixedValueMinor() != null ? step.fixedValueMinor() : atCurrentCost(change);
            addLayer(change, value);
            if (step.fixedValueMinor() != null) {
                lastInboundQuantity = change;
                lastInboundValueMinor = value;
            }
            return value;
        }
        if (change < 0) {
            return -take(-change, step);
        }
        return 0;
    }

    private long atCurrentCost(long units) {
        if (quantity > 0) {
            return share(valueMinor, units, quantity);
        }
        return lastInboundQuantity > 0 ? share(lastInboundValueMinor, units, lastInboundQuantity) : 0;
    }

    private void addLayer(long units, long value) {
        if (method == CostMethod.AVERAGE && !layers.isEmpty()) {
            long[] pool = layers.peekFirst();
            pool[0] = Math.addExact(pool[0], units);
            pool[1] = Math.addExact(pool[1], value);
        } else {
            layers.addLast(new long[] {units, value});
        }
        quantity = Math.addExact(quantity, units);
        valueMinor = Math.addExact(valueMinor, value);
    }

    private long take(long units, Step step) {
        if (units > quantity) {
            throw new IllegalStateException("movement " + step.movementId() + " on " + step.date() + " takes "
                    + units + " of " + quantity + " in stock");
        }
        long taken = 0;
        long remaining = units;
        while (remaining > 0) {
            long[] layer = layers.peekFirst();
            long fromLayer = Math.min(remaining, layer[0]);
            long value = fromLayer == layer[0] ? layer[1] : share(layer[1], fromLayer, layer[0]);
            layer[0] -= fromLayer;
            layer[1] -= value;
            if (layer[0] == 0) {
                layers.removeFirst();
            }
            taken += value;
            remaining -= fromLayer;
        }
        quantity -= units;
        valueMinor -= taken;
        return taken;
    }

    /** {@code value * part / whole}, rounded half up to the minor unit, without overflow. */
    static long share(long value, long part, long whole) {
        BigInteger product = BigInteger.valueOf(value).multiply(BigInteger.valueOf(part));
        return new BigDecimal(product).divide(BigDecimal.valueOf(whole), 0, RoundingMode.HALF_UP).longValueExact();
    }
}
