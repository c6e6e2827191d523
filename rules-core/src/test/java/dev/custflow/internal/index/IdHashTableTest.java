package dev.custflow.internal.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** The map of an id window: first hash to second, with removals that leave no markers behind. */
class IdHashTableTest {
    private static final long ABSENT = -7;

    @Test
    void aKeyAloneInTheTable_isInItsHomeSlot_forAReadAhead() {
        IdHashTable t = new IdHashTable(4);
        assertThat(t.atHome(42)).isZero();
        t.put(42, 7);

        assertThat(t.atHome(42)).isEqualTo(42);
        assertThat(t.size()).isEqualTo(1);
    }

    @Test
    void anEmptyTable_hasNothing() {
        IdHashTable t = new IdHashTable(4);
        assertThat(t.size()).isZero();
        assertThat(t.get(42, ABSENT)).isEqualTo(ABSENT);
        assertThat(t.containsKey(42)).isFalse();
    }

    @Test
    void aPutKey_givesItsValue_untilRemoved_andAPutAgainReplacesIt() {
        IdHashTable t = new IdHashTable(4);
        t.put(42, 1);
        t.put(42, 2);
        assertThat(t.size()).isEqualTo(1);
        assertThat(t.get(42, ABSENT)).isEqualTo(2);
        t.remove(42);
        t.remove(42);
        assertThat(t.size()).isZero();
        assertThat(t.containsKey(42)).isFalse();
    }

    @Test
    void theKeyZero_isKeptLikeAnyOther() {
        IdHashTable t = new IdHashTable(4);
        t.put(0, 5);
        assertThat(t.get(0, ABSENT)).isEqualTo(5);
        assertThat(t.size()).isEqualTo(1);
        t.remove(0);
        assertThat(t.get(0, ABSENT)).isEqualTo(ABSENT);
        assertThat(t.size()).isZero();
    }

    @Test
    void aWindowAtItsCapacity_firstInFirstOut_agreesWithAHashMap() {
        Random random = new Random(7);
        // small keys: clusters
        fillAsAWindow(new IdHashTable(5_000), 5_000, 200_000, random,
                () -> random.nextInt(4) == 0 ? random.nextInt(64) : random.nextLong());
    }

    /**
     * Puts new keys as a window of {@code capacity} does (the oldest out when full), checking every key met again
     * and, at the end, every key kept, against a {@link HashMap}.
     *
     * @return the model
     */
    private static Map<Long, Long> fillAsAWindow(IdHashTable t, long capacity, int steps, Random random,
                                                 java.util.function.LongSupplier keys) {
        Map<Long, Long> model = new HashMap<>();
        ArrayDeque<Long> order = new ArrayDeque<>();
        for (int n = 0; n < steps; n++) {
            long key = keys.getAsLong();
            if (model.containsKey(key)) {
                assertThat(t.get(key, ABSENT)).isEqualTo(model.get(key));
                continue;
            }
            if (order.size() == capacity) {
                long oldest = order.removeFirst();
                t.remove(oldest);
                model.remove(oldest);
            }
            long value = random.nextLong();
            t.put(key, value);
            model.put(key, value);
            order.addLast(key);
        }
        assertThat(t.size()).isEqualTo(model.size());
        model.forEach((k, v) -> assertThat(t.get(k, ABSENT)).isEqualTo(v));
        return model;
    }

    @Test
    void aWindowsTable_growsToTheSlotsItsCapacityNeeds_notToThePowerOfTwoAbove() {
        IdHashTable t = new IdHashTable(16, 1_000_000);
        for (long k = 1; k <= 1_000_000; k++) {
            t.put(k * 0x9E3779B97F4A7C15L, k);
        }
        assertThat(t.slots()).isEqualTo(1_428_572); // 1,000,000 / 0.7, where the next power of two is 2,097,152
        assertThat(t.size()).isEqualTo(1_000_000);
        assertThat(new IdHashTable(1_000_000, 1_000_000).slots()).isEqualTo(1_428_572);
        assertThat(new IdHashTable(100, 1_000_000).slots()).isEqualTo(200);
    }

    @Property(tries = 100)
    void aWindowAtItsCapacity_inATableOfAnySize_agreesWithAHashMap(@ForAll long seed,
                                                                  @ForAll @LongRange(min = 1, max = 700) long most) {
        IdHashTable t = new IdHashTable(2, (int) most); // its last size is most / 0.7: seldom a power of two
        Random random = new Random(seed);
        // clusters and spread
        Map<Long, Long> model = fillAsAWindow(t, most, 3_000, random,
                () -> random.nextInt(3) == 0 ? random.nextInt(2_000) : random.nextLong());
        for (int probe = 0; probe < 200; probe++) {
            long key = random.nextLong();
            assertThat(t.containsKey(key)).isEqualTo(model.containsKey(key));
        }
    }

    @Property(tries = 200)
    void anyMixOfPutsAndRemoves_agreesWithAHashMap(@ForAll long seed, @ForAll @LongRange(min = 1, max = 300) long keys) {
        IdHashTable t = new IdHashTable(2); // grows many times
        Map<Long, Long> model = new HashMap<>();
        Random random = new Random(seed);
        for (int n = 0; n < 2_000; n++) {
            long key = random.nextLong(keys) * 1_000_003L; // few keys, many collisions of their homes
            switch (random.nextInt(3)) {
                case 0 -> {
                    t.remove(key);
                    model.remove(key);
                }
                default -> {
                    long value = random.nextLong();
                    t.put(key, value);
                    model.put(key, value);
                }
            }
            assertThat(t.size()).isEqualTo(model.size());
        }
        for (long k = 0; k < keys; k++) {
            long key = k * 1_000_003L;
            assertThat(t.get(key, ABSENT)).isEqualTo(model.getOrDefault(key, ABSENT));
            assertThat(t.containsKey(key)).isEqualTo(model.containsKey(key));
        }
    }
}
