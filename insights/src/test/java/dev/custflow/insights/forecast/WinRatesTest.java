package dev.custflow.insights.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.custflow.model.Outcome;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Win rates by score band and channel, shrunk towards the rate above (docs/forecast.md, "Weighted pipeline"). */
class WinRatesTest {
    static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    /** n closed opportunities of one kind, the first {@code won} of them won, closed a day after creation. */
    static List<Opportunity> closed(String prefix, int n, int won, int score, String channel, int amount) {
        List<Opportunity> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(Opportunity.open(prefix + i, "c-" + prefix + i, T0, BigDecimal.valueOf(amount), score, channel)
                    .closed(i < won ? Outcome.WON : Outcome.LOST, BigDecimal.valueOf(amount),
                            T0.plusSeconds(86_400)));
        }
        return out;
    }

    private static List<Opportunity> history() {
        List<Opportunity> h = new ArrayList<>(closed("hot", 10, 8, 90, "WEBSITE", 1_000));
        h.addAll(closed("cold", 10, 2, 10, "EMAIL", 3_000));
        return h;
    }

    @Test
    void aGroupsRate_isShrunkTowardsItsBand_andTheBandsTowardsTheOverallRate() {
        WinRates rates = WinRates.learn(history());

        assertThat(rates.overallRate()).isEqualTo(0.5);
        // band 80+: (8 + 10 * 0.5) / (10 + 10) = 0.65; band and channel: (8 + 10 * 0.65) / (10 + 10) = 0.725
        assertThat(rates.probability(Opportunity.open("x", "c", T0, null, 95, "WEBSITE")))
                .isCloseTo(0.725, within(1e-12));
        assertThat(rates.groups()).contains(new WinRates.Group("80+", null, 10, 8, 0.65));
    }

    @Test
    void withoutShrinkage_aGroupsRateIsItsOwn() {
        WinRates rates = WinRates.learn(history(), Instant.MAX, 0);

        assertThat(rates.probability(Opportunity.open("x", "c", T0, null, 80, "WEBSITE"))).isEqualTo(0.8);
    }

    @Test
    void anUnseenGroup_getsTheRateAboveIt() {
        WinRates rates = WinRates.learn(history());

        // band 40-59 has no closings: the overall rate; 80+ by phone has none: the band's rate
        assertThat(rates.probability(Opportunity.open("x", "c", T0, null, 50, "WEBSITE"))).isEqualTo(0.5);
        assertThat(rates.probability(Opportunity.open("y", "c", T0, null, 85, "PHONE")))
                .isCloseTo(0.65, within(1e-12));
    }

    @Test
    void onlyTheOpportunitiesClosedByTheCutoff_areLearnedFrom() {
        List<Opportunity> h = history();
        h.add(Opportunity.open("late", "c", T0, BigDecimal.TEN, 90, "WEBSITE")
                .closed(Outcome.LOST, BigDecimal.TEN, T0.plusSeconds(10 * 86_400)));

        WinRates rates = WinRates.learn(h, T0.plusSeconds(86_400), WinRates.DEFAULT_PRIOR_WEIGHT);

        assertThat(rates.closed()).isEqualTo(20);
        assertThat(rates.won()).isEqualTo(10);
        assertThat(rates.typicalAmount()).isEqualByComparingTo("1400"); // (8 * 1,000 + 2 * 3,000) / 10 won
        assertThat(rates.wonCycles()).hasSize(10).allSatisfy(d -> assertThat(d.toDays()).isEqualTo(1));
    }

    @Test
    void anOpportunityOpenAWhile_isJudgedByTheOnesThatStayedOpenThatLong() {
        List<Opportunity> h = new ArrayList<>();
        for (int i = 0; i < 4; i++) { // won after 10 days, lost after 2: all alike otherwise, so 0.5 at creation
            h.add(Opportunity.open("w" + i, "c", T0, BigDecimal.TEN, 50, "W")
                    .closed(Outcome.WON, BigDecimal.TEN, T0.plus(java.time.Duration.ofDays(10))));
            h.add(Opportunity.open("l" + i, "c", T0, BigDecimal.TEN, 50, "W")
                    .closed(Outcome.LOST, BigDecimal.TEN, T0.plus(java.time.Duration.ofDays(2))));
        }
        WinRates rates = WinRates.learn(h);
        Opportunity o = Opportunity.open("x", "c", T0, BigDecimal.TEN, 50, "W");

        assertThat(rates.probability(o, java.time.Duration.ZERO)).isEqualTo(0.5);
        assertThat(rates.probability(o, java.time.Duration.ofDays(1))).isEqualTo(0.5);
        assertThat(rates.probability(o, java.time.Duration.ofDays(5))).isEqualTo(1.0); // every lost one had closed
        assertThat(rates.probability(o, java.time.Duration.ofDays(11))).isZero(); // every won one had closed: stale
        assertThat(rates.stale(java.time.Duration.ofDays(11))).isTrue();
        assertThat(rates.stale(java.time.Duration.ofDays(9))).isFalse();
    }

    @Test
    void scoreBands_areTwentyPointsWide_from80Up() {
        assertThat(List.of(-5, 0, 19, 20, 59, 60, 79, 80, 140)).extracting(WinRates::scoreBand)
                .containsExactly("0-19", "0-19", "0-19", "20-39", "40-59", "60-79", "60-79", "80+", "80+");
    }

    @Test
    void nothingClosed_nothingToLearn() {
        assertThatThrownBy(() -> WinRates.learn(List.of(Opportunity.open("x", "c", T0, null, 50, null))))
                .hasMessageContaining("no opportunity had closed");
        assertThatThrownBy(() -> WinRates.learn(history(), Instant.MAX, -1)).hasMessageContaining("prior weight");
    }
}
