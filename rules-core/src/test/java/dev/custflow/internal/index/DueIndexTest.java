package dev.custflow.internal.index;

import dev.custflow.internal.profile.CustomerRecord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.model.Customer;
import dev.custflow.testdata.Customers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The due-time index of a partition: customers by the next instant a time rule may fire, earliest first. */
class DueIndexTest {
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    private static CustomerRecord customer(String id) {
        return Customers.plain(id, T0);
    }

    /** Polls everything, as a sweep to the end of time would. */
    private static List<String> drain(DueIndex index) {
        List<String> ids = new ArrayList<>();
        while (index.size() > 0) {
            ids.add(index.poll().getId());
        }
        return ids;
    }

    @Test
    void dueIndex_empty_hasNothingDue() {
        DueIndex index = new DueIndex();
        assertThat(index.size()).isZero();
        assertThat(index.peekDue()).isEqualTo(DueIndex.NONE);
    }

    @Test
    void dueIndex_pollsCustomersInDueOrder() {
        DueIndex index = new DueIndex();
        index.schedule(customer("c"), 300);
        index.schedule(customer("a"), 500);
        index.schedule(customer("d"), 100);
        index.schedule(customer("b"), 200);
        assertThat(index.peekDue()).isEqualTo(100);
        assertThat(drain(index)).containsExactly("d", "b", "c", "a");
        assertThat(index.peekDue()).isEqualTo(DueIndex.NONE);
    }

    @Test
    void dueIndex_tiesWakeInCustomerIdOrder() {
        DueIndex index = new DueIndex();
        for (String id : List.of("m", "b", "z", "a", "k")) {
            index.schedule(customer(id), 1_000);
        }
        assertThat(drain(index)).containsExactly("a", "b", "k", "m", "z");
    }

    @Test
    void dueIndex_reschedulingEarlierOrLater_movesTheCustomer() {
        DueIndex index = new DueIndex();
        CustomerRecord[] abc = scheduledAt100To300(index);
        CustomerRecord a = abc[0];
        CustomerRecord c = abc[2];
        index.schedule(c, 50); // earlier: to the front
        assertThat(index.peekDue()).isEqualTo(50);
        index.schedule(c, 400); // later: to the back
        index.schedule(a, 100); // unchanged
        assertThat(index.size()).isEqualTo(3);
        assertThat(drain(index)).containsExactly("a", "b", "c");
    }

    @Test
    void dueIndex_schedulingNone_removesTheCustomer_andIgnoresOneNotIndexed() {
        DueIndex index = new DueIndex();
        CustomerRecord[] abc = scheduledAt100To300(index);
        index.schedule(abc[1], DueIndex.NONE);
        index.schedule(customer("never"), DueIndex.NONE);
        assertThat(index.size()).isEqualTo(2);
        assertThat(drain(index)).containsExactly("a", "c");
    }

    @Test
    void dueIndex_aPolledCustomer_canBeScheduledAgain() {
        DueIndex index = new DueIndex();
        CustomerRecord a = customer("a");
        index.schedule(a, 100);
        index.schedule(customer("b"), 200);
        assertThat(index.poll()).isSameAs(a);
        index.schedule(a, 300);
        assertThat(drain(index)).containsExactly("b", "a");
    }

    @Test
    void dueIndex_keepsHeapOrderThroughRandomSchedulesAndRemovals_beyondItsInitialArray() {
        DueIndex index = new DueIndex();
        Random random = new Random(15);
        Map<String, CustomerRecord> byId = new HashMap<>();
        Map<String, Long> expected = new HashMap<>();
        Comparator<String> byDueThenId = Comparator.<String>comparingLong(expected::get).thenComparing(id -> id);
        for (int step = 0; step < 5_000; step++) {
            String id = "c" + random.nextInt(400); // more than the 64 slots it starts with
            CustomerRecord c = byId.computeIfAbsent(id, DueIndexTest::customer);
            if (random.nextInt(5) == 0) {
                index.schedule(c, DueIndex.NONE);
                expected.remove(id);
            } else {
                long due = random.nextInt(50); // few distinct times: many ties
                index.schedule(c, due);
                expected.put(id, due);
            }
        }
        TreeSet<String> model = new TreeSet<>(byDueThenId);
        model.addAll(expected.keySet());
        assertThat(index.size()).isEqualTo(model.size());
        assertThat(index.peekDue()).isEqualTo(expected.get(model.first()));
        assertThat(drain(index)).containsExactlyElementsOf(model);
    }

    @Test
    void dueIndex_pollsInDueThenIdOrder_whilePollsAndReschedulesInterleave() {
        DueIndex index = new DueIndex();
        Random random = new Random(19);
        Map<String, CustomerRecord> byId = new HashMap<>();
        Map<String, Long> expected = new HashMap<>();
        Comparator<String> byDueThenId = Comparator.<String>comparingLong(expected::get).thenComparing(id -> id);
        List<String> polled = new ArrayList<>();
        List<String> modelPolled = new ArrayList<>();
        for (int step = 0; step < 20_000; step++) {
            int what = random.nextInt(10);
            if (what < 3 && !expected.isEmpty()) { // a wake-up: the earliest leaves, a model says which
                TreeSet<String> model = new TreeSet<>(byDueThenId);
                model.addAll(expected.keySet());
                modelPolled.add(model.first());
                long modelDue = expected.remove(model.first());
                assertThat(index.peekDue()).isEqualTo(modelDue);
                CustomerRecord c = index.poll();
                polled.add(c.getId());
                assertThat(c.dueAt()).isEqualTo(modelDue); // still readable after the poll
            } else {
                String id = "c" + random.nextInt(1_000);
                CustomerRecord c = byId.computeIfAbsent(id, DueIndexTest::customer);
                long due = random.nextInt(200);
                index.schedule(c, due);
                expected.put(id, due);
            }
            assertThat(index.size()).isEqualTo(expected.size());
        }
        assertThat(polled).isEqualTo(modelPolled);
        TreeSet<String> rest = new TreeSet<>(byDueThenId);
        rest.addAll(expected.keySet());
        assertThat(drain(index)).containsExactlyElementsOf(rest);
    }

    @Test
    void dueIndex_wakesInDueThenIdOrder_acrossDays_whileCustomersMoveBetweenDaysAndTheDayOpen() {
        DueIndex index = new DueIndex();
        Random random = new Random(23);
        Map<String, CustomerRecord> byId = new HashMap<>();
        Map<String, Long> expected = new HashMap<>();
        Comparator<String> byDueThenId = Comparator.<String>comparingLong(expected::get).thenComparing(id -> id);
        TreeSet<String> model = new TreeSet<>(byDueThenId);
        long day = DueIndex.BUCKET;
        long clock = T0.toEpochMilli();
        for (int step = 0; step < 40_000; step++) {
            int what = random.nextInt(20);
            if (what < 6 && !expected.isEmpty()) { // a wake-up: the earliest leaves, the model says which
                String first = model.pollFirst();
                long modelDue = expected.remove(first);
                assertThat(index.peekDue()).isEqualTo(modelDue);
                CustomerRecord c = index.poll();
                assertThat(c.getId()).isEqualTo(first);
                assertThat(c.dueAt()).isEqualTo(modelDue);
                clock = Math.max(clock, modelDue);
            } else {
                String id = "c" + random.nextInt(2_000);
                CustomerRecord c = byId.computeIfAbsent(id, DueIndexTest::customer);
                long due = switch (what % 4) { // later today, on a later day, far ahead, or off the index
                    case 0 -> clock + random.nextInt(60) * 60_000L;
                    case 1 -> clock + random.nextInt(40) * day + random.nextInt(24) * 3_600_000L;
                    case 2 -> clock + random.nextInt(3) * 365 * day + random.nextInt(1_440) * 60_000L;
                    default -> random.nextInt(8) == 0 ? DueIndex.NONE : clock - random.nextInt(5) * day;
                };
                if (expected.containsKey(id)) {
                    model.remove(id); // under its old due time
                }
                if (due == DueIndex.NONE) {
                    expected.remove(id);
                } else {
                    expected.put(id, due);
                    model.add(id);
                }
                index.schedule(c, due);
            }
            assertThat(index.size()).isEqualTo(expected.size());
        }
        assertThat(index.peekDue()).isEqualTo(model.isEmpty() ? DueIndex.NONE : expected.get(model.first()));
        assertThat(drain(index)).containsExactlyElementsOf(model);
        assertThat(index.peekDue()).isEqualTo(DueIndex.NONE);
    }

    @Test
    void dueIndex_extremeDueTimes_keepTheirOrder() {
        DueIndex index = new DueIndex();
        long[] dues = {Long.MAX_VALUE - 1, Long.MIN_VALUE, -1, 0, DueIndex.BUCKET - 1, DueIndex.BUCKET,
                Long.MAX_VALUE - DueIndex.BUCKET};
        for (int i = 0; i < dues.length; i++) {
            index.schedule(customer("x" + i), dues[i]);
        }
        assertThat(drain(index)).containsExactly("x1", "x2", "x3", "x4", "x5", "x6", "x0");
    }

    /** @return customers a, b and c, scheduled in the index at 100, 200 and 300 */
    private static CustomerRecord[] scheduledAt100To300(DueIndex index) {
        CustomerRecord[] abc = {customer("a"), customer("b"), customer("c")};
        for (int i = 0; i < abc.length; i++) {
            index.schedule(abc[i], 100L * (i + 1));
        }
        return abc;
    }

    @Test
    void aLeadCountedInItsRepsLoad_staysCountedWhereverTheIndexKeepsIt() {
        // the profile packs the index's place with the load flag in one int: no place may touch the flag
        DueIndex index = new DueIndex();
        CustomerRecord counted = customer("counted");
        CustomerRecord other = customer("other");
        counted.loadCounted(true);
        long day = 86_400_000L;
        index.schedule(counted, 5 * day + 1); // a later day's bucket
        index.schedule(other, 5 * day);
        assertThat(counted.isLoadCounted()).isTrue();
        assertThat(index.poll().getId()).isEqualTo("other"); // the day opened: counted is in its run
        assertThat(counted.isLoadCounted()).isTrue();
        index.schedule(counted, 5 * day + 2); // before the horizon: the heap
        assertThat(counted.isLoadCounted()).isTrue();
        assertThat(other.isLoadCounted()).isFalse();
        assertThat(index.poll()).isSameAs(counted);
        assertThat(counted.isLoadCounted()).isTrue();
        assertThat(counted.indexSlot()).isEqualTo(-1);
        counted.loadCounted(false);
        index.schedule(counted, 9 * day);
        assertThat(counted.isLoadCounted()).isFalse();
        assertThat(drain(index)).containsExactly("counted");
    }
}
