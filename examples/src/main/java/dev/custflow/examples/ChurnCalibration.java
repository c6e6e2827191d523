package dev.custflow.examples;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.custflow.event.OrderPlaced;
import dev.custflow.examples.internal.SilenceTally;
import dev.custflow.examples.internal.YamlText;
import dev.custflow.model.ChurnCause;
import dev.custflow.model.Level;
import dev.custflow.settings.Settings;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Churn thresholds learned from a host's own order history, and proof of them through the engine on customers the
 * calibration did not see.
 *
 * <p>The customers with an order before the cutoff are split at random (by the seed) into a share to learn from and
 * the rest. On the first share, at the cutoff, customers are counted by band of orders (1, 2-3, 4-7, 8+ by default)
 * and days of silence, with whether they ordered again before the end of the history. Per band:
 * <ul>
 *   <li>NO_ORDER_LONG (high risk) from the silence that flags the customers who did not come back most precisely
 *       while flagging {@code recall} (80 %) of them all: one price per flagged customer shared by all bands, the
 *       highest that still reaches the recall (aimed one standard error higher, so that customers not learned from
 *       reach it too). A band that would flag fewer than {@code minCustomers} customers
 *       that way warns after the band's longest usual pause instead (97.5 % of its pauses were shorter).</li>
 *   <li>NO_ORDER (the early warning) after a pause longer than 9 in 10 of the band's pauses between orders, at
 *       least {@code minDays}.</li>
 *   <li>Levels: HIGH for the precise silence, otherwise MEDIUM where the flagged customers left more often than
 *       customers on average (lift of at least 1), LOW where they did not.</li>
 * </ul>
 * Every built-in cause is measured through the engine on the learning share with the default settings; a cause
 * with a lift below 1 is switched off ({@code churn.offCauses}), the figure written beside it. The settings file is
 * then read back and measured through the engine on the customers kept apart, at the cutoff and at a later one.
 *
 * <pre>{@code
 * ChurnCalibration.Result r = ChurnCalibration.builder().seed(42).build()
 *         .run(CdnowHistory.load(Path.of("../shared/data/cdnow")).orders(), "CDNOW");
 * Files.writeString(Path.of("churn.yaml"), r.toYaml());
 * System.out.print(r.toText());
 * }</pre>
 */
public final class ChurnCalibration {
    /** The bands of orders by default: 1, 2-3, 4-7, 8 and more. */
    public static final List<Integer> DEFAULT_BANDS = List.of(1, 2, 4, 8);
    /** The early warning comes after a pause longer than this share of the band's pauses. */
    static final double USUAL_PAUSE = 0.9;
    /** A band that cannot warn precisely warns after a pause longer than this share of its pauses. */
    static final double LONGEST_PAUSE = 0.975;
    /** Silences considered, in days. */
    static final int MAX_DAYS = 365;

    private static final YAMLMapper YAML = new YAMLMapper();

    private final long seed;
    private final double trainShare;
    private final int[] bands;
    private final double recall;
    private final int minCustomers;
    private final int minDays;
    private final Instant cutoff;
    private final Instant laterCutoff;
    private final RunProgress progress;

    private ChurnCalibration(Builder b) {
        this.seed = b.seed;
        this.trainShare = b.trainShare;
        this.bands = b.bands.stream().mapToInt(Integer::intValue).toArray();
        this.recall = b.recall;
        this.minCustomers = b.minCustomers;
        this.minDays = b.minDays;
        this.cutoff = b.cutoff;
        this.laterCutoff = b.laterCutoff;
        this.progress = b.progress;
    }

    /**
     * @return a builder: seed 42, 70 % to learn from, bands 1, 2, 4, 8 orders, recall 80 %, bands of at least 30
     *         flagged customers, warnings from 30 days, cutoff 9 months before the end of the history and a later
     *         one 3 months after it
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * What one band learned, with the figures behind it for the file's comments.
     *
     * @param fromOrders      the band starts at this number of orders ...
     * @param toOrders        ... and ends at this one (Integer.MAX_VALUE: no end)
     * @param customers       customers learned from in the band
     * @param churned         of them, those who did not order again
     * @param noOrderDays     the early warning's silence
     * @param level           its level
     * @param longNoOrderDays the high-risk warning's silence
     * @param longLevel       its level
     * @param flagged         customers learned from silent that long at the cutoff ...
     * @param flaggedChurned  ... and of them, those who did not order again
     * @param pauses          pauses between orders seen in the band before the cutoff
     * @param usualPause      9 in 10 of them were at most this many days (-1: too few to say)
     */
    public record Band(int fromOrders, int toOrders, int customers, int churned, int noOrderDays, Level level,
                int longNoOrderDays, Level longLevel, int flagged, int flaggedChurned, int pauses, int usualPause) {
        /** @return the band as a person reads it, e.g. "2 to 3 orders" */
        public String label() {
            return fromOrders == toOrders ? fromOrders + (fromOrders == 1 ? " order" : " orders")
                    : toOrders == Integer.MAX_VALUE ? fromOrders + " or more orders"
                    : fromOrders + " to " + toOrders + " orders";
        }
    }

    /**
     * Splits, learns, writes the settings, reads them back and measures them through the engine.
     *
     * @param orders      the order history, any order
     * @param description what the history is, for the report
     * @return the settings and the figures
     * @throws IllegalArgumentException if either share would be empty, or a cutoff falls outside the history
     */
    public Result run(List<OrderPlaced> orders, String description) {
        Objects.requireNonNull(description, "description");
        List<OrderPlaced> sorted = new ArrayList<>(orders);
        sorted.sort((a, b) -> a.at().compareTo(b.at()));
        if (sorted.isEmpty()) {
            throw new IllegalArgumentException("the order history is empty; nothing to calibrate on");
        }
        LocalDate lastDay = sorted.get(sorted.size() - 1).at().atZone(ZoneOffset.UTC).toLocalDate();
        Instant horizon = lastDay.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant cut = cutoff != null ? cutoff : lastDay.minusMonths(9).plusDays(1).atStartOfDay(ZoneOffset.UTC)
                .toInstant();
        Instant later = laterCutoff != null ? laterCutoff : cut.atZone(ZoneOffset.UTC).toLocalDate().plusMonths(3)
                .atStartOfDay(ZoneOffset.UTC).toInstant();
        if (!cut.isAfter(sorted.get(0).at()) || !cut.isBefore(horizon) || !later.isAfter(cut)
                || !later.isBefore(horizon)) {
            throw new IllegalArgumentException("the cutoffs " + day(cut) + " and " + day(later) + " must fall in "
                    + "order inside the history, " + sorted.get(0).at().toString().substring(0, 10) + " to "
                    + lastDay);
        }
        Set<String> known = new TreeSet<>();
        sorted.stream().filter(o -> o.at().isBefore(cut)).forEach(o -> known.add(o.customerId()));
        List<String> shuffled = new ArrayList<>(known); // sorted first: the same split every time
        Collections.shuffle(shuffled, new Random(seed));
        int trainSize = (int) Math.round(shuffled.size() * trainShare);
        if (trainSize < 1 || trainSize >= shuffled.size()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "a share of %s of %,d customers leaves "
                    + "nothing to %s", trainShare, shuffled.size(), trainSize < 1 ? "learn from" : "measure"));
        }
        Set<String> train = new HashSet<>(shuffled.subList(0, trainSize));
        List<OrderPlaced> trainOrders = sorted.stream().filter(o -> train.contains(o.customerId())).toList();
        List<OrderPlaced> testOrders = sorted.stream().filter(o -> !train.contains(o.customerId())).toList();

        SilenceTally tally = SilenceTally.of(byCustomer(trainOrders), cut.toEpochMilli(), horizon.toEpochMilli(),
                bands);
        List<Band> learned = learn(tally);
        // at most three replays of the learning share (a second calibrated one when a band is switched off), and
        // two of the share kept apart at each cutoff
        dev.custflow.examples.internal.ProgressCount fed = new dev.custflow.examples.internal.ProgressCount(progress,
                3 * ChurnQuality.replayed(trainOrders, cut) + 2 * ChurnQuality.replayed(testOrders, cut)
                        + 2 * ChurnQuality.replayed(testOrders, later));
        ChurnQuality.Report trainDefaults = ChurnQuality.measureCounting(trainOrders, cut, horizon,
                Settings.ofDefaults(), fed);
        Map<String, ChurnQuality.Row> off = new TreeMap<>();
        for (ChurnQuality.Row r : trainDefaults.rows()) {
            if (!r.cause().equals("any warning") && !r.cause().startsWith("NO_ORDER") && r.lift() < 1) {
                off.put(r.cause(), r);
            }
        }
        String yaml = yaml(description, learned, off, trainDefaults, cut, horizon);
        Settings settings = read(yaml);
        ChurnQuality.Report trainCalibrated = ChurnQuality.measureCounting(trainOrders, cut, horizon, settings, fed);
        boolean again = false;
        for (String cause : List.of(ChurnCause.NO_ORDER.name(), ChurnCause.NO_ORDER_LONG.name())) {
            ChurnQuality.Row r = trainCalibrated.row(cause);
            if (r.flagged() > 0 && r.lift() < 1) { // the bands could not make the silence say more than chance
                off.put(cause, r);
                again = true;
            }
        }
        if (again) {
            yaml = yaml(description, learned, off, trainDefaults, cut, horizon);
            settings = read(yaml);
            trainCalibrated = ChurnQuality.measureCounting(trainOrders, cut, horizon, settings, fed);
        } else {
            fed.accept(ChurnQuality.replayed(trainOrders, cut)); // the replay a switched-off band would have needed
        }
        Result result = new Result(description, seed, trainShare, known.size(), trainSize, List.copyOf(learned),
                Collections.unmodifiableMap(new TreeMap<>(off)), yaml, settings, trainCalibrated,
                ChurnQuality.measureCounting(testOrders, cut, horizon, settings, fed),
                ChurnQuality.measureCounting(testOrders, cut, horizon, Settings.ofDefaults(), fed),
                ChurnQuality.measureCounting(testOrders, later, horizon, settings, fed),
                ChurnQuality.measureCounting(testOrders, later, horizon, Settings.ofDefaults(), fed));
        fed.finish();
        return result;
    }

    /**
     * @param tally customers counted by band and silence
     * @return the thresholds and levels of each band
     */
    List<Band> learn(SilenceTally tally) {
        // aim one standard error above the recall asked for, so that customers not learned from reach it too
        double se = Math.sqrt(recall * (1 - recall) / Math.max(1, tally.totalChurned()));
        int[] precise = tally.preciseThresholds(Math.min(1, recall + se), minDays, MAX_DAYS, minCustomers);
        double base = tally.baseRate();
        List<Band> out = new ArrayList<>();
        int previousUsual = 90;
        int previousLongest = MAX_DAYS;
        for (int b = 0; b < tally.bands(); b++) {
            int usual = tally.pausePercentile(b, USUAL_PAUSE, minCustomers);
            usual = usual < 0 ? previousUsual : Math.min(MAX_DAYS, Math.max(minDays, usual));
            int longest = tally.pausePercentile(b, LONGEST_PAUSE, minCustomers);
            longest = longest < 0 ? previousLongest : Math.min(MAX_DAYS, Math.max(usual, longest));
            int longDays = precise[b] >= 0 ? precise[b] : longest;
            int noOrderDays = Math.min(usual, longDays);
            Level level = levelOf(tally, b, noOrderDays, base);
            Level longLevel = precise[b] >= 0 ? Level.HIGH : levelOf(tally, b, longDays, base);
            int to = b + 1 < tally.bands() ? tally.bandFrom(b + 1) - 1 : Integer.MAX_VALUE;
            out.add(new Band(tally.bandFrom(b), to, tally.flagged(b, 0), tally.churned(b, 0), noOrderDays, level,
                    longDays, longLevel, tally.flagged(b, longDays), tally.churned(b, longDays), tally.pauseCount(b),
                    tally.pausePercentile(b, USUAL_PAUSE, minCustomers)));
            previousUsual = usual;
            previousLongest = longest;
        }
        return out;
    }

    /** MEDIUM where the customers flagged left at least as often as customers on average (lift 1), else LOW. */
    private static Level levelOf(SilenceTally tally, int band, int days, double base) {
        int f = tally.flagged(band, days);
        return f > 0 && (double) tally.churned(band, days) / f >= base ? Level.MEDIUM : Level.LOW;
    }

    private static Map<String, long[]> byCustomer(List<OrderPlaced> sorted) {
        Map<String, List<Long>> lists = new HashMap<>();
        for (OrderPlaced o : sorted) {
            lists.computeIfAbsent(o.customerId(), k -> new ArrayList<>()).add(o.at().toEpochMilli());
        }
        Map<String, long[]> out = new HashMap<>();
        lists.forEach((c, l) -> out.put(c, l.stream().mapToLong(Long::longValue).toArray()));
        return out;
    }

    private static Settings read(String yaml) {
        try {
            JsonNode tree = YAML.readTree(yaml);
            return Settings.builder().merge(tree, "the calibrated churn settings").build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the calibrated settings do not read back: " + e.getOriginalMessage(), e);
        }
    }

    static String day(Instant end) {
        return end.minusMillis(1).toString().substring(0, 10);
    }

    private static String pct(int part, int whole) {
        return String.format(Locale.ROOT, "%.1f %%", whole == 0 ? 0 : 100.0 * part / whole);
    }

    private String yaml(String description, List<Band> learned, Map<String, ChurnQuality.Row> off,
                        ChurnQuality.Report trainDefaults, Instant cut, Instant horizon) {
        YamlText y = new YamlText();
        y.comment("Churn thresholds learned from an order history by `custflow calibrate --churn` ("
                + description + ").");
        y.comment(String.format(Locale.ROOT, "Learned on %.0f %% of the customers (seed %d), the clock stopped at "
                        + "the end of %s, outcome to the end of %s: %s of them did not order again.",
                100 * trainShare, seed, day(cut), day(horizon),
                pct(trainDefaults.churned(), trainDefaults.customers())));
        y.comment("Edit freely; use with --settings FILE or as settings.yaml in a rules folder. Keys left out keep "
                + "their defaults.");
        y.line(0, "churn:", null);
        y.line(1, "silenceBands:", "NO_ORDER and NO_ORDER_LONG by the customer's number of orders");
        for (Band b : learned) {
            y.comment(2, String.format(Locale.ROOT, "%s: %,d customers, %s did not order again; %s",
                    b.label(), b.customers(), pct(b.churned(), b.customers()), b.usualPause() < 0
                            ? String.format(Locale.ROOT, "too few pauses between orders (%,d) to learn from",
                            b.pauses())
                            : String.format(Locale.ROOT, "9 in 10 of %,d pauses before a next order were at most "
                            + "%d days", b.pauses(), b.usualPause())));
            y.line(2, String.format(Locale.ROOT, "- {fromOrders: %d, noOrderDays: %d, level: %s, longNoOrderDays: "
                            + "%d, longLevel: %s}", b.fromOrders(), b.noOrderDays(), b.level(), b.longNoOrderDays(),
                    b.longLevel()), String.format(Locale.ROOT, "silent %d+ days: %,d, %s left",
                    b.longNoOrderDays(), b.flagged(), pct(b.flaggedChurned(), b.flagged())));
        }
        if (off.isEmpty()) {
            y.line(1, "offCauses: []", "every cause flagged customers more likely to leave than average");
        } else {
            for (ChurnQuality.Row r : off.values()) {
                y.comment(1, String.format(Locale.ROOT, "%s off: lift %.2f on the calibration customers (%,d flagged,"
                                + " %.1f %% left against %.1f %% of all): it flags customers less likely to leave "
                                + "than average", r.cause(), r.lift(), r.flagged(), 100 * r.precision(),
                        100 * trainDefaults.baseRate()));
            }
            y.line(1, "offCauses: [" + String.join(", ", off.keySet()) + "]", null);
        }
        return y.toString();
    }

    /**
     * The calibration.
     *
     * @param description     what the history is
     * @param seed            the split's seed
     * @param trainShare      the share learned from
     * @param customers       customers with an order before the cutoff
     * @param trainCustomers  of them, those learned from
     * @param bands           what each band learned
     * @param off             causes switched off, with their figures on the learning share under the defaults
     * @param yaml            the settings file
     * @param settings        the file read back, as the engine runs it
     * @param learning        the settings measured on the learning share at the cutoff
     * @param keptApart       ... on the customers kept apart at the cutoff
     * @param keptApartBefore ... the default settings there, for comparison
     * @param later           the settings on the customers kept apart at the later cutoff
     * @param laterBefore     ... the default settings there
     */
    public record Result(String description, long seed, double trainShare, int customers, int trainCustomers,
                         List<Band> bands, Map<String, ChurnQuality.Row> off, String yaml, Settings settings,
                         ChurnQuality.Report learning, ChurnQuality.Report keptApart,
                         ChurnQuality.Report keptApartBefore, ChurnQuality.Report later,
                         ChurnQuality.Report laterBefore) {
        /** @return the settings file to write */
        public String toYaml() {
            return yaml;
        }

        /** @return the figures, per cause and level, as a person reads them */
        public String toText() {
            StringBuilder b = new StringBuilder();
            b.append(description).append('\n');
            b.append(String.format(Locale.ROOT, "%,d customers with an order before the end of %s; learned on %,d "
                            + "(%.0f %%, seed %d), measured on the other %,d through the engine with the written "
                            + "settings.%n", customers, day(learning.cutoff()), trainCustomers, 100 * trainShare,
                    seed, customers - trainCustomers));
            b.append("\nLearned (bands of orders):\n");
            for (Band band : bands) {
                b.append(String.format(Locale.ROOT, "  %-18s NO_ORDER from %3d days (%s), NO_ORDER_LONG from %3d "
                                + "days (%s)%n", band.label(), band.noOrderDays(), band.level(),
                        band.longNoOrderDays(), band.longLevel()));
            }
            off.values().forEach(r -> b.append(String.format(Locale.ROOT, "  %s switched off: lift %.2f on the "
                    + "customers learned from%n", r.cause(), r.lift())));
            StringBuilder lifts = new StringBuilder();
            for (ChurnQuality.Row r : learning.rows()) {
                lifts.append(lifts.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%s %.2f", r.cause(),
                        r.lift()));
            }
            b.append("  lift of the causes left on, on the customers learned from: ").append(lifts).append('\n');
            section(b, "Customers kept apart, clock stopped at the cutoff", keptApart, keptApartBefore);
            section(b, "Customers kept apart, clock stopped at a later cutoff (not learned from)", later,
                    laterBefore);
            return b.toString();
        }

        private static void section(StringBuilder b, String title, ChurnQuality.Report now,
                                    ChurnQuality.Report before) {
            b.append(String.format(Locale.ROOT, "%n%s: the end of %s, outcome to the end of %s; %,d customers, "
                            + "%.1f %% did not order again%n", title, day(now.cutoff()), day(now.horizon()),
                    now.customers(), 100 * now.baseRate()));
            b.append(String.format(Locale.ROOT, "  %-22s %8s %10s %8s %6s   %s%n", "warning", "flagged",
                    "precision", "recall", "lift", "default settings: precision, recall, lift"));
            List<ChurnQuality.Row> rows = new ArrayList<>(now.rows());
            rows.addAll(now.levels());
            Set<String> shown = new HashSet<>();
            for (ChurnQuality.Row r : rows) {
                shown.add(r.cause());
                ChurnQuality.Row d = before.row(r.cause());
                b.append(String.format(Locale.ROOT, "  %-22s %,8d %8.1f %% %6.1f %% %6.2f   %s%n", r.cause(),
                        r.flagged(), 100 * r.precision(), 100 * r.recall(), r.lift(), d.flagged() == 0 ? "none open"
                                : String.format(Locale.ROOT, "%.1f %%, %.1f %%, %.2f", 100 * d.precision(),
                                100 * d.recall(), d.lift())));
            }
            for (Level level : Level.values()) {
                if (!shown.contains("level " + level)) {
                    b.append("  level ").append(level).append(": no warning open\n");
                }
            }
        }
    }

    /** Options of the calibration; each validated as it is set. */
    public static final class Builder {
        private long seed = 42;
        private double trainShare = 0.7;
        private List<Integer> bands = DEFAULT_BANDS;
        private double recall = 0.8;
        private int minCustomers = 30;
        private int minDays = 30;
        private Instant cutoff;
        private Instant laterCutoff;
        private RunProgress progress = RunProgress.none();

        private Builder() {
        }

        /**
         * @param seed the split's seed; the same seed gives the same split and thresholds
         * @return this
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * @param share the share of the customers to learn from, above 0 and below 1
         * @return this
         * @throws IllegalArgumentException if out of range
         */
        public Builder trainShare(double share) {
            if (!(share > 0 && share < 1)) {
                throw new IllegalArgumentException("the share to learn from must be above 0 and below 1, not "
                        + share);
            }
            this.trainShare = share;
            return this;
        }

        /**
         * @param fromOrders the orders each band starts at, e.g. [1, 2, 4, 8]: 1, 2-3, 4-7, 8+
         * @return this
         * @throws IllegalArgumentException unless they start at 1 and rise
         */
        public Builder bands(List<Integer> fromOrders) {
            if (fromOrders.isEmpty() || fromOrders.get(0) != 1) {
                throw new IllegalArgumentException("the bands of orders must start at 1 (one-time buyers), not "
                        + fromOrders);
            }
            for (int i = 1; i < fromOrders.size(); i++) {
                if (fromOrders.get(i) <= fromOrders.get(i - 1)) {
                    throw new IllegalArgumentException("the bands of orders must rise: " + fromOrders);
                }
            }
            this.bands = List.copyOf(fromOrders);
            return this;
        }

        /**
         * @param share the share of all customers who leave that the high-risk warnings must flag, e.g. 0.8
         * @return this
         * @throws IllegalArgumentException if out of range
         */
        public Builder recall(double share) {
            if (!(share > 0 && share <= 1)) {
                throw new IllegalArgumentException("the recall must be above 0 and at most 1, not " + share);
            }
            this.recall = share;
            return this;
        }

        /**
         * @param count a band's high-risk silence must flag at least this many customers learned from
         * @return this
         * @throws IllegalArgumentException if below 1
         */
        public Builder minCustomers(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("minCustomers must be at least 1, not " + count);
            }
            this.minCustomers = count;
            return this;
        }

        /**
         * @param day the clock stops at the end of this day (UTC) to learn and measure
         * @return this
         */
        public Builder cutoff(LocalDate day) {
            this.cutoff = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            return this;
        }

        /**
         * @param day the later cutoff: the end of this day (UTC)
         * @return this
         */
        public Builder laterCutoff(LocalDate day) {
            this.laterCutoff = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            return this;
        }

        /** @return the calibration */
        /**
         * @param to told of the orders replayed through the engine, over every measurement, after each batch
         * @return this
         */
        public Builder progress(RunProgress to) {
            this.progress = java.util.Objects.requireNonNull(to, "to");
            return this;
        }

        public ChurnCalibration build() {
            return new ChurnCalibration(this);
        }
    }
}
