package dev.custflow.examples.internal;

import dev.custflow.examples.DemoReport;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Lead assignment over time, for the demo report: when leads were captured and assigned, and each lead's wait for a
 * rep (from LEAD_WAITING until LEAD_ASSIGNED, or until it left the line: closed, won or merged).
 */
public final class LeadWaits {
    /** A lead's wait on a route, from and to epoch millis ({@code Long.MAX_VALUE} while it waits). */
    private record Wait(String route, long from, long to) {
    }

    private final List<Long> captures = new ArrayList<>();
    private final List<Long> assignments = new ArrayList<>();
    private final Map<String, Wait> waiting = new HashMap<>();
    private final List<Wait> waited = new ArrayList<>();

    /** @param at when a new lead was captured */
    public void captured(long at) {
        captures.add(at);
    }

    /** A lead got a rep (it leaves the line if it waited). */
    public void assigned(String leadId, long at) {
        assignments.add(at);
        left(leadId, at);
    }

    /** A lead joined the waiting line of a route (null: no route applies). */
    public void waits(String leadId, String route, long at) {
        waiting.putIfAbsent(leadId, new Wait(route == null ? "(none)" : route, at, Long.MAX_VALUE));
    }

    /** A lead left the line without a rep (lost, won, disqualified, merged away); nothing if it was not in it. */
    public void left(String leadId, long at) {
        Wait w = waiting.remove(leadId);
        if (w != null) {
            waited.add(new Wait(w.route(), w.from(), at));
        }
    }

    /** @return true when no lead was ever assigned or waited (lead assignment was off) */
    public boolean isEmpty() {
        return assignments.isEmpty() && waiting.isEmpty() && waited.isEmpty();
    }

    /** @return leads waiting now */
    public int waitingNow() {
        return waiting.size();
    }

    /**
     * @param zone the run's zone, in which months are counted
     * @param end  the end of the run, epoch millis: the last month closes there
     * @return per month with a capture or an assignment, in order
     */
    public List<DemoReport.Month> months(ZoneId zone, long end) {
        Map<YearMonth, long[]> counts = new TreeMap<>();
        captures.forEach(t -> counts.computeIfAbsent(month(t, zone), k -> new long[2])[0]++);
        assignments.forEach(t -> counts.computeIfAbsent(month(t, zone), k -> new long[2])[1]++);
        List<Wait> all = all();
        List<DemoReport.Month> out = new ArrayList<>();
        for (Map.Entry<YearMonth, long[]> e : counts.entrySet()) {
            long monthEnd = Math.min(end, e.getKey().plusMonths(1).atDay(1).atStartOfDay(zone).toInstant()
                    .toEpochMilli());
            long count = 0;
            long oldest = 0;
            for (Wait w : all) {
                if (w.from() < monthEnd && w.to() >= monthEnd) {
                    count++;
                    oldest = Math.max(oldest, monthEnd - w.from());
                }
            }
            out.add(new DemoReport.Month(e.getKey(), e.getValue()[0], e.getValue()[1], count,
                    Duration.ofMillis(oldest)));
        }
        return List.copyOf(out);
    }

    /**
     * @param end the end of the run, epoch millis
     * @return per route, by name, the leads that waited on it, how many still wait and how long
     */
    public Map<String, DemoReport.RouteWait> routes(long end) {
        Map<String, DemoReport.RouteWait> byRoute = new TreeMap<>();
        for (Wait w : all()) {
            DemoReport.RouteWait x = byRoute.getOrDefault(w.route(),
                    new DemoReport.RouteWait(w.route(), 0, 0, Duration.ZERO, Duration.ZERO));
            boolean now = w.to() == Long.MAX_VALUE;
            Duration age = Duration.ofMillis((now ? end : w.to()) - w.from());
            byRoute.put(w.route(), new DemoReport.RouteWait(w.route(), x.waited() + 1,
                    x.waitingNow() + (now ? 1 : 0), now && age.compareTo(x.oldestNow()) > 0 ? age : x.oldestNow(),
                    !now && age.compareTo(x.longest()) > 0 ? age : x.longest()));
        }
        return Collections.unmodifiableMap(byRoute);
    }

    private List<Wait> all() {
        List<Wait> all = new ArrayList<>(waited);
        all.addAll(waiting.values());
        return all;
    }

    private static YearMonth month(long millis, ZoneId zone) {
        return YearMonth.from(Instant.ofEpochMilli(millis).atZone(zone));
    }
}
