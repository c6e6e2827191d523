/**
 * Forecasts a sales director can check: a run-rate forecast of monthly revenue, each month forecast from the months
 * before it only and scored against what happened ({@link dev.custflow.insights.forecast.RunRateForecast}), and the
 * weighted pipeline: open opportunities times the chance that one like it is won, learned from the opportunities
 * already closed ({@link dev.custflow.insights.forecast.WinRates},
 * {@link dev.custflow.insights.forecast.PipelineForecast}). The inputs are plain (a monthly series, a list of
 * opportunities), so a host feeds them from its KPIs, its ERP or a replayed history. The methods and their measured
 * error are in docs/forecast.md.
 */
package dev.custflow.insights.forecast;
