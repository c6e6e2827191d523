package dev.custflow.insights;

import java.util.Locale;

/**
 * What a KPI is broken down by. The value a fact is counted under is decided when the fact happens
 * (docs/kpis.md, "Dimensions"): a later change of owner, team or region does not move what was counted before.
 */
public enum Dimension {
    /** No breakdown: one value, the whole scope. */
    OVERALL,
    /** The rep who owned the customer when the fact happened (the last LEAD_ASSIGNED or LEAD_REASSIGNED). */
    REP,
    /** That rep's team when the fact happened (from RepUpdated). */
    TEAM,
    /** The channel the customer was first captured from (LeadCaptured.channel). */
    CHANNEL,
    /** The customer's region when the fact happened (LeadCaptured or ProfileUpdated region). */
    REGION;

    /** The value of a dimension for facts that have none (a customer without a rep, a channel or a region). */
    public static final String NONE = "";

    /**
     * @param locale the reader's language (zh-CN or en; others read English)
     * @return the name shown in reports, e.g. "Rep" or "销售"
     */
    public String label(Locale locale) {
        return Labels.get(locale, "dimension." + name());
    }

    /**
     * @param value  a value of this dimension, {@link #NONE} for none
     * @param locale the reader's language
     * @return the value as shown in reports: itself, or "(none)" / "（无）" for {@link #NONE}
     */
    public static String shown(String value, Locale locale) {
        return value == null || value.isEmpty() ? Labels.get(locale, "dimension.none") : value;
    }
}
