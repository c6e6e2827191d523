package dev.custflow.insights.internal;

import dev.custflow.insights.Kpi;
import dev.custflow.insights.KpiValue;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Computes each KPI from one cell's counters and the stocks at the start of its period (docs/kpis.md). */
final class Figures {
    private static final int SCALE = 6;
    private static final BigDecimal SECONDS_PER_DAY = BigDecimal.valueOf(86_400);

    private Figures() {
    }

    /**
     * @param kpi           the KPI
     * @param s             the cell's slots
     * @param activeAtStart active customers at the start of the period (for the churn rate)
     * @param dormantAtStart dormant customers at the start of the period (for the win-back rate)
     * @return the figure
     */
    static KpiValue of(Kpi kpi, long[] s, long activeAtStart, long dormantAtStart) {
        return switch (kpi) {
            case LEADS -> count(kpi, s[Slots.LEADS]);
            case MQLS -> count(kpi, s[Slots.MQLS]);
            case MQL_RATE -> ratio(kpi, s[Slots.MQLS], s[Slots.LEADS]);
            case PROSPECTS -> count(kpi, s[Slots.PROSPECTS]);
            case LEAD_TO_PROSPECT -> ratio(kpi, s[Slots.PROSPECTS], s[Slots.LEADS]);
            case OPPORTUNITIES -> count(kpi, s[Slots.OPPORTUNITIES]);
            case PROSPECT_TO_OPPORTUNITY -> ratio(kpi, s[Slots.OPPORTUNITIES], s[Slots.PROSPECTS]);
            case NEW_CUSTOMERS -> count(kpi, s[Slots.NEW_CUSTOMERS]);
            case OPPORTUNITY_TO_CUSTOMER -> ratio(kpi, s[Slots.NEW_FROM_OPPORTUNITY], s[Slots.OPPORTUNITIES]);
            case LEAD_TO_CUSTOMER -> ratio(kpi, s[Slots.NEW_FROM_LEADS], s[Slots.LEADS]);
            case SALES_CYCLE_DAYS -> {
                KpiValue seconds = ratio(kpi, s[Slots.CYCLE_SECONDS], s[Slots.NEW_FROM_LEADS] * 86_400L);
                yield new KpiValue(kpi, seconds.value(), BigDecimal.valueOf(s[Slots.CYCLE_SECONDS])
                        .divide(SECONDS_PER_DAY, SCALE, RoundingMode.HALF_EVEN), BigDecimal.valueOf(
                        s[Slots.NEW_FROM_LEADS]));
            }
            case DEALS_WON -> count(kpi, s[Slots.DEALS_WON]);
            case AVERAGE_DEAL_SIZE -> divide(kpi, money(s[Slots.DEAL_CENTS]), s[Slots.DEALS_WITH_AMOUNT]);
            case FIRST_RESPONSE_SLA -> ratio(kpi, s[Slots.SLA_MET], s[Slots.SLA_DECIDED]);
            case ON_TIME_DELIVERY -> ratio(kpi, s[Slots.DELIVERED_ON_TIME], s[Slots.DELIVERED_PROMISED]);
            case FIRST_CONTACT_RESOLUTION -> ratio(kpi, s[Slots.FIRST_CONTACT], s[Slots.RESOLVED_KNOWN]);
            case CSAT -> ratio(kpi, s[Slots.CSAT_SATISFIED], s[Slots.CSAT_ANSWERS]);
            case NPS -> {
                long net = s[Slots.NPS_PROMOTERS] - s[Slots.NPS_DETRACTORS];
                KpiValue r = ratio(kpi, net * 100, s[Slots.NPS_ANSWERS]);
                yield new KpiValue(kpi, r.value(), BigDecimal.valueOf(net), r.denominator());
            }
            case REPEAT_PURCHASE_RATE -> ratio(kpi, s[Slots.REPEAT_BUYERS], s[Slots.BUYERS]);
            case CHURN_RATE -> ratio(kpi, s[Slots.CHURNED], activeAtStart);
            case WIN_BACK_RATE -> ratio(kpi, s[Slots.WON_BACK], dormantAtStart);
            case REFERRAL_RATE -> ratio(kpi, s[Slots.REFERRED], s[Slots.NEW_CUSTOMERS]);
            case ORDERS -> count(kpi, s[Slots.ORDERS]);
            case REVENUE -> new KpiValue(kpi, money(s[Slots.REVENUE_CENTS]), money(s[Slots.REVENUE_CENTS]), null);
            case AVERAGE_ORDER_VALUE -> divide(kpi, money(s[Slots.REVENUE_CENTS]), s[Slots.ORDERS]);
            case GROSS_PROFIT -> {
                BigDecimal profit = money(s[Slots.COSTED_REVENUE_CENTS] - s[Slots.COST_CENTS]);
                yield new KpiValue(kpi, s[Slots.COSTED_ORDERS] > 0 ? profit : null, profit, null);
            }
            case GROSS_MARGIN -> {
                BigDecimal profit = money(s[Slots.COSTED_REVENUE_CENTS] - s[Slots.COST_CENTS]);
                BigDecimal revenue = money(s[Slots.COSTED_REVENUE_CENTS]);
                yield new KpiValue(kpi, s[Slots.COSTED_ORDERS] > 0 && revenue.signum() != 0
                        ? profit.divide(revenue, SCALE, RoundingMode.HALF_EVEN) : null, profit, revenue);
            }
        };
    }

    private static KpiValue count(Kpi kpi, long n) {
        return new KpiValue(kpi, BigDecimal.valueOf(n), BigDecimal.valueOf(n), null);
    }

    private static KpiValue ratio(Kpi kpi, long numerator, long denominator) {
        BigDecimal n = BigDecimal.valueOf(numerator);
        BigDecimal d = BigDecimal.valueOf(denominator);
        return new KpiValue(kpi, denominator <= 0 ? null : n.divide(d, SCALE, RoundingMode.HALF_EVEN), n, d);
    }

    private static KpiValue divide(Kpi kpi, BigDecimal numerator, long denominator) {
        BigDecimal d = BigDecimal.valueOf(denominator);
        return new KpiValue(kpi, denominator <= 0 ? null : numerator.divide(d, SCALE, RoundingMode.HALF_EVEN),
                numerator, d);
    }

    static BigDecimal money(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }
}
