package dev.custflow.insights.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.insights.Dimension;
import dev.custflow.insights.Granularity;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LedgerTest {
    private final Ledger ledger = new Ledger(ZoneOffset.UTC);

    private CustomerState customer(String owner, String channel) {
        CustomerState c = new CustomerState("c1");
        c.owner = owner;
        c.channel = channel;
        return c;
    }

    @Test
    void aFact_reachesEveryScopeThatSeesTheCustomer_inEveryGranularityAndDimension() {
        ledger.teams.put("wang", "EAST");
        Attribution a = ledger.attribution(customer("wang", "WEBSITE"), null);
        LocalDate day = LocalDate.of(2026, 3, 4);

        ledger.add(a, day, Slots.LEADS, 1);

        int rep = ledger.scopes.find("R:wang");
        int team = ledger.scopes.find("T:wang".replace("wang", "EAST"));
        assertThat(a.scopes()).containsExactly(Ledger.EVERYTHING, rep, team);
        int website = ledger.findValue(Dimension.CHANNEL, "WEBSITE");
        for (int s : a.scopes()) {
            for (Granularity g : Granularity.values()) {
                assertThat(ledger.cells.get(Keys.key(s, website, g.ordinal(), Keys.period(g, day)), Slots.LEADS))
                        .isEqualTo(1);
            }
            assertThat(ledger.span(s)).containsExactly(day.toEpochDay(), day.toEpochDay());
        }
        assertThat(ledger.cells.size()).as("3 scopes x 4 granularities x 5 dimensions").isEqualTo(60);
        assertThat(ledger.valuesOf(rep, Dimension.CHANNEL).toArray()).containsExactly(website);
        assertThat(ledger.valueName(website)).isEqualTo("WEBSITE");
    }

    @Test
    void aFactWithoutAnOwner_reachesOnlyEverything_underTheNoneValue() {
        Attribution a = ledger.attribution(customer(null, null), null);

        ledger.add(a, LocalDate.of(2026, 3, 4), Slots.LEADS, 1, 1 << Granularity.MONTH.ordinal());

        assertThat(a.scopes()).containsExactly(Ledger.EVERYTHING);
        assertThat(ledger.valueName(ledger.findValue(Dimension.REP, Dimension.NONE))).isEmpty();
        assertThat(ledger.cells.size()).as("one granularity x 5 dimensions").isEqualTo(5);
        assertThat(ledger.firstPeriod[Granularity.MONTH.ordinal()])
                .isEqualTo(Keys.period(Granularity.MONTH, LocalDate.of(2026, 3, 4)));
        assertThat(ledger.firstPeriod[Granularity.DAY.ordinal()]).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void aCachedAttribution_isReusedUntilATeamChanges() {
        CustomerState c = customer("wang", "WEBSITE");
        Attribution first = ledger.attribution(c, null);

        assertThat(ledger.attribution(c, first)).isSameAs(first);
        ledger.teams.put("wang", "KEY");
        ledger.version++;
        Attribution after = ledger.attribution(c, first);
        assertThat(after).isNotSameAs(first);
        assertThat(after.sameAs(first)).isFalse();
        assertThat(after.scopes()).contains(ledger.scopes.find("T:KEY"));
    }

    @Test
    void countedFacts_reachTheirCellsAtTheFlush_orWhenTheAttributionOrDayChanges() {
        Attribution wang = ledger.attribution(customer("wang", "WEBSITE"), null);
        Attribution li = ledger.attribution(customer("li", "WEBSITE"), null);
        LocalDate day = LocalDate.of(2026, 3, 4);
        long key = Keys.key(Ledger.EVERYTHING, Ledger.OVERALL, Granularity.DAY.ordinal(),
                Keys.period(Granularity.DAY, day));

        ledger.count(wang, day, Slots.ORDERS, 1);
        ledger.count(wang, day, Slots.REVENUE_CENTS, 500);
        assertThat(ledger.cells.has(key)).as("gathered, not yet applied").isFalse();
        ledger.count(li, day, Slots.ORDERS, 1);
        assertThat(ledger.cells.get(key, Slots.ORDERS)).as("another customer: wang's facts applied").isEqualTo(1);
        ledger.count(li, day.plusDays(1), Slots.ORDERS, 1);
        assertThat(ledger.cells.get(key, Slots.ORDERS)).isEqualTo(2);
        ledger.flush();
        ledger.flush();

        assertThat(ledger.cells.get(key, Slots.REVENUE_CENTS)).isEqualTo(500);
        long nextDay = Keys.key(Ledger.EVERYTHING, Ledger.OVERALL, Granularity.DAY.ordinal(),
                Keys.period(Granularity.DAY, day.plusDays(1)));
        assertThat(ledger.cells.get(nextDay, Slots.ORDERS)).isEqualTo(1);
        long month = Keys.key(Ledger.EVERYTHING, Ledger.OVERALL, Granularity.MONTH.ordinal(),
                Keys.period(Granularity.MONTH, day));
        assertThat(ledger.cells.get(month, Slots.ORDERS)).isEqualTo(3);
    }

    @Test
    void day_convertsAnInstantInTheBusinessZone() {
        Ledger shanghai = new Ledger(java.time.ZoneId.of("Asia/Shanghai"));
        assertThat(shanghai.day(java.time.Instant.parse("2026-03-01T16:30:00Z"))).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(shanghai.day(java.time.Instant.parse("2026-03-01T15:30:00Z"))).isEqualTo(LocalDate.of(2026, 3, 1));
    }
}
