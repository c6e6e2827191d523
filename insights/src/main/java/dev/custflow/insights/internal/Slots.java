package dev.custflow.insights.internal;

/** The counters and sums each cell keeps, one long each (money in cents). docs/kpis.md names what feeds each. */
final class Slots {
    static final int LEADS = 0;
    static final int MQLS = 1;
    static final int PROSPECTS = 2;
    static final int OPPORTUNITIES = 3;
    static final int NEW_CUSTOMERS = 4;
    static final int NEW_FROM_LEADS = 5;
    static final int NEW_FROM_OPPORTUNITY = 6;
    static final int CYCLE_SECONDS = 7;
    static final int DEALS_WON = 8;
    static final int DEALS_WITH_AMOUNT = 9;
    static final int DEAL_CENTS = 10;
    static final int SLA_MET = 11;
    static final int SLA_DECIDED = 12;
    static final int DELIVERED_ON_TIME = 13;
    static final int DELIVERED_PROMISED = 14;
    static final int FIRST_CONTACT = 15;
    static final int RESOLVED_KNOWN = 16;
    static final int CSAT_SATISFIED = 17;
    static final int CSAT_ANSWERS = 18;
    static final int NPS_PROMOTERS = 19;
    static final int NPS_DETRACTORS = 20;
    static final int NPS_ANSWERS = 21;
    static final int BUYERS = 22;
    static final int REPEAT_BUYERS = 23;
    static final int CHURNED = 24;
    /** Net change of the active customers (CUSTOMER, LOYAL, ADVOCATE): summed over earlier periods, the base. */
    static final int ACTIVE_DELTA = 25;
    static final int WON_BACK = 26;
    /** Net change of the DORMANT customers: summed over earlier periods, the base for the win-back rate. */
    static final int DORMANT_DELTA = 27;
    static final int REFERRED = 28;
    static final int ORDERS = 29;
    static final int REVENUE_CENTS = 30;
    static final int COSTED_ORDERS = 31;
    static final int COSTED_REVENUE_CENTS = 32;
    static final int COST_CENTS = 33;

    static final int COUNT = 34;

    private Slots() {
    }
}
