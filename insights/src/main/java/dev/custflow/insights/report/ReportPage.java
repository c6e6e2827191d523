package dev.custflow.insights.report;

import dev.custflow.insights.Dimension;
import dev.custflow.insights.Kpi;
import dev.custflow.insights.export.BiExport;
import dev.custflow.insights.export.KpiFigure;
import dev.custflow.insights.forecast.RunRateForecast;
import dev.custflow.model.Segment;
import dev.custflow.text.Wording;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Lays an export's figures out as the report's sections. Every number shown is a row of the export (its key goes
 * with it into the page), so the report and the BI export cannot disagree.
 */
final class ReportPage {
    private static final String MONTH = "month";
    private static final String ALL = KpiFigure.ALL;

    private final BiExport export;
    private final Wording w;
    private final Locale locale;
    private final Map<String, KpiFigure> byKey = new HashMap<>();

    private ReportPage(BiExport export, Locale locale) {
        this.export = export;
        this.locale = Wording.supported(locale);
        this.w = Wording.of(ReportPage.class, "report", this.locale);
        export.kpis().forEach(f -> byKey.put(f.key(), f));
    }

    /**
     * @param export the figures
     * @param locale the reader's language
     * @param lines  what was replayed, already in that language
     * @return the page
     */
    static Page of(BiExport export, Locale locale, String description, List<String> lines) {
        ReportPage p = new ReportPage(export, locale);
        List<Page.Section> sections = List.of(p.funnel(), p.channels(), p.league(), p.warnings(), p.segments(),
                p.trends(), p.forecast(), p.late());
        return new Page(Wording.tag(p.locale), p.w.text("title", description), lines, sections,
                p.w.text("footer", HtmlPage.echartsVersion()));
    }

    // ---- what to show

    private Page.Section funnel() {
        // a step nobody reached is left out: a history of orders only (CDNOW) has customers but no leads
        List<Kpi> steps = java.util.stream.Stream.of(Kpi.LEADS, Kpi.PROSPECTS, Kpi.OPPORTUNITIES, Kpi.NEW_CUSTOMERS)
                .filter(k -> drawn(byKey.get(KpiFigure.key(k.key(), ALL, null, ALL, ALL)))).toList();
        List<String> labels = steps.stream().map(k -> k.label(locale)).toList();
        List<KpiFigure> figures = steps.stream().map(k -> byKey.get(KpiFigure.key(k.key(), ALL, null, ALL, ALL)))
                .toList();
        // one step is no funnel
        return section("funnel", steps.size() < 2 ? List.of() : charts(chart("funnel", w.text("funnel.chart"),
                Chart.Kind.FUNNEL, labels, List.of(series(w.text("value"), figures)), "count")), List.of());
    }

    private Page.Section channels() {
        List<KpiFigure> total = select(f -> f.kpi().equals(Kpi.LEADS.key()) && f.grain().equals(ALL)
                && f.dimension().equals("channel"));
        total.sort(Comparator.comparing(KpiFigure::value, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(KpiFigure::member));
        List<String> members = total.stream().map(KpiFigure::member).toList();
        return section("channels", charts(
                chart("channels-total", w.text("channels.total"), Chart.Kind.BAR, members.stream().map(this::shown)
                        .toList(), List.of(series(Kpi.LEADS.label(locale), total)), "count"),
                monthly("channels-monthly", w.text("channels.monthly"), Chart.Kind.STACKED_BAR, Kpi.LEADS.key(),
                        "channel", members)), List.of());
    }

    private Page.Section league() {
        List<Kpi> columns = List.of(Kpi.LEADS, Kpi.NEW_CUSTOMERS, Kpi.LEAD_TO_CUSTOMER, Kpi.FIRST_RESPONSE_SLA,
                Kpi.DEALS_WON, Kpi.SALES_CYCLE_DAYS, Kpi.REVENUE);
        List<Page.Table> tables = new ArrayList<>();
        List<Chart> charts = new ArrayList<>();
        for (String dimension : List.of("rep", "team")) {
            List<String> members = ranked(dimension, Kpi.LEAD_TO_CUSTOMER.key());
            if (members.stream().allMatch(String::isEmpty)) { // no reps (or teams) at all in this history
                continue;
            }
            List<String> header = new ArrayList<>();
            header.add(w.text("league." + dimension));
            columns.forEach(k -> header.add(k.label(locale)));
            List<List<String>> rows = new ArrayList<>();
            for (String m : members) {
                List<String> row = new ArrayList<>();
                row.add(shown(m));
                for (Kpi k : columns) {
                    row.add(format(byKey.get(KpiFigure.key(k.key(), ALL, null, dimension, m))));
                }
                rows.add(row);
            }
            List<Boolean> numeric = new ArrayList<>();
            header.forEach(h -> numeric.add(numeric.isEmpty() ? Boolean.FALSE : Boolean.TRUE));
            tables.add(new Page.Table("league-" + dimension, header, rows, numeric));
            if (dimension.equals("rep")) {
                charts.add(byMember("league-conversion", w.text("league.chartRep"), dimension, members,
                        Kpi.LEAD_TO_CUSTOMER));
                charts.add(byMember("league-sla", w.text("league.chartSla"), dimension, members,
                        Kpi.FIRST_RESPONSE_SLA));
            }
        }
        return section("league", charts(charts.toArray(Chart[]::new)), tables);
    }

    private Page.Section warnings() {
        TreeSet<String> causes = new TreeSet<>();
        export.kpis().stream().filter(f -> f.kpi().equals("churn_warnings")).forEach(f -> causes.add(f.member()));
        return section("warnings", charts(monthly("warnings", w.text("warnings.chart"), Chart.Kind.STACKED_BAR,
                "churn_warnings", "cause", List.copyOf(causes))), List.of());
    }

    private Page.Section segments() {
        List<KpiFigure> figures = select(f -> f.kpi().equals("customers") && f.dimension().equals("segment"));
        figures.sort(Comparator.comparing(f -> segmentOrder(f.member())));
        List<String> labels = figures.stream().map(f -> segmentLabel(f.member())).toList();
        return section("segments", charts(chart("segments", w.text("segments.chart"), Chart.Kind.PIE, labels,
                List.of(series(w.text("kpi.customers"), figures)), "count")), List.of());
    }

    private Page.Section trends() {
        return section("trends", charts(
                trend("trends-counts", w.text("trends.counts"), "count", List.of(Kpi.LEADS, Kpi.MQLS,
                        Kpi.NEW_CUSTOMERS, Kpi.ORDERS, Kpi.DEALS_WON)),
                trend("trends-ratios", w.text("trends.ratios"), "ratio", List.of(Kpi.MQL_RATE, Kpi.LEAD_TO_CUSTOMER,
                        Kpi.FIRST_RESPONSE_SLA, Kpi.ON_TIME_DELIVERY, Kpi.REPEAT_PURCHASE_RATE, Kpi.CHURN_RATE,
                        Kpi.CSAT)),
                trend("trends-money", w.text("trends.amounts"), "money", List.of(Kpi.REVENUE,
                        Kpi.AVERAGE_ORDER_VALUE, Kpi.AVERAGE_DEAL_SIZE))), List.of());
    }

    private Page.Section forecast() {
        KpiFigure mape = byKey.get(KpiFigure.key("revenue_forecast_mape", ALL, null, ALL, ALL));
        List<LocalDate> months = new ArrayList<>(new TreeSet<>(select(f -> f.grain().equals(MONTH)
                && f.dimension().equals(ALL) && (f.kpi().equals(Kpi.REVENUE.key())
                || f.kpi().equals("revenue_forecast"))).stream().map(KpiFigure::periodStart).toList()));
        boolean any = byKey.keySet().stream().anyMatch(k -> k.startsWith("revenue_forecast|"));
        String note = mape == null ? w.text("forecast.none") : w.text("forecast.note", method(),
                percent(mape.value()), String.valueOf(mape.denominator().intValue()));
        Chart chart = !any ? null : chart("forecast", w.text("forecast.chart"), Chart.Kind.LINE,
                months.stream().map(d -> YearMonth.from(d).toString()).toList(), List.of(
                        series(w.text("actual"), months.stream().map(d -> byKey.get(KpiFigure.key(Kpi.REVENUE.key(),
                                MONTH, d, ALL, ALL))).toList()),
                        series(w.text("forecast"), months.stream().map(d -> byKey.get(KpiFigure.key(
                                "revenue_forecast", MONTH, d, ALL, ALL))).toList())), "money");
        return new Page.Section("forecast", w.text("forecast.title"), note, charts(chart), List.of());
    }

    private Page.Section late() {
        return section("late", charts(
                monthly("late", w.text("late.chart"), Chart.Kind.BAR, "late_deliveries", ALL, List.of(ALL)),
                monthly("late-on-time", w.text("late.onTime"), Chart.Kind.LINE, Kpi.ON_TIME_DELIVERY.key(), ALL,
                        List.of(ALL))), List.of());
    }

    // ---- building blocks

    private String method() {
        return RunRateForecast.SHIPPED.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private Page.Section section(String id, List<Chart> charts, List<Page.Table> tables) {
        String note = w.text(id + ".note");
        if (charts.isEmpty() && tables.isEmpty()) {
            note = note + " " + w.text("none");
        }
        return new Page.Section(id, w.text(id + ".title"), note, charts, tables);
    }

    /** @return the charts that show something: a chart without data, or only zeros, is left out, not drawn empty */
    private static List<Chart> charts(Chart... charts) {
        List<Chart> kept = new ArrayList<>();
        for (Chart c : charts) {
            if (c != null && c.series().stream().flatMap(s -> s.values().stream())
                    .anyMatch(v -> v != null && v != 0)) {
                kept.add(c);
            }
        }
        return kept;
    }

    private static boolean drawn(KpiFigure f) {
        return f != null && f.value() != null && f.value() != 0;
    }

    private List<KpiFigure> select(Predicate<KpiFigure> which) {
        List<KpiFigure> selected = new ArrayList<>();
        for (KpiFigure f : export.kpis()) {
            if (which.test(f)) {
                selected.add(f);
            }
        }
        return selected;
    }

    private static Chart.Series series(String name, List<KpiFigure> figures) {
        List<Double> values = new ArrayList<>();
        List<String> refs = new ArrayList<>();
        for (KpiFigure f : figures) {
            values.add(f == null ? null : f.value());
            refs.add(f == null || f.value() == null ? null : f.key());
        }
        return new Chart.Series(name, values, refs);
    }

    private Chart chart(String id, String title, Chart.Kind kind, List<String> categories, List<Chart.Series> series,
                        String unit) {
        return new Chart(id, title, kind, categories, series, unit);
    }

    /** One series per member of a dimension, month by month (the months any member has a figure in). */
    private Chart monthly(String id, String title, Chart.Kind kind, String kpi, String dimension,
                          List<String> members) {
        List<KpiFigure> figures = select(f -> f.kpi().equals(kpi) && f.grain().equals(MONTH)
                && f.dimension().equals(dimension));
        List<LocalDate> months = new ArrayList<>(new TreeSet<>(figures.stream().map(KpiFigure::periodStart).toList()));
        List<Chart.Series> series = new ArrayList<>();
        for (String m : members) {
            series.add(series(dimension.equals(ALL) ? label(kpi) : shown(m), months.stream()
                    .map(d -> byKey.get(KpiFigure.key(kpi, MONTH, d, dimension, m))).toList()));
        }
        return chart(id, title, kind, months.stream().map(d -> YearMonth.from(d).toString()).toList(), series,
                unit(kpi, figures));
    }

    private Chart trend(String id, String title, String unit, List<Kpi> kpis) {
        List<KpiFigure> figures = select(f -> f.grain().equals(MONTH) && f.dimension().equals(ALL)
                && kpis.stream().anyMatch(k -> k.key().equals(f.kpi())));
        List<LocalDate> months = new ArrayList<>(new TreeSet<>(figures.stream().map(KpiFigure::periodStart).toList()));
        List<Chart.Series> series = new ArrayList<>();
        for (Kpi k : kpis) {
            Chart.Series s = series(k.label(locale), months.stream()
                    .map(d -> byKey.get(KpiFigure.key(k.key(), MONTH, d, ALL, ALL))).toList());
            if (s.values().stream().anyMatch(v -> v != null && v != 0)) { // a KPI that stayed 0 is left out
                series.add(s);
            }
        }
        return chart(id, title, Chart.Kind.LINE, months.stream().map(d -> YearMonth.from(d).toString()).toList(),
                series, unit);
    }

    private Chart byMember(String id, String title, String dimension, List<String> members, Kpi kpi) {
        List<KpiFigure> figures = members.stream().map(m -> byKey.get(KpiFigure.key(kpi.key(), ALL, null, dimension,
                m))).toList();
        return chart(id, title, Chart.Kind.HORIZONTAL_BAR, members.stream().map(this::shown).toList(),
                List.of(series(kpi.label(locale), figures)), "ratio");
    }

    /** @return the members of a dimension, best first by a KPI over the whole history */
    private List<String> ranked(String dimension, String kpi) {
        Map<String, Double> score = new LinkedHashMap<>();
        for (KpiFigure f : export.kpis()) {
            if (f.grain().equals(ALL) && f.dimension().equals(dimension)) {
                score.putIfAbsent(f.member(), null);
                if (f.kpi().equals(kpi)) {
                    score.put(f.member(), f.value());
                }
            }
        }
        List<String> members = new ArrayList<>(score.keySet());
        members.sort(Comparator.comparing((String m) -> score.get(m), Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(m -> m));
        return members;
    }

    private static String unit(String kpi, List<KpiFigure> figures) {
        return figures.isEmpty() ? "count" : figures.get(0).unit().equals("ratio") ? "ratio" : "count";
    }

    private String label(String kpi) {
        for (Kpi k : Kpi.values()) {
            if (k.key().equals(kpi)) {
                return k.label(locale);
            }
        }
        return w.text("kpi." + kpi);
    }

    private String shown(String member) {
        return Dimension.shown(member, locale);
    }

    private static int segmentOrder(String name) {
        try {
            return Segment.valueOf(name).ordinal();
        } catch (IllegalArgumentException e) {
            return Integer.MAX_VALUE;
        }
    }

    private String segmentLabel(String name) {
        try {
            return locale.getLanguage().equals("zh") ? Segment.valueOf(name).chinese() : name;
        } catch (IllegalArgumentException e) {
            return name;
        }
    }

    private static String percent(Double ratio) {
        return ratio == null ? "" : String.format(Locale.ROOT, "%.1f%%", ratio * 100);
    }

    private static String format(KpiFigure f) {
        if (f == null || f.value() == null) {
            return "";
        }
        return switch (f.unit()) {
            case "ratio" -> percent(f.value());
            case "money" -> String.format(Locale.ROOT, "%,.2f", f.value());
            case "days", "score" -> String.format(Locale.ROOT, "%,.1f", f.value());
            default -> String.format(Locale.ROOT, "%,.0f", f.value());
        };
    }
}
