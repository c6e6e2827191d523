package dev.custflow.properties;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.model.WorkingCalendar;
import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Invariants of working time, on random calendars: what a deadline computed with a calendar can be trusted for. */
class WorkingCalendarProperties {

    @Provide
    Arbitrary<WorkingCalendar> calendars() {
        return CalendarArbitraries.calendars();
    }

    @Provide
    Arbitrary<Instant> instants() {
        return CalendarArbitraries.instants();
    }

    @Provide
    Arbitrary<Duration> durations() {
        return CalendarArbitraries.durations();
    }

    @Property(tries = 300)
    void plusWorking_isMonotonicInStartAndAmount(@ForAll("calendars") WorkingCalendar c, @ForAll("instants") Instant a,
                                                 @ForAll("instants") Instant b, @ForAll("durations") Duration x,
                                                 @ForAll("durations") Duration y) {
        Instant early = a.isBefore(b) ? a : b;
        Instant late = a.isBefore(b) ? b : a;
        Duration less = x.compareTo(y) < 0 ? x : y;
        Duration more = x.compareTo(y) < 0 ? y : x;
        assertThat(c.plusWorking(early, x)).isBeforeOrEqualTo(c.plusWorking(late, x));
        assertThat(c.plusWorking(a, less)).isBeforeOrEqualTo(c.plusWorking(a, more));
        assertThat(c.plusWorking(a, x)).isAfterOrEqualTo(a);
    }

    @Property(tries = 300)
    void plusWorking_addsUp(@ForAll("calendars") WorkingCalendar c, @ForAll("instants") Instant t,
                            @ForAll("durations") Duration a, @ForAll("durations") Duration b) {
        assertThat(c.plusWorking(c.plusWorking(t, a), b)).isEqualTo(c.plusWorking(t, a.plus(b)));
    }

    @Property(tries = 300)
    void plusWorking_endsInOpenHoursOrAtAClosing(@ForAll("calendars") WorkingCalendar c, @ForAll("instants") Instant t,
                                                 @ForAll("durations") Duration d) {
        Instant due = c.plusWorking(t, d);
        if (!d.isZero()) {
            // inside a span, or the closing of one: open the millisecond before
            assertThat(c.isOpen(due) || c.isOpen(due.minusMillis(1))).isTrue();
        }
        assertThat(c.workingBetween(t, due)).isEqualTo(d);
    }

    @Property(tries = 300)
    void nextOpening_isOpenAndNothingBeforeItIs(@ForAll("calendars") WorkingCalendar c, @ForAll("instants") Instant t) {
        Instant open = c.nextOpening(t);
        assertThat(c.isOpen(open)).isTrue();
        assertThat(c.workingBetween(t, open)).isZero();
    }
}
