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
        StringBuilder sb = breakdown();
        if (previousGrade != null) {
            sb.append(" (was ").append(previousScore).append(", grade ").append(previousGrade).append(')');
        }
        return sb.toString();
    }

    /**
     * @return what changed since sales last heard of the lead's score, then where the points come from, e.g.
     *         {@code grade B → A, score 62 → 81 (+19), reported 15 days ago: fit 35 (...) + behaviour 46 (...) =
     *         81, grade A}; for a lead never reported {@code first score: fit ...}
     */
    public String getReportReason() {
        String was = customer.getReportedGrade();
        if (was == null) {
            return "first score: " + breakdown();
        }
        int before = customer.getReportedScore();
        String move = "score " + before + " → " + score + " (" + (score >= before ? "+" : "") + (score - before) + ")";
        StringBuilder sb = new StringBuilder(was.equals(grade) ? move + ", still grade " + grade
                : "grade " + was + " → " + grade + ", " + move);
        Instant at = customer.getScoreReportedAt();
        if (at != null) {
            long days = Math.floorDiv(customer.getNowMillis() - at.toEpochMilli(), 86_400_000L);
            sb.append(", reported ").append(days == 0 ? "earlier today" : days == 1 ? "1 day ago" : days + " days ago");
        }
        return sb.append(": ").append(breakdown()).toString();
    }

    private StringBuilder breakdown() {
        StringBuilder sb = new StringBuilder("fit ").append(fit);
        StringBuilder parts = new StringBuilder();
        part(parts, "base", settings.basePoints());
        part(parts, "region " + customer.getRegion(), regionPoints);
        part(parts, "industry " + customer.getIndustry(), industryPoints);
        part(parts, "size " + customer.getCompanySize(), sizePoints);
        part(parts, "title " + titleKeyword, titlePoints);
        part(parts, "channel " + customer.getChannel(), channelPoints);
        for (int i = 0; i < attributeParts.size(); i++) {
            part(parts, attributeParts.get(i), attributePartPoints.get(i));
        }
        if (parts.length() > 0) {
            sb.append(" (").append(parts).append(')');
        }
        sb.append(" + behaviour ").append(behaviour);
        Map<String, Integer> tally = customer.getBehaviourTally();
        if (!tally.isEmpty()) {
            StringBuilder t = new StringBuilder();
            tally.forEach((what, n) -> t.append(t.length() == 0 ? "" : ", ").append(what).append(" ×").append(n));
            int raw = customer.behaviourPoints(settings.halfLifeDays());
            if (raw > settings.maxBehaviour()) {
                t.append("; ").append(raw).append(", counted up to ").append(settings.maxBehaviour());
            }
            Instant last = customer.getLastBehaviourAt();
            long idleDays = Math.floorDiv(customer.getNowMillis() - last.toEpochMilli(), 86_400_000L);
            if (idleDays >= 1) {
                t.append("; last engaged ").append(idleDays).append(idleDays == 1 ? " day" : " days")
                        .append(" ago, points halve every ").append(settings.halfLifeDays()).append(" days");
            }
            sb.append(" (").append(t).append(')');
        }
        sb.append(" = ").append(score);
        if (fit + behaviour > ScoringSettings.MAX_SCORE || fit + behaviour < 0) {
            sb.append(" (capped to 0-").append(ScoringSettings.MAX_SCORE).append(')');
        }
        return sb.append(", grade ").append(grade);
    }

    private static void part(StringBuilder sb, String what, int points) {
        if (points != 0) {
            sb.append(sb.length() == 0 ? "" : ", ").append(what).append(points > 0 ? " +" : " ").append(points);
        }
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
