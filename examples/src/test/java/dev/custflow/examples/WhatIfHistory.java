package dev.custflow.examples;

import dev.custflow.event.ClockTick;
import dev.custflow.event.Event;
import dev.custflow.event.OrderPlaced;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A hand-written half year for the what-if tests: five customers whose "no order for a long time"
 * warning (NO_ORDER_LONG) changes when the threshold drops to 60 days. Orders at noon UTC, equal
 * amounts (no falling-amount warnings), a tick each midnight up to 2024-07-01.
 *
 * <pre>
 * A  orders 01-01, then never: warned 03-31 (90 days), with 60 days 03-01 instead (moved)
 * B  orders 01-01, 03-11, 04-20, 05-20: never 90 days; with 60 days warned 03-01, cleared 03-11 (new)
 * C  orders 01-01, 03-25, 05-01, 05-25: never 90 days; with 60 days warned 03-01, cleared 03-25 (new)
 * D  orders 05-01, then never: with 60 days warned 06-30 (new, too close to the end to judge)
 * E  orders 01-01, 04-10, 05-20: warned 03-31, cleared 04-10; with 60 days warned 03-01 (moved)
 * </pre>
 * A time warning due at noon is raised by the next midnight tick (no other event wakes the customer
 * before), so "03-01" above is 2024-03-02 00:00 UTC, 08:00 in the business's zone (Asia/Shanghai).
 */
public final class WhatIfHistory {
    /** The last tick: warnings after 2024-06-01 12:00 cannot be judged for 30 days. */
    public static final Instant END = Instant.parse("2024-07-01T00:00:00Z");

    private WhatIfHistory() {
    }

    public static List<Event> events() {
        List<Event> events = new ArrayList<>();
        order(events, "A", "2024-01-01");
        order(events, "B", "2024-01-01", "2024-03-11", "2024-04-20", "2024-05-20");
        order(events, "C", "2024-01-01", "2024-03-25", "2024-05-01", "2024-05-25");
        order(events, "D", "2024-05-01");
        order(events, "E", "2024-01-01", "2024-04-10", "2024-05-20");
        for (LocalDate d = LocalDate.parse("2024-01-02"); !d.isAfter(LocalDate.parse("2024-07-01")); d = d.plusDays(1)) {
            events.add(new ClockTick("tick-" + d, d.atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
        events.sort(Comparator.comparing(Event::at).thenComparing(Event::id));
        return List.copyOf(events);
    }

    private static void order(List<Event> events, String customer, String... days) {
        int n = 0;
        for (String day : days) {
            n++;
            Instant at = LocalDate.parse(day).atTime(12, 0).toInstant(ZoneOffset.UTC);
            events.add(OrderPlaced.of(customer + "-placed-" + n, at, customer + "-o" + n, customer,
                    new BigDecimal("100.00")));
        }
    }
}
