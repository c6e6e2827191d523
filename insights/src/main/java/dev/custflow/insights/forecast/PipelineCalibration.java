package dev.custflow.insights.forecast;

import dev.custflow.model.Outcome;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How well the win rates foretold the outcomes they had not seen: learned from the opportunities closed by a
 * cut-off, they weigh those not closed by then (open at the cut-off or created later) whose outcome is known by the
 * end of the history; those still open at the end are left out (their outcome is unknown).
 *
 * @param cutoff             the cut-off
 * @param learnedFrom        the opportunities closed by the cut-off
 * @param scored             the opportunities weighed and then closed
 * @param stillOpen          those left out because they never closed
 * @param predictedWonAmount the expected revenue of the scored ones: amount times chance, summed
 * @param actualWonAmount    what the won ones among them closed with
 * @param predictedWins      the chances, summed
 * @param actualWins         how many were won
 * @param brierScore         the mean squared difference between chance and outcome (1 won, 0 lost); lower is better
 * @param baselineBrierScore the same with the overall win rate for every opportunity, to compare with
 * @param bands              per score band: predicted and observed
 */
public record PipelineCalibration(Instant cutoff, int learnedFrom, int scored, int stillOpen,
                                  BigDecimal predictedWonAmount, BigDecimal actualWonAmount, double predictedWins,
                                  int actualWins, double brierScore, double baselineBrierScore, List<Band> bands) {
    /**
     * A score band's calibration.
     *
     * @param scoreBand     the band
     * @param scored        the opportunities of the band scored
     * @param predictedRate their mean chance
     * @param observedRate  the share of them won
     */
    public record Band(String scoreBand, int scored, double predictedRate, double observedRate) {
    }

    /** Copies the list. */
    public PipelineCalibration {
        bands = List.copyOf(bands);
    }

    /**
     * @param opportunities the history's opportunities with their outcomes
     * @param cutoff        learn from those closed by then, score the rest that closed later
     * @return the calibration
     * @throws IllegalArgumentException if none had closed by the cut-off
     */
    public static PipelineCalibration holdOut(Collection<Opportunity> opportunities, Instant cutoff) {
        Objects.requireNonNull(opportunities, "opportunities");
        WinRates rates = WinRates.learn(opportunities, cutoff, WinRates.DEFAULT_PRIOR_WEIGHT);
        int scored = 0;
        int stillOpen = 0;
        int wins = 0;
        double predictedWins = 0;
        double brier = 0;
        double baseline = 0;
        BigDecimal predicted = BigDecimal.ZERO;
        BigDecimal actual = BigDecimal.ZERO;
        Map<String, double[]> bands = new TreeMap<>();
        for (Opportunity o : opportunities) {
            if (o.closedBy(cutoff)) {
                continue;
            }
            if (o.outcome() == null) {
                stillOpen++;
                continue;
            }
            PipelineLine line = PipelineForecast.line(o, rates);
            int won = o.outcome() == Outcome.WON ? 1 : 0;
            scored++;
            wins += won;
            predictedWins += line.probability();
            brier += square(line.probability() - won);
            baseline += square(rates.overallRate() - won);
            predicted = predicted.add(line.expected());
            actual = actual.add(o.wonAmount());
            double[] b = bands.computeIfAbsent(WinRates.scoreBand(o.score()), k -> new double[3]);
            b[0]++;
            b[1] += line.probability();
            b[2] += won;
        }
        List<Band> perBand = new ArrayList<>();
        bands.forEach((band, b) -> perBand.add(new Band(band, (int) b[0], b[1] / b[0], b[2] / b[0])));
        return new PipelineCalibration(cutoff, rates.closed(), scored, stillOpen, predicted, actual, predictedWins,
                wins, scored == 0 ? Double.NaN : brier / scored, scored == 0 ? Double.NaN : baseline / scored,
                perBand);
    }

    private static double square(double x) {
        return x * x;
    }

    /**
     * @return the predicted won amount over the actual one minus one, in percent (+10 means 10% too high); NaN when
     *         nothing was won
     */
    public double amountError() {
        return actualWonAmount.signum() == 0 ? Double.NaN
                : (predictedWonAmount.doubleValue() / actualWonAmount.doubleValue() - 1) * 100;
    }
}
