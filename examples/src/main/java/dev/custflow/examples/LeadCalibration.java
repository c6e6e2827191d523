package dev.custflow.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custflow.examples.LeadHistory.Lead;
import dev.custflow.examples.internal.Evidence;
import dev.custflow.examples.internal.LogisticRegression;
import dev.custflow.examples.internal.QuantileBands;
import dev.custflow.examples.internal.YamlText;
import dev.custflow.settings.ScoringSettings;
import dev.custflow.settings.Settings;
import dev.custflow.text.Bounds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.function.Function;

/**
 * Lead-scoring weights calibrated from past leads with their outcome, and proof of them on leads
 * the calibration did not see.
 *
 * <p>For each column, every value's weight of evidence: the log-odds of converting with that value
 * against all leads, Laplace-smoothed; values seen in fewer than {@code minRows} leads count as
 * missing, which the engine gives no points. Numbers (time on site, visits, page views per visit)
 * are cut into bands at their quantiles and each band gets its evidence the same way. A logistic
 * regression over the columns of evidence then gives each column a weight, so that columns which
 * say the same thing do not count twice; a column whose weight comes out at or below 0 is dropped.
 * Points are evidence times weight, scaled so that the 1st to the 99th percentile of leads spread
 * over 0 to 100, and rounded; {@code basePoints} is where the scale starts. The MQL threshold and
 * grades are the scores at which the model predicts 50 % (B and MQL), 80 % (A) and 20 % (C).
 *
 * <pre>{@code
 * LeadCalibration.Result r = LeadCalibration.builder().seed(42).trainShare(0.7).build()
 *         .run(LeadHistory.load(Path.of("../shared/data/leads")));
 * Files.writeString(Path.of("lead-scoring.yaml"), r.toYaml());
 * System.out.print(r.toText());
 * }</pre>
 *
 * <p>Where the weights go: {@code Lead Origin} in {@code channelPoints}, {@code Country} in
 * {@code regionPoints}, {@code Specialization} in {@code industryPoints}, the occupation in
 * {@code titlePoints}, {@code Lead Source} and {@code Last Activity} in {@code attributePoints}
 * ({@code leadSource}, {@code lastActivity}), and the three numbers in {@code attributeBands}
 * ({@code timeOnSiteSeconds}, {@code totalVisits}, {@code pageViewsPerVisit}). The behaviour
 * points are switched off: the file's numbers are totals already weighed as attributes, and
 * interaction points on top would count the same visits twice.
 */
public final class LeadCalibration {
    /** Values seen in fewer leads than this count as missing (default). */
    public static final int DEFAULT_MIN_ROWS = 20;
    /** Quantile bands a number is cut into (default: deciles). */
    public static final int DEFAULT_BANDS = 10;
    /** Laplace smoothing: one lead added to each side of every bucket. */
    static final double SMOOTHING = 1.0;
    /** A light ridge keeps the weights of near-duplicate columns finite; 1 lead's worth against thousands. */
    static final double RIDGE = 1.0;
    /** The predicted chances of conversion at which grades A, B (and MQL), C begin. */
    static final double CHANCE_A = 0.8;
    static final double CHANCE_B = 0.5;
    static final double CHANCE_C = 0.2;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A column of the file and the settings table its points go to. */
    private record Column(String name, String table, Function<Lead, String> text, Function<Lead, Double> number) {
        boolean isNumber() {
            return number != null;
        }
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("Lead Origin", "channelPoints", l -> l.origin() == null ? null : l.channel(), null),
            new Column("Lead Source", "attributePoints.leadSource", Lead::source, null),
            new Column("Last Activity", "attributePoints.lastActivity", Lead::lastActivity, null),
            new Column("Country", "regionPoints", Lead::country, null),
            new Column("Specialization", "industryPoints", Lead::specialization, null),
            new Column("What is your current occupation", "titlePoints", Lead::occupation, null),
            new Column("Total Time Spent on Website", "attributeBands.timeOnSiteSeconds", null,
                    Lead::timeOnSiteSeconds),
            new Column("TotalVisits", "attributeBands.totalVisits", null, Lead::totalVisits),
            new Column("Page Views Per Visit", "attributeBands.pageViewsPerVisit", null, Lead::pageViewsPerVisit));

    private final long seed;
    private final double trainShare;
    private final int minRows;
    private final int bands;

    private LeadCalibration(Builder b) {
        this.seed = b.seed;
        this.trainShare = b.trainShare;
        this.minRows = b.minRows;
        this.bands = b.bands;
    }

    /** @return a builder: seed 42, 70 % to calibrate on, values in fewer than 20 leads as missing, deciles */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Splits the leads at random (by the seed) into a share to calibrate on and the rest, calibrates
     * on the first, and measures the rest through the engine with the calibrated settings and, for
     * comparison, with the defaults.
     *
     * @param history past leads with their outcome
     * @return the weights and the figures
     * @throws IllegalArgumentException if either share would be empty or lack converted or other leads
     */
    public Result run(LeadHistory history) {
        List<Lead> shuffled = new ArrayList<>(history.leads()); // lead-number order: the same split every time
        Collections.shuffle(shuffled, new Random(seed));
        int trainSize = (int) Math.round(shuffled.size() * trainShare);
        if (trainSize < 1 || trainSize >= shuffled.size()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "a train share of %s of %,d leads "
                    + "leaves nothing to %s", trainShare, shuffled.size(), trainSize < 1 ? "calibrate on" : "measure"));
        }
        String pct = String.format(Locale.ROOT, "%.0f %%", 100 * trainShare);
        String other = String.format(Locale.ROOT, "%.0f %%", 100 * (1 - trainShare));
        LeadHistory train = history.select(shuffled.subList(0, trainSize), "the calibration share (" + pct
                + ", seed " + seed + ")");
        LeadHistory test = history.select(shuffled.subList(trainSize, shuffled.size()), "the test share (" + other
                + ", seed " + seed + ")");
        Weights weights = calibrate(train.leads());
        return new Result(history, train, test, weights, LeadQuality.measure(test, weights.settings()),
                LeadQuality.measure(test, Settings.ofDefaults()), seed, trainShare);
    }

    /**
     * @param leads past leads with their outcome, all used
     * @return the calibrated weights
     * @throws IllegalArgumentException if the leads are not both converted and not converted ones
     */
    public Weights calibrate(List<Lead> leads) {
        int n = leads.size();
        boolean[] y = new boolean[n];
        int positives = 0;
        for (int i = 0; i < n; i++) {
            y[i] = leads.get(i).converted();
            positives += y[i] ? 1 : 0;
        }
        if (positives == 0 || positives == n) {
            throw new IllegalArgumentException("the " + n + " leads to calibrate on must include some that converted"
                    + " and some that did not; " + positives + " converted");
        }
        List<Fitted> columns = new ArrayList<>();
        double[][] x = new double[n][COLUMNS.size()];
        for (int j = 0; j < COLUMNS.size(); j++) {
            Fitted f = evidence(COLUMNS.get(j), leads, y);
            columns.add(f);
            for (int i = 0; i < n; i++) {
                x[i][j] = f.evidence(leads.get(i));
            }
        }
        // weigh the columns; drop the one with the lowest weight while any is at or below 0
        List<Integer> active = new ArrayList<>();
        for (int j = 0; j < columns.size(); j++) {
            if (columns.get(j).kept().isEmpty()) {
                columns.get(j).dropped = "no value is seen in " + minRows + " leads or more";
            } else {
                active.add(j);
            }
        }
        double[] beta;
        while (true) {
            beta = LogisticRegression.fit(select(x, active), y, RIDGE);
            int worst = -1;
            for (int a = 0; a < active.size(); a++) {
                if (beta[a + 1] <= 0 && (worst < 0 || beta[a + 1] < beta[worst + 1])) {
                    worst = a;
                }
            }
            if (worst < 0) {
                break;
            }
            columns.get(active.get(worst)).dropped = String.format(Locale.ROOT, "its weight came out at %.2f with "
                    + "the other columns in: they say what it says, better", beta[worst + 1]);
            active.remove(worst);
        }
        for (int a = 0; a < active.size(); a++) {
            columns.get(active.get(a)).weight = beta[a + 1];
        }
        // scale: the 1st to the 99th percentile of leads over 0..100
        double[] raw = new double[n];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < active.size(); a++) {
                raw[i] += beta[a + 1] * x[i][active.get(a)];
            }
        }
        double[] sorted = raw.clone();
        Arrays.sort(sorted);
        double lo = sorted[(int) Math.floor(0.01 * (n - 1))];
        double hi = sorted[(int) Math.ceil(0.99 * (n - 1))];
        double factor = hi > lo ? ScoringSettings.MAX_SCORE / (hi - lo) : 10;
        int base = clamp((int) Math.round(-lo * factor), -ScoringSettings.MAX_SCORE, ScoringSettings.MAX_SCORE);
        int gradeC = clamp(scoreAt(CHANCE_C, base, factor, beta[0]), 1, ScoringSettings.MAX_SCORE - 2);
        int gradeB = clamp(scoreAt(CHANCE_B, base, factor, beta[0]), gradeC + 1, ScoringSettings.MAX_SCORE - 1);
        int gradeA = clamp(scoreAt(CHANCE_A, base, factor, beta[0]), gradeB + 1, ScoringSettings.MAX_SCORE);
        for (Fitted f : columns) {
            f.points(factor);
        }
        Settings settings = settings(columns, base, gradeA, gradeB, gradeC);
        return new Weights(settings, columns, factor, n, positives, minRows);
    }

    /** The lowest score at which the model predicts {@code chance}: base + factor x (logit(chance) - intercept). */
    private static int scoreAt(double chance, int base, double factor, double intercept) {
        return (int) Math.ceil(base + factor * (Math.log(chance / (1 - chance)) - intercept) - 1e-9);
    }

    private static int clamp(int v, int min, int max) {
        return Math.max(min, Math.min(max, v));
    }

    private static double[][] select(double[][] x, List<Integer> columns) {
        double[][] out = new double[x.length][columns.size()];
        for (int i = 0; i < x.length; i++) {
            for (int a = 0; a < columns.size(); a++) {
                out[i][a] = x[i][columns.get(a)];
            }
        }
        return out;
    }

    private Fitted evidence(Column c, List<Lead> leads, boolean[] y) {
        if (!c.isNumber()) {
            return new Fitted(c, Evidence.of(leads.stream().map(c.text()).toList(), y, minRows, SMOOTHING), null);
        }
        double[] seen = leads.stream().map(c.number()).filter(Objects::nonNull).mapToDouble(Double::doubleValue)
                .toArray();
        QuantileBands qb = QuantileBands.of(seen, bands, minRows);
        List<String> band = leads.stream().map(l -> {
            int b = qb.bandOf(c.number().apply(l));
            return b < 0 ? null : Integer.toString(b);
        }).toList();
        return new Fitted(c, Evidence.of(band, y, minRows, SMOOTHING), qb);
    }

    /** The scoring part of the settings as a tree, merged over the defaults (one validation of the whole). */
    private static Settings settings(List<Fitted> columns, int base, int gradeA, int gradeB, int gradeC) {
        Map<String, Object> scoring = new LinkedHashMap<>();
        scoring.put("basePoints", base);
        scoring.put("mqlThreshold", gradeB);
        scoring.put("gradeA", gradeA);
        scoring.put("gradeB", gradeB);
        scoring.put("gradeC", gradeC);
        Map<String, Object> byValue = new LinkedHashMap<>();
        Map<String, Object> byBand = new LinkedHashMap<>();
        for (Fitted f : columns) {
            String table = f.column.table();
            if (table.startsWith("attributePoints.")) {
                if (f.dropped == null) {
                    byValue.put(table.substring(table.indexOf('.') + 1), f.valueTable());
                }
            } else if (table.startsWith("attributeBands.")) {
                if (f.dropped == null) {
                    byBand.put(table.substring(table.indexOf('.') + 1), f.bandTable());
                }
            } else {
                scoring.put(table, f.dropped == null ? f.valueTable() : Map.of());
            }
        }
        scoring.put("attributePoints", byValue);
        scoring.put("attributeBands", byBand);
        scoring.put("behaviourPoints", Map.of());
        scoring.put("timeOnSiteMaxPoints", 0);
        JsonNode tree = JSON.valueToTree(Map.of("scoring", scoring));
        return Settings.builder().merge(tree, "calibration").build();
    }

    /** One column's evidence, weight and points. */
    private static final class Fitted {
        final Column column;
        final Evidence evidence;
        final QuantileBands bands;
        double weight;
        String dropped;
        /** Points per kept value (by its name) or band (by its index), in {@link Evidence#kept()} order. */
        final Map<String, Integer> points = new LinkedHashMap<>();

        Fitted(Column column, Evidence evidence, QuantileBands bands) {
            this.column = column;
            this.evidence = evidence;
            this.bands = bands;
        }

        List<Evidence.Bucket> kept() {
            return evidence.kept();
        }

        double evidence(Lead lead) {
            if (bands == null) {
                return evidence.of(column.text().apply(lead));
            }
            int b = bands.bandOf(column.number().apply(lead));
            return b < 0 ? 0 : evidence.of(Integer.toString(b));
        }

        void points(double factor) {
            if (dropped != null) {
                return;
            }
            List<Evidence.Bucket> kept = new ArrayList<>(kept());
            if (bands != null) {
                kept.sort((a, b) -> Integer.compare(Integer.parseInt(a.name()), Integer.parseInt(b.name())));
            }
            for (Evidence.Bucket b : kept) {
                points.put(b.name(), clamp((int) Math.round(factor * weight * evidence.of(b.name())),
                        -ScoringSettings.MAX_SCORE, ScoringSettings.MAX_SCORE));
            }
        }

        Map<String, Integer> valueTable() {
            return points;
        }

        List<Map<String, Object>> bandTable() {
            double[] from = bands.from();
            List<Map<String, Object>> out = new ArrayList<>();
            points.forEach((band, p) -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("from", from[Integer.parseInt(band)]);
                m.put("points", p);
                out.add(m);
            });
            return out;
        }
    }

    /** The calibrated weights: settings to run with, and an editable YAML file with the evidence as comments. */
    public static final class Weights {
        private final Settings settings;
        private final List<Fitted> columns;
        private final double factor;
        private final int leads;
        private final int converted;
        private final int minRows;

        private Weights(Settings settings, List<Fitted> columns, double factor, int leads,
                        int converted, int minRows) {
            this.settings = settings;
            this.columns = List.copyOf(columns);
            this.factor = factor;
            this.leads = leads;
            this.converted = converted;
            this.minRows = minRows;
        }

        /** @return the defaults with the calibrated scoring settings */
        public Settings settings() {
            return settings;
        }

        /** @return the calibrated scoring settings */
        public ScoringSettings scoring() {
            return settings.scoring();
        }

        /** @return points per unit of log-odds: evidence x weight x this, rounded, are the points */
        public double pointsPerLogOdds() {
            return factor;
        }

        /**
         * @param column a column of the file, e.g. {@code Country}
         * @return why the calibration left it out, or null when it has points
         */
        public String droppedWhy(String column) {
            for (Fitted f : columns) {
                if (f.column.name().equals(column)) {
                    return f.dropped;
                }
            }
            throw new IllegalArgumentException("no column '" + column + "'; the columns are "
                    + COLUMNS.stream().map(Column::name).toList());
        }

        /**
         * The settings file: a {@code scoring:} key with the calibrated values, each table entry with the
         * leads and the conversion rate behind it as a comment, for a sales manager to read and edit.
         * {@code SettingsFiles.load} reads it back to {@link #settings()}.
         *
         * @param header comment lines for the top of the file (how it was produced)
         * @return the YAML text
         */
        public String toYaml(List<String> header) {
            YamlText y = new YamlText();
            header.forEach(y::comment);
            ScoringSettings s = settings.scoring();
            y.line(0, "scoring:", null);
            y.line(1, "basePoints: " + s.basePoints(), "every lead starts here; the tables add or subtract");
            y.line(1, "mqlThreshold: " + s.mqlThreshold(), pct(CHANCE_B) + " predicted chance to convert");
            y.line(1, "gradeA: " + s.gradeA(), pct(CHANCE_A) + " predicted chance");
            y.line(1, "gradeB: " + s.gradeB(), pct(CHANCE_B));
            y.line(1, "gradeC: " + s.gradeC(), pct(CHANCE_C) + "; below it D");
            for (Fitted f : columns) {
                if (!f.column.table().contains(".")) {
                    table(y, 1, f.column.table(), f);
                }
            }
            y.line(1, "attributePoints:" + (s.attributePoints().isEmpty() ? " {}" : ""), "the lead's own attributes");
            for (Fitted f : columns) {
                if (f.column.table().startsWith("attributePoints.")) {
                    table(y, 2, f.column.table().substring("attributePoints.".length()), f);
                }
            }
            y.line(1, "attributeBands:" + (s.attributeBands().isEmpty() ? " {}" : ""),
                    "numbers: the band with the largest 'from' at or below the number counts");
            for (Fitted f : columns) {
                if (f.column.table().startsWith("attributeBands.")) {
                    table(y, 2, f.column.table().substring("attributeBands.".length()), f);
                }
            }
            y.line(1, "behaviourPoints: {}", "off: the totals above already weigh the visits; points per "
                    + "interaction would count them twice");
            y.line(1, "timeOnSiteMaxPoints: 0", "off, for the same reason (time on site is timeOnSiteSeconds)");
            return y.toString();
        }

        private void table(YamlText y, int indent, String key, Fitted f) {
            String what = f.column.name() + (f.dropped == null
                    ? String.format(Locale.ROOT, ", weight %.2f", f.weight) : "");
            Evidence.Bucket pool = f.evidence.pool();
            String none = pool.rows() == 0 ? null : String.format(Locale.ROOT, "%s: %,d leads, %s converted, 0 points",
                    f.bands != null ? "no number" : "missing or rare (fewer than " + minRows + " leads)",
                    pool.rows(), pct(pool.rate()));
            if (f.dropped != null) {
                if (indent > 1) { // an attribute: left out of its map
                    y.comment(indent, key + " (" + f.column.name() + ") left out: " + f.dropped);
                } else { // a table of its own: emptied, so that the default table does not apply
                    y.line(indent, key + ": {}", f.column.name() + " left out: " + f.dropped);
                }
                return;
            }
            y.line(indent, key + ":", what);
            if (f.bands == null) {
                for (Evidence.Bucket b : f.kept()) {
                    y.line(indent + 1, YamlText.key(b.name()) + ": " + f.points.get(b.name()),
                            String.format(Locale.ROOT, "%,d leads, %s converted", b.rows(), pct(b.rate())));
                }
            } else {
                double[] from = f.bands.from();
                Map<String, Evidence.Bucket> byBand = new LinkedHashMap<>();
                f.kept().forEach(b -> byBand.put(b.name(), b));
                for (Map.Entry<String, Integer> e : f.points.entrySet()) {
                    int i = Integer.parseInt(e.getKey());
                    Evidence.Bucket b = byBand.get(e.getKey());
                    String range = i + 1 < from.length ? YamlText.number(from[i]) + " to below "
                            + YamlText.number(from[i + 1]) : YamlText.number(from[i]) + " and more";
                    y.line(indent + 1, "- {from: " + YamlText.number(from[i]) + ", points: " + e.getValue() + "}",
                            String.format(Locale.ROOT, "%s: %,d leads, %s converted", range, b.rows(),
                                    pct(b.rate())));
                }
            }
            if (none != null) {
                y.comment(indent + 1, none);
            }
        }

        /** @return the leads calibrated on */
        public int leads() {
            return leads;
        }

        /** @return of those, how many converted */
        public int converted() {
            return converted;
        }
    }

    private static String pct(double share) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * share).replace(".0 %", " %");
    }

    /**
     * The calibration and its proof.
     *
     * @param history    all the leads
     * @param train      the leads calibrated on
     * @param test       the leads measured on
     * @param weights    the calibrated weights
     * @param calibrated the test leads through the engine with the calibrated settings
     * @param defaults   the same leads with the default settings, for comparison
     * @param seed       the seed of the split
     * @param trainShare the share calibrated on
     */
    public record Result(LeadHistory history, LeadHistory train, LeadHistory test, Weights weights,
                         LeadQuality.Report calibrated, LeadQuality.Report defaults, long seed, double trainShare) {

        /** @return the settings file, with a header saying how it was made and how well it did */
        public String toYaml() {
            LeadQuality.Report q = calibrated;
            return weights.toYaml(List.of(
                    "Lead-scoring weights calibrated from past leads by `custflow calibrate` (docs/lead-scoring.md).",
                    String.format(Locale.ROOT, "Source: %s, %,d leads. Calibrated on %,d of them (%s, seed %d); "
                                    + "measured through the engine", history.file().getFileName(),
                            history.leads().size(), train.leads().size(), pct(trainShare), seed),
                    String.format(Locale.ROOT, "on the other %,d: AUC %.3f; the top 20 %% by score converted %s "
                                    + "against a base rate of %s (lift %.2f).", test.leads().size(), q.auc(),
                            pct(q.topRate()), pct(q.baseRate()), q.lift()),
                    "",
                    "How: for each column, the weight of evidence of each value (the log-odds of converting against",
                    "all leads, Laplace-smoothed); values seen in fewer than " + weights.minRows + " leads count as "
                            + "missing, which earns no points.",
                    "Numbers are cut into bands at their deciles. A logistic regression weighs the columns against "
                            + "each other,",
                    String.format(Locale.ROOT, "and points = evidence x weight x %.2f, rounded. Grades and the MQL "
                            + "threshold are the scores", weights.factor),
                    "at which the model predicts 80 / 50 / 20 % conversion.",
                    "",
                    "Edit freely: every number is a setting (docs/rules.md). Use the file with `--settings FILE`, or as",
                    "settings.yaml in a rules folder; keys left out keep their defaults."));
        }

        /** @return the figures, for the command line */
        public String toText() {
            StringBuilder b = new StringBuilder();
            b.append(String.format(Locale.ROOT, "Calibrated lead-scoring weights on %,d of %,d leads in %s (%s, "
                            + "seed %d); measured through the engine on the other %,d.%n%n", train.leads().size(),
                    history.leads().size(), history.file().getFileName(), pct(trainShare), seed, test.leads().size()));
            b.append(calibrated.toText());
            b.append(String.format(Locale.ROOT, "%nThe default settings on the same leads: AUC %.3f, top 20 %% %s "
                            + "converted (lift %.2f).%n", defaults.auc(), pct(defaults.topRate()), defaults.lift()));
            return b.toString();
        }
    }

    /** Configures a {@link LeadCalibration}; each setter checks its value at once. */
    public static final class Builder {
        private long seed = 42;
        private double trainShare = 0.7;
        private int minRows = DEFAULT_MIN_ROWS;
        private int bands = DEFAULT_BANDS;

        private Builder() {
        }

        /**
         * @param value the seed of the random split (default 42): the same seed, the same split
         * @return this
         */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /**
         * @param share the share of leads calibrated on, above 0 and below 1 (default 0.7); the rest is measured
         * @return this
         * @throws IllegalArgumentException if out of range
         */
        public Builder trainShare(double share) {
            if (!(share > 0 && share < 1)) {
                throw new IllegalArgumentException("the train share must be above 0 and below 1 (e.g. 0.7), got "
                        + share);
            }
            this.trainShare = share;
            return this;
        }

        /**
         * @param rows values seen in fewer leads than this count as missing (default 20), at least 1
         * @return this
         * @throws IllegalArgumentException if below 1
         */
        public Builder minRows(int rows) {
            this.minRows = Bounds.atLeast("minRows", rows, 1);
            return this;
        }

        /**
         * @param count quantile bands per number (default 10), at least 1
         * @return this
         * @throws IllegalArgumentException if below 1
         */
        public Builder bands(int count) {
            this.bands = Bounds.atLeast("bands", count, 1);
            return this;
        }

        /** @return the calibration */
        public LeadCalibration build() {
            return new LeadCalibration(this);
        }
    }
}
