package dev.custflow.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.internal.profile.CustomerRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** A partition's customers by their own ids: a map without the keys, whose removals leave no markers. */
class CustomerTableTest {
    private static final Instant T = Instant.parse("2024-03-01T00:00:00Z");
    /** "Aa" and "BB" (and so every mix of them) have the same String hash: they share a home slot. */
    private static final String[] SAME_HASH = {"AaAa", "AaBB", "BBAa", "BBBB"};

    @Test
    void anEmptyTable_hasNoCustomer() {
        CustomerTable t = new CustomerTable();
        assertThat(t.size()).isZero();
        assertThat(t.get("c-1")).isNull();
        assertThat(t.containsKey("c-1")).isFalse();
        assertThat(t.remove("c-1")).isNull();
        assertThat(t.toList()).isEmpty();
    }

    @Test
    void aCustomerAloneInItsHomeSlot_isThereForAReadAhead() {
        CustomerTable t = new CustomerTable();
        CustomerRecord c = new CustomerRecord("c-1", T);
        t.put(c);

        assertThat(t.atHome("c-1".hashCode())).isSameAs(c);
        assertThat(t.atHome("c-2".hashCode())).isNull();
    }

    @Test
    void aCustomerPutAgainUnderItsId_replacesTheRecordThatHadIt() {
        CustomerTable t = new CustomerTable();
        CustomerRecord first = new CustomerRecord("c-1", T);
        CustomerRecord second = new CustomerRecord(new String("c-1"), T);
        t.put(first);
        t.put(second);
        assertThat(t.size()).isEqualTo(1);
        assertThat(t.get("c-1")).isSameAs(second);
        assertThat(t.remove("c-1")).isSameAs(second);
        assertThat(t.size()).isZero();
    }

    @Test
    void idsWithTheSameHash_areEachFound_andRemovingOneKeepsTheOthersReachable() {
        CustomerTable t = new CustomerTable();
        for (String id : SAME_HASH) {
            t.put(new CustomerRecord(id, T));
        }
        assertThat(t.remove("AaBB").getId()).isEqualTo("AaBB");
        assertThat(t.get("AaBB")).isNull();
        for (String id : List.of("AaAa", "BBAa", "BBBB")) {
            assertThat(t.get(id).getId()).isEqualTo(id);
        }
        assertThat(t.size()).isEqualTo(3);
    }

    @Test
    void manyIds_growTheTable_andAreAllFound() {
        CustomerTable t = new CustomerTable();
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            t.put(new CustomerRecord("c" + i, T));
        }
        for (int i = 0; i < n; i += 2) {
            t.remove("c" + i);
        }
        assertThat(t.size()).isEqualTo(n / 2);
        for (int i = 0; i < n; i++) {
            assertThat(t.containsKey("c" + i)).isEqualTo(i % 2 == 1);
        }
    }

    @Test
    void theSameOperations_giveTheSameIterationOrder() {
        assertThat(ids(run(7))).isEqualTo(ids(run(7)));
    }

    /** Against a HashMap: after any mix of puts and removals over a few ids (many sharing a hash), the same answers. */
    @Property(tries = 300)
    void anyMixOfPutsAndRemovals_answersLikeAHashMap(@ForAll long seed,
                                                     @ForAll @IntRange(min = 0, max = 400) int operations) {
        Random r = new Random(seed);
        CustomerTable t = new CustomerTable();
        Map<String, CustomerRecord> model = new HashMap<>();
        for (int i = 0; i < operations; i++) {
            String id = id(r);
            if (r.nextInt(3) == 0) {
                assertThat(t.remove(id)).isSameAs(model.remove(id));
            } else {
                CustomerRecord c = new CustomerRecord(id, T);
                t.put(c);
                model.put(id, c);
            }
            assertThat(t.size()).isEqualTo(model.size());
        }
        for (int i = 0; i < 64; i++) {
            String id = id(r);
            assertThat(t.get(id)).isSameAs(model.get(id));
            assertThat(t.containsKey(id)).isEqualTo(model.containsKey(id));
        }
        List<CustomerRecord> visited = new ArrayList<>();
        t.forEach(visited::add);
        assertThat(visited).containsExactlyInAnyOrderElementsOf(model.values());
        assertThat(t.toList()).containsExactlyElementsOf(visited);
    }

    /** Ids from a small set (so puts replace and removals hit), half of them sharing one hash. */
    private static String id(Random r) {
        return r.nextBoolean() ? SAME_HASH[r.nextInt(SAME_HASH.length)] : "c-" + r.nextInt(40);
    }

    private static CustomerTable run(long seed) {
        Random r = new Random(seed);
        CustomerTable t = new CustomerTable();
        for (int i = 0; i < 300; i++) {
            String id = id(r);
            if (r.nextInt(3) == 0) {
                t.remove(id);
            } else {
                t.put(new CustomerRecord(id, T));
            }
        }
        return t;
    }

    private static List<String> ids(CustomerTable t) {
        return t.toList().stream().map(CustomerRecord::getId).toList();
    }
}
