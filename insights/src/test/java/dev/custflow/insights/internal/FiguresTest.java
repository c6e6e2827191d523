package dev.custflow.insights.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.insights.Kpi;
import org.junit.jupiter.api.Test;

class FiguresTest {

    @Test
    void everyKpi_isAbsentNotZero_whenItsDenominatorIsEmpty_andCountsAreZero() {
        long[] empty = new long[Slots.COUNT];
        for (Kpi kpi : Kpi.values()) {
            var v = Figures.of(kpi, empty, 0, 0);
            switch (kpi.unit()) {
                case COUNT -> assertThat(v.value()).as(kpi.name()).isZero();
                case MONEY -> {
                    if (kpi == Kpi.REVENUE) {
                        assertThat(v.value()).as(kpi.name()).isZero();
                    } else {
                        assertThat(v.isPresent()).as(kpi.name()).isFalse();
                    }
                }
                default -> assertThat(v.isPresent()).as(kpi.name()).isFalse();
            }
        }
    }

    @Test
    void ratesAndAverages_divideTheirSlots_moneyIsInCents() {
        long[] s = new long[Slots.COUNT];
        s[Slots.LEADS] = 8;
        s[Slots.MQLS] = 2;
        s[Slots.REVENUE_CENTS] = 100_050;
        s[Slots.ORDERS] = 2;
        s[Slots.NPS_PROMOTERS] = 1;
        s[Slots.NPS_DETRACTORS] = 3;
        s[Slots.NPS_ANSWERS] = 4;
        s[Slots.CHURNED] = 1;
        s[Slots.CYCLE_SECONDS] = 86_400 * 3;
        s[Slots.NEW_FROM_LEADS] = 2;

        assertThat(Figures.of(Kpi.MQL_RATE, s, 0, 0).value()).isEqualByComparingTo("0.25");
        assertThat(Figures.of(Kpi.REVENUE, s, 0, 0).value()).isEqualByComparingTo("1000.50");
        assertThat(Figures.of(Kpi.AVERAGE_ORDER_VALUE, s, 0, 0).value()).isEqualByComparingTo("500.25");
        assertThat(Figures.of(Kpi.NPS, s, 0, 0).value()).isEqualByComparingTo("-50");
        assertThat(Figures.of(Kpi.CHURN_RATE, s, 4, 0).value()).isEqualByComparingTo("0.25");
        assertThat(Figures.of(Kpi.CHURN_RATE, s, 4, 0).denominator()).isEqualByComparingTo("4");
        assertThat(Figures.of(Kpi.SALES_CYCLE_DAYS, s, 0, 0).value()).isEqualByComparingTo("1.5");
    }
}
