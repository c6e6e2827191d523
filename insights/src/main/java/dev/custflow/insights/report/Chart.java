package dev.custflow.insights.report;

import java.util.List;
import java.util.Objects;

/**
 * One chart of the report as the page's script draws it: categories along one axis, one or more series of values.
 * Every value carries the key of the figure it shows ({@code ref}), so that a test can find the same figure in the
 * export and compare.
 *
 * @param id         the chart's id in the page (letters, digits and dashes)
 * @param title      its title, in the report's language
 * @param kind       how it is drawn
 * @param categories the labels along the category axis (or the slices of a pie, the steps of a funnel)
 * @param series     the series, each with one value per category
 * @param unit       what the values are: {@code count}, {@code ratio} (0..1, shown as percent) or {@code amount}
 */
record Chart(String id, String title, Kind kind, List<String> categories, List<Series> series, String unit) {
    /** How a chart is drawn. */
    public enum Kind { BAR, STACKED_BAR, HORIZONTAL_BAR, LINE, FUNNEL, PIE }

    /** Validates the fields: one value per category in every series. */
    public Chart {
        if (!id.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("chart id '" + id + "' is not letters, digits and dashes");
        }
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(kind, "kind");
        categories = List.copyOf(categories);
        series = List.copyOf(series);
        Objects.requireNonNull(unit, "unit");
        for (Series s : series) {
            if (s.values().size() != categories.size()) {
                throw new IllegalArgumentException("series '" + s.name() + "' of chart " + id + " has "
                        + s.values().size() + " values for " + categories.size() + " categories");
            }
        }
    }

    /** @return the values shown (a missing value, null, is not a point) */
    public int points() {
        return (int) series.stream().flatMap(s -> s.values().stream()).filter(Objects::nonNull).count();
    }

    /**
     * One series.
     *
     * @param name   its name in the legend
     * @param values one value per category, null where there is none
     * @param refs   per value, the key of the figure it shows (null where there is none)
     */
    public record Series(String name, List<Double> values, List<String> refs) {
        /** Validates that there is one key per value. */
        public Series {
            Objects.requireNonNull(name, "name");
            values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
            refs = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(refs));
            if (refs.size() != values.size()) {
                throw new IllegalArgumentException("series '" + name + "': " + refs.size() + " keys for "
                        + values.size() + " values");
            }
        }
    }
}
