package dev.custflow.internal.packs;

import dev.custflow.internal.profile.CustomerRecord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.internal.snapshot.SnapshotInput;
import dev.custflow.internal.snapshot.SnapshotOutput;
import dev.custflow.model.Customer;
import dev.custflow.settings.SegmentsSettings;
import dev.custflow.testdata.Customers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFM scores 1-5: fixed thresholds from settings, or fifths of the whole base with thresholds for later orders. */
class RfmScaleTest {
    private static final Instant START = Instant.parse("2024-01-01T09:00:00Z");
    private static final RfmScale FIXED = RfmScale.fixed(SegmentsSettings.ofDefaults());

    /** A customer with {@code orders} orders of {@code amount} a day apart, seen {@code daysAfterLast} later. */
    private static CustomerRecord buyer(String id, int orders, long amount, int daysAfterLast) {
        CustomerRecord c = Customers.plain(id, START);
        Instant t = START;
        for (int i = 0; i < orders; i++) {
            t = START.plus(Duration.ofDays(i));
            Customers.ordered(c, id + "-" + i, t, amount);
        }
        return Customers.at(c, t.plus(Duration.ofDays(daysAfterLast)));
    }

    private static int[] fixed(int orders, long amount, int daysAfterLast) {
        return FIXED.score(buyer("C", orders, amount, daysAfterLast));
    }

    @ParameterizedTest(name = "{0} order(s) of {1}, seen {2} days after the last: R {3}, F {4}, M {5}")
    @CsvSource({
            // recency: 30, 60, 120 and 240 days, edges included
            "1, 100, 0, 5, 1, 1", "1, 100, 30, 5, 1, 1", "1, 100, 31, 4, 1, 1", "1, 100, 120, 3, 1, 1",
            "1, 100, 240, 2, 1, 1", "1, 100, 241, 1, 1, 1",
            // frequency: from 2, 3, 5 and 8 orders
            "2, 100, 0, 5, 2, 1", "4, 100, 0, 5, 3, 1", "7, 100, 0, 5, 4, 2", "8, 100, 0, 5, 5, 2",
            // monetary: from 500, 2,000, 5,000 and 20,000 spent in all
            "1, 499, 0, 5, 1, 1", "1, 500, 0, 5, 1, 2", "1, 4999, 0, 5, 1, 3", "4, 5000, 0, 5, 3, 5"})
    void fixed_defaults_scoreRecencyFrequencyAndMonetaryByTheSettingsThresholds(int orders, long amount,
            int daysAfterLast, int r, int f, int m) {
        assertThat(fixed(orders, amount, daysAfterLast)).containsExactly(r, f, m);
    }

    @Test
    void writeThenRead_scoresAlike() {
        SnapshotOutput out = new SnapshotOutput(32);
        FIXED.write(out);
        RfmScale read = RfmScale.read(new SnapshotInput(out.toByteArray()));
        for (CustomerRecord c : List.of(buyer("a", 1, 100, 300), buyer("b", 5, 900, 45), buyer("c", 9, 9_000, 1))) {
            assertThat(read.score(c)).isEqualTo(FIXED.score(c));
        }
        SnapshotOutput again = new SnapshotOutput(32);
        read.write(again);
        assertThat(again.toByteArray()).isEqualTo(out.toByteArray());
    }

    private static Map<String, int[]> quintiles(List<CustomerRecord> base) {
        int[][] scores = new int[base.size()][];
        RfmScale.quintiles(List.copyOf(base), scores);
        Map<String, int[]> byId = new HashMap<>();
        for (int i = 0; i < base.size(); i++) {
            byId.put(base.get(i).getId(), scores[i]);
        }
        return byId;
    }

    @Test
    void quintiles_giveEachFifthOfTheBaseItsScore_bestFirst() {
        List<CustomerRecord> base = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            base.add(buyer("C" + i, i, 100, 10 * i)); // C10: most orders, longest ago
        }
        Map<String, int[]> s = quintiles(base);
        assertThat(List.of(s.get("C10")[1], s.get("C9")[1], s.get("C8")[1], s.get("C5")[1], s.get("C2")[1],
                s.get("C1")[1])).containsExactly(5, 5, 4, 3, 1, 1);
        assertThat(List.of(s.get("C1")[0], s.get("C2")[0], s.get("C3")[0], s.get("C10")[0]))
                .containsExactly(5, 5, 4, 1); // fewer days since the last order is better
    }

    @Test
    void quintiles_tiesAreBrokenByCustomer_soEachScoreHoldsAFifth() {
        List<CustomerRecord> base = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            base.add(buyer("C" + i, 1, 100, 5)); // all alike
        }
        Map<String, int[]> s = quintiles(base);
        for (int dim = 0; dim < 3; dim++) {
            int d = dim;
            Map<Integer, Long> count = new HashMap<>();
            s.values().forEach(v -> count.merge(v[d], 1L, Long::sum));
            assertThat(count).containsOnlyKeys(1, 2, 3, 4, 5).allSatisfy((score, n) -> assertThat(n).isEqualTo(2));
        }
    }

    @Test
    void quintiles_doNotDependOnTheOrderOfTheBase() {
        List<CustomerRecord> base = new ArrayList<>();
        Random random = new Random(15);
        for (int i = 0; i < 57; i++) {
            base.add(buyer("C" + i, 1 + random.nextInt(4), 100 * (1 + random.nextInt(3)), random.nextInt(60)));
        }
        Map<String, int[]> first = quintiles(base);
        Collections.shuffle(base, random);
        Map<String, int[]> shuffled = quintiles(base);
        first.forEach((id, scores) -> assertThat(shuffled.get(id)).as(id).isEqualTo(scores));
    }

    @Test
    void quintiles_returnThresholds_thatScoreLaterBuyersAsTheBaseWasScored() {
        List<CustomerRecord> base = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            base.add(buyer("C" + i, i, 100, 0));
        }
        RfmScale scale = RfmScale.quintiles(List.copyOf(base), new int[10][]);
        assertThat(scale.score(buyer("x", 9, 100, 0))[1]).isEqualTo(5);
        assertThat(scale.score(buyer("x", 8, 100, 0))[1]).isEqualTo(4);
        assertThat(scale.score(buyer("x", 5, 100, 0))[1]).isEqualTo(3);
        assertThat(scale.score(buyer("x", 3, 100, 0))[1]).isEqualTo(2);
        assertThat(scale.score(buyer("x", 2, 100, 0))[1]).isEqualTo(1);
        assertThat(scale.score(buyer("x", 30, 100, 0))[1]).isEqualTo(5);
    }

    @Test
    void quintiles_ofAnEmptyBase_scoreNobody_andStillGiveAScale() {
        RfmScale scale = RfmScale.quintiles(List.of(), new int[0][]);
        assertThat(scale.score(buyer("x", 1, 100, 0))).hasSize(3);
    }
}
