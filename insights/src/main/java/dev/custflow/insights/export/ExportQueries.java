package dev.custflow.insights.export;

import dev.custflow.insights.CustomerRow;
import dev.custflow.insights.Dimension;
import dev.custflow.insights.Granularity;
import dev.custflow.insights.Kpi;
import dev.custflow.insights.KpiBook;
import dev.custflow.insights.KpiQuery;
import dev.custflow.insights.KpiRow;
import dev.custflow.insights.KpiValue;
import dev.custflow.insights.Scope;
import dev.custflow.insights.forecast.Backtest;
import dev.custflow.insights.forecast.MonthForecast;
import dev.custflow.insights.forecast.RunRateForecast;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/** The queries behind an export: the book's KPIs under the scope, whole-history sums, warnings, the forecast. */
final class ExportQueries {
    /** Figures of the derived rows that are no KPI of the book. */
    static final String CUSTOMERS = "customers";
    static final String CHURN_WARNINGS = "churn_warnings";
    static final String LATE_DELIVERIES = "late_deliveries";
    static final String REVENUE_FORECAST = "revenue_forecast";
    static final String FORECAST_ERROR = "revenue_forecast_ape";
    static final String FORECAST_MAPE = "revenue_forecast_mape";
    static final String SEGMENT = "segment";
    static final String CAUSE = "cause";

    /**
     * KPIs whose numerator and denominator both add up over months, so that the whole history's figure is the sums'
     * ratio. The others divide by a stock at the start of each period (churn, win-back) or count a customer once per
     * period (repeat purchase) and have no whole-history figure.
     */
    static final Set<Kpi> ADDITIVE = EnumSet.complementOf(EnumSet.of(Kpi.REPEAT_PURCHASE_RATE, Kpi.CHURN_RATE,
            Kpi.WIN_BACK_RATE));
    private static final int SCALE = 6;

    private ExportQueries() {
    }

    static String scope(Scope scope) {
        return scope.kind() == Scope.Kind.EVERYTHING ? "everything"
                : scope.kind().name().toLowerCase(Locale.ROOT) + ":" + scope.id();
    }

    static String dimension(Dimension d) {
        return d == Dimension.OVERALL ? KpiFigure.ALL : d.name().toLowerCase(Locale.ROOT);
    }

    static BiExport query(KpiBook book, WarningLog warnings, Scope scope, Instant asOf) {
        List<KpiFigure> figures = new ArrayList<>();
        List<CustomerRow> customers = book.customers(scope);
        Set<String> visible = new HashSet<>();
        customers.forEach(c -> visible.add(c.id()));
        book.span(scope).ifPresent(span -> {
            for (Dimension d : Dimension.values()) {
                List<KpiRow> months = book.kpis(scope, new KpiQuery(Granularity.MONTH, span.get(0), span.get(1), d,
                        Set.of()));
                months.forEach(r -> add(figures, "month", r));
                book.kpis(scope, new KpiQuery(Granularity.QUARTER, span.get(0), span.get(1), d, Set.of()))
                        .forEach(r -> add(figures, "quarter", r));
                wholeHistory(figures, d, months);
            }
        });
        Map<String, Long> segments = new TreeMap<>();
        customers.forEach(c -> {
            if (c.segment() != null) {
                segments.merge(c.segment(), 1L, Long::sum);
            }
        });
        segments.forEach((segment, n) -> figures.add(count(CUSTOMERS, KpiFigure.ALL, null, null, SEGMENT, segment,
                n)));
        warnings.warningsByCause(visible::contains).forEach((month, byCause) -> new TreeMap<>(byCause).forEach(
                (cause, n) -> figures.add(count(CHURN_WARNINGS, "month", month.atDay(1), month.atEndOfMonth(), CAUSE,
                        cause, n))));
        warnings.lateDeliveries(visible::contains).forEach((month, n) -> figures.add(count(LATE_DELIVERIES, "month",
                month.atDay(1), month.atEndOfMonth(), KpiFigure.ALL, KpiFigure.ALL, n)));
        forecast(figures, asOf, book.zone());
        return BiExport.of(scope(scope), asOf, book.zone(), figures, customers);
    }

    private static KpiFigure count(String kpi, String grain, LocalDate first, LocalDate last, String dimension,
                                   String member, long n) {
        return new KpiFigure(kpi, grain, first, last, dimension, member, (double) n, (double) n, null, "count");
    }

    private static String member(Dimension d, String value) {
        return d == Dimension.OVERALL ? KpiFigure.ALL : value;
    }

    private static void add(List<KpiFigure> figures, String grain, KpiRow row) {
        for (KpiValue v : row.figures().values()) {
            if (v.isPresent()) {
                figures.add(new KpiFigure(v.kpi().key(), grain, row.period().first(), row.period().last(),
                        dimension(row.dimension()), member(row.dimension(), row.value()), v.value().doubleValue(),
                        v.numerator().doubleValue(), v.denominator() == null ? null : v.denominator().doubleValue(),
                        unit(v.kpi())));
            }
        }
    }

    private static String unit(Kpi kpi) {
        return kpi.unit().name().toLowerCase(Locale.ROOT);
    }

    /** The whole history per member: the months' numerators and denominators summed, for the additive KPIs. */
    private static void wholeHistory(List<KpiFigure> figures, Dimension d, List<KpiRow> months) {
        Map<String, Map<Kpi, BigDecimal[]>> sums = new LinkedHashMap<>();
        for (KpiRow r : months) {
            Map<Kpi, BigDecimal[]> perKpi = sums.computeIfAbsent(r.value(), k -> new LinkedHashMap<>());
            for (KpiValue v : r.figures().values()) {
                if (!ADDITIVE.contains(v.kpi())) {
                    continue;
                }
                BigDecimal[] s = perKpi.computeIfAbsent(v.kpi(), k -> new BigDecimal[] {BigDecimal.ZERO, null,
                        BigDecimal.ZERO});
                s[0] = s[0].add(v.numerator());
                if (v.denominator() != null) {
                    s[1] = (s[1] == null ? BigDecimal.ZERO : s[1]).add(v.denominator());
                }
                s[2] = s[2].add(v.isPresent() ? BigDecimal.ONE : BigDecimal.ZERO);
            }
        }
        List<String> members = new ArrayList<>(sums.keySet());
        java.util.Collections.sort(members);
        for (String m : members) {
            sums.get(m).forEach((kpi, s) -> {
                BigDecimal value = whole(kpi, s[0], s[1], s[2].signum() > 0);
                if (value != null) {
                    figures.add(new KpiFigure(kpi.key(), KpiFigure.ALL, null, null, dimension(d), member(d, m),
                            value.doubleValue(), s[0].doubleValue(), s[1] == null ? null : s[1].doubleValue(),
                            unit(kpi)));
                }
            });
        }
    }

    private static BigDecimal whole(Kpi kpi, BigDecimal numerator, BigDecimal denominator, boolean anyPresent) {
        if (!anyPresent) {
            return null; // e.g. gross profit without any costed order: absent, not zero
        }
        if (denominator == null) {
            return numerator;
        }
        if (denominator.signum() <= 0) {
            return null;
        }
        BigDecimal ratio = numerator.divide(denominator, new java.math.MathContext(20));
        return kpi == Kpi.NPS ? ratio.multiply(BigDecimal.valueOf(100)).setScale(SCALE - 2, RoundingMode.HALF_EVEN)
                : ratio.setScale(SCALE, RoundingMode.HALF_EVEN);
    }

    /**
     * The run-rate forecast of the whole scope's monthly revenue, backtested: each whole month forecast from the
     * months before it. A last month the history ends inside is left out: its revenue is not all in yet.
     */
    private static void forecast(List<KpiFigure> figures, Instant asOf, java.time.ZoneId zone) {
        SortedMap<YearMonth, BigDecimal> revenue = new TreeMap<>();
        for (KpiFigure f : figures) {
            if (f.kpi().equals(Kpi.REVENUE.key()) && f.grain().equals("month") && f.dimension().equals(KpiFigure.ALL)) {
                revenue.put(YearMonth.from(f.periodStart()), BigDecimal.valueOf(f.value()));
            }
        }
        LocalDate lastDay = asOf.atZone(zone).toLocalDate();
        if (!revenue.isEmpty() && !lastDay.equals(revenue.lastKey().atEndOfMonth())
                && !lastDay.isAfter(revenue.lastKey().atEndOfMonth())) {
            revenue.remove(revenue.lastKey());
        }
        if (revenue.size() <= RunRateForecast.DEFAULT_MIN_HISTORY) {
            return;
        }
        Backtest b = RunRateForecast.backtest(revenue, RunRateForecast.SHIPPED);
        for (MonthForecast m : b.months()) {
            figures.add(new KpiFigure(REVENUE_FORECAST, "month", m.month().atDay(1), m.month().atEndOfMonth(),
                    KpiFigure.ALL, KpiFigure.ALL, m.forecast().doubleValue(), null, null, "money"));
            if (m.scored()) {
                figures.add(new KpiFigure(FORECAST_ERROR, "month", m.month().atDay(1), m.month().atEndOfMonth(),
                        KpiFigure.ALL, KpiFigure.ALL, m.ape() / 100, null, null, "ratio"));
            }
        }
        figures.add(new KpiFigure(REVENUE_FORECAST, "month", b.nextMonth().atDay(1), b.nextMonth().atEndOfMonth(),
                KpiFigure.ALL, KpiFigure.ALL, b.next().doubleValue(), null, null, "money"));
        if (b.scoredMonths() > 0) {
            figures.add(new KpiFigure(FORECAST_MAPE, KpiFigure.ALL, null, null, KpiFigure.ALL, KpiFigure.ALL,
                    b.mape() / 100, null, (double) b.scoredMonths(), "ratio"));
        }
    }
}
