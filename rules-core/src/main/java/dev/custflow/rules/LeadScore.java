package dev.custflow.rules;

import dev.custflow.model.Customer;
import dev.custflow.settings.ScoringSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A lead's score as the scoring settings give it at the engine's clock: fit points from the profile
 * tables, behaviour points from engagement (decayed), their sum capped to 0..100, and the grade. The
 * scoring pack compares it with the customer's current score and grade; rule authors may use it too:
 *
 * <pre>{@code
 * $s : LeadScore( score != $c.score ) from LeadScore.of($c, settings.scoring)
 * }</pre>
 *
 * <p>Fit: {@code basePoints}, the region, industry and channel tables (ignoring case), the company-size
 * band with the largest {@code from} at or below the number of employees, the longest title keyword
 * found in the job title (Latin keywords as whole words, so "CTO" is not found in "Director"), and the
 * host attributes named in {@code attributePoints} (by value, ignoring case) and {@code attributeBands}
 * (the band with the largest {@code from} at or below the attribute's number). Behaviour: the
 * customer's running total at {@code settings.scoring.halfLifeDays}, at most {@code maxBehaviour}.
 */
public final class LeadScore {
    private final Customer customer;
    private final ScoringSettings settings;
    private final int regionPoints;
    private final int industryPoints;
    private final int sizePoints;
    private final String titleKeyword;
    private final int titlePoints;
    private final int channelPoints;
    /** The attributes that earned points, in table order: "name value", points. */
    private final List<String> attributeParts;
    private final List<Integer> attributePartPoints;
    private final int fit;
    private final int behaviour;
    private final int score;
    private final String grade;
    private final int previousScore;
    private final String previousGrade;

    private LeadScore(Customer c, ScoringSettings s) {
        this.customer = c;
        this.settings = s;
        this.regionPoints = lookup(s.regionPoints(), c.getRegion());
        this.industryPoints = lookup(s.industryPoints(), c.getIndustry());
        this.channelPoints = lookup(s.channelPoints(), c.getChannel());
        int size = 0;
        if (c.getCompanySize() >= 0) {
            for (ScoringSettings.SizeBand b : s.companySizePoints()) { // ascending by from
                if (c.getCompanySize() >= b.from()) {
                    size = b.points();
                }
            }
        }
        this.sizePoints = size;
        this.titleKeyword = keyword(s.titlePoints(), c.getTitle());
        this.titlePoints = titleKeyword == null ? 0 : s.titlePoints().get(titleKeyword);
        this.attributeParts = new ArrayList<>();
        this.attributePartPoints = new ArrayList<>();
        int attributes = 0;
        for (Map.Entry<String, Map<String, Integer>> e : s.attributePoints().entrySet()) {
            String value = attribute(c, e.getKey());
            int p = lookup(e.getValue(), value);
            if (p != 0) {
                attributeParts.add(e.getKey() + " " + value);
                attributePartPoints.add(p);
                attributes += p;
            }
        }
        for (Map.Entry<String, List<ScoringSettings.AttributeBand>> e : s.attributeBands().entrySet()) {
            String value = attribute(c, e.getKey());
            int p = band(e.getValue(), value);
            if (p != 0) {
                attributeParts.add(e.getKey() + " " + value);
                attributePartPoints.add(p);
                attributes += p;
            }
        }
        this.fit = s.basePoints() + regionPoints + industryPoints + sizePoints + titlePoints + channelPoints
                + attributes;
        this.behaviour = Math.min(s.maxBehaviour(), c.behaviourPoints(s.halfLifeDays()));
        this.score = Math.max(0, Math.min(ScoringSettings.MAX_SCORE, fit + behaviour));
        this.grade = s.gradeFor(score);
        this.previousScore = c.getScore();
        this.previousGrade = c.getGrade();
    }

    /**
     * @param customer a customer
     * @param settings the scoring settings
     * @return its score at the engine's clock
     */
    public static LeadScore of(Customer customer, ScoringSettings settings) {
        return new LeadScore(Objects.requireNonNull(customer, "customer"), Objects.requireNonNull(settings, "settings"));
    }

    /** @return fit points from the profile (negative when, say, the title is a student's) */
    public int getFit() {
        return fit;
    }

    /** @return behaviour points that count: decayed, at most {@code maxBehaviour} */
    public int getBehaviour() {
        return behaviour;
    }

    /** @return fit + behaviour, capped to 0..100 */
    public int getScore() {
        return score;
    }

    /** @return the grade of the score: A, B, C or D */
    public String getGrade() {
        return grade;
    }

    /** @return true if score or grade differ from the customer's current ones (or it was never scored) */
    public boolean isChanged() {
        return score != previousScore || !grade.equals(previousGrade);
    }

    /**
     * @return the next instant at which decay alone takes the score below a boundary it is at or above
     *         now (its grade's floor or the MQL threshold), or null when no boundary can be crossed
     */
    public Instant getNextDropAt() {
        int boundary = settings.gradeFloor(grade);
        if (score >= settings.mqlThreshold()) {
            boundary = Math.max(boundary, settings.mqlThreshold());
        }
        if (boundary <= 0) {
            return null; // D: nothing lower to fall to
        }
        // below the boundary means fit + behaviour <= boundary - 1; behaviour under the cap is what decays
        return customer.behaviourFallsToAt(boundary - 1 - fit, settings.halfLifeDays());
    }

    /**
     * @return the sentence for a sales manager, e.g. {@code fit 35 (region 华东 +10, industry 制造业 +15,
     *         size 150 +10) + behaviour 18 (page view ×3, form submitted ×1) = 53, grade B (was 35, grade C)}
     */
    public String getReason() {
        return getReason(Reasons.of(Locale.ENGLISH));
    }

    /**
     * @param reasons the templates of the locale to write in (global {@code reasons}; keys {@code score.*})
     * @return {@link #getReason()} in that locale
     */
    public String getReason(Reasons reasons) {
        String b = breakdown(reasons);
        return previousGrade == null ? b : reasons.say("score.was", b, previousScore, previousGrade);
    }

    /**
     * @return what changed since sales last heard of the lead's score, then where the points come from, e.g.
     *         {@code grade B → A, score 62 → 81 (+19), reported 15 days ago: fit 35 (...) + behaviour 46 (...) =
     *         81, grade A}; for a lead never reported {@code first score: fit ...}
     */
    public String getReportReason() {
        return getReportReason(Reasons.of(Locale.ENGLISH));
    }

    /**
     * @param reasons the templates of the locale to write in (global {@code reasons}; keys {@code score.*})
     * @return {@link #getReportReason()} in that locale
     */
    public String getReportReason(Reasons reasons) {
        String was = customer.getReportedGrade();
        if (was == null) {
            return reasons.say("score.report.first", breakdown(reasons));
        }
        int before = customer.getReportedScore();
        String move = reasons.say("score.report.move", before, score, signed(score - before));
        String change = was.equals(grade) ? reasons.say("score.report.sameGrade", move, grade)
                : reasons.say("score.report.newGrade", was, grade, move);
        Instant at = customer.getScoreReportedAt();
        if (at != null) {
            long days = Math.floorDiv(customer.getNowMillis() - at.toEpochMilli(), 86_400_000L);
            change += days == 0 ? reasons.say("score.report.today") : reasons.say("score.report.daysAgo", days);
        }
        return reasons.say("score.report", change, breakdown(reasons));
    }

    private String breakdown(Reasons reasons) {
        String parts = null;
        parts = part(reasons, parts, reasons.say("score.part.base"), settings.basePoints());
        parts = part(reasons, parts, reasons.say("score.part.region", customer.getRegion()), regionPoints);
        parts = part(reasons, parts, reasons.say("score.part.industry", customer.getIndustry()), industryPoints);
        parts = part(reasons, parts, reasons.say("score.part.size", String.valueOf(customer.getCompanySize())),
                sizePoints);
        parts = part(reasons, parts, reasons.say("score.part.title", titleKeyword), titlePoints);
        parts = part(reasons, parts, reasons.say("score.part.channel", customer.getChannel()), channelPoints);
        for (int i = 0; i < attributeParts.size(); i++) {
            parts = part(reasons, parts, attributeParts.get(i), attributePartPoints.get(i)); // the host's own words
        }
        String fitText = parts == null ? reasons.say("score.fit", fit) : reasons.say("score.fitParts", fit, parts);
        Map<String, Integer> tally = customer.getBehaviourTally();
        String behaviourText = reasons.say("score.behaviour", behaviour);
        if (!tally.isEmpty()) {
            String t = null;
            for (Map.Entry<String, Integer> e : tally.entrySet()) {
                String what = reasons.say("score.tally", behaviourName(reasons, e.getKey()), e.getValue());
                t = t == null ? what : reasons.say("score.list", t, what);
            }
            int raw = customer.behaviourPoints(settings.halfLifeDays());
            if (raw > settings.maxBehaviour()) {
                t += reasons.say("score.capped", raw, settings.maxBehaviour());
            }
            Instant last = customer.getLastBehaviourAt();
            long idleDays = Math.floorDiv(customer.getNowMillis() - last.toEpochMilli(), 86_400_000L);
            if (idleDays >= 1) {
                t += reasons.say("score.idle", idleDays, settings.halfLifeDays());
            }
            behaviourText = reasons.say("score.behaviourParts", behaviour, t);
        }
        String total = reasons.say("score.total", fitText, behaviourText, score);
        if (fit + behaviour > ScoringSettings.MAX_SCORE || fit + behaviour < 0) {
            total += reasons.say("score.clamped", ScoringSettings.MAX_SCORE);
        }
        return reasons.say("score.grade", total, grade);
    }

    /** What earned behaviour points, in the locale when it is one of the engine's own (score.what.*). */
    private static String behaviourName(Reasons reasons, String what) {
        String key = "score.what." + what.replace(' ', '_');
        return reasons instanceof ReasonTemplates t && t.pattern(key) != null ? reasons.say(key) : what;
    }

    private static String signed(int n) {
        return (n >= 0 ? "+" : "") + n;
    }

    private static String part(Reasons reasons, String parts, String what, int points) {
        if (points == 0) {
            return parts;
        }
        String one = reasons.say("score.part", what, signed(points));
        return parts == null ? one : reasons.say("score.list", parts, one);
    }

    private static int lookup(Map<String, Integer> table, String value) {
        if (value == null) {
            return 0;
        }
        Integer exact = table.get(value);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, Integer> e : table.entrySet()) { // sorted keys: the same winner every time
            if (e.getKey().equalsIgnoreCase(value)) {
                return e.getValue();
            }
        }
        return 0;
    }

    /** A host attribute by name: the exact name first, else the first name equal ignoring case (in the host's order). */
    private static String attribute(Customer c, String name) {
        String exact = c.attribute(name);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, String> e : c.getAttributes().entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** The points of the band with the largest {@code from} at or below the number; 0 for no number. */
    private static int band(List<ScoringSettings.AttributeBand> bands, String value) {
        if (value == null) {
            return 0;
        }
        double x;
        try {
            x = Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
        int points = 0;
        for (ScoringSettings.AttributeBand b : bands) { // ascending by from
            if (x >= b.from()) {
                points = b.points();
            }
        }
        return points;
    }

    /** The longest keyword of the table found in the title; ties go to more points, then to the first name. */
    private static String keyword(Map<String, Integer> table, String title) {
        if (title == null) {
            return null;
        }
        String t = title.toLowerCase(Locale.ROOT);
        String best = null;
        for (Map.Entry<String, Integer> e : table.entrySet()) {
            String k = e.getKey();
            if (!contains(t, k.toLowerCase(Locale.ROOT))) {
                continue;
            }
            if (best == null || k.length() > best.length()
                    || k.length() == best.length() && e.getValue() > table.get(best)) {
                best = k;
            }
        }
        return best;
    }

    /** Finds a keyword; one that starts or ends with a Latin letter or digit must not touch another one there. */
    private static boolean contains(String title, String keyword) {
        for (int i = title.indexOf(keyword); i >= 0; i = title.indexOf(keyword, i + 1)) {
            int end = i + keyword.length();
            boolean startOk = !latin(keyword.charAt(0)) || i == 0 || !latin(title.charAt(i - 1));
            boolean endOk = !latin(keyword.charAt(keyword.length() - 1)) || end == title.length()
                    || !latin(title.charAt(end));
            if (startOk && endOk) {
                return true;
            }
        }
        return false;
    }

    private static boolean latin(char ch) {
        return ch < 128 && Character.isLetterOrDigit(ch);
    }

    @Override
    public String toString() {
        return "LeadScore{" + customer.getId() + ": fit " + fit + " + behaviour " + behaviour + " = " + score
                + ", grade " + grade + "}";
    }
}
