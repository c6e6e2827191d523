package dev.custflow.insights;

import static dev.custflow.testdata.Events.lead;
import static dev.custflow.testdata.Events.order;
import static dev.custflow.testdata.Events.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.Custflow;
import dev.custflow.Engine;
import dev.custflow.RulePack;
import dev.custflow.event.Event;
import dev.custflow.model.OrderStatus;
import dev.custflow.model.Stage;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The book fed by a real engine: the engine's own actions give the figures. */
class KpiBookEngineTest {

    private static KpiBook replay(Engine engine, List<Event> events) {
        KpiBook book = KpiBook.builder().settings(engine.settings()).build();
        events.forEach(e -> book.accept(engine, e));
        return book;
    }

    @Test
    void leadThenOrder_countsALeadANewCustomerAndTheRevenueInThatMonth() {
        try (Engine engine = Custflow.builder().packs(RulePack.LIFECYCLE).build()) {
            KpiBook book = replay(engine, List.of(
                    lead("L1", "2026-03-02", "WEBSITE"),
                    lead("L2", "2026-03-03", "WECHAT"),
                    order("O1", "L1", "2026-03-12", 1200)));

            KpiRow march = book.kpis(Scope.everything(),
                    KpiQuery.of(Granularity.MONTH, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31))).get(0);

            assertThat(march.period().label()).isEqualTo("2026-03");
            assertThat(march.get(Kpi.LEADS).value()).isEqualByComparingTo("2");
            assertThat(march.get(Kpi.NEW_CUSTOMERS).value()).isEqualByComparingTo("1");
            assertThat(march.get(Kpi.LEAD_TO_CUSTOMER).value()).isEqualByComparingTo("0.5");
            assertThat(march.get(Kpi.SALES_CYCLE_DAYS).value()).isEqualByComparingTo("10");
            assertThat(march.get(Kpi.REVENUE).value()).isEqualByComparingTo("1200");
            assertThat(march.get(Kpi.GROSS_MARGIN).isPresent()).as("no cost given: absent, not zero").isFalse();
            assertThat(book.customer(Scope.everything(), "L1")).get()
                    .satisfies(r -> assertThat(r.stage()).isEqualTo(Stage.CUSTOMER))
                    .satisfies(r -> assertThat(r.revenue()).isEqualByComparingTo(new BigDecimal("1200")));
        }
    }

    @Test
    void aResentEvent_isADuplicateAndCountsNothing() {
        try (Engine engine = Custflow.builder().packs(RulePack.LIFECYCLE).build()) {
            KpiBook book = replay(engine, List.of(lead("L1", "2026-03-02", "WEBSITE"),
                    order("O1", "L1", "2026-03-12", 1200), status("O1", OrderStatus.DELIVERED, "2026-03-13")));
            book.accept(engine, order("O1", "L1", "2026-03-12", 1200));
            book.accept(engine, lead("L1", "2026-03-02", "WEBSITE"));

            KpiRow march = book.kpis(Scope.everything(),
                    KpiQuery.of(Granularity.QUARTER, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 1))).get(0);

            assertThat(march.get(Kpi.LEADS).value()).isEqualByComparingTo("1");
            assertThat(march.get(Kpi.ORDERS).value()).isEqualByComparingTo("1");
            assertThat(march.get(Kpi.REVENUE).value()).isEqualByComparingTo("1200");
        }
    }
}
