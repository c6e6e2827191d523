package dev.custflow.examples;

import dev.custflow.event.OrderPlaced;
import dev.custflow.model.ChurnCause;
import dev.custflow.settings.Settings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import dev.custflow.text.DisplayWidth;
import dev.custflow.text.Wording;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The trade-off of one churn threshold: the churn pack replayed over an order history once per value, each time
 * measured as {@link ChurnQuality} measures (warnings open at the cutoff against who ordered again), with the
 * number of warnings the value raises per week. A rule author reads it to pick the value the team can act on.
 *
 * <pre>{@code
 * ChurnSweep.Sweep s = ChurnSweep.parse("longNoOrderDays=30..180/15");
 * System.out.print(ChurnSweep.run(orders, Settings.ofDefaults(), s, cutoff, horizon).toText());
 * }</pre>
 */
public final class ChurnSweep {
    /** The churn settings a sweep can move, each with the cause whose warnings it decides. */
    public static final Map<String, String> KEYS = Map.of(
            "noOrderDays", ChurnCause.NO_ORDER.name(), "longNoOrderDays", ChurnCause.NO_ORDER_LONG.name(),
            "fallingOrders", ChurnCause.AMOUNT_FALLING.name(),
            "intervalMinOrders", ChurnCause.INTERVAL_LENGTHENING.name());
    private static final Pattern FORM = Pattern.compile("(?:churn\\.)?(\\w+)=(\\d+)\\.\\.(\\d+)(?:/(\\d+))?");
    /** A sweep replays the history once per value: more than this many is a typo rather than a plan. */
    static final int MAX_VALUES = 40;

    private ChurnSweep() {
    }

    /**
     * What to move.
     *
     * @param key  a key of {@link #KEYS}, e.g. longNoOrderDays
     * @param from the first value
     * @param to   the last value (included when the steps reach it)
     * @param step the step
     */
    public record Sweep(String key, int from, int to, int step) {
        /** @return the cause whose warnings the key decides */
        public String cause() {
            return KEYS.get(key);
        }

        /** @return the values, from first to last */
        public List<Integer> values() {
            List<Integer> out = new ArrayList<>();
            for (int v = from; v <= to; v += step) {
                out.add(v);
            }
            return out;
        }
    }

    /**
     * @param text e.g. {@code longNoOrderDays=30..180/15} (the step defaults to 1; {@code churn.} may lead)
     * @return the sweep
     * @throws IllegalArgumentException naming what is wrong and the form expected
     */
    public static Sweep parse(String text) {
        Matcher m = FORM.matcher(Objects.requireNonNull(text, "text").strip());
        String form = "; write KEY=FROM..TO/STEP, e.g. longNoOrderDays=30..180/15";
        if (!m.matches()) {
            throw new IllegalArgumentException("the churn sweep '" + text + "' is not in the expected form" + form);
        }
        String key = m.group(1);
        if (!KEYS.containsKey(key)) {
            throw new IllegalArgumentException("the churn sweep cannot move '" + key + "'; it moves "
                    + String.join(", ", new java.util.TreeSet<>(KEYS.keySet())));
        }
        int from = Integer.parseInt(m.group(2));
        int to = Integer.parseInt(m.group(3));
        int step = m.group(4) == null ? 1 : Integer.parseInt(m.group(4));
        if (from < 1 || to < from || step < 1) {
            throw new IllegalArgumentException("the churn sweep '" + text + "' needs 1 <= FROM <= TO and a step of "
                    + "at least 1" + form);
        }
        Sweep s = new Sweep(key, from, to, step);
        if (s.values().size() > MAX_VALUES) {
            throw new IllegalArgumentException("the churn sweep '" + text + "' has " + s.values().size()
                    + " values, each a replay of the history; use a larger step (at most " + MAX_VALUES + " values)");
        }
        return s;
    }

    /**
     * One value's figures.
     *
     * @param value         the setting's value
     * @param perWeek       warnings of the cause raised per week up to the cutoff
     * @param quality       the cause's warnings open at the cutoff, scored
     */
    public record Row(int value, double perWeek, ChurnQuality.Row quality) {
    }

    /**
     * The whole sweep.
     *
     * @param sweep       what was moved
     * @param description the history
     * @param base        the figures of the first value (cutoff, horizon, base rate)
     * @param rows        one per value
     */
    public record Result(Sweep sweep, String description, ChurnQuality.Report base, List<Row> rows) {
        /** @return a small table, one line per value, in English */
        public String toText() {
            return toText(Locale.ENGLISH);
        }

        /**
         * @param locale the reader's language: zh-CN or en (the figures are the same in both)
         * @return a small table, one line per value
         */
        public String toText(Locale locale) {
            Wording w = Wording.of(dev.custflow.examples.internal.Progress.class, "whatif", locale);
            StringBuilder b = new StringBuilder();
            b.append(w.text("sweep.title", sweep.key(), sweep.from(), sweep.to(), sweep.step(), sweep.cause()))
                    .append('\n');
            b.append("  ").append(description).append('\n');
            b.append(w.text("sweep.clock", ChurnCalibration.day(base.cutoff()), base.from().toString().substring(0, 10),
                    ChurnCalibration.day(base.horizon()), base.customers(), 100 * base.baseRate())).append('\n');
            // columns by display width: a Chinese heading takes two columns a character
            b.append("  ").append(DisplayWidth.padLeft(sweep.key(), 16)).append(' ')
                    .append(DisplayWidth.padLeft(w.text("sweep.perWeek"), 14)).append(' ')
                    .append(DisplayWidth.padLeft(w.text("sweep.open"), 12)).append(' ')
                    .append(DisplayWidth.padLeft(w.text("sweep.precision"), 10)).append(' ')
                    .append(DisplayWidth.padLeft(w.text("sweep.recall"), 8)).append(' ')
                    .append(DisplayWidth.padLeft(w.text("sweep.lift"), 6)).append('\n');
            for (Row r : rows) {
                ChurnQuality.Row q = r.quality();
                b.append(String.format(Locale.ROOT, "  %16d %14.1f %,12d %8.1f %% %6.1f %% %6.2f%n", r.value(),
                        r.perWeek(), q.flagged(), 100 * q.precision(), 100 * q.recall(), q.lift()));
            }
            b.append(w.text("sweep.legend")).append('\n');
            return b.toString();
        }
    }

    /**
     * @param orders      the order history
     * @param base        the settings the other thresholds come from
     * @param sweep       what to move
     * @param cutoff      where the clock stops (exclusive)
     * @param horizon     the end of the observed future (exclusive)
     * @param description the history, for the report
     * @return one row per value
     */
    public static Result run(List<OrderPlaced> orders, Settings base, Sweep sweep, Instant cutoff, Instant horizon,
                             String description) {
        return run(orders, base, sweep, cutoff, horizon, description, RunProgress.none());
    }

    /**
     * {@link #run(List, Settings, Sweep, Instant, Instant, String)}, telling {@code progress} of the orders
     * replayed: those before the cutoff, once per value.
     *
     * @param orders      the order history, any order
     * @param base        the settings the other thresholds come from
     * @param sweep       what to move
     * @param cutoff      where the clock stops (exclusive)
     * @param horizon     the end of the observed future (exclusive)
     * @param description the history, for the report
     * @param progress    told after each batch of orders
     * @return one row per value
     */
    public static Result run(List<OrderPlaced> orders, Settings base, Sweep sweep, Instant cutoff, Instant horizon,
                             String description, RunProgress progress) {
        dev.custflow.examples.internal.ProgressCount fed = new dev.custflow.examples.internal.ProgressCount(
                java.util.Objects.requireNonNull(progress, "progress"),
                ChurnQuality.replayed(orders, cutoff) * sweep.values().size());
        List<Row> rows = new ArrayList<>();
        ChurnQuality.Report first = null;
        for (int v : sweep.values()) {
            Settings s = Settings.from(base).set("churn." + sweep.key(), v).build();
            ChurnQuality.Report r = ChurnQuality.measureCounting(orders, cutoff, horizon, s, fed);
            first = first == null ? r : first;
            rows.add(new Row(v, r.raisedPerWeek(sweep.cause()), r.row(sweep.cause())));
        }
        return new Result(sweep, description, first, List.copyOf(rows));
    }
}
