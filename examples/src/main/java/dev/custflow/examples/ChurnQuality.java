package dev.custflow.examples;

import dev.custflow.Custflow;
import dev.custflow.Engine;
import dev.custflow.RulePack;
import dev.custflow.action.Action;
import dev.custflow.action.ChurnCleared;
import dev.custflow.action.ChurnWarning;
import dev.custflow.event.OrderPlaced;
import dev.custflow.model.Level;
import dev.custflow.settings.Settings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How good is each churn rule? Runs the churn pack over the order history up to a cutoff, takes the
 * warnings open at the cutoff as its prediction, and compares it with what really happened after:
 * a customer "churned" if no order came between the cutoff and the horizon. Precision is the share
 * of flagged customers who churned, recall the share of churned customers who were flagged, lift
 * the precision over the base rate. A rule author reads it to see which rules are worth their noise.
 */
public final class ChurnQuality {

    /**
     * One line of the table.
     *
     * @param cause     the churn cause, or "any warning"
     * @param flagged   customers with that warning open at the cutoff
     * @param churned   of those, how many did not order again before the horizon
     * @param precision churned / flagged
     * @param recall    churned among flagged / all churned
     * @param lift      precision / base rate
     */
    public record Row(String cause, int flagged, int churned, double precision, double recall, double lift) {
    }

    /**
     * The whole measurement.
     *
     * @param cutoff    the clock was stopped here (orders at this instant or later are the future)
     * @param horizon   outcomes were observed up to here (exclusive)
     * @param customers customers with an order before the cutoff
     * @param churned   of those, how many did not order again before the horizon
     * @param rows      one row per cause, then "any warning"
     * @param levels    one row per level ("level HIGH"...): customers with at least one open warning of that level
     * @param raised    warnings raised before the cutoff, per cause (opened and maybe closed again)
     * @param from      the first order of the history, where the replay started
     */
    public record Report(Instant cutoff, Instant horizon, int customers, int churned, List<Row> rows,
                         List<Row> levels, Map<String, Integer> raised, Instant from) {
        /**
         * @param cause a churn cause
         * @return warnings of that cause raised per week between the first order and the cutoff
         */
        public double raisedPerWeek(String cause) {
            double weeks = java.time.Duration.between(from, cutoff).toMillis() / (7 * 86_400_000.0);
            return weeks <= 0 ? 0 : raised.getOrDefault(cause, 0) / weeks;
        }

        /**
         * @param name a cause, "any warning" or "level HIGH"
         * @return its row, or a row of zeros when nothing was flagged so
         */
        public Row row(String name) {
            for (List<Row> list : List.of(rows, levels)) {
                for (Row r : list) {
                    if (r.cause().equals(name)) {
                        return r;
                    }
                }
            }
            return new Row(name, 0, 0, 0, 0, 0);
        }

        /** @return the rows of levels as Markdown table rows, LOW to HIGH, for under {@link #toMarkdown()} */
        public String levelsMarkdown() {
            StringBuilder b = new StringBuilder();
            for (Row r : levels) {
                b.append(markdownRow(r));
            }
            return b.toString();
        }

        /** @return the share of customers who never came back */
        public double baseRate() {
            return customers == 0 ? 0 : (double) churned / customers;
        }

        /** @return the report as a Markdown table with a one-line summary */
        public String toMarkdown() {
            StringBuilder b = new StringBuilder();
            b.append(String.format(Locale.ROOT, "Clock stopped at the end of %s, outcome observed to the end of %s: "
                            + "%,d customers, %,d (%.1f %%) never ordered again (the base rate).%n%n",
                    day(cutoff), day(horizon), customers, churned, 100 * baseRate()));
            b.append("| warning (cause) | flagged | of them churned | precision | recall | lift |\n");
            b.append("|---|---:|---:|---:|---:|---:|\n");
            for (Row r : rows) {
                b.append(markdownRow(r));
            }
            return b.toString();
        }
    }

    private static String markdownRow(Row r) {
        return String.format(Locale.ROOT, "| %s | %,d | %,d | %.1f %% | %.1f %% | %.2f |%n", r.cause(),
                r.flagged(), r.churned(), 100 * r.precision(), 100 * r.recall(), r.lift());
    }

    private ChurnQuality() {
    }

    /** The day an exclusive end instant closes (a midnight closes the day before it). */
    private static String day(Instant end) {
        return end.minusMillis(1).toString().substring(0, 10);
    }

    /**
     * @param orders   the order history, any order
     * @param cutoff   where the clock stops (exclusive: an order at the cutoff is the future)
     * @param horizon  the end of the observed future (exclusive)
     * @param settings the settings the churn rules run with
     * @return the table
     */
    public static Report measure(List<OrderPlaced> orders, Instant cutoff, Instant horizon, Settings settings) {
        return measureCounting(orders, cutoff, horizon, settings, n -> {
        });
    }

    /**
     * {@link #measure(List, Instant, Instant, Settings)}, telling {@code progress} of the orders replayed (those
     * before the cutoff).
     *
     * @param orders   the order history, any order
     * @param cutoff   where the clock stops (exclusive: an order at the cutoff is the future)
     * @param horizon  the end of the observed future (exclusive)
     * @param settings the settings the churn rules run with
     * @param progress told after each batch of orders
     * @return the table
     */
    public static Report measure(List<OrderPlaced> orders, Instant cutoff, Instant horizon, Settings settings,
                                 RunProgress progress) {
        dev.custflow.examples.internal.ProgressCount fed = new dev.custflow.examples.internal.ProgressCount(
                Objects.requireNonNull(progress, "progress"), replayed(orders, cutoff));
        Report r = measureCounting(orders, cutoff, horizon, settings, fed);
        fed.finish();
        return r;
    }

    /**
     * @param orders an order history
     * @param cutoff where the clock stops
     * @return the orders {@link #measure} replays: those before the cutoff
     */
    static long replayed(List<OrderPlaced> orders, Instant cutoff) {
        return orders.stream().filter(o -> o.at().isBefore(cutoff)).count();
    }

    /** {@link #measure}, telling {@code fed} of the orders replayed after each batch. */
    static Report measureCounting(List<OrderPlaced> orders, Instant cutoff, Instant horizon, Settings settings,
                                  java.util.function.LongConsumer fed) {
        List<OrderPlaced> sorted = new ArrayList<>(orders);
        sorted.sort(Comparator.comparing(OrderPlaced::at).thenComparing(OrderPlaced::id));
        List<OrderPlaced> before = sorted.stream().filter(o -> o.at().isBefore(cutoff)).toList();
        Set<String> customers = new TreeSet<>();
        before.forEach(o -> customers.add(o.customerId()));
        Set<String> cameBack = new HashSet<>();
        sorted.stream().filter(o -> !o.at().isBefore(cutoff) && o.at().isBefore(horizon))
                .forEach(o -> cameBack.add(o.customerId()));
        Set<String> churned = new HashSet<>(customers);
        churned.removeAll(cameBack);

        // the warnings open at the cutoff, per cause
        Map<String, Map<String, Level>> open = new TreeMap<>();
        Map<String, Integer> raised = new TreeMap<>();
        Settings noDigest = Settings.from(settings).set("churn.weeklyDigest", false).build();
        try (Engine engine = Custflow.builder().packs(RulePack.CHURN).settings(noDigest)
                .actionSink(actions -> track(actions, open, raised)).build()) {
            for (int i = 0; i < before.size(); i += 10_000) {
                engine.acceptAll(before.subList(i, Math.min(before.size(), i + 10_000)));
                fed.accept(Math.min(before.size(), i + 10_000) - i);
            }
            engine.advanceTo(cutoff);
        }
        List<Row> rows = new ArrayList<>();
        Set<String> any = new HashSet<>();
        Map<Level, Set<String>> byLevel = new EnumMap<>(Level.class);
        open.forEach((cause, flagged) -> {
            rows.add(row(cause, flagged.keySet(), churned, customers.size()));
            any.addAll(flagged.keySet());
            flagged.forEach((customer, level) -> byLevel.computeIfAbsent(level, k -> new HashSet<>()).add(customer));
        });
        rows.add(row("any warning", any, churned, customers.size()));
        List<Row> levels = new ArrayList<>();
        byLevel.forEach((level, flagged) -> levels.add(row("level " + level, flagged, churned, customers.size())));
        return new Report(cutoff, horizon, customers.size(), churned.size(), rows, levels, Map.copyOf(raised),
                sorted.isEmpty() ? cutoff : sorted.get(0).at());
    }

    private static void track(List<Action> actions, Map<String, Map<String, Level>> open,
                              Map<String, Integer> raised) {
        for (Action a : actions) {
            if (a instanceof ChurnWarning w) {
                raised.merge(w.cause(), 1, Integer::sum);
                open.computeIfAbsent(w.cause(), k -> new HashMap<>()).put(w.customerId(), w.level());
            } else if (a instanceof ChurnCleared c) {
                open.computeIfAbsent(c.cause(), k -> new HashMap<>()).remove(c.customerId());
            }
        }
    }

    private static Row row(String cause, Set<String> flagged, Set<String> churned, int customers) {
        int hit = 0;
        for (String c : flagged) {
            if (churned.contains(c)) {
                hit++;
            }
        }
        double precision = flagged.isEmpty() ? 0 : (double) hit / flagged.size();
        double recall = churned.isEmpty() ? 0 : (double) hit / churned.size();
        double base = customers == 0 ? 0 : (double) churned.size() / customers;
        return new Row(cause, flagged.size(), hit, precision, recall, base == 0 ? 0 : precision / base);
    }
}
