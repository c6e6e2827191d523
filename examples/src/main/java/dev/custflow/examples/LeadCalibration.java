package dev.custflow.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.custflow.examples.LeadTable.Feature;
import dev.custflow.examples.LeadTable.Row;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * A lead scorecard calibrated from past leads with their outcome: integer points per value of each category and per
 * band of each number, which the scoring pack adds up at run time, proved on leads the calibration did not see.
 *
 * <p>Every value of a category seen in at least {@code minRows} leads, and every band of a number (cut where the
 * mapping says, or at quantiles of the leads calibrated on), is a yes/no feature; rarer values and missing ones are
 * the reference, which earns no points (no entry in the table). A logistic regression of the outcome on the features,
 * with an L2 penalty ({@code ridge}) that keeps the points of small or overlapping groups modest, gives each feature
 * a weight in log-odds. Points are weight times a factor, rounded, the factor chosen so that the 1st to the 99th
 * percentile of leads spread over 0 to 100; {@code basePoints} is where that scale starts. A score therefore maps
 * back to a chance of converting ({@link Weights#chanceAt(int)}), and grades A, B (the MQL threshold) and C start
 * where that chance reaches 80 %, 50 % and 20 %.
 *
 * <pre>{@code
 * LeadCalibration.Result r = LeadCalibration.builder().seed(42).trainShare(0.7).build()
 *         .run(LeadTable.load(Path.of("../shared/data/leads")));
 * Files.writeString(Path.of("lead-scoring.yaml"), r.toYaml());
 * System.out.print(r.toText());
 * }</pre>
 *
 * <p>The behaviour points are switched off in the settings written: a lead table's numbers are totals, weighed here
 * as attributes, and interaction points on top would count the same visits twice.
 */
public final class LeadCalibration {
    /** Values seen in fewer leads than this are pooled with the missing ones (default). */
    public static final int DEFAULT_MIN_ROWS = 20;
    /** Quantile bands a number is cut into when its mapping gives none (default: deciles). */
    public static final int DEFAULT_BANDS = 10;
    /** The L2 penalty on the weights (default): a group of a few dozen leads moves a little, thousands decide. */
    public static final double DEFAULT_RIDGE = 1.0;
    /** The predicted chances of conversion at which grades A, B (and MQL), C begin. */
    static final double CHANCE_A = 0.8;
    static final double CHANCE_B = 0.5;
    static final double CHANCE_C = 0.2;
    /** The profile tables a lead table may fill; those it does not are emptied, so the defaults do not apply. */
    private static final List<String> PROFILE_TABLES = List.of("channelPoints", "regionPoints", "industryPoints",
            "titlePoints");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final long seed;
    private final double trainShare;
    private final int minRows;
    private final int bands;
    private final double ridge;
    private final RunProgress progress;

    private LeadCalibration(Builder b) {
        this.seed = b.seed;
        this.trainShare = b.trainShare;
        this.minRows = b.minRows;
        this.bands = b.bands;
        this.ridge = b.ridge;
        this.progress = b.progress;
    }

    /** @return a builder: seed 42, 70 % to calibrate on, values in fewer than 20 leads pooled, deciles, ridge 1 */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param history the "X Education" leads
     * @return as {@link #run(LeadTable)} with the built-in mapping
     */
    public Result run(LeadHistory history) {
        return run(LeadTable.of(history));
    }

    /**
     * Splits the leads at random (by the seed) into a share to calibrate on and the rest, calibrates on the first,
     * and measures the rest through the engine with the calibrated settings and, for comparison, the defaults.
     *
     * @param table past leads with their outcome
     * @return the scorecard and the figures
     * @throws IllegalArgumentException if either share would be empty or lack converted or other leads
     */
    public Result run(LeadTable table) {
        List<Row> shuffled = new ArrayList<>(table.rows()); // the table's order: the same split every time
        Collections.shuffle(shuffled, new Random(seed));
        int trainSize = (int) Math.round(shuffled.size() * trainShare);
        if (trainSize < 1 || trainSize >= shuffled.size()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "a train share of %s of %,d leads "
                    + "leaves nothing to %s", trainShare, shuffled.size(), trainSize < 1 ? "calibrate on" : "measure"));
        }
        LeadTable train = table.select(shuffled.subList(0, trainSize), "the calibration share (" + pct(trainShare)
                + ", seed " + seed + ")");
        LeadTable test = table.select(shuffled.subList(trainSize, shuffled.size()), "the test share ("
                + pct(1 - trainShare) + ", seed " + seed + ")");
        Weights weights = calibrate(train.rows(), table.features());
        long events;
        try (java.util.stream.Stream<dev.custflow.event.Event> s = test.events()) {
            events = s.count();
        }
        // the kept-apart leads through the engine twice: with the weights, and with the defaults to compare
        dev.custflow.examples.internal.ProgressCount fed = new dev.custflow.examples.internal.ProgressCount(progress,
                2 * events);
        LeadQuality.Report calibrated = LeadQuality.measureCounting(test, weights.settings(), weights::chanceAt, fed);
        LeadQuality.Report defaults = LeadQuality.measureCounting(test, Settings.ofDefaults(), null, fed);
        Result result = new Result(table, train, test, weights, calibrated, defaults, seed, trainShare);
        fed.finish();
        return result;
    }

    /**
     * @param rows     past leads with their outcome, all used
     * @param features the columns to score
     * @return the scorecard
     * @throws IllegalArgumentException if the leads are not both converted and not converted ones
     */
    public Weights calibrate(List<Row> rows, List<Feature> features) {
        int n = rows.size();
        boolean[] y = new boolean[n];
        int positives = 0;
        for (int i = 0; i < n; i++) {
            y[i] = rows.get(i).converted();
            positives += y[i] ? 1 : 0;
        }
        if (positives == 0 || positives == n) {
            throw new IllegalArgumentException("the " + n + " leads to calibrate on must include some that converted"
                    + " and some that did not; " + positives + " converted");
        }
        List<Fitted> fitted = new ArrayList<>();
        int k = 0;
        for (Feature f : features) {
            Fitted c = new Fitted(f, rows, y, k);
            fitted.add(c);
            k += c.size();
        }
        int[][] active = new int[n][];
        for (int i = 0; i < n; i++) {
            List<Integer> on = new ArrayList<>(fitted.size());
            for (Fitted c : fitted) {
                int j = c.indexOf(rows.get(i));
                if (j >= 0) {
                    on.add(j);
                }
            }
            active[i] = on.stream().mapToInt(Integer::intValue).toArray();
        }
        double[] beta = LogisticRegression.fitIndicators(active, k, y, ridge);
        // scale: the 1st to the 99th percentile of leads over 0..100
        double[] raw = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j : active[i]) {
                raw[i] += beta[j + 1];
            }
        }
        double[] sorted = raw.clone();
        Arrays.sort(sorted);
        double lo = sorted[(int) Math.floor(0.01 * (n - 1))];
        double hi = sorted[(int) Math.ceil(0.99 * (n - 1))];
        double factor = hi > lo ? ScoringSettings.MAX_SCORE / (hi - lo) : 10;
        int base = clamp((int) Math.round(-lo * factor), -ScoringSettings.MAX_SCORE, ScoringSettings.MAX_SCORE);
        for (Fitted c : fitted) {
            c.points(beta, factor);
        }
        int gradeC = clamp(scoreAt(CHANCE_C, base, factor, beta[0]), 1, ScoringSettings.MAX_SCORE - 2);
        int gradeB = clamp(scoreAt(CHANCE_B, base, factor, beta[0]), gradeC + 1, ScoringSettings.MAX_SCORE - 1);
        int gradeA = clamp(scoreAt(CHANCE_A, base, factor, beta[0]), gradeB + 1, ScoringSettings.MAX_SCORE);
        Settings settings = settings(fitted, base, gradeA, gradeB, gradeC);
        return new Weights(settings, fitted, beta, factor, base, n, positives, minRows, ridge);
    }

    /** The lowest score at which the model predicts {@code chance}: base + factor x (logit(chance) - intercept). */
    private static int scoreAt(double chance, int base, double factor, double intercept) {
        return (int) Math.ceil(base + factor * (Math.log(chance / (1 - chance)) - intercept) - 1e-9);
    }

    static int clamp(int v, int min, int max) {
        return Math.max(min, Math.min(max, v));
    }

    /** The scoring part of the settings as a tree, merged over the defaults (one validation of the whole). */
    private static Settings settings(List<Fitted> fitted, int base, int gradeA, int gradeB, int gradeC) {
        Map<String, Object> scoring = new LinkedHashMap<>();
        scoring.put("basePoints", base);
        scoring.put("mqlThreshold", gradeB);
        scoring.put("gradeA", gradeA);
        scoring.put("gradeB", gradeB);
        scoring.put("gradeC", gradeC);
        for (String t : PROFILE_TABLES) {
            scoring.put(t, Map.of()); // a table the lead table does not fill earns nothing, not the defaults
        }
        scoring.put("companySizePoints", List.of());
        Map<String, Object> byValue = new LinkedHashMap<>();
        Map<String, Object> byBand = new LinkedHashMap<>();
        for (Fitted c : fitted) {
            String table = c.feature.table();
            if (c.feature.isNumber()) {
                if (!c.points.isEmpty()) { // a number never seen has no bands
                    byBand.put(c.feature.attribute(), c.bandTable());
                }
            } else if (c.feature.attribute() != null) {
                byValue.put(c.feature.attribute(), c.valueTable());
            } else {
                scoring.put(table, c.valueTable());
            }
        }
        scoring.put("attributePoints", byValue);
        scoring.put("attributeBands", byBand);
        scoring.put("behaviourPoints", Map.of());
        scoring.put("timeOnSiteMaxPoints", 0);
        JsonNode tree = JSON.valueToTree(Map.of("scoring", scoring));
        return Settings.builder().merge(tree, "calibration").build();
    }

    /** One column: its values or bands with their leads, weights and points. */
    private final class Fitted {
        final Feature feature;
        final QuantileBands bands;
        /** Per value (lower case) or band (its index as text): the feature's index in the regression. */
        final Map<String, Integer> index = new LinkedHashMap<>();
        /** The values or bands, in table order: name as shown, leads, converted. */
        final List<Evidence.Bucket> buckets = new ArrayList<>();
        final Evidence.Bucket pool;
        final Map<String, Integer> points = new LinkedHashMap<>();
        final Map<String, Double> weights = new HashMap<>();

        Fitted(Feature feature, List<Row> rows, boolean[] y, int offset) {
            this.feature = feature;
            List<String> values = new ArrayList<>(rows.size());
            if (feature.isNumber()) {
                double[] seen = rows.stream().map(r -> r.numbers().get(feature.table())).filter(Objects::nonNull)
                        .mapToDouble(Double::doubleValue).toArray();
                bands = !feature.bands().isEmpty() ? QuantileBands.at(feature.bands())
                        : QuantileBands.of(seen, feature.quantiles() > 0 ? feature.quantiles()
                        : LeadCalibration.this.bands, minRows);
                rows.forEach(r -> {
                    int b = bands.bandOf(r.numbers().get(feature.table()));
                    values.add(b < 0 ? null : Integer.toString(b));
                });
            } else {
                bands = null;
                rows.forEach(r -> values.add(r.texts().get(feature.table())));
            }
            Evidence e = Evidence.of(values, y, minRows, 1.0);
            pool = e.pool();
            List<Evidence.Bucket> kept = new ArrayList<>(e.kept());
            if (bands != null) { // every band, in order; one with too few leads earns nothing
                Map<String, Evidence.Bucket> byBand = new HashMap<>();
                kept.forEach(b -> byBand.put(b.name(), b));
                kept.clear();
                for (int b = 0; b < bands.size(); b++) {
                    String name = Integer.toString(b);
                    Evidence.Bucket found = byBand.get(name);
                    kept.add(found != null ? found : count(name, values, y));
                }
            }
            for (Evidence.Bucket b : kept) {
                buckets.add(b);
                if (b.rows() >= minRows) {
                    index.put(b.name().toLowerCase(Locale.ROOT), offset + index.size());
                }
            }
        }

        private Evidence.Bucket count(String name, List<String> values, boolean[] y) {
            int r = 0;
            int c = 0;
            for (int i = 0; i < y.length; i++) {
                if (name.equals(values.get(i))) {
                    r++;
                    c += y[i] ? 1 : 0;
                }
            }
            return new Evidence.Bucket(name, r, c, 0);
        }

        int size() {
            return index.size();
        }

        /** @return the lead's feature index in this column, or -1 (missing, rare, unseen) */
        int indexOf(Row row) {
            String key;
            if (bands != null) {
                int b = bands.bandOf(row.numbers().get(feature.table()));
                key = b < 0 ? null : Integer.toString(b);
            } else {
                String v = row.texts().get(feature.table());
                key = v == null ? null : v.toLowerCase(Locale.ROOT);
            }
            Integer j = key == null ? null : index.get(key);
            return j == null ? -1 : j;
        }

        void points(double[] beta, double factor) {
            for (Evidence.Bucket b : buckets) {
                Integer j = index.get(b.name().toLowerCase(Locale.ROOT));
                double w = j == null ? 0 : beta[j + 1];
                weights.put(b.name(), w);
                points.put(b.name(), clamp((int) Math.round(factor * w), -ScoringSettings.MAX_SCORE,
                        ScoringSettings.MAX_SCORE));
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

    /** The scorecard: settings to run with, and an editable YAML file with the leads behind each entry. */
    public static final class Weights {
        private final Settings settings;
        private final List<Fitted> columns;
        private final double[] beta;
        private final double factor;
        private final double intercept;
        private final int base;
        private final int leads;
        private final int converted;
        private final int minRows;
        private final double ridge;

        private Weights(Settings settings, List<Fitted> columns, double[] beta, double factor, int base, int leads,
                        int converted, int minRows, double ridge) {
            this.settings = settings;
            this.columns = List.copyOf(columns);
            this.beta = beta;
            this.factor = factor;
            this.intercept = beta[0];
            this.base = base;
            this.leads = leads;
            this.converted = converted;
            this.minRows = minRows;
            this.ridge = ridge;
        }

        /** @return the defaults with the calibrated scoring settings */
        public Settings settings() {
            return settings;
        }

        /** @return the calibrated scoring settings */
        public ScoringSettings scoring() {
            return settings.scoring();
        }

        /** @return points per unit of log-odds: a weight times this, rounded, are its points */
        public double pointsPerLogOdds() {
            return factor;
        }

        /**
         * The chance of converting the regression gives a lead of this score: the logistic of {@code intercept +
         * (score - basePoints) / pointsPerLogOdds}.
         *
         * @param score a score 0-100, as the engine gives it
         * @return the predicted chance, 0-1
         */
        public double chanceAt(int score) {
            return 1 / (1 + Math.exp(-(intercept + (score - base) / factor)));
        }

        /**
         * @param lead a lead
         * @return the log-odds of converting the regression gives it before its weights are rounded to points
         */
        public double logOdds(Row lead) {
            double eta = beta[0];
            for (Fitted f : columns) {
                int j = f.indexOf(lead);
                eta += j < 0 ? 0 : beta[j + 1];
            }
            return eta;
        }

        /**
         * @param column a column of the table, e.g. {@code Last Activity}
         * @param value  one of its values (a category's as shown) or a band's index
         * @return the weight in log-odds the regression gave it (0 for the reference: missing or rare)
         * @throws IllegalArgumentException if the column is not scored
         */
        public double weightOf(String column, String value) {
            for (Fitted f : columns) {
                if (f.feature.column().equals(column)) {
                    return f.weights.getOrDefault(value, 0.0);
                }
            }
            throw new IllegalArgumentException("no column '" + column + "' is scored; the columns are "
                    + columns.stream().map(f -> f.feature.column()).toList());
        }

        /**
         * The settings file: a {@code scoring:} key with the calibrated values, each table entry with the leads and
         * the conversion rate behind it as a comment, for a sales manager to read and edit. {@code
         * SettingsFiles.load} reads it back to {@link #settings()}.
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
            for (String t : PROFILE_TABLES) {
                Fitted f = columns.stream().filter(c -> c.feature.table().equals(t)).findFirst().orElse(null);
                if (f == null) {
                    y.line(1, t + ": {}", "not in the lead table: off");
                } else {
                    table(y, 1, t, f);
                }
            }
            y.line(1, "companySizePoints: []", "not in the lead table: off");
            y.line(1, "attributePoints:" + (s.attributePoints().isEmpty() ? " {}" : ""), "the lead's own attributes");
            for (Fitted f : columns) {
                if (!f.feature.isNumber() && f.feature.attribute() != null) {
                    table(y, 2, f.feature.attribute(), f);
                }
            }
            y.line(1, "attributeBands:" + (s.attributeBands().isEmpty() ? " {}" : ""),
                    "numbers: the band with the largest 'from' at or below the number counts");
            for (Fitted f : columns) {
                if (f.feature.isNumber()) {
                    table(y, 2, f.feature.attribute(), f);
                }
            }
            y.line(1, "behaviourPoints: {}", "off: the totals above already weigh the visits; points per "
                    + "interaction would count them twice");
            y.line(1, "timeOnSiteMaxPoints: 0", "off, for the same reason");
            return y.toString();
        }

        private void table(YamlText y, int indent, String key, Fitted f) {
            Evidence.Bucket pool = f.pool;
            String none = pool.rows() == 0 ? null : String.format(Locale.ROOT, "%s: %s, %s converted, 0 points",
                    f.bands != null ? "no number" : "missing or rare (fewer than " + minRows + " leads)",
                    leadCount(pool.rows()), pct(pool.rate()));
            if (f.points.isEmpty()) {
                y.comment(indent, key + " (" + f.feature.column() + ") left out: no value is seen in " + minRows
                        + " leads or more");
                return;
            }
            y.line(indent, (key.matches("[\\p{L}\\p{N}_]+") ? key : YamlText.key(key)) + ":", f.feature.column());
            if (f.bands == null) {
                for (Evidence.Bucket b : f.buckets) {
                    y.line(indent + 1, YamlText.key(b.name()) + ": " + f.points.get(b.name()),
                            String.format(Locale.ROOT, "%s, %s converted", leadCount(b.rows()), pct(b.rate())));
                }
            } else {
                double[] from = f.bands.from();
                for (Evidence.Bucket b : f.buckets) {
                    int i = Integer.parseInt(b.name());
                    String range = i + 1 < from.length ? YamlText.number(from[i]) + " to below "
                            + YamlText.number(from[i + 1]) : YamlText.number(from[i]) + " and more";
                    y.line(indent + 1, "- {from: " + YamlText.number(from[i]) + ", points: " + f.points.get(b.name())
                            + "}", String.format(Locale.ROOT, "%s: %s, %s converted", range, leadCount(b.rows()),
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

    private static String leadCount(int n) {
        return String.format(Locale.ROOT, "%,d %s", n, n == 1 ? "lead" : "leads");
    }

    static String pct(double share) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * share).replace(".0 %", " %");
    }

    /**
     * The calibration and its proof.
     *
     * @param table      all the leads
     * @param train      the leads calibrated on
     * @param test       the leads measured on
     * @param weights    the scorecard
     * @param calibrated the test leads through the engine with the calibrated settings
     * @param defaults   the same leads with the default settings, for comparison
     * @param seed       the seed of the split
     * @param trainShare the share calibrated on
     */
    public record Result(LeadTable table, LeadTable train, LeadTable test, Weights weights,
                         LeadQuality.Report calibrated, LeadQuality.Report defaults, long seed, double trainShare) {

        /** @return the settings file, with a header saying how it was made and how well it did */
        public String toYaml() {
            LeadQuality.Report q = calibrated;
            return weights.toYaml(List.of(
                    "Lead scorecard calibrated from past leads by `custflow calibrate` (docs/lead-scoring.md).",
                    String.format(Locale.ROOT, "Source: %s, %,d leads. Calibrated on %,d of them (%s, seed %d); "
                                    + "measured through the engine", table.source(), table.rows().size(),
                            train.rows().size(), pct(trainShare), seed),
                    String.format(Locale.ROOT, "on the other %,d: AUC %.3f, Brier %.3f; the top 20 %% by score "
                                    + "converted %s against a base rate of %s (lift %.2f).", test.rows().size(),
                            q.auc(), q.brier(), pct(q.topRate()), pct(q.baseRate()), q.lift()),
                    "",
                    "How: every value of a column seen in " + weights.minRows + " leads or more, and every band of a "
                            + "number, is a yes/no feature;",
                    "rarer and missing values earn no points. A logistic regression (L2 penalty " + YamlText.number(
                            weights.ridge) + ") weighs the features",
                    String.format(Locale.ROOT, "against each other, and points = weight x %.2f, rounded (%.2f "
                            + "points per unit of log-odds).", weights.factor, weights.factor),
                    String.format(Locale.ROOT, "A score s means a chance of 1 / (1 + exp(-(%.3f + (s - %d) / %.2f)))"
                            + " to convert;", weights.intercept, weights.base, weights.factor),
                    "grades and the MQL threshold are the scores at which that chance is 80 / 50 / 20 %.",
                    "",
                    "Edit freely: every number is a setting (docs/rules.md). Use the file with `--settings FILE`, or as",
                    "settings.yaml in a rules folder; keys left out keep their defaults."));
        }

        /** @return the figures, for the command line */
        public String toText() {
            StringBuilder b = new StringBuilder();
            b.append(String.format(Locale.ROOT, "Calibrated a lead scorecard on %,d of %,d leads in %s (%s, seed %d); "
                            + "measured through the engine on the other %,d.%n", train.rows().size(),
                    table.rows().size(), table.source(), pct(trainShare), seed, test.rows().size()));
            if (!table.unusedColumns().isEmpty()) {
                b.append("Columns not used (neither mapped nor in leaveOut): ")
                        .append(String.join(", ", table.unusedColumns())).append('\n');
            }
            b.append('\n').append(calibrated.toText());
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
        private double ridge = DEFAULT_RIDGE;
        private RunProgress progress = RunProgress.none();

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
         * @param rows values seen in fewer leads than this are pooled with the missing ones (default 20), at least 1
         * @return this
         * @throws IllegalArgumentException if below 1
         */
        public Builder minRows(int rows) {
            this.minRows = Bounds.atLeast("minRows", rows, 1);
            return this;
        }

        /**
         * @param count quantile bands per number whose mapping gives none (default 10), at least 1
         * @return this
         * @throws IllegalArgumentException if below 1
         */
        public Builder bands(int count) {
            this.bands = Bounds.atLeast("bands", count, 1);
            return this;
        }

        /**
         * @param penalty the L2 penalty on the weights (default 1), above 0: larger keeps small groups' points nearer
         *                0
         * @return this
         * @throws IllegalArgumentException if not above 0
         */
        public Builder ridge(double penalty) {
            if (!(penalty > 0) || Double.isInfinite(penalty)) {
                throw new IllegalArgumentException("the ridge must be above 0 (e.g. 1), got " + penalty);
            }
            this.ridge = penalty;
            return this;
        }

        /**
         * @param to told of the events replayed through the engine (the kept-apart leads, twice), after each batch
         * @return this
         */
        public Builder progress(RunProgress to) {
            this.progress = Objects.requireNonNull(to, "to");
            return this;
        }

        /** @return the calibration */
        public LeadCalibration build() {
            return new LeadCalibration(this);
        }
    }
}
