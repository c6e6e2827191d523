package dev.custflow.examples;

import dev.custflow.BatchResult;
import dev.custflow.Custflow;
import dev.custflow.Engine;
import dev.custflow.event.Event;
import dev.custflow.examples.internal.RankQuality;
import dev.custflow.model.CustomerProfile;
import dev.custflow.settings.Settings;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntToDoubleFunction;
import java.util.stream.Stream;

/**
 * How well the engine's lead scores pick the leads that convert: runs leads with a known outcome
 * through a real engine (every built-in pack, the given settings), takes each lead's score when
 * all its events are in (the engine's customer view), and compares it with the outcome. AUC is
 * the chance that a converted lead scores above one that did not (ties half); the top 20 % rate is
 * the share that converted among the best-scored fifth, and lift that rate over the base rate. Given
 * what a score means as a chance of converting (a calibrated scorecard's), also the Brier score (the
 * mean squared gap between that chance and the outcome) and, per grade, the predicted conversion
 * beside the actual one.
 */
public final class LeadQuality {
    /** The share of leads at the top whose conversion rate is reported. */
    public static final double TOP_SHARE = 0.2;

    private LeadQuality() {
    }

    /**
     * The leads of one grade.
     *
     * @param grade     A, B, C, D, or "-" for leads the engine did not score
     * @param leads     leads with that grade at the end
     * @param converted of those, how many converted
     * @param predicted the mean chance of converting their scores predict, or NaN without a prediction
     */
    public record Grade(String grade, int leads, int converted, double predicted) {
        /** @return converted / leads */
        public double rate() {
            return leads == 0 ? 0 : (double) converted / leads;
        }
    }

    /**
     * The measurement.
     *
     * @param description what was measured (the leads and their share)
     * @param leads       leads fed to the engine
     * @param converted   of those, how many converted
     * @param scored      leads the engine scored (LEAD_SCORED at least once)
     * @param rejected    events the engine rejected (0 expected)
     * @param auc         the area under the ROC curve of the final scores
     * @param topRate     the conversion rate of the top {@link #TOP_SHARE} by score
     * @param brier       the mean of (predicted chance - outcome)², or NaN without a prediction
     * @param grades      leads and conversions per grade, A to D
     */
    public record Report(String description, int leads, int converted, int scored, long rejected, double auc,
                         double topRate, double brier, List<Grade> grades) {
        /** Copies the grades. */
        public Report {
            grades = List.copyOf(grades);
        }

        /** @return the share of leads that converted */
        public double baseRate() {
            return leads == 0 ? 0 : (double) converted / leads;
        }

        /** @return the top 20 % rate over the base rate */
        public double lift() {
            return baseRate() == 0 ? 0 : topRate / baseRate();
        }

        /** @return the figures as a short text block */
        public String toText() {
            StringBuilder b = new StringBuilder();
            b.append(String.format(Locale.ROOT, "Lead scores against who converted: %s%n", description));
            b.append(String.format(Locale.ROOT, "  leads             %,d, of which %,d converted: base rate %.1f %%%n",
                    leads, converted, 100 * baseRate()));
            b.append(String.format(Locale.ROOT, "  AUC               %.3f  (0.5 is chance; 1 ranks every converted "
                    + "lead first)%n", auc));
            b.append(String.format(Locale.ROOT, "  top 20 %% by score %.1f %% converted: lift %.2f over the base "
                    + "rate%n", 100 * topRate, lift()));
            if (!Double.isNaN(brier)) {
                b.append(String.format(Locale.ROOT, "  Brier             %.3f  (mean squared gap between the predicted "
                        + "chance and the outcome; 0 is perfect)%n", brier));
            }
            b.append(String.format(Locale.ROOT, "  scored            %,d of %,d leads; %,d events rejected%n", scored,
                    leads, rejected));
            boolean predicted = !Double.isNaN(brier);
            b.append("  grade       leads  converted  actual").append(predicted ? "  predicted" : "").append('\n');
            for (Grade g : grades) {
                b.append(String.format(Locale.ROOT, "    %-5s  %,8d  %,9d  %5.1f %%", g.grade(), g.leads(),
                        g.converted(), 100 * g.rate()));
                if (predicted && g.leads() > 0) {
                    b.append(String.format(Locale.ROOT, "    %5.1f %%", 100 * g.predicted()));
                }
                b.append('\n');
            }
            return b.toString();
        }
    }

    /**
     * @param leads    the leads, with their outcome
     * @param settings the settings the engine runs with
     * @return the figures
     * @throws dev.custflow.RuleCompilationException if the rules do not compile
     */
    public static Report measure(LeadHistory leads, Settings settings) {
        return measure(LeadTable.of(Objects.requireNonNull(leads, "leads")), settings, null);
    }

    /**
     * {@link #measure(LeadHistory, Settings)}, telling {@code progress} of the events replayed.
     *
     * @param leads    the leads, with their outcome
     * @param settings the settings the engine runs with
     * @param progress told after each batch of events
     * @return the figures
     * @throws dev.custflow.RuleCompilationException if the rules do not compile
     */
    public static Report measure(LeadHistory leads, Settings settings, RunProgress progress) {
        LeadTable table = LeadTable.of(Objects.requireNonNull(leads, "leads"));
        long events;
        try (Stream<Event> s = table.events()) {
            events = s.count();
        }
        dev.custflow.examples.internal.ProgressCount fed = new dev.custflow.examples.internal.ProgressCount(
                Objects.requireNonNull(progress, "progress"), events);
        Report r = measureCounting(table, settings, null, fed);
        fed.finish();
        return r;
    }

    /**
     * @param leads    the leads, with their outcome
     * @param settings the settings the engine runs with
     * @param chance   what a score means as a chance of converting, or null when it means none
     * @return the figures
     * @throws dev.custflow.RuleCompilationException if the rules do not compile
     */
    public static Report measure(LeadTable leads, Settings settings, IntToDoubleFunction chance) {
        return measureCounting(leads, settings, chance, n -> {
        });
    }

    /** {@link #measure}, telling {@code fed} of the events replayed after each batch. */
    static Report measureCounting(LeadTable leads, Settings settings, IntToDoubleFunction chance,
                                  java.util.function.LongConsumer fed) {
        Objects.requireNonNull(leads, "leads");
        Objects.requireNonNull(settings, "settings");
        List<LeadTable.Row> all = leads.rows();
        double[] scores = new double[all.size()];
        boolean[] converted = new boolean[all.size()];
        Map<String, double[]> grades = new LinkedHashMap<>(); // leads, converted, sum of predicted chances
        for (String g : List.of("A", "B", "C", "D", "-")) {
            grades.put(g, new double[3]);
        }
        double[] chances = new double[all.size()];
        int scored = 0;
        long rejected = 0;
        try (Engine engine = Custflow.builder().settings(settings).build();
             Stream<Event> events = leads.events()) {
            List<Event> batch = new ArrayList<>(2_000);
            for (Iterator<Event> it = events.iterator(); it.hasNext(); ) {
                batch.add(it.next());
                if (batch.size() == 2_000 || !it.hasNext()) {
                    BatchResult r = engine.acceptAll(batch);
                    fed.accept(batch.size());
                    rejected += r.rejections().size();
                    batch.clear();
                }
            }
            for (int i = 0; i < all.size(); i++) {
                LeadTable.Row lead = all.get(i);
                CustomerProfile c = engine.customer(lead.id()).orElse(null);
                String grade = c == null || c.grade() == null ? "-" : c.grade();
                scored += grade.equals("-") ? 0 : 1;
                scores[i] = c == null ? 0 : c.score();
                converted[i] = lead.converted();
                double p = chance == null ? Double.NaN : chance.applyAsDouble((int) scores[i]);
                chances[i] = p;
                double[] g = grades.get(grade);
                g[0]++;
                g[1] += lead.converted() ? 1 : 0;
                g[2] += p;
            }
        }
        List<Grade> table = new ArrayList<>();
        grades.forEach((g, n) -> {
            if (!g.equals("-") || n[0] > 0) {
                table.add(new Grade(g, (int) n[0], (int) n[1], n[0] == 0 ? Double.NaN : n[2] / n[0]));
            }
        });
        int positives = 0;
        for (boolean b : converted) {
            positives += b ? 1 : 0;
        }
        return new Report(leads.description(), all.size(), positives, scored, rejected,
                RankQuality.auc(scores, converted), RankQuality.topRate(scores, converted, TOP_SHARE),
                chance == null ? Double.NaN : RankQuality.brier(chances, converted), table);
    }
}
