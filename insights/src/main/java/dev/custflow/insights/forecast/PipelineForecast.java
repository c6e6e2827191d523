package dev.custflow.insights.forecast;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The weighted pipeline at a moment: each opportunity open then, its amount times the chance that one like it, open
 * that long, is won ({@link WinRates#probability(Opportunity, Duration)}, learned from the opportunities closed by
 * then), summed. An opportunity open longer than any won one took is stale and counts for nothing.
 *
 * <pre>{@code
 * PipelineForecast pipeline = PipelineForecast.of(opportunities, now);
 * BigDecimal expected = pipeline.expectedRevenue();
 * }</pre>
 */
public final class PipelineForecast {
    /**
     * Part of the pipeline.
     *
     * @param opportunities the open opportunities in it
     * @param openAmount    their amounts, summed
     * @param expected      their expected revenue
     */
    public record Breakdown(int opportunities, BigDecimal openAmount, BigDecimal expected) {
        Breakdown plus(PipelineLine line) {
            return new Breakdown(opportunities + 1, openAmount.add(line.amount()), expected.add(line.expected()));
        }
    }

    private static final Breakdown NONE = new Breakdown(0, BigDecimal.ZERO, BigDecimal.ZERO);

    private final Instant asOf;
    private final WinRates rates;
    private final List<PipelineLine> lines;

    private PipelineForecast(Instant asOf, WinRates rates, List<PipelineLine> lines) {
        this.asOf = asOf;
        this.rates = rates;
        this.lines = lines;
    }

    /**
     * Learns the win rates from the opportunities closed by {@code asOf} (default prior weight) and weighs the ones
     * open then.
     *
     * @param opportunities opportunities, open or closed, with what happened to them
     * @param asOf          the moment of the forecast: nothing after it is used
     * @return the weighted pipeline at {@code asOf}
     * @throws IllegalArgumentException if no opportunity had closed by {@code asOf}
     */
    public static PipelineForecast of(Collection<Opportunity> opportunities, Instant asOf) {
        return of(opportunities, asOf, WinRates.learn(opportunities, asOf, WinRates.DEFAULT_PRIOR_WEIGHT));
    }

    /**
     * @param opportunities opportunities; those open at {@code asOf} are weighed
     * @param asOf          the moment of the forecast
     * @param rates         the win rates to weigh them with
     * @return the weighted pipeline at {@code asOf}
     */
    public static PipelineForecast of(Collection<Opportunity> opportunities, Instant asOf, WinRates rates) {
        Objects.requireNonNull(opportunities, "opportunities");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(rates, "rates");
        List<PipelineLine> lines = new ArrayList<>();
        for (Opportunity o : opportunities) {
            if (o.isOpenAt(asOf)) {
                lines.add(line(o, rates, asOf));
            }
        }
        return new PipelineForecast(asOf, rates, List.copyOf(lines));
    }

    /** An opportunity's line at a moment: its chance given how long it has been open by then. */
    static PipelineLine line(Opportunity o, WinRates rates, Instant asOf) {
        boolean estimated = o.amount() == null;
        BigDecimal amount = estimated ? rates.typicalAmount() : o.amount();
        double p = rates.probability(o, Duration.between(o.createdAt(), asOf));
        BigDecimal expected = amount.multiply(BigDecimal.valueOf(p)).setScale(2, RoundingMode.HALF_EVEN);
        return new PipelineLine(o, amount, estimated, p, expected);
    }

    /** @return the moment of the forecast */
    public Instant asOf() {
        return asOf;
    }

    /** @return the win rates the opportunities are weighed with */
    public WinRates winRates() {
        return rates;
    }

    /** @return every open opportunity with its amount, chance and expected revenue */
    public List<PipelineLine> lines() {
        return lines;
    }

    /** @return the open opportunities that are stale: open longer than any won opportunity learned from took */
    public List<PipelineLine> stale() {
        return lines.stream().filter(l -> rates.stale(Duration.between(l.opportunity().createdAt(), asOf))).toList();
    }

    /** @return the amounts of the open opportunities, summed (the unweighted pipeline) */
    public BigDecimal openAmount() {
        return lines.stream().map(PipelineLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** @return the expected revenue of the open pipeline: amount times chance, summed */
    public BigDecimal expectedRevenue() {
        return lines.stream().map(PipelineLine::expected).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** @return the pipeline per score band at creation, lowest first */
    public SortedMap<String, Breakdown> byScoreBand() {
        return by(l -> WinRates.scoreBand(l.opportunity().score()));
    }

    /** @return the pipeline per channel ({@code ?} for an unknown one) */
    public SortedMap<String, Breakdown> byChannel() {
        return by(l -> l.opportunity().channel() == null ? "?" : l.opportunity().channel());
    }

    private SortedMap<String, Breakdown> by(Function<PipelineLine, String> key) {
        SortedMap<String, Breakdown> out = new TreeMap<>();
        for (PipelineLine l : lines) {
            out.merge(key.apply(l), NONE.plus(l), (a, b) -> a.plus(l));
        }
        return out;
    }

    /**
     * The expected revenue by the month it is expected to close in. An opportunity open for {@code a} so far closes
     * as the won opportunities learned from that took longer than {@code a} did, each equally likely: its expected
     * revenue is spread over the months they would close it in. A stale one expects nothing.
     *
     * @param zone the time zone months are counted in
     * @return expected revenue per month, earliest first; summed, it is {@link #expectedRevenue()} give or take
     *         rounding
     */
    public SortedMap<YearMonth, BigDecimal> expectedByCloseMonth(ZoneId zone) {
        Objects.requireNonNull(zone, "zone");
        List<Duration> cycles = rates.wonCycles();
        SortedMap<YearMonth, BigDecimal> out = new TreeMap<>();
        for (PipelineLine l : lines) {
            Duration age = Duration.between(l.opportunity().createdAt(), asOf);
            List<Duration> longer = cycles.stream().filter(c -> c.compareTo(age) > 0).toList();
            if (longer.isEmpty() || l.expected().signum() == 0) {
                continue;
            }
            Map<YearMonth, Integer> months = new TreeMap<>();
            for (Duration c : longer) {
                months.merge(YearMonth.from(l.opportunity().createdAt().plus(c).atZone(zone)), 1, Integer::sum);
            }
            BigDecimal n = BigDecimal.valueOf(longer.size());
            months.forEach((m, k) -> out.merge(m, l.expected().multiply(BigDecimal.valueOf(k))
                    .divide(n, 2, RoundingMode.HALF_EVEN), BigDecimal::add));
        }
        return out;
    }
}
