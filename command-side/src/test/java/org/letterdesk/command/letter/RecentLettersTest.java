package org.letterdesk.command.letter;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import org.axonframework.common.caching.Cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecentLettersTest {

    @Test
    void keepsTheMostRecentlyUsedLettersUpToItsCapacity() {
        RecentLetters cache = new RecentLetters(2);
        cache.put("a", "A");
        cache.put("b", "B");
        assertThat((String) cache.get("a")).isEqualTo("A"); // a is now more recent than b
        cache.put("c", "C");

        assertThat(cache.containsKey("a")).isTrue();
        assertThat(cache.containsKey("b")).isFalse();
        assertThat(cache.containsKey("c")).isTrue();
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void removesAndReportsChangesToListeners() {
        RecentLetters cache = new RecentLetters(1);
        List<String> seen = new ArrayList<>();
        cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryCreated(Object key, Object value) {
                seen.add("created " + key);
            }

            @Override
            public void onEntryUpdated(Object key, Object value) {
                seen.add("updated " + key);
            }

            @Override
            public void onEntryRemoved(Object key) {
                seen.add("removed " + key);
            }

            @Override
            public void onEntryExpired(Object key) {
                seen.add("expired " + key);
            }
        });
        cache.put("a", "A");
        cache.put("a", "A2");
        cache.put("b", "B");
        assertThat(cache.putIfAbsent("b", "other")).isFalse();
        assertThat(cache.remove("b")).isTrue();
        assertThat(cache.remove("b")).isFalse();

        assertThat(seen).containsExactly("created a", "updated a", "expired a", "created b", "removed b");
        assertThat((Object) cache.get("b")).isNull();
    }

    @Test
    void refusesANonPositiveCapacity() {
        assertThatThrownBy(() -> new RecentLetters(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
