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
 * How well the win rates foretold the outcomes they had not seen: learned from what happened by a cut-off, they
 * weigh the opportunities not closed by then (open at the cut-off, at their age then, or created later). Each is
 * scored by what became of it by the end of the history: won, lost, or never closed although it had as long to close
 * as the slowest won opportunity learned from took (not won either: it brought nothing). Those still open at the end
 * and younger than that are left out: their outcome is unknown.
 *
 * @param cutoff             the cut-off
 * @param learnedFrom        the opportunities closed by the cut-off
 * @param scored             the opportunities scored
 * @param stillOpen          those left out: open at the end of the history, and young
 * @param predictedWonAmount the expected revenue of the scored ones: amount times chance, summed
 * @param actualWonAmount    what the won ones among them closed with
 * @param predictedWins      the chances, summed
 * @param actualWins         how many were won
 * @param brierScore         the mean squared difference between chance and outcome (1 won, 0 lost); lower is better
 * @param baselineBrierScore the same with one chance for every opportunity, the overall closing share times the
 *                           overall win rate, to compare with
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
     * Holds out what happened after the cut-off, the history ending with the last creation or closing it holds.
     *
     * @param opportunities the history's opportunities with their outcomes
     * @param cutoff        learn from what happened by then, score the rest
     * @return the calibration
     * @throws IllegalArgumentException if none had closed by the cut-off
     */
    public static PipelineCalibration holdOut(Collection<Opportunity> opportunities, Instant cutoff) {
        Instant end = cutoff;
        for (Opportunity o : opportunities) {
            Instant last = o.closedAt() != null ? o.closedAt() : o.createdAt();
            end = last.isAfter(end) ? last : end;
        }
        return holdOut(opportunities, cutoff, end);
    }

    /**
     * @param opportunities the history's opportunities with their outcomes
     * @param cutoff        learn from what happened by then, score the rest
     * @param end           the end of the history: what is open then never closed within it
     * @return the calibration
     * @throws IllegalArgumentException if none had closed by the cut-off, or the end is before the cut-off
     */
    public static PipelineCalibration holdOut(Collection<Opportunity> opportunities, Instant cutoff, Instant end) {
        Objects.requireNonNull(opportunities, "opportunities");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(cutoff)) {
            throw new IllegalArgumentException("the history ends (" + end + ") before the cut-off (" + cutoff + ")");
        }
        WinRates rates = WinRates.learn(opportunities, cutoff, WinRates.DEFAULT_PRIOR_WEIGHT);
        List<java.time.Duration> cycles = rates.wonCycles();
        Instant matureBy = cycles.isEmpty() ? end : end.minus(cycles.get(cycles.size() - 1));
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
            if (!o.closedBy(end) && o.createdAt().isAfter(matureBy)) {
                stillOpen++;
                continue;
            }
            PipelineLine line = PipelineForecast.line(o, rates, cutoff);
            int won = o.closedBy(end) && o.outcome() == Outcome.WON ? 1 : 0;
            scored++;
            wins += won;
            predictedWins += line.probability();
            brier += square(line.probability() - won);
            baseline += square(rates.closingShare() * rates.overallRate() - won);
            predicted = predicted.add(line.expected());
            actual = actual.add(won == 1 ? o.wonAmount() : BigDecimal.ZERO);
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
