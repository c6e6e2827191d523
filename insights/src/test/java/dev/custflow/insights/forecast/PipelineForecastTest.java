package dev.custflow.insights.forecast;

import static dev.custflow.insights.forecast.WinRatesTest.T0;
import static dev.custflow.insights.forecast.WinRatesTest.closed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.custflow.model.Outcome;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The weighted pipeline and its calibration on held-out history (docs/forecast.md, "Weighted pipeline"). */
class PipelineForecastTest {
    private static final Instant NOW = T0.plus(Duration.ofDays(10));

    private static Opportunity open(String id, Instant created, Integer amount, int score, String channel) {
        return Opportunity.open(id, "c-" + id, created, amount == null ? null : BigDecimal.valueOf(amount), score,
                channel);
    }

    @Test
    void theExpectedRevenue_isEachOpenAmountTimesItsChance() {
        List<Opportunity> all = new ArrayList<>(closed("hot", 10, 8, 90, "WEBSITE", 1_000));
        all.addAll(closed("cold", 10, 2, 10, "EMAIL", 3_000));
        all.add(open("a", NOW.minusSeconds(60), 2_000, 90, "WEBSITE")); // 0.725
        all.add(open("b", NOW.minusSeconds(60), null, 10, "EMAIL")); // 0.275, at the typical won amount 1,400
        all.add(open("later", NOW.plusSeconds(60), 9_999, 90, "WEBSITE")); // not created yet

        PipelineForecast p = PipelineForecast.of(all, NOW);

        assertThat(p.lines()).extracting(l -> l.opportunity().id()).containsExactly("a", "b");
        assertThat(p.lines()).extracting(PipelineLine::expected).containsExactly(new BigDecimal("1450.00"),
                new BigDecimal("385.00"));
        assertThat(p.lines().get(1).amountEstimated()).isTrue();
        assertThat(p.openAmount()).isEqualByComparingTo("3400");
        assertThat(p.expectedRevenue()).isEqualByComparingTo("1835.00");
        assertThat(p.byScoreBand()).containsOnlyKeys("0-19", "80+");
        assertThat(p.byChannel().get("WEBSITE")).isEqualTo(new PipelineForecast.Breakdown(1,
                new BigDecimal("2000"), new BigDecimal("1450.00")));
    }

    @Test
    void anOpportunityClosedAfterTheForecast_wasOpenAtIt_andIsNotLearnedFrom() {
        List<Opportunity> all = new ArrayList<>(closed("w", 2, 1, 50, "WEBSITE", 100));
        all.add(open("x", T0, 100, 50, "WEBSITE").closed(Outcome.WON, BigDecimal.valueOf(100), NOW.plusSeconds(1)));

        PipelineForecast p = PipelineForecast.of(all, NOW);

        assertThat(p.winRates().closed()).isEqualTo(2);
        assertThat(p.lines()).extracting(l -> l.opportunity().id()).containsExactly("x");
    }

    @Test
    void anOpenOpportunity_isJudgedByItsAge_andSpreadOverTheMonthsTheWonOnesTookLonger() {
        Instant jan2 = Instant.parse("2025-01-02T00:00:00Z");
        List<Opportunity> all = new ArrayList<>();
        // two won, one in 10 days, one in 40: every closed one was won, so the group's rate is 1
        all.add(open("w10", jan2.minus(Duration.ofDays(101)), 100, 50, "W")
                .closed(Outcome.WON, BigDecimal.valueOf(100), jan2.minus(Duration.ofDays(91))));
        all.add(open("w40", jan2.minus(Duration.ofDays(101)), 100, 50, "W")
                .closed(Outcome.WON, BigDecimal.valueOf(100), jan2.minus(Duration.ofDays(61))));
        // open 51 days, longer than any win took: stale, and one of the three old enough to have closed that did not
        all.add(open("stale", jan2.minus(Duration.ofDays(51)), 1_000, 50, "W"));
        all.add(open("young", jan2.minus(Duration.ofDays(5)), 1_000, 50, "W"));
        all.add(open("older", jan2.minus(Duration.ofDays(21)), 1_000, 50, "W"));

        PipelineForecast p = PipelineForecast.of(all, jan2);

        assertThat(p.winRates().closingShare()).isEqualTo(2.0 / 3);
        assertThat(p.stale()).extracting(l -> l.opportunity().id()).containsExactly("stale");
        // young: c * W / (c * W + 1 - c) = (2/3) / 1; older, half the wins took longer: (1/3) / (1/3 + 1/3)
        assertThat(p.lines()).extracting(PipelineLine::expected).containsExactly(new BigDecimal("0.00"),
                new BigDecimal("666.67"), new BigDecimal("500.00"));
        // young closes on January 7 or February 6, older on January 21
        assertThat(p.expectedByCloseMonth(ZoneOffset.UTC)).containsExactly(
                entry(YearMonth.of(2025, 1), new BigDecimal("833.34")),
                entry(YearMonth.of(2025, 2), new BigDecimal("333.34")));
    }

    @Test
    void calibration_countsAnOpportunityThatNeverClosedInTime_asNotWon() {
        List<Opportunity> all = new ArrayList<>(closed("past", 4, 2, 50, "W", 100)); // closed in a day, rate 0.5
        all.add(open("forgotten", NOW, 100, 50, "W"));
        all.add(open("won", NOW, 100, 50, "W").closed(Outcome.WON, BigDecimal.valueOf(100), NOW.plusSeconds(9)));

        PipelineCalibration c = PipelineCalibration.holdOut(all, NOW, NOW.plus(Duration.ofDays(2)));

        assertThat(c.scored()).isEqualTo(2);
        assertThat(c.stillOpen()).isZero();
        assertThat(c.predictedWonAmount()).isEqualByComparingTo("100");
        assertThat(c.actualWonAmount()).isEqualByComparingTo("100");
        assertThat(c.actualWins()).isEqualTo(1);
    }

    @Test
    void calibration_learnsBeforeTheCutoff_andScoresWhatClosedAfter() {
        List<Opportunity> all = new ArrayList<>(closed("past", 4, 2, 50, "W", 100)); // overall and group rate 0.5
        all.add(open("won", NOW, 100, 50, "W").closed(Outcome.WON, BigDecimal.valueOf(120), NOW.plusSeconds(9)));
        all.add(open("lost", NOW, 100, 50, "W").closed(Outcome.LOST, BigDecimal.valueOf(100), NOW.plusSeconds(9)));
        all.add(open("open", NOW, 100, 50, "W"));

        PipelineCalibration c = PipelineCalibration.holdOut(all, NOW);

        assertThat(c.learnedFrom()).isEqualTo(4);
        assertThat(c.scored()).isEqualTo(2);
        assertThat(c.stillOpen()).isEqualTo(1);
        assertThat(c.predictedWonAmount()).isEqualByComparingTo("100");
        assertThat(c.actualWonAmount()).isEqualByComparingTo("120");
        assertThat(c.amountError()).isCloseTo(100.0 / 120 * 100 - 100, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(c.predictedWins()).isEqualTo(1.0);
        assertThat(c.actualWins()).isEqualTo(1);
        assertThat(c.brierScore()).isEqualTo(0.25);
        assertThat(c.baselineBrierScore()).isEqualTo(0.25);
        assertThat(c.bands()).containsExactly(new PipelineCalibration.Band("40-59", 2, 0.5, 0.5));
    }
}
