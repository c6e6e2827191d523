package dev.custflow.examples.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The arithmetic of churn calibration on customers counted by hand; no engine. */
class SilenceTallyTest {
    private static final long CUTOFF = Instant.parse("1997-10-01T00:00:00Z").toEpochMilli();
    private static final long HORIZON = Instant.parse("1998-07-01T00:00:00Z").toEpochMilli();
    private static final int[] BANDS = {1, 2, 4};

    private static long noon(String day) {
        return Instant.parse(day + "T12:00:00Z").toEpochMilli();
    }

    /**
     * One-time buyers: P (silent 183 days, gone), Q (183, comes back), R (92, gone).
     * Two or three orders: S (pause 31 days, then silent 30, gone), T (pauses 10 and 20, silent 100, comes back).
     * Four orders: U (pauses 5, 5, 5; silent 60, gone).
     */
    private static SilenceTally tally() {
        Map<String, long[]> orders = new LinkedHashMap<>();
        orders.put("P", new long[] {noon("1997-03-31")});
        orders.put("Q", new long[] {noon("1997-03-31"), noon("1998-01-10")});
        orders.put("R", new long[] {noon("1997-06-30")});
        orders.put("S", new long[] {noon("1997-07-31"), noon("1997-08-31")});
        orders.put("T", new long[] {noon("1997-06-03"), noon("1997-06-13"), noon("1997-07-03"), noon("1998-02-01")});
        orders.put("U", new long[] {noon("1997-07-17"), noon("1997-07-22"), noon("1997-07-27"), noon("1997-08-01")});
        orders.put("later", new long[] {noon("1997-12-01")}); // first order after the cutoff: not counted
        return SilenceTally.of(orders, CUTOFF, HORIZON, BANDS);
    }

    @Test
    void customersAreCountedInTheBandOfTheirOrdersBeforeTheCutoff() {
        assertThat(SilenceTally.bandOf(1, BANDS)).isZero();
        assertThat(SilenceTally.bandOf(3, BANDS)).isEqualTo(1);
        assertThat(SilenceTally.bandOf(4, BANDS)).isEqualTo(2);
        assertThat(SilenceTally.bandOf(99, BANDS)).isEqualTo(2);
        assertThat(SilenceTally.bandOf(1, new int[] {2, 4})).as("below the first band").isEqualTo(-1);

        SilenceTally t = tally();
        assertThat(t.total()).isEqualTo(6);
        assertThat(t.totalChurned()).isEqualTo(4); // P, R, S, U
        assertThat(t.baseRate()).isEqualTo(4 / 6.0);
        assertThat(t.flagged(0, 0)).isEqualTo(3);
        assertThat(t.flagged(1, 0)).isEqualTo(2); // S (2 orders) and T (3 before the cutoff)
        assertThat(t.flagged(2, 0)).isEqualTo(1);
    }

    @Test
    void silenceIsWholeDaysFromTheLastOrderToTheCutoff_asTheEngineCountsThem() {
        SilenceTally t = tally();
        assertThat(t.flagged(0, 183)).isEqualTo(2); // P and Q: 1997-03-31 noon to 10-01 midnight is 183.5 days
        assertThat(t.flagged(0, 184)).isZero();
        assertThat(t.churned(0, 183)).isEqualTo(1);
        assertThat(t.flagged(0, 92)).isEqualTo(3);
        assertThat(t.churned(0, 92)).isEqualTo(2);
        assertThat(t.flagged(1, 30)).isEqualTo(2); // S 30 days, T 89 days
        assertThat(t.flagged(1, 31)).isEqualTo(1);
    }

    @Test
    void pausesBelongToTheBandOfTheOrderBeforeThem_andOnlyThoseBeforeTheCutoffCount() {
        SilenceTally t = tally();
        assertThat(t.pauseCount(0)).isEqualTo(3); // after the 1st order: S 31, T 10, U 5 (Q's comes after the cutoff)
        assertThat(t.pausePercentile(0, 0.9, 1)).isEqualTo(31);
        assertThat(t.pausePercentile(0, 0.5, 1)).isEqualTo(10);
        assertThat(t.pauseCount(1)).isEqualTo(3); // T 20; U 5 and 5
        assertThat(t.pausePercentile(1, 0.9, 1)).isEqualTo(20);
        assertThat(t.pauseCount(2)).isZero();
        assertThat(t.pausePercentile(2, 0.9, 1)).as("no pauses, no answer").isEqualTo(-1);
        assertThat(t.pausePercentile(0, 0.9, 4)).as("too few pauses").isEqualTo(-1);
    }

    @Test
    void preciseThresholds_flagTheMostPreciseSilencePerBand_atTheRecallAskedFor() {
        SilenceTally t = tally();
        // half of the 4 who left: one-time buyers from 183 days (P, Q: 1 of 2) or from 92 (P, Q, R: 2 of 3);
        // the highest price reaching 2 takes the band 1 silence of 92 days alone (2 - 3p) or adds S or U
        int[] half = t.preciseThresholds(0.5, 1, 365, 1);
        int hits = 0;
        for (int b = 0; b < t.bands(); b++) {
            hits += half[b] < 0 ? 0 : t.churned(b, half[b]);
        }
        assertThat(hits).isGreaterThanOrEqualTo(2);
        // U (4 orders, silent 60, gone) is flagged alone: precision 1, always worth it
        assertThat(half[2]).as("of equal gains, the longest silence").isEqualTo(60);
        assertThat(t.preciseThresholds(1.0, 1, 365, 1)).as("all four who left: every band flags")
                .containsExactly(92, 30, 60);
        assertThat(t.preciseThresholds(0.5, 1, 365, 2)[2]).as("a band that would flag too few flags none")
                .isEqualTo(-1);
    }

    @Test
    void bandsMustRise() {
        assertThatThrownBy(() -> SilenceTally.of(Map.of(), CUTOFF, HORIZON, new int[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must start at 1 or more and rise");
    }
}
