package dev.custflow.examples.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.examples.DemoReport;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Waits for a rep over time: a wait ends with a rep or when the lead leaves the line; months close at their end. */
class LeadWaitsTest {
    private static final long HOUR = 3_600_000L;
    private static final long MARCH_1 = Instant.parse("2025-03-01T00:00:00Z").toEpochMilli();

    @Test
    void aLeadThatLeavesTheLine_noLongerWaits_andAMonthCountsOnlyTheLeadsWaitingAtItsEnd() {
        LeadWaits w = new LeadWaits();
        assertThat(w.isEmpty()).isTrue();
        w.captured(MARCH_1);
        w.waits("L1", "by-region", MARCH_1);
        w.captured(MARCH_1 + HOUR);
        w.waits("L2", null, MARCH_1 + HOUR);
        w.left("L1", MARCH_1 + 10 * HOUR); // lost before a rep had room
        w.left("L3", MARCH_1 + 10 * HOUR); // never waited: nothing
        w.waits("L2", "ignored", MARCH_1 + 11 * HOUR); // in line already
        long april1 = Instant.parse("2025-04-01T00:00:00Z").toEpochMilli();
        w.assigned("L2", april1 + 2 * HOUR);

        assertThat(w.months(ZoneOffset.UTC, april1 + 24 * HOUR)).containsExactly(
                new DemoReport.Month(YearMonth.of(2025, 3), 2, 0, 1, Duration.ofMillis(april1 - MARCH_1 - HOUR)),
                new DemoReport.Month(YearMonth.of(2025, 4), 0, 1, 0, Duration.ZERO));
        assertThat(w.routes(april1 + 24 * HOUR)).containsOnlyKeys("by-region", "(none)");
        assertThat(w.routes(april1 + 24 * HOUR).get("by-region").longest()).isEqualTo(Duration.ofHours(10));
        assertThat(w.waitingNow()).isZero();
    }

    @Test
    void aLeadStillWaiting_countsAtTheEndOfTheRun_withItsAge() {
        LeadWaits w = new LeadWaits();
        w.waits("L1", "round-robin", MARCH_1);
        DemoReport.RouteWait r = w.routes(MARCH_1 + 5 * HOUR).get("round-robin");
        assertThat(r).isEqualTo(new DemoReport.RouteWait("round-robin", 1, 1, Duration.ofHours(5), Duration.ZERO));
        assertThat(w.waitingNow()).isEqualTo(1);
    }
}
