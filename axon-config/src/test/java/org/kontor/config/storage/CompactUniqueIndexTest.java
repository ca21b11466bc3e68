package org.kontor.config.storage;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CompactUniqueIndexTest {

    /**
     * Random puts, removes and looks-ups over a small set of keys, so runs of colliding slots form
     * and are shifted back by removals, checked against a map after every step.
     */
    @Test
    void textKeys_randomPutsAndRemoves_answerAsAMapDoes() {
        CompactUniqueIndex.TextKeys table = new CompactUniqueIndex.TextKeys();
        Map<String, Integer> expected = new HashMap<>();
        Random random = new Random(20261127);
        for (int step = 0; step < 200_000; step++) {
            String key = "1100:2025-03:" + random.nextInt(3_000);
            switch (random.nextInt(3)) {
                case 0 -> {
                    assertThat(table.putIfAbsent(key, step)).isEqualTo(expected.getOrDefault(key, -1));
                    expected.putIfAbsent(key, step);
                }
                case 1 -> assertThat(table.remove(key)).isEqualTo(removed(expected, key));
                default -> assertThat(table.get(key)).isEqualTo(expected.getOrDefault(key, -1));
            }
        }
        assertThat(table.size()).isEqualTo(expected.size());
        Map<String, Integer> listed = new HashMap<>();
        table.forEach(listed::put);
        assertThat(listed).isEqualTo(expected);
    }

    /** "Aa" and "BB" hash alike, so every string of six such pairs has the same hash: 64 keys, one home. */
    @Test
    void textKeys_distinctKeysOfOneHash_eachKeepsItsOwnPosition() {
        CompactUniqueIndex.TextKeys table = new CompactUniqueIndex.TextKeys();
        List<String> keys = new ArrayList<>();
        for (int bits = 0; bits < 64; bits++) {
            StringBuilder key = new StringBuilder();
            for (int pair = 0; pair < 6; pair++) {
                key.append((bits >> pair & 1) == 0 ? "Aa" : "BB");
            }
            keys.add(key.toString());
        }
        assertThat(keys.stream().map(String::hashCode).distinct()).hasSize(1);

        for (int i = 0; i < keys.size(); i++) {
            assertThat(table.putIfAbsent(keys.get(i), i)).isEqualTo(-1);
        }
        for (int i = 0; i < keys.size(); i += 2) {
            assertThat(table.remove(keys.get(i))).isEqualTo(i);
        }

        for (int i = 0; i < keys.size(); i++) {
            assertThat(table.get(keys.get(i))).isEqualTo(i % 2 == 0 ? -1 : i);
        }
        assertThat(table.putIfAbsent(keys.get(1), 999)).isEqualTo(1);
        assertThat(table.size()).isEqualTo(32);
    }

    private static int removed(Map<String, Integer> expected, String key) {
        Integer position = expected.remove(key);
        return position == null ? -1 : position;
    }

    @Test
    void textAndNumberKeys_eachFoundWhereStoredAndAKeyTakenOnlyOnce() {
        CompactUniqueIndex index = new CompactUniqueIndex("_id_", List.of(new IndexKey("_id", true)), false);

        assertThat(index.putKeyPosition(new KeyValue("customer-1"), 0)).isTrue();
        assertThat(index.putKeyPosition(new KeyValue(42.0), 1)).isTrue();
        assertThat(index.putKeyPosition(new KeyValue("customer-1"), 2)).isFalse();

        assertThat(index.getPosition(new KeyValue("customer-1"))).isZero();
        assertThat(index.getPosition(new KeyValue(42.0))).isEqualTo(1);
        assertThat(index.getPosition(new KeyValue("customer-2"))).isNull();
        assertThat(index.getIterable()).extracting(Map.Entry::getValue).containsExactlyInAnyOrder(0, 1);
        assertThat(index.getCount()).isEqualTo(2);

        assertThat(index.removeDocument(new KeyValue("customer-1"))).isZero();
        assertThat(index.removeDocument(new KeyValue("customer-1"))).isNull();
        assertThat(index.getCount()).isEqualTo(1);
    }
}
