package dev.custflow.settings;

import dev.custflow.text.Suggest;
import dev.custflow.model.InteractionKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Lead qualification and scoring (docs/design/rules-catalog.md §3): the fit tables, the behaviour points and
 * their half-life, the grade bands and the MQL threshold. Scores run from 0 to 100.
 *
 * <p>A table given in a settings file replaces the default table; a dotted key that names one
 * entry ({@code scoring.regionPoints.华东}) changes that entry and keeps the others. Lookups of
 * region, industry and channel ignore case; an entry worth 0 is the same as no entry.
 *
 * <p>Fit can also come from the host's own attributes (the free {@code attributes} map of
 * {@code LeadCaptured} and {@code ProfileUpdated}): {@code attributePoints} gives points per value
 * of a text attribute ({@code leadSource: {Reference: 25}}), {@code attributeBands} points per band
 * of a numeric one ({@code timeOnSiteSeconds: [{from: 600, points: 20}]}). Attribute names and
 * values ignore case. Tables calibrated from history (log-odds, which are negative for values that
 * convert worse than average) start every lead at {@code basePoints}.
 *
 * @param mqlThreshold              the score from which a lead is marketing-qualified (default 50)
 * @param gradeA                    the score from which a lead is graded A (default 80) ...
 * @param gradeB                    ... B (default 50) ...
 * @param gradeC                    ... C (default 25); below it D
 * @param halfLifeDays              behaviour points lose half their value in this many days (default 30)
 * @param maxBehaviour              at most this many behaviour points count towards the score (default 60), so
 *                                  engagement alone reaches B but not A
 * @param basePoints                fit points every lead starts with (default 0), -100..100: the start from which
 *                                  tables with negative entries add and subtract
 * @param regionPoints              fit points by region (default 华东 10, 华南 10, 华北 8, 华中 6, 西南 5, 东北 4,
 *                                  西北 3)
 * @param industryPoints            fit points by industry (default 制造业 15, 电子 12, 汽车 12, 医药 10, 化工 10,
 *                                  批发零售 8, 物流 6)
 * @param companySizePoints         fit points by company size: the band with the largest {@code from} at or below
 *                                  the number of employees counts (default 20: 5, 100: 10, 200: 12, 1000: 15)
 * @param titlePoints               fit points by a keyword in the job title: the longest keyword found counts
 *                                  (default 董事长/总经理/总裁/CEO/Owner/Founder 15, 副总经理/VP/Director/总监 12,
 *                                  采购经理/Purchasing/Procurement 10, 经理/Manager 6, 学生/Student -10)
 * @param channelPoints             fit points by the channel the lead came from (default WEBSITE 10, REFERRAL 10,
 *                                  TRADE_SHOW 8, EVENT 8, WECHAT 5, ADS 3)
 * @param attributePoints           fit points by the value of a host attribute: attribute name to a table of value
 *                                  to points (default none), e.g. {@code {leadSource: {Reference: 25, Google: 3}}}
 * @param attributeBands            fit points by the number in a host attribute: attribute name to bands, the band
 *                                  with the largest {@code from} at or below the number counts (default none); a
 *                                  value that is not a number earns nothing
 * @param behaviourPoints           behaviour points per interaction of a kind, times its {@code count} (default
 *                                  PAGE_VIEW 1, EMAIL_OPENED 2, EMAIL_CLICKED 5, CHAT 5, FORM_SUBMITTED 15,
 *                                  EVENT_ATTENDED 15; the rep's own calls, visits and e-mails earn none)
 * @param timeOnSiteSecondsPerPoint a page view's {@code durationSeconds} earns a point per this many seconds
 *                                  (default 120) ...
 * @param timeOnSiteMaxPoints       ... up to this many per page view (default 10)
 * @param highQuality               the field rule "website lead from a large company is high quality"
 * @param nurture                   the nurture pool: a lead below the MQL threshold gets a NURTURE message every
 *                                  {@code everyDays} (default 7) for {@code forDays} (default 90) after capture
 * @param reports                   when sales hears of a score (LEAD_SCORED): at capture, on reaching the MQL
 *                                  threshold, and when the grade changes or the score moves {@code step} points
 *                                  (default 10) from the last report, at most once every {@code everyDays}
 *                                  (default 16)
 */
public record ScoringSettings(int mqlThreshold, int gradeA, int gradeB, int gradeC, int halfLifeDays,
                              int maxBehaviour, int basePoints, Map<String, Integer> regionPoints,
                              Map<String, Integer> industryPoints, List<SizeBand> companySizePoints,
                              Map<String, Integer> titlePoints, Map<String, Integer> channelPoints,
                              Map<String, Map<String, Integer>> attributePoints,
                              Map<String, List<AttributeBand>> attributeBands,
                              Map<String, Integer> behaviourPoints, int timeOnSiteSecondsPerPoint,
                              int timeOnSiteMaxPoints, HighQuality highQuality, Nurture nurture,
                              Reports reports) {

    /** Scores are capped to 0..{@value}; the grade bands lie within. */
    public static final int MAX_SCORE = 100;

    private static final ScoringSettings DEFAULTS = new ScoringSettings(50, 80, 50, 25, 30, 60, 0, null, null, null,
            null, null, null, null, null, 120, 10, null, null, null);

    /** Profile fields that have a table of their own: an attribute table by one of these names is a mistake. */
    private static final Map<String, String> FIELD_TABLES = Map.of("region", "regionPoints",
            "industry", "industryPoints", "channel", "channelPoints", "title", "titlePoints",
            "companysize", "companySizePoints");

    /**
     * One band of the company-size table.
     *
     * @param from   companies with at least this many employees ...
     * @param points ... earn these fit points (unless a band with a larger {@code from} applies)
     */
    public record SizeBand(Integer from, Integer points) {
        /** Validates the band. */
        public SizeBand {
            if (from == null || points == null) {
                throw new InvalidSettingsException("scoring.companySizePoints", "{from: " + from + ", points: " + points
                        + "}", "every band needs 'from' (employees) and 'points'");
            }
            if (from < 1) {
                throw new InvalidSettingsException("scoring.companySizePoints", "{from: " + from + "}",
                        "'from' is a number of employees and must be at least 1");
            }
            checkPoints("scoring.companySizePoints", "from " + from, points, -MAX_SCORE);
        }
    }

    /**
     * One band of a numeric attribute's table in {@link #attributeBands()}; checked there, where the
     * attribute's name is known for the message.
     *
     * @param from   a number in the attribute at or above this ...
     * @param points ... earns these fit points (unless a band with a larger {@code from} applies), -100..100
     */
    public record AttributeBand(Double from, Integer points) {
    }

    /**
     * The example qualification rule from the field: a lead from one of these channels whose company
     * has more than {@code companySizeAbove} employees is tagged as high quality (for routing to the
     * key-account team).
     *
     * @param channels         the channels (default WEBSITE); empty switches the rule off
     * @param companySizeAbove more employees than this (default 100)
     * @param tag              the tag put on the lead (default {@code high-quality})
     */
    public record HighQuality(List<String> channels, int companySizeAbove, String tag) {
        /** Validates the values and fills what was left out with defaults. */
        public HighQuality {
            channels = channels == null ? List.of("WEBSITE") : List.copyOf(channels);
            for (String ch : channels) {
                if (ch == null || ch.isBlank()) {
                    throw new InvalidSettingsException("scoring.highQuality.channels", channels,
                            "a channel name is empty");
                }
            }
            if (companySizeAbove < 0) {
                throw new InvalidSettingsException("scoring.highQuality.companySizeAbove", companySizeAbove,
                        "must not be negative");
            }
            tag = tag == null || tag.isBlank() ? "high-quality" : tag.strip();
        }

        /**
         * @param channel a lead's channel, or null
         * @return true if it is one of {@link #channels()} (ignoring case)
         */
        public boolean hasChannel(String channel) {
            if (channel == null) {
                return false;
            }
            for (String ch : channels) {
                if (ch.equalsIgnoreCase(channel)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Validates the values and fills what was left out with the defaults. */
    public ScoringSettings {
        InvalidSettingsException.positive("scoring.mqlThreshold", mqlThreshold);
        InvalidSettingsException.range("scoring.gradeA", gradeA, 1, MAX_SCORE);
        InvalidSettingsException.range("scoring.gradeB", gradeB, 1, MAX_SCORE);
        InvalidSettingsException.range("scoring.gradeC", gradeC, 1, MAX_SCORE);
        if (gradeB >= gradeA) {
            throw new InvalidSettingsException("scoring.gradeB", gradeB,
                    "must be below scoring.gradeA (" + gradeA + "): the bands go A > B > C");
        }
        if (gradeC >= gradeB) {
            throw new InvalidSettingsException("scoring.gradeC", gradeC,
                    "must be below scoring.gradeB (" + gradeB + "): the bands go A > B > C");
        }
        InvalidSettingsException.range("scoring.halfLifeDays", halfLifeDays, 1, 3650);
        InvalidSettingsException.range("scoring.maxBehaviour", maxBehaviour, 0, MAX_SCORE);
        InvalidSettingsException.range("scoring.basePoints", basePoints, -MAX_SCORE, MAX_SCORE);
        regionPoints = table("scoring.regionPoints", regionPoints, Map.of("华东", 10, "华南", 10, "华北", 8, "华中", 6,
                "西南", 5, "东北", 4, "西北", 3));
        industryPoints = table("scoring.industryPoints", industryPoints, Map.of("制造业", 15, "电子", 12, "汽车", 12,
                "医药", 10, "化工", 10, "批发零售", 8, "物流", 6));
        companySizePoints = bands(companySizePoints);
        titlePoints = table("scoring.titlePoints", titlePoints, defaultTitles());
        channelPoints = table("scoring.channelPoints", channelPoints, Map.of("WEBSITE", 10, "REFERRAL", 10,
                "TRADE_SHOW", 8, "EVENT", 8, "WECHAT", 5, "ADS", 3));
        attributePoints = attributeTables(attributePoints);
        attributeBands = attributeBands(attributeBands, attributePoints);
        behaviourPoints = behaviour(behaviourPoints);
        InvalidSettingsException.positive("scoring.timeOnSiteSecondsPerPoint", timeOnSiteSecondsPerPoint);
        InvalidSettingsException.range("scoring.timeOnSiteMaxPoints", timeOnSiteMaxPoints, 0, MAX_SCORE);
        highQuality = highQuality == null ? new HighQuality(null, 100, null) : highQuality;
        nurture = nurture == null ? new Nurture(7, 90) : nurture;
        reports = reports == null ? new Reports(10, 16) : reports;
    }

    /**
     * When sales hears of a lead's score (LEAD_SCORED). The profile's score is exact at every moment (the MQL test
     * and the nurture pool read it); what is reported is the news a rep acts on: the first score at capture, the
     * moment the lead reaches the MQL threshold (once in its life), and otherwise a change of grade or a move of at
     * least {@code step} points from the last reported score. Those are at least {@code everyDays} after the last
     * report: what changes within that quiet period is reported once at its end, as the latest state. With the
     * default of 16 days a lead gets at most 3 reports in a calendar month, the MQL alert included (from 11 days on
     * without one).
     *
     * @param step      report a move of at least this many points from the last report (default 10), 1-100
     * @param everyDays at most one report in this many days besides the MQL alert (default 16), 0-365; 0 reports
     *                  every change at once
     */
    public record Reports(int step, int everyDays) {
        /** Validates the values. */
        public Reports {
            InvalidSettingsException.range("scoring.reports.step", step, 1, MAX_SCORE);
            InvalidSettingsException.range("scoring.reports.everyDays", everyDays, 0, 365);
        }
    }

    /**
     * The nurture pool (docs/design/rules-catalog.md §3): leads that do not qualify are not dropped but hear from the
     * business regularly until they qualify or the period ends.
     *
     * @param everyDays a NURTURE message every this many days after capture (default 7)
     * @param forDays   for this many days after capture (default 90); 0 switches nurturing off
     */
    public record Nurture(int everyDays, int forDays) {
        /** Validates the values. */
        public Nurture {
            InvalidSettingsException.positive("scoring.nurture.everyDays", everyDays);
            if (forDays < 0) {
                throw new InvalidSettingsException("scoring.nurture.forDays", forDays, "must not be negative (0 = off)");
            }
        }
    }

    /** @return the catalog defaults */
    public static ScoringSettings ofDefaults() {
        return DEFAULTS;
    }

    /**
     * @param score a score 0-100
     * @return its grade: A, B, C or D by the bands
     */
    public String gradeFor(int score) {
        return score >= gradeA ? "A" : score >= gradeB ? "B" : score >= gradeC ? "C" : "D";
    }

    /**
     * @param grade A, B, C or D
     * @return the lowest score of that grade (0 for D)
     */
    public int gradeFloor(String grade) {
        return switch (grade) {
            case "A" -> gradeA;
            case "B" -> gradeB;
            case "C" -> gradeC;
            default -> 0;
        };
    }

    /**
     * @param kind an interaction kind
     * @return the behaviour points one interaction of that kind earns (0 when the table has none)
     */
    public int pointsFor(InteractionKind kind) {
        return behaviourPoints.getOrDefault(kind.name(), 0);
    }

    private static Map<String, Integer> defaultTitles() {
        Map<String, Integer> m = new TreeMap<>();
        for (String k : List.of("董事长", "总经理", "总裁", "CEO", "Owner", "Founder")) {
            m.put(k, 15);
        }
        for (String k : List.of("副总经理", "VP", "Director", "总监")) {
            m.put(k, 12);
        }
        for (String k : List.of("采购经理", "Purchasing", "Procurement")) {
            m.put(k, 10);
        }
        m.put("经理", 6);
        m.put("Manager", 6);
        m.put("学生", -10);
        m.put("Student", -10);
        return m;
    }

    /** A fit table, sorted by key (stable JSON and lookups), every entry -100..100. */
    private static Map<String, Integer> table(String key, Map<String, Integer> given, Map<String, Integer> defaults) {
        Map<String, Integer> src = given == null ? defaults : given;
        TreeMap<String, Integer> out = new TreeMap<>();
        for (Map.Entry<String, Integer> e : src.entrySet()) {
            String k = e.getKey() == null ? "" : e.getKey().strip();
            if (k.isEmpty()) {
                throw new InvalidSettingsException(key, src, "an entry has an empty name");
            }
            checkPoints(key + "." + k, null, e.getValue(), -MAX_SCORE);
            out.put(k, e.getValue());
        }
        return Collections.unmodifiableMap(out);
    }

    /** Attribute name to a value table; each table checked like a fit table. */
    private static Map<String, Map<String, Integer>> attributeTables(Map<String, Map<String, Integer>> given) {
        if (given == null) {
            return Map.of();
        }
        TreeMap<String, Map<String, Integer>> out = new TreeMap<>();
        for (Map.Entry<String, Map<String, Integer>> e : given.entrySet()) {
            String name = attributeName("scoring.attributePoints", e.getKey(), given);
            if (e.getValue() == null) {
                throw new InvalidSettingsException("scoring.attributePoints." + name, null,
                        "needs a table of value: points, e.g. {Reference: 25}");
            }
            out.put(name, table("scoring.attributePoints." + name, e.getValue(), Map.of()));
        }
        return Collections.unmodifiableMap(out);
    }

    /** Attribute name to bands, ascending by {@code from}. */
    private static Map<String, List<AttributeBand>> attributeBands(Map<String, List<AttributeBand>> given,
                                                                   Map<String, Map<String, Integer>> byValue) {
        if (given == null) {
            return Map.of();
        }
        TreeMap<String, List<AttributeBand>> out = new TreeMap<>();
        for (Map.Entry<String, List<AttributeBand>> e : given.entrySet()) {
            String name = attributeName("scoring.attributeBands", e.getKey(), given);
            String key = "scoring.attributeBands." + name;
            for (String other : byValue.keySet()) {
                if (other.equalsIgnoreCase(name)) {
                    throw new InvalidSettingsException(key, null, "the attribute is in scoring.attributePoints too; "
                            + "score it by value or by bands, not both");
                }
            }
            if (e.getValue() == null || e.getValue().isEmpty()) {
                throw new InvalidSettingsException(key, e.getValue(), "needs a list of bands, e.g. "
                        + "[{from: 0, points: -5}, {from: 600, points: 20}]");
            }
            List<AttributeBand> sorted = new ArrayList<>();
            for (AttributeBand b : e.getValue()) {
                if (b == null || b.from() == null || b.points() == null) {
                    throw new InvalidSettingsException(key, b == null ? null : "{from: " + b.from() + ", points: "
                            + b.points() + "}", "every band needs 'from' (a number) and 'points'");
                }
                if (!Double.isFinite(b.from())) {
                    throw new InvalidSettingsException(key, "{from: " + b.from() + "}", "'from' must be a finite number");
                }
                checkPoints(key, "from " + number(b.from()), b.points(), -MAX_SCORE);
                sorted.add(b);
            }
            sorted.sort(Comparator.comparing(AttributeBand::from));
            for (int i = 1; i < sorted.size(); i++) {
                if (sorted.get(i).from().equals(sorted.get(i - 1).from())) {
                    throw new InvalidSettingsException(key, e.getValue(),
                            "two bands start at " + number(sorted.get(i).from()));
                }
            }
            out.put(name, List.copyOf(sorted));
        }
        return Collections.unmodifiableMap(out);
    }

    /** Checks an attribute name: not empty, not twice (ignoring case), not a profile field with a table of its own. */
    private static String attributeName(String key, String given, Map<String, ?> all) {
        String name = given == null ? "" : given.strip();
        if (name.isEmpty()) {
            throw new InvalidSettingsException(key, all.keySet(), "an attribute has an empty name");
        }
        String table = FIELD_TABLES.get(name.toLowerCase(Locale.ROOT));
        if (table != null) {
            throw new InvalidSettingsException(key + "." + name, null, "'" + name + "' is a profile field, not a "
                    + "free attribute: its points go in scoring." + table);
        }
        for (String other : all.keySet()) {
            if (other != null && !other.equals(given) && other.strip().equalsIgnoreCase(name)) {
                throw new InvalidSettingsException(key + "." + name, null, "the attribute is listed twice ('" + other
                        + "' and '" + given + "'); names ignore case");
            }
        }
        return name;
    }

    /** A band boundary as written: 600 rather than 600.0. */
    static String number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    private static Map<String, Integer> behaviour(Map<String, Integer> given) {
        Map<String, Integer> src = given == null ? Map.of("PAGE_VIEW", 1, "EMAIL_OPENED", 2, "EMAIL_CLICKED", 5,
                "CHAT", 5, "FORM_SUBMITTED", 15, "EVENT_ATTENDED", 15) : given;
        List<String> kinds = Arrays.stream(InteractionKind.values()).map(Enum::name).toList();
        TreeMap<String, Integer> out = new TreeMap<>();
        for (Map.Entry<String, Integer> e : src.entrySet()) {
            String k = e.getKey() == null ? "" : e.getKey().strip().toUpperCase(Locale.ROOT);
            if (!kinds.contains(k)) {
                throw new InvalidSettingsException("scoring.behaviourPoints." + e.getKey(), e.getValue(),
                        "not an interaction kind" + Suggest.closest(k, kinds).map(s -> ". Did you mean '" + s + "'?")
                                .orElse("; the kinds are " + String.join(", ", kinds)));
            }
            // behaviour only adds: a negative total could not decay towards 0
            checkPoints("scoring.behaviourPoints." + k, null, e.getValue(), 0);
            out.put(k, e.getValue());
        }
        return Collections.unmodifiableMap(out);
    }

    private static List<SizeBand> bands(List<SizeBand> given) {
        if (given == null) {
            return List.of(new SizeBand(20, 5), new SizeBand(100, 10), new SizeBand(200, 12), new SizeBand(1000, 15));
        }
        List<SizeBand> sorted = new ArrayList<>(given);
        if (sorted.contains(null)) {
            throw new InvalidSettingsException("scoring.companySizePoints", given, "a band is empty");
        }
        sorted.sort(Comparator.comparing(SizeBand::from));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).from().equals(sorted.get(i - 1).from())) {
                throw new InvalidSettingsException("scoring.companySizePoints", given,
                        "two bands start at " + sorted.get(i).from() + " employees");
            }
        }
        return List.copyOf(sorted);
    }

    private static void checkPoints(String key, String what, Integer value, int min) {
        if (value == null) {
            throw new InvalidSettingsException(key, what, "needs a number of points (0 to give none)");
        }
        if (value < min || value > MAX_SCORE) {
            throw new InvalidSettingsException(key, what == null ? value : what + ": " + value,
                    "points must be between " + min + " and " + MAX_SCORE);
        }
    }
}
