package dev.custflow.examples.internal;

import dev.custflow.examples.ForecastReport;
import dev.custflow.insights.forecast.Backtest;
import dev.custflow.insights.forecast.ForecastMethod;
import dev.custflow.insights.forecast.MonthForecast;
import dev.custflow.insights.forecast.PipelineCalibration;
import dev.custflow.insights.forecast.PipelineForecast;
import dev.custflow.insights.forecast.RunRateForecast;
import dev.custflow.text.DisplayWidth;
import dev.custflow.text.Wording;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Lays a {@link ForecastReport} out for a terminal, in English or Chinese (the figures the same in both). */
public final class ForecastText {
    private final StringBuilder out = new StringBuilder(4096);
    private final Wording w;

    private ForecastText(Locale locale) {
        this.w = Wording.of(ForecastText.class, "forecast", locale);
    }

    /**
     * @param report the report
     * @param locale zh-CN or en
     * @return the text, lines ending in a newline
     */
    public static String of(ForecastReport report, Locale locale) {
        ForecastText t = new ForecastText(locale);
        t.revenue(report);
        if (report.cutoff() != null) {
            t.pipeline(report);
        }
        return t.out.toString();
    }

    private void line(String s) {
        out.append(s).append('\n');
    }

    private String method(ForecastMethod m) {
        return w.text("method." + m.name());
    }

    private static String money(BigDecimal v) {
        return String.format(Locale.ROOT, "%,.2f", v);
    }

    private static String percent(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f%%", v);
    }

    private void revenue(ForecastReport r) {
        Backtest shipped = r.shipped();
        Backtest naive = r.backtest(ForecastMethod.LAST_MONTH);
        line(w.text("title", r.description()));
        line(w.text("revenue.rule", RunRateForecast.DEFAULT_MIN_HISTORY));
        line("");
        int[] widths = {9, 16, 16, 9, 16, 9};
        row(widths, w.text("col.month"), w.text("col.actual"), w.text("col.forecast", method(shipped.method())),
                w.text("col.ape"), w.text("col.naive"), w.text("col.ape"));
        for (int i = 0; i < shipped.months().size(); i++) {
            MonthForecast s = shipped.months().get(i);
            MonthForecast n = naive.months().get(i);
            row(widths, s.month().toString(), money(s.actual()), money(s.forecast()), percent(s.ape()),
                    money(n.forecast()), percent(n.ape()));
        }
        line("");
        line(w.text("revenue.mape", shipped.scoredMonths(), first(shipped), last(shipped),
                method(shipped.method()), percent(shipped.mape()), percent(naive.mape())));
        StringBuilder all = new StringBuilder();
        for (Backtest b : r.backtests()) {
            all.append(all.length() == 0 ? "" : w.text("list.separator")).append(method(b.method())).append(' ')
                    .append(percent(b.mape()));
        }
        line(w.text("revenue.all", all));
        line(w.text("revenue.next", shipped.nextMonth(), money(shipped.next())));
    }

    private static String first(Backtest b) {
        return b.months().isEmpty() ? "-" : b.months().get(0).month().toString();
    }

    private static String last(Backtest b) {
        return b.months().isEmpty() ? "-" : b.months().get(b.months().size() - 1).month().toString();
    }

    private void row(int[] widths, String... cells) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            s.append(i == 0 ? DisplayWidth.padRight(cells[i], widths[i])
                    : "  " + DisplayWidth.padLeft(cells[i], widths[i]));
        }
        line(s.toString().stripTrailing());
    }

    private void pipeline(ForecastReport r) {
        PipelineForecast p = r.pipeline();
        PipelineCalibration c = r.calibration();
        line("");
        line(w.text("pipeline.title", r.cutoff().atZone(java.time.ZoneOffset.UTC).toLocalDate()));
        line(w.text("pipeline.rates", p.winRates().closed(), p.winRates().won(),
                percent(p.winRates().overallRate() * 100), fmt(p.winRates().priorWeight())));
        line(w.text("pipeline.open", p.lines().size(), money(p.openAmount()), p.stale().size()));
        line(w.text("pipeline.expected", money(p.expectedRevenue()), money(r.pipelineWon())));
        int[] widths = {7, 8, 16, 16};
        line("");
        row(widths, w.text("col.band"), w.text("col.count"), w.text("col.open"), w.text("col.expected"));
        for (Map.Entry<String, PipelineForecast.Breakdown> e : p.byScoreBand().entrySet()) {
            row(widths, e.getKey(), String.valueOf(e.getValue().opportunities()), money(e.getValue().openAmount()),
                    money(e.getValue().expected()));
        }
        line("");
        line(w.text("calibration.scored", c.scored(), c.stillOpen()));
        line(w.text("calibration.amount", money(c.predictedWonAmount()), money(c.actualWonAmount()),
                percent(c.amountError())));
        line(w.text("calibration.wins", String.format(Locale.ROOT, "%.1f", c.predictedWins()), c.actualWins(),
                String.format(Locale.ROOT, "%.4f", c.brierScore()),
                String.format(Locale.ROOT, "%.4f", c.baselineBrierScore())));
        List<PipelineCalibration.Band> bands = c.bands();
        int[] bw = {7, 8, 12, 12};
        row(bw, w.text("col.band"), w.text("col.count"), w.text("col.predicted"), w.text("col.observed"));
        for (PipelineCalibration.Band b : bands) {
            row(bw, b.scoreBand(), String.valueOf(b.scored()), percent(b.predictedRate() * 100),
                    percent(b.observedRate() * 100));
        }
        if (r.unmatched() > 0) {
            line(w.text("pipeline.unmatched", r.unmatched()));
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
