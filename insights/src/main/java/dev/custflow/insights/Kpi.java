package dev.custflow.insights;

import java.util.Locale;

/**
 * The KPIs the book keeps. Each one's exact definition (numerator, denominator, the event or action it is counted
 * from, the period and the dimension values a fact lands in) is in docs/kpis.md; {@link #definition(Locale)} gives
 * it in one sentence. Rates are fractions (0.25 is 25%), money is in the settings' currency, NPS runs from -100 to
 * 100.
 */
public enum Kpi {
    /** Leads captured: the first LeadCaptured of each lead id. */
    LEADS(Unit.COUNT),
    /** Leads that first scored at or above the MQL threshold (LEAD_SCORED). */
    MQLS(Unit.COUNT),
    /** MQLs / leads, both counted in the period. */
    MQL_RATE(Unit.RATIO),
    /** Customers that first entered PROSPECT (STAGE_CHANGED). */
    PROSPECTS(Unit.COUNT),
    /** Prospects / leads. */
    LEAD_TO_PROSPECT(Unit.RATIO),
    /** Customers that got their first opportunity (OPPORTUNITY_CREATED). */
    OPPORTUNITIES(Unit.COUNT),
    /** Opportunities / prospects. */
    PROSPECT_TO_OPPORTUNITY(Unit.RATIO),
    /** Customers that first entered a buying stage (STAGE_CHANGED to CUSTOMER, LOYAL, ADVOCATE or DORMANT). */
    NEW_CUSTOMERS(Unit.COUNT),
    /** New customers that had an opportunity / opportunities. */
    OPPORTUNITY_TO_CUSTOMER(Unit.RATIO),
    /** New customers that came in as leads / leads. */
    LEAD_TO_CUSTOMER(Unit.RATIO),
    /** Mean days from a lead's capture to its becoming a customer, over the new customers that came as leads. */
    SALES_CYCLE_DAYS(Unit.DAYS),
    /** Opportunities won (OpportunityClosed WON). */
    DEALS_WON(Unit.COUNT),
    /** Mean amount of the won opportunities that name an amount. */
    AVERAGE_DEAL_SIZE(Unit.MONEY),
    /** First responses in time / first responses decided (in time, or SLA_ESCALATED). */
    FIRST_RESPONSE_SLA(Unit.RATIO),
    /** Orders delivered on or before their promised date / orders delivered that had one. */
    ON_TIME_DELIVERY(Unit.RATIO),
    /** Tickets resolved at the first contact / tickets resolved that say whether they were. */
    FIRST_CONTACT_RESOLUTION(Unit.RATIO),
    /** Survey answers with CSAT 4 or 5 / survey answers with a CSAT. */
    CSAT(Unit.RATIO),
    /** (promoters 9-10 - detractors 0-6) / NPS answers x 100. */
    NPS(Unit.SCORE),
    /** Buyers in the period who had ordered before the period / buyers in the period. */
    REPEAT_PURCHASE_RATE(Unit.RATIO),
    /** Customers that went DORMANT / active customers at the start of the period. */
    CHURN_RATE(Unit.RATIO),
    /** DORMANT customers that came back / DORMANT customers at the start of the period. */
    WIN_BACK_RATE(Unit.RATIO),
    /** New customers whose referrer was rewarded (REFERRAL_REWARDED) / new customers. */
    REFERRAL_RATE(Unit.RATIO),
    /** Orders placed, less those cancelled or returned. */
    ORDERS(Unit.COUNT),
    /** Order amounts, less cancelled and returned orders. */
    REVENUE(Unit.MONEY),
    /** Revenue / orders. */
    AVERAGE_ORDER_VALUE(Unit.MONEY),
    /** Revenue of orders with a known cost, less that cost: absent where no order had a cost. */
    GROSS_PROFIT(Unit.MONEY),
    /** Gross profit / revenue of the orders with a known cost: absent where no order had a cost. */
    GROSS_MARGIN(Unit.RATIO);

    /** What kind of number a KPI is, so that a report can format it. */
    public enum Unit {
        /** A whole number of things. */
        COUNT,
        /** A fraction between 0 and 1 for rates (some flow rates may pass 1; docs/kpis.md says which). */
        RATIO,
        /** An amount in the settings' currency, two decimals. */
        MONEY,
        /** A number of days, with decimals. */
        DAYS,
        /** A score such as NPS (-100 to 100). */
        SCORE
    }

    private final Unit unit;

    Kpi(Unit unit) {
        this.unit = unit;
    }

    /** @return what kind of number it is */
    public Unit unit() {
        return unit;
    }

    /** @return the stable key used in exports, e.g. {@code mql_rate} */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param locale the reader's language (zh-CN or en; others read English)
     * @return the KPI's name, e.g. "MQL rate" or "MQL 转化率"
     */
    public String label(Locale locale) {
        return Labels.get(locale, "kpi." + name());
    }

    /**
     * @param locale the reader's language (zh-CN or en; others read English)
     * @return the definition in one sentence (docs/kpis.md has the full one)
     */
    public String definition(Locale locale) {
        return Labels.get(locale, "kpi." + name() + ".definition");
    }
}
