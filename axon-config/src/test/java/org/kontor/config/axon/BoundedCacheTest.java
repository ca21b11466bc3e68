package org.kontor.config.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

class BoundedCacheTest {

    @Test
    void fullCache_dropsTheLeastRecentlyUsedEntryAndTellsItsListeners() {
        BoundedCache cache = new BoundedCache(2);
        List<Object> expired = new ArrayList<>();
        cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryExpired(Object key) {
                expired.add(key);
            }
        });
        cache.put("march", 3);
        cache.put("april", 4);
        cache.get("march"); // march is now the most recently used

        cache.put("may", 5);

        assertThat(cache.containsKey("march")).isTrue();
        assertThat(cache.containsKey("april")).isFalse();
        assertThat(cache.<String, Integer>get("may")).isEqualTo(5);
        assertThat(expired).containsExactly("april");
    }

    @Test
    void entries_stayUntilRemoved() {
        BoundedCache cache = new BoundedCache(10);
        cache.put("march", new Object());
        System.gc();

        assertThat(cache.containsKey("march")).isTrue();
        assertThat(cache.putIfAbsent("march", "other")).isFalse();
        assertThat(cache.remove("march")).isTrue();
        assertThat(cache.containsKey("march")).isFalse();
    }

    @Test
    void noRoom_refused() {
        assertThatThrownBy(() -> new BoundedCache(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
