package dev.custflow.insights.export;

import dev.custflow.BatchResult;
import dev.custflow.action.Action;
import dev.custflow.action.ChurnWarning;
import dev.custflow.action.DeliveryLate;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The warnings a history raised that are no KPI of the book but a manager watches over time: churn warnings by cause
 * and late deliveries (the first DELIVERY_LATE of each order), kept per customer and month so that they are counted
 * under a scope like every other figure: only the customers the scope sees count.
 *
 * <pre>{@code
 * WarningLog warnings = WarningLog.in(engine.settings().timeZone());
 * BatchResult r = book.accept(engine, event);
 * warnings.record(r);
 * }</pre>
 *
 * <p>Safe to share between threads: calls are applied one after the other.
 */
public final class WarningLog {
    private record Warning(String customerId, YearMonth month, String cause) {
    }

    private final ZoneId zone;
    private final List<Warning> warnings = new ArrayList<>();
    private final List<Warning> late = new ArrayList<>();
    private final Set<String> lateOrders = new HashSet<>();

    private WarningLog(ZoneId zone) {
        this.zone = zone;
    }

    /**
     * @param zone the business's time zone, in which months are counted (the engine settings' {@code timeZone})
     * @return an empty log
     */
    public static WarningLog in(ZoneId zone) {
        return new WarningLog(Objects.requireNonNull(zone, "zone"));
    }

    /**
     * Notes the churn warnings and late deliveries among an engine call's actions.
     *
     * @param result the engine's answer for an event or a clock move
     */
    public synchronized void record(BatchResult result) {
        for (Action a : result.actions()) {
            if (a instanceof ChurnWarning w) {
                warnings.add(new Warning(w.customerId(), month(w.at()), w.cause()));
            } else if (a instanceof DeliveryLate d && lateOrders.add(d.orderId())) {
                late.add(new Warning(d.customerId(), month(d.at()), ""));
            }
        }
    }

    private YearMonth month(Instant at) {
        return YearMonth.from(at.atZone(zone));
    }

    /**
     * @param visible the customers the scope sees
     * @return per month, churn warnings by cause, of those customers only
     */
    public synchronized SortedMap<YearMonth, Map<String, Long>> warningsByCause(Predicate<String> visible) {
        SortedMap<YearMonth, Map<String, Long>> counts = new TreeMap<>();
        for (Warning w : warnings) {
            if (visible.test(w.customerId())) {
                counts.computeIfAbsent(w.month(), k -> new HashMap<>()).merge(w.cause(), 1L, Long::sum);
            }
        }
        return counts;
    }

    /**
     * @param visible the customers the scope sees
     * @return per month, orders of those customers that became late (counted in the month of their first
     *         DELIVERY_LATE)
     */
    public synchronized SortedMap<YearMonth, Long> lateDeliveries(Predicate<String> visible) {
        SortedMap<YearMonth, Long> counts = new TreeMap<>();
        for (Warning w : late) {
            if (visible.test(w.customerId())) {
                counts.merge(w.month(), 1L, Long::sum);
            }
        }
        return counts;
    }
}
