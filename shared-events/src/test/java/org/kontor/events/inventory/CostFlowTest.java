package org.kontor.events.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.kontor.events.inventory.CostFlow.Step;
import org.kontor.events.inventory.CostFlow.Valued;

class CostFlowTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 1);

    @Test
    void average_issuesTakeTheRoundedShareAndTheLastUnitTakesTheRest() {
        CostFlow flow = new CostFlow(CostMethod.AVERAGE);
        flow.apply(in("r1", 3, 100)); // 3 units for 1.00: 0.333... each

        assertThat(flow.apply(out("i1", 1))).isEqualTo(-33);
        assertThat(flow.apply(out("i2", 1))).isEqualTo(-34); // 67 * 1 / 2 = 33.5, half up
        assertThat(flow.apply(out("i3", 1))).isEqualTo(-33);
        assertThat(flow.quantity()).isZero();
        assertThat(flow.valueMinor()).isZero();
    }

    @Test
    void fifo_oldestLayerFirst() {
        CostFlow flow = new CostFlow(CostMethod.FIFO);
        flow.apply(in("r1", 2, 200));
        flow.apply(in("r2", 2, 600));

        assertThat(flow.apply(out("i1", 3))).isEqualTo(-500);
        assertThat(flow.valueMinor()).isEqualTo(300);
    }

    @Test
    void countedIn_atTheAverageCostOrTheLastInboundCostWhenEmpty() {
        CostFlow flow = new CostFlow(CostMethod.FIFO);
        flow.apply(in("r1", 4, 1_000));

        assertThat(flow.apply(new Step("a1", DAY, 2, null))).isEqualTo(500);
        flow.apply(out("i1", 6));
        assertThat(flow.apply(new Step("a2", DAY, 1, null))).isEqualTo(250);
    }

    @Test
    void replay_inDateOrderAndStableWithinADate() {
        List<Valued> valued = CostFlow.replay(CostMethod.FIFO, List.of(
                new Step("r2", DAY.plusDays(2), 1, 300L),
                new Step("i1", DAY.plusDays(2), -1, null),
                new Step("r1", DAY, 1, 100L)));

        assertThat(valued).extracting(v -> v.step().movementId()).containsExactly("r1", "r2", "i1");
        assertThat(valued.get(2).valueMinor()).isEqualTo(-100);
        assertThat(valued.get(2).quantityAfter()).isEqualTo(1);
    }

    @Test
    void takingMoreThanInStock_isADefect() {
        CostFlow flow = new CostFlow(CostMethod.AVERAGE);
        flow.apply(in("r1", 1, 100));

        assertThatThrownBy(() -> flow.apply(out("i1", 2))).isInstanceOf(IllegalStateException.class);
        assertThat(CostFlow.staysInStock(List.of(in("r1", 1, 100), out("i1", 2)))).isFalse();
    }

    /** Whatever the movements, the stock is worth exactly what came in minus what went out. */
    @Test
    void randomMovements_valueIsAlwaysTheExactSumOfTheLayers() {
        Random random = new Random(42);
        for (CostMethod method : CostMethod.values()) {
            CostFlow flow = new CostFlow(method);
            long in = 0;
            long out = 0;
            for (int i = 0; i < 2_000; i++) {
                if (flow.quantity() == 0 || random.nextBoolean()) {
                    in += flow.apply(in("r" + i, 1 + random.nextInt(50), random.nextInt(10_000)));
                } else {
                    out -= flow.apply(out("i" + i, 1 + random.nextInt((int) Math.min(flow.quantity(), 60))));
                }
                assertThat(flow.valueMinor()).isEqualTo(in - out).isNotNegative();
                if (flow.quantity() == 0) {
                    assertThat(flow.valueMinor()).isZero();
                }
            }
        }
    }

    private static Step in(String id, long quantity, long valueMinor) {
        return new Step(id, DAY, quantity, valueMinor);
    }

    private static Step out(String id, long quantity) {
        return new Step(id, DAY, -quantity, null);
    }
}
