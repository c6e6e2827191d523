package dev.custflow.insights.forecast;

import dev.custflow.model.Outcome;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The chance that an opportunity is won, learned from the opportunities already closed, by score band and channel
 * with shrinkage: a band's rate is its wins plus {@code k} wins at the overall rate, over its closings plus {@code k}
 * ({@code (won + k * overall) / (closed + k)}), and a band-and-channel cell's rate is shrunk the same way towards its
 * band's. A small group so says little and a large one speaks for itself; {@code k}, the prior weight, is
 * {@value #DEFAULT_PRIOR_WEIGHT} closings by default. Bands are {@code 0-19, 20-39, 40-59, 60-79, 80+} of the lead
 * score when the opportunity was created. Not every opportunity closes (some are left open and forgotten): the
 * rates are scaled by the share that do, per score band and shrunk the same way towards the overall share
 * ({@link #closingShare()}), and an open one's chance falls as it ages past the time won ones took
 * ({@link #probability(Opportunity, Duration)}).
 */
public final class WinRates {
    /** The default prior weight: a group's own rate counts as much as the rate above it after this many closings. */
    public static final double DEFAULT_PRIOR_WEIGHT = 10;
    /** The score bands, lowest first. */
    public static final List<String> SCORE_BANDS = List.of("0-19", "20-39", "40-59", "60-79", "80+");
    private static final String UNKNOWN_CHANNEL = "?";

    /**
     * The closings of one group and the rate it is given.
     *
     * @param scoreBand the score band
     * @param channel   the channel, or null for the whole band
     * @param closed    the opportunities of the group closed before the cut-off
     * @param won       of which won
     * @param rate      the smoothed chance of winning
     */
    public record Group(String scoreBand, String channel, int closed, int won, double rate) {
    }

    private final Instant asOf;
    private final double priorWeight;
    private final int closed;
    private final int won;
    private final double overall;
    private final BigDecimal typicalAmount;
    private final Map<String, int[]> bands;
    private final Map<String, int[]> cells;
    /** How long the won opportunities took from creation to closing, in seconds, shortest first. */
    private final long[] wonCycles;
    /** The same for the lost ones. */
    private final long[] lostCycles;
    private final double closingShare;
    /** Per score band: the opportunities old enough to have closed, and how many of them had. */
    private final Map<String, int[]> closingPerBand;

    private WinRates(Instant asOf, double priorWeight, int closed, int won, BigDecimal typicalAmount,
                     Map<String, int[]> bands, Map<String, int[]> cells, long[] wonCycles, long[] lostCycles,
                     double closingShare, Map<String, int[]> closingPerBand) {
        this.asOf = asOf;
        this.priorWeight = priorWeight;
        this.closed = closed;
        this.won = won;
        this.overall = (double) won / closed;
        this.typicalAmount = typicalAmount;
        this.bands = bands;
        this.cells = cells;
        this.wonCycles = wonCycles;
        this.lostCycles = lostCycles;
        this.closingShare = closingShare;
        this.closingPerBand = closingPerBand;
    }

    /**
     * Learns from every closed opportunity, with the default prior weight.
     *
     * @param opportunities opportunities, open or closed (the open ones are not used)
     * @return the win rates
     * @throws IllegalArgumentException if none has closed
     */
    public static WinRates learn(Collection<Opportunity> opportunities) {
        return learn(opportunities, Instant.MAX, DEFAULT_PRIOR_WEIGHT);
    }

    /**
     * @param opportunities opportunities, open or closed
     * @param asOf          only the opportunities closed by then (at or before) are learned from
     * @param priorWeight   the prior weight {@code k}, 0 or more (0: each group's raw rate)
     * @return the win rates
     * @throws IllegalArgumentException if none had closed by {@code asOf}, or the weight is negative
     */
    public static WinRates learn(Collection<Opportunity> opportunities, Instant asOf, double priorWeight) {
        Objects.requireNonNull(opportunities, "opportunities");
        Objects.requireNonNull(asOf, "asOf");
        if (!(priorWeight >= 0) || Double.isInfinite(priorWeight)) {
            throw new IllegalArgumentException("the prior weight must be 0 or more closings, got " + priorWeight);
        }
        int closed = 0;
        int won = 0;
        BigDecimal wonAmount = BigDecimal.ZERO;
        int wonWithAmount = 0;
        Map<String, int[]> bands = new TreeMap<>();
        Map<String, int[]> cells = new TreeMap<>();
        List<Long> cycles = new ArrayList<>();
        List<Long> lost = new ArrayList<>();
        for (Opportunity o : opportunities) {
            if (!o.closedBy(asOf)) {
                continue;
            }
            int w = o.outcome() == Outcome.WON ? 1 : 0;
            closed++;
            won += w;
            (w == 1 ? cycles : lost).add(Duration.between(o.createdAt(), o.closedAt()).getSeconds());
            if (w == 1 && o.wonAmount().signum() > 0) {
                wonAmount = wonAmount.add(o.wonAmount());
                wonWithAmount++;
            }
            count(bands, scoreBand(o.score()), w);
            count(cells, cell(o), w);
        }
        if (closed == 0) {
            throw new IllegalArgumentException("no opportunity had closed by " + asOf
                    + ", so there is no win rate to learn; give the opportunities with their outcomes");
        }
        BigDecimal typical = wonWithAmount == 0 ? BigDecimal.ZERO
                : wonAmount.divide(BigDecimal.valueOf(wonWithAmount), 2, RoundingMode.HALF_EVEN);
        long[] wonCycles = sorted(cycles);
        // old enough to have closed as the slowest win did: if still open, it looks like one that never closes
        Instant matureBy = wonCycles.length == 0 ? asOf : asOf.minusSeconds(wonCycles[wonCycles.length - 1]);
        int mature = 0;
        int matureClosed = 0;
        Map<String, int[]> closingPerBand = new TreeMap<>();
        for (Opportunity o : opportunities) {
            if (!o.createdAt().isAfter(matureBy)) {
                mature++;
                matureClosed += o.closedBy(asOf) ? 1 : 0;
                count(closingPerBand, scoreBand(o.score()), o.closedBy(asOf) ? 1 : 0);
            }
        }
        double closing = mature == 0 ? 1 : (double) matureClosed / mature;
        return new WinRates(asOf, priorWeight, closed, won, typical, bands, cells, wonCycles, sorted(lost),
                closing, closingPerBand);
    }

    private static long[] sorted(List<Long> seconds) {
        return seconds.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    private static void count(Map<String, int[]> groups, String key, int won) {
        int[] c = groups.computeIfAbsent(key, k -> new int[2]);
        c[0]++;
        c[1] += won;
    }

    /**
     * @param score a lead score
     * @return its band: {@code 0-19, 20-39, 40-59, 60-79} or {@code 80+} (a negative score is in the lowest)
     */
    public static String scoreBand(int score) {
        return SCORE_BANDS.get(Math.max(0, Math.min(SCORE_BANDS.size() - 1, score / 20)));
    }

    private static String cell(Opportunity o) {
        return scoreBand(o.score()) + "|" + (o.channel() == null ? UNKNOWN_CHANNEL : o.channel());
    }

    private double shrink(int[] counts, double towards) {
        return counts == null ? towards : (counts[1] + priorWeight * towards) / (counts[0] + priorWeight);
    }

    /**
     * @param opportunity an opportunity (open or not: only what was known at creation is used)
     * @return the chance, at its creation, that it is won: the closing share of its score band (shrunk towards
     *         {@link #closingShare()} like the win rates) times the smoothed win rate of its group; 0 to 1
     */
    public double probability(Opportunity opportunity) {
        return closing(opportunity) * groupRate(opportunity);
    }

    private double closing(Opportunity opportunity) {
        return shrink(closingPerBand.get(scoreBand(opportunity.score())), closingShare);
    }

    /** @return the smoothed share of the closed opportunities of its group that were won */
    private double groupRate(Opportunity opportunity) {
        Objects.requireNonNull(opportunity, "opportunity");
        double band = shrink(bands.get(scoreBand(opportunity.score())), overall);
        return shrink(cells.get(cell(opportunity)), band);
    }

    /**
     * @return the share of the opportunities that close at all: of those created long enough before the cut-off to
     *         have closed as the slowest won one did, the share that had closed; 1 when none is that old
     */
    public double closingShare() {
        return closingShare;
    }

    /**
     * The chance that an opportunity still open at some age is won. One that has been open a while is judged by the
     * opportunities that took longer than that to close: by Bayes,
     * {@code c * p * W / (c * (p * W + (1 - p) * L) + (1 - c))}, where {@code c} is its score band's closing share,
     * {@code p} its group's smoothed win rate, and {@code W} and {@code L} the shares of the won and of the lost
     * opportunities learned from that stayed open longer than {@code age}. At age zero it is
     * {@link #probability(Opportunity)}; one older than every won opportunity took is stale: its chance is 0.
     *
     * @param opportunity an open opportunity
     * @param age         how long it has been open (zero or negative: just created)
     * @return the chance that it is won, 0 to 1
     */
    public double probability(Opportunity opportunity, Duration age) {
        Objects.requireNonNull(age, "age");
        if (age.isNegative() || age.isZero()) {
            return probability(opportunity);
        }
        double p = groupRate(opportunity);
        double c = closing(opportunity);
        double won = longerThan(wonCycles, age.getSeconds());
        double lost = longerThan(lostCycles, age.getSeconds());
        double stillWinning = c * p * won;
        return stillWinning == 0 ? 0 : stillWinning / (c * (p * won + (1 - p) * lost) + (1 - c));
    }

    /** @return the share of {@code cycles} (sorted) longer than {@code seconds}; 1 when there are none */
    private static double longerThan(long[] cycles, long seconds) {
        if (cycles.length == 0) {
            return 1;
        }
        int i = java.util.Arrays.binarySearch(cycles, seconds);
        int atMost = i >= 0 ? i + 1 : -i - 1;
        while (atMost < cycles.length && cycles[atMost] <= seconds) {
            atMost++;
        }
        return (double) (cycles.length - atMost) / cycles.length;
    }

    /**
     * @param age how long an opportunity has been open
     * @return whether it is stale: no won opportunity learned from stayed open that long
     */
    public boolean stale(Duration age) {
        return wonCycles.length > 0 && longerThan(wonCycles, age.getSeconds()) == 0;
    }

    /** @return the share of the closed opportunities that were won */
    public double overallRate() {
        return overall;
    }

    /** @return the number of closed opportunities learned from */
    public int closed() {
        return closed;
    }

    /** @return how many of them were won */
    public int won() {
        return won;
    }

    /** @return the cut-off: only opportunities closed by then were learned from ({@link Instant#MAX}: all) */
    public Instant asOf() {
        return asOf;
    }

    /** @return the prior weight {@code k} */
    public double priorWeight() {
        return priorWeight;
    }

    /**
     * @return the mean amount of the won opportunities that had one, to the cent (zero if none): the amount an open
     *         opportunity without an amount is counted at
     */
    public BigDecimal typicalAmount() {
        return typicalAmount;
    }

    /**
     * @return how long each won opportunity learned from took from creation to closing, shortest first: the
     *         distribution the expected closing month is drawn from
     */
    public List<java.time.Duration> wonCycles() {
        return java.util.Arrays.stream(wonCycles).mapToObj(java.time.Duration::ofSeconds).toList();
    }

    /** @return every score band, then every band and channel, with their closings and smoothed rates */
    public List<Group> groups() {
        List<Group> out = new ArrayList<>();
        bands.forEach((band, c) -> out.add(new Group(band, null, c[0], c[1], shrink(c, overall))));
        cells.forEach((key, c) -> {
            int bar = key.indexOf('|');
            String band = key.substring(0, bar);
            out.add(new Group(band, key.substring(bar + 1), c[0], c[1],
                    shrink(c, shrink(bands.get(band), overall))));
        });
        return out;
    }
}
