package dev.custflow.insights;

import java.util.Locale;

/** How long one period of a KPI is, counted in the business's time zone (the engine settings' {@code timeZone}). */
public enum Granularity {
    /** A calendar day. */
    DAY,
    /** An ISO week, Monday to Sunday, labelled by its week-based year ({@code 2026-W05}). */
    WEEK,
    /** A calendar month. */
    MONTH,
    /** A calendar quarter (Q1 is January to March). */
    QUARTER;

    /**
     * @param locale the reader's language (zh-CN or en; others read English)
     * @return the name shown in reports, e.g. "Month" or "月"
     */
    public String label(Locale locale) {
        return Labels.get(locale, "granularity." + name());
    }
}
