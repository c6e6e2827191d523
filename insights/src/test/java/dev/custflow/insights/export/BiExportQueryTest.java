package dev.custflow.insights.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.insights.Granularity;
import dev.custflow.insights.Kpi;
import dev.custflow.insights.KpiQuery;
import dev.custflow.insights.KpiRow;
import dev.custflow.insights.Scope;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An export queried from a KPI book a real engine fed: the book's figures, under the scope, and nothing else. */
class BiExportQueryTest {
    private static final Instant END = MonthlyBuyers.END;


    private static KpiFigure find(BiExport export, String kpi, String grain, String dimension, String member,
                                  LocalDate start) {
        return export.kpis().stream().filter(f -> f.kpi().equals(kpi) && f.grain().equals(grain)
                        && f.dimension().equals(dimension) && f.member().equals(member)
                        && java.util.Objects.equals(f.periodStart(), start))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kpi + " " + grain + " " + member));
    }

    @Test
    void monthFigures_areTheBooksOwn() {
        MonthlyBuyers fed = MonthlyBuyers.fed();
        BiExport export = BiExport.query(fed.book(), fed.warnings(), Scope.everything(), END);

        List<KpiRow> months = fed.book().kpis(Scope.everything(), KpiQuery.of(Granularity.MONTH,
                LocalDate.of(2025, 1, 1), LocalDate.of(2025, 6, 30)));
        assertThat(months).hasSize(6);
        for (KpiRow r : months) {
            for (Kpi k : List.of(Kpi.REVENUE, Kpi.ORDERS, Kpi.LEADS)) {
                if (r.get(k).isPresent()) {
                    assertThat(find(export, k.key(), "month", "all", "all", r.period().first()).value())
                            .isEqualTo(r.get(k).value().doubleValue());
                }
            }
        }
        assertThat(export.scope()).isEqualTo("everything");
    }

    @Test
    void wholeHistory_addsTheMonthsUp_andRatiosDivideTheSums() {
        MonthlyBuyers fed = MonthlyBuyers.fed();
        BiExport export = BiExport.query(fed.book(), fed.warnings(), Scope.everything(), END);

        // c-1 paid 100+200+...+600 = 2100, c-2 6 x 50 = 300
        assertThat(find(export, "revenue", "all", "all", "all", null).value()).isEqualTo(2400.0);
        assertThat(find(export, "orders", "all", "all", "all", null).value()).isEqualTo(12.0);
        assertThat(find(export, "average_order_value", "all", "all", "all", null).value()).isEqualTo(200.0);
        assertThat(export.kpis()).noneMatch(f -> f.grain().equals("all") && f.kpi().equals("churn_rate"));
    }

    @Test
    void forecast_isBacktestedFromTheFourthMonth_andStatesItsError() {
        MonthlyBuyers fed = MonthlyBuyers.fed();
        BiExport export = BiExport.query(fed.book(), fed.warnings(), Scope.everything(), END);

        List<LocalDate> forecast = export.kpis().stream().filter(f -> f.kpi().equals("revenue_forecast"))
                .map(KpiFigure::periodStart).toList();
        // three months of history before the first forecast; July is the month after the history
        assertThat(forecast).containsExactly(LocalDate.of(2025, 4, 1), LocalDate.of(2025, 5, 1),
                LocalDate.of(2025, 6, 1), LocalDate.of(2025, 7, 1));
        assertThat(find(export, "revenue_forecast_mape", "all", "all", "all", null).denominator()).isEqualTo(3.0);
    }

    @Test
    void customers_areMasked_unlessTheScopeGrantsPersonalData() {
        MonthlyBuyers fed = MonthlyBuyers.fed();

        BiExport masked = BiExport.query(fed.book(), fed.warnings(), Scope.everything(), END);
        BiExport granted = BiExport.query(fed.book(), fed.warnings(), Scope.everything().withPersonalData(), END);

        assertThat(masked.customers()).hasSize(2);
        assertThat(masked.customers().get(0).name()).isEqualTo("王*");
        assertThat(masked.customers().get(0).phone()).isEqualTo("138****8002");
        assertThat(masked.customers().toString()).doesNotContain("王小明").doesNotContain("13812348002")
                .doesNotContain("zhang.san");
        assertThat(granted.customers().get(0).email()).isEqualTo("zhang.san@example.com");
    }

    @Test
    void aScopeThatSeesNobody_exportsNoFigureAndNoCustomer() {
        MonthlyBuyers fed = MonthlyBuyers.fed();

        BiExport export = BiExport.query(fed.book(), fed.warnings(), Scope.rep("r-nobody"), END);

        assertThat(export.kpis()).isEmpty();
        assertThat(export.customers()).isEmpty();
        assertThat(export.scope()).isEqualTo("rep:r-nobody");
    }
}
