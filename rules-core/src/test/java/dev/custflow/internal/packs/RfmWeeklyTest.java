package dev.custflow.internal.packs;

import dev.custflow.internal.profile.CustomerRecord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.model.Customer;
import dev.custflow.settings.SegmentsSettings;
import dev.custflow.settings.Settings;
import dev.custflow.testdata.Customers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The segments pack's weekly recompute: when (Monday 00:00 in the business's zone) and how (fifths or fixed). */
class RfmWeeklyTest {
    private static final Instant START = Instant.parse("2024-03-01T00:00:00Z");

    private static List<CustomerRecord> base() {
        List<CustomerRecord> base = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            CustomerRecord c = Customers.plain("C" + i, START);
            for (int k = 0; k < i; k++) {
                Customers.ordered(c, "C" + i + "-" + k, START.plusSeconds(k * 3600L), 100);
            }
            base.add(Customers.at(c, START.plusSeconds(86_400)));
        }
        return base;
    }

    @Test
    void rfmWeekly_recomputesWhenTheClockPassesMondayMidnightInTheBusinessZone() {
        RfmWeekly weekly = new RfmWeekly(Settings.ofDefaults()); // Asia/Shanghai: Sunday 16:00 UTC
        long sunday = Instant.parse("2024-03-03T15:00:00Z").toEpochMilli();
        long monday = Instant.parse("2024-03-03T16:00:00Z").toEpochMilli();
        assertThat(weekly.weekly().crossed(Long.MIN_VALUE, sunday)).isZero();
        assertThat(weekly.weekly().crossed(sunday, monday)).isEqualTo(monday);
        assertThat(weekly.weekly().next()).isEqualTo(monday + 7 * 86_400_000L);
    }

    @Test
    void rfmWeekly_quintiles_scoreByFifthsOfTheBase() {
        List<CustomerRecord> base = base();
        int[][] scores = new int[base.size()][];
        new RfmWeekly(Settings.ofDefaults()).scale(List.copyOf(base), scores);
        assertThat(java.util.Arrays.stream(scores).map(s -> s[1]).toList()).containsExactly(1, 2, 3, 4, 5); // C1 has 1 order ... C5 has 5
    }

    @Test
    void rfmWeekly_fixed_scoresByTheThresholdsOfSettings_andReturnsThem() {
        SegmentsSettings d = SegmentsSettings.ofDefaults();
        Settings fixed = new Settings(null, null, null, null, null, null, null, null, null, null,
                new SegmentsSettings(SegmentsSettings.Mode.FIXED, null, null, null, null, null, d.newCustomerDays(),
                        d.frequentBuyerScore(), d.occasionalBuyerScore()), null, null, null, null, null, null); // no JSON binding: fast
        List<CustomerRecord> base = base();
        int[][] scores = new int[base.size()][];
        RfmScale scale = new RfmWeekly(fixed).scale(List.copyOf(base), scores);
        assertThat(java.util.Arrays.stream(scores).map(s -> s[1]).toList()).containsExactly(1, 2, 3, 3, 4); // from 2, 3, 5, 8 orders
        for (int i = 0; i < base.size(); i++) {
            assertThat(scale.score(base.get(i))).isEqualTo(scores[i]);
        }
    }
}
