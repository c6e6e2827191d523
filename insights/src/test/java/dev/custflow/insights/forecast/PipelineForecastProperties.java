package dev.custflow.insights.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.model.Outcome;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** No look-ahead in the pipeline: what happens after the moment of the forecast never changes it. */
class PipelineForecastProperties {
    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
    private static final String[] CHANNELS = {"WEBSITE", "WECHAT", "TRADE_SHOW", null};

    /** Opportunities created over 200 days, some closed (won or lost) 1 to 80 days later, some never. */
    private static List<Opportunity> history(Random r, int n) {
        List<Opportunity> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Instant created = START.plus(Duration.ofHours(r.nextInt(200 * 24)));
            Opportunity o = Opportunity.open("o" + i, "c" + i, created,
                    r.nextInt(5) == 0 ? null : BigDecimal.valueOf(1_000 + r.nextInt(50_000)), r.nextInt(110),
                    CHANNELS[r.nextInt(CHANNELS.length)]);
            if (r.nextInt(4) > 0) {
                o = o.closed(r.nextBoolean() ? Outcome.WON : Outcome.LOST, BigDecimal.valueOf(r.nextInt(60_000)),
                        created.plus(Duration.ofHours(24 + r.nextInt(80 * 24))));
            }
            out.add(o);
        }
        return out;
    }

    /** The same history up to {@code asOf}; after it, other closings and other new opportunities. */
    private static List<Opportunity> otherFuture(List<Opportunity> history, Instant asOf, Random r) {
        List<Opportunity> out = new ArrayList<>();
        for (Opportunity o : history) {
            if (o.createdAt().isAfter(asOf)) {
                continue; // created later: gone, others come instead
            }
            if (o.closedBy(asOf)) {
                out.add(o);
                continue;
            }
            Opportunity open = Opportunity.open(o.id(), o.customerId(), o.createdAt(), o.amount(), o.score(),
                    o.channel());
            out.add(r.nextInt(3) == 0 ? open : open.closed(r.nextBoolean() ? Outcome.WON : Outcome.LOST,
                    BigDecimal.valueOf(r.nextInt(60_000)), asOf.plus(Duration.ofHours(1 + r.nextInt(2_000)))));
        }
        for (int i = 0; i < r.nextInt(20); i++) {
            Instant created = asOf.plus(Duration.ofHours(1 + r.nextInt(2_000)));
            out.add(Opportunity.open("new" + i, "n" + i, created, BigDecimal.TEN, r.nextInt(100), "WEBSITE")
                    .closed(Outcome.WON, BigDecimal.TEN, created.plus(Duration.ofDays(1))));
        }
        return out;
    }

    @Property(tries = 200)
    void whatHappensAfterTheForecast_neverChangesIt(@ForAll long seed, @ForAll @IntRange(min = 20, max = 200) int n,
                                                    @ForAll @IntRange(min = 60, max = 240) int day) {
        Random r = new Random(seed);
        List<Opportunity> history = history(r, n);
        Instant asOf = START.plus(Duration.ofDays(day));
        if (history.stream().noneMatch(o -> o.closedBy(asOf))) {
            return; // nothing to learn from: both would refuse alike
        }
        List<Opportunity> other = otherFuture(history, asOf, r);

        PipelineForecast a = PipelineForecast.of(history, asOf);
        PipelineForecast b = PipelineForecast.of(other, asOf);

        assertThat(b.lines()).extracting(l -> l.opportunity().id(), PipelineLine::probability, PipelineLine::expected)
                .containsExactlyElementsOf(a.lines().stream().map(l -> org.assertj.core.groups.Tuple.tuple(
                        l.opportunity().id(), l.probability(), l.expected())).toList());
        assertThat(b.expectedRevenue()).isEqualTo(a.expectedRevenue());
        assertThat(a.lines()).allSatisfy(l -> assertThat(l.probability()).isBetween(0.0, 1.0));
    }
}
