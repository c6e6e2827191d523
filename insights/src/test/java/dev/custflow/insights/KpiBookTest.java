package dev.custflow.insights;

import static dev.custflow.insights.Facts.assigned;
import static dev.custflow.insights.Facts.at;
import static dev.custflow.insights.Facts.escalated;
import static dev.custflow.insights.Facts.feed;
import static dev.custflow.insights.Facts.id;
import static dev.custflow.insights.Facts.lead;
import static dev.custflow.insights.Facts.opportunity;
import static dev.custflow.insights.Facts.order;
import static dev.custflow.insights.Facts.rewarded;
import static dev.custflow.insights.Facts.scored;
import static dev.custflow.insights.Facts.stage;
import static dev.custflow.insights.Facts.survey;
import static dev.custflow.insights.Facts.time;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custflow.BatchResult;
import dev.custflow.event.InteractionLogged;
import dev.custflow.event.OpportunityClosed;
import dev.custflow.event.OrderLine;
import dev.custflow.event.OrderStatusChanged;
import dev.custflow.event.TicketOpened;
import dev.custflow.event.TicketResolved;
import dev.custflow.model.InteractionKind;
import dev.custflow.model.OrderStatus;
import dev.custflow.model.Outcome;
import dev.custflow.model.Stage;
import dev.custflow.model.TicketKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Given events and the engine's answers, the book gives these figures (docs/kpis.md). */
class KpiBookTest {
    private final KpiBook book = KpiBook.builder().zone(ZoneId.of("Asia/Shanghai")).mqlThreshold(50).build();

    private KpiRow month(String yearMonth) {
        return only(book, Scope.everything(), Granularity.MONTH, yearMonth);
    }

    static KpiRow only(KpiBook book, Scope scope, Granularity g, String day) {
        LocalDate d = day.length() == 7 ? LocalDate.parse(day + "-01") : LocalDate.parse(day);
        List<KpiRow> rows = book.kpis(scope, KpiQuery.of(g, d, d));
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    private static BigDecimal value(KpiRow row, Kpi kpi) {
        return row.get(kpi).value();
    }

    @Test
    void leads_areCountedOncePerLeadUnderTheirCaptureChannel() {
        feed(book, lead("L1", "2026-03-02", "WEBSITE", "EAST"));
        feed(book, lead("L2", "2026-03-03", "WEBSITE", "EAST"));
        feed(book, lead("L3", "2026-03-04", "WECHAT", "NORTH"));
        feed(book, lead("L1", "2026-03-05", "WECHAT", "EAST")); // a re-capture of a known lead

        List<KpiRow> byChannel = book.kpis(Scope.everything(), KpiQuery.of(Granularity.MONTH,
                LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 1)).by(Dimension.CHANNEL).only(Kpi.LEADS));

        assertThat(byChannel).extracting(KpiRow::value).containsExactly("WEBSITE", "WECHAT");
        assertThat(byChannel).extracting(r -> r.get(Kpi.LEADS).value().intValue()).containsExactly(2, 1);
        assertThat(book.values(Scope.everything(), Dimension.CHANNEL)).containsExactly("WEBSITE", "WECHAT");
    }

    @Test
    void mqlRate_countsEachLeadsFirstScoreAtTheThreshold() {
        feed(book, lead("L1", "2026-03-02", "WEBSITE", null), scored("L1", "2026-03-02", 70));
        feed(book, lead("L2", "2026-03-02", "WEBSITE", null), scored("L2", "2026-03-02", 30));
        time(book, scored("L1", "2026-03-09", 80)); // already an MQL

        assertThat(value(month("2026-03"), Kpi.MQLS)).isEqualByComparingTo("1");
        assertThat(value(month("2026-03"), Kpi.MQL_RATE)).isEqualByComparingTo("0.5");
    }

    @Test
    void funnel_convertsLeadsToProspectsOpportunitiesAndCustomers_withTheSalesCycle() {
        feed(book, lead("L1", "2026-03-01", "WEBSITE", null), stage("L1", "2026-03-01", null, Stage.LEAD));
        feed(book, lead("L2", "2026-03-01", "WEBSITE", null), stage("L2", "2026-03-01", null, Stage.LEAD));
        feed(book, lead("L3", "2026-03-01", "WEBSITE", null), stage("L3", "2026-03-01", null, Stage.LEAD));
        feed(book, lead("L4", "2026-03-01", "WEBSITE", null), stage("L4", "2026-03-01", null, Stage.LEAD));
        time(book, stage("L1", "2026-03-05", Stage.LEAD, Stage.PROSPECT),
                stage("L2", "2026-03-05", Stage.LEAD, Stage.PROSPECT), opportunity("L1", "2026-03-06"));
        feed(book, order("O1", "L1", "2026-03-11", "500"), stage("L1", "2026-03-11", Stage.PROSPECT, Stage.CUSTOMER));
        feed(book, order("O2", "L3", "2026-03-21", "500"), stage("L3", "2026-03-21", Stage.LEAD, Stage.CUSTOMER));
        feed(book, order("O3", "X9", "2026-03-21", "500"), stage("X9", "2026-03-21", null, Stage.CUSTOMER));

        KpiRow march = month("2026-03");
        assertThat(value(march, Kpi.LEADS)).isEqualByComparingTo("4");
        assertThat(value(march, Kpi.LEAD_TO_PROSPECT)).isEqualByComparingTo("0.5");
        assertThat(value(march, Kpi.PROSPECT_TO_OPPORTUNITY)).isEqualByComparingTo("0.5");
        assertThat(value(march, Kpi.OPPORTUNITY_TO_CUSTOMER)).isEqualByComparingTo("1");
        assertThat(value(march, Kpi.NEW_CUSTOMERS)).isEqualByComparingTo("3");
        assertThat(value(march, Kpi.LEAD_TO_CUSTOMER)).isEqualByComparingTo("0.5");
        assertThat(value(march, Kpi.SALES_CYCLE_DAYS)).as("(10 + 20) / 2 leads that bought").isEqualByComparingTo("15");
    }

    @Test
    void averageDealSize_isOverTheWonDealsThatNameAnAmount() {
        feed(book, new OpportunityClosed(id(), at("2026-03-02"), "C1", "P1", Outcome.WON, new BigDecimal("1000"), null));
        feed(book, new OpportunityClosed(id(), at("2026-03-03"), "C2", "P2", Outcome.WON, new BigDecimal("3000"), null));
        feed(book, new OpportunityClosed(id(), at("2026-03-04"), "C3", "P3", Outcome.WON, null, null));
        feed(book, new OpportunityClosed(id(), at("2026-03-04"), "C4", "P4", Outcome.LOST, new BigDecimal("9"), null));

        assertThat(value(month("2026-03"), Kpi.DEALS_WON)).isEqualByComparingTo("3");
        assertThat(value(month("2026-03"), Kpi.AVERAGE_DEAL_SIZE)).isEqualByComparingTo("2000");
    }

    @Test
    void firstResponseSla_isMetByARepContactBeforeAnyEscalation() {
        feed(book, lead("L1", "2026-03-02", "WEBSITE", null), assigned("L1", "2026-03-02", "r1"));
        feed(book, lead("L2", "2026-03-02", "WEBSITE", null), assigned("L2", "2026-03-02", "r1"));
        feed(book, lead("L3", "2026-03-02", "WEBSITE", null), assigned("L3", "2026-03-02", "r2"));
        feed(book, InteractionLogged.of(id(), at("2026-03-02T10:00:00Z"), "L1", InteractionKind.CALL, "r1"));
        feed(book, InteractionLogged.of(id(), at("2026-03-02T10:30:00Z"), "L1", InteractionKind.CALL, "r1"));
        time(book, escalated("L2", "2026-03-03", "r1"));
        feed(book, InteractionLogged.of(id(), at("2026-03-02T11:00:00Z"), "L2", InteractionKind.CALL, "r1"));
        // the call arrives after the deadline: the engine escalates in the same call
        feed(book, InteractionLogged.of(id(), at("2026-03-04"), "L3", InteractionKind.CALL, "r2"),
                escalated("L3", "2026-03-04", "r2"));
        feed(book, InteractionLogged.of(id(), at("2026-03-04"), "L3", InteractionKind.PAGE_VIEW, null));

        assertThat(month("2026-03").get(Kpi.FIRST_RESPONSE_SLA).numerator()).isEqualByComparingTo("1");
        assertThat(month("2026-03").get(Kpi.FIRST_RESPONSE_SLA).denominator()).isEqualByComparingTo("3");
        List<KpiRow> byRep = book.kpis(Scope.everything(), KpiQuery.of(Granularity.MONTH, LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 1)).by(Dimension.REP).only(Kpi.FIRST_RESPONSE_SLA));
        assertThat(byRep).extracting(KpiRow::value).containsExactly("r1", "r2");
        assertThat(byRep).extracting(r -> r.get(Kpi.FIRST_RESPONSE_SLA).value())
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("0.5"), BigDecimal.ZERO);
    }

    @Test
    void onTimeDelivery_comparesTheDeliveryDayInTheBusinessZoneWithThePromise() {
        LocalDate promised = LocalDate.of(2026, 3, 10);
        feed(book, order("O1", "C1", "2026-03-01", "100", promised));
        feed(book, order("O2", "C1", "2026-03-01", "100", promised));
        feed(book, order("O3", "C1", "2026-03-01", "100", null));
        feed(book, new OrderStatusChanged(id(), at("2026-03-10T15:59:00Z"), "O1", OrderStatus.DELIVERED, null, null));
        // 20:00 UTC on the 10th is already the 11th in Shanghai
        feed(book, new OrderStatusChanged(id(), at("2026-03-10T20:00:00Z"), "O2", OrderStatus.DELIVERED, null, null));
        feed(book, new OrderStatusChanged(id(), at("2026-03-12"), "O2", OrderStatus.DELIVERED, null, null));
        feed(book, new OrderStatusChanged(id(), at("2026-03-12"), "O3", OrderStatus.DELIVERED, null, null));

        KpiValue onTime = month("2026-03").get(Kpi.ON_TIME_DELIVERY);
        assertThat(onTime.numerator()).isEqualByComparingTo("1");
        assertThat(onTime.denominator()).isEqualByComparingTo("2");
    }

    @Test
    void firstContactResolution_countsEachOpenedTicketOnce() {
        feed(book, new TicketOpened(id(), at("2026-03-01"), "T1", "C1", TicketKind.REPAIR, null));
        feed(book, new TicketOpened(id(), at("2026-03-01"), "T2", "C1", TicketKind.REPAIR, null));
        feed(book, new TicketOpened(id(), at("2026-03-01"), "T3", "C1", TicketKind.INQUIRY, null));
        feed(book, new TicketResolved(id(), at("2026-03-02"), "T1", true, null));
        feed(book, new TicketResolved(id(), at("2026-03-03"), "T1", false, null));
        feed(book, new TicketResolved(id(), at("2026-03-03"), "T2", false, "C1"));
        feed(book, new TicketResolved(id(), at("2026-03-03"), "T3", null, null));

        assertThat(value(month("2026-03"), Kpi.FIRST_CONTACT_RESOLUTION)).isEqualByComparingTo("0.5");
    }

    @Test
    void csatAndNps_comeFromSurveyAnswers() {
        feed(book, survey("C1", "2026-03-01", 10, 5));
        feed(book, survey("C2", "2026-03-01", 9, 4));
        feed(book, survey("C3", "2026-03-01", 7, 2));
        feed(book, survey("C4", "2026-03-01", 3, null));

        assertThat(value(month("2026-03"), Kpi.NPS)).as("(2 - 1) / 4 x 100").isEqualByComparingTo("25");
        assertThat(value(month("2026-03"), Kpi.CSAT)).isEqualByComparingTo("0.666667");
    }

    @Test
    void repeatPurchaseRate_countsBuyersOncePerPeriodAndAsksWhetherTheyBoughtBefore() {
        feed(book, order("O1", "A", "2026-01-10", "100"));
        feed(book, order("O2", "A", "2026-02-10", "100"));
        feed(book, order("O3", "B", "2026-02-11", "100"));
        feed(book, order("O4", "B", "2026-02-20", "100"));

        assertThat(month("2026-01").get(Kpi.REPEAT_PURCHASE_RATE).denominator()).isEqualByComparingTo("1");
        assertThat(value(month("2026-01"), Kpi.REPEAT_PURCHASE_RATE)).isEqualByComparingTo("0");
        assertThat(month("2026-02").get(Kpi.REPEAT_PURCHASE_RATE).denominator()).isEqualByComparingTo("2");
        assertThat(value(month("2026-02"), Kpi.REPEAT_PURCHASE_RATE)).isEqualByComparingTo("0.5");
        assertThat(value(only(book, Scope.everything(), Granularity.QUARTER, "2026-01-01"),
                Kpi.REPEAT_PURCHASE_RATE)).as("in the quarter neither had bought before it").isEqualByComparingTo("0");
    }

    @Test
    void churnAndWinBack_divideByTheStockAtTheStartOfThePeriod() {
        time(book, stage("A", "2026-01-05", null, Stage.CUSTOMER), stage("B", "2026-01-05", null, Stage.CUSTOMER),
                stage("C", "2026-01-05", null, Stage.CUSTOMER), stage("D", "2026-01-05", null, Stage.CUSTOMER));
        time(book, stage("A", "2026-02-05", Stage.CUSTOMER, Stage.DORMANT));
        time(book, stage("A", "2026-03-05", Stage.DORMANT, Stage.CUSTOMER),
                stage("B", "2026-03-06", Stage.CUSTOMER, Stage.LOYAL));

        assertThat(month("2026-01").get(Kpi.CHURN_RATE).isPresent()).as("nobody was active on Jan 1").isFalse();
        assertThat(value(month("2026-02"), Kpi.CHURN_RATE)).as("1 of 4").isEqualByComparingTo("0.25");
        assertThat(value(month("2026-03"), Kpi.CHURN_RATE)).as("0 of 3").isEqualByComparingTo("0");
        assertThat(value(month("2026-03"), Kpi.WIN_BACK_RATE)).as("1 of 1").isEqualByComparingTo("1");
        assertThat(value(month("2026-03"), Kpi.NEW_CUSTOMERS)).as("a win-back is not new").isEqualByComparingTo("0");
    }

    @Test
    void referralRate_countsTheReferredNewCustomer() {
        feed(book, order("O1", "A", "2026-03-01", "100"), stage("A", "2026-03-01", null, Stage.CUSTOMER));
        feed(book, order("O2", "B", "2026-03-02", "100"), stage("B", "2026-03-02", null, Stage.CUSTOMER),
                rewarded("A", "B", "2026-03-02"));

        assertThat(value(month("2026-03"), Kpi.REFERRAL_RATE)).isEqualByComparingTo("0.5");
    }

    @Test
    void revenue_isReversedOnceByACancellationOrReturn_onItsOwnDay() {
        feed(book, order("O1", "A", "2026-02-27", "300.50"));
        feed(book, order("O2", "A", "2026-02-28", "100"));
        feed(book, new OrderStatusChanged(id(), at("2026-03-02"), "O1", OrderStatus.RETURNED, null, null));
        feed(book, new OrderStatusChanged(id(), at("2026-03-03"), "O1", OrderStatus.CANCELLED, null, null));

        assertThat(value(month("2026-02"), Kpi.REVENUE)).isEqualByComparingTo("400.50");
        assertThat(value(month("2026-02"), Kpi.AVERAGE_ORDER_VALUE)).isEqualByComparingTo("200.25");
        assertThat(value(month("2026-03"), Kpi.REVENUE)).isEqualByComparingTo("-300.50");
        assertThat(value(month("2026-03"), Kpi.ORDERS)).isEqualByComparingTo("-1");
        assertThat(book.customer(Scope.everything(), "A").orElseThrow().revenue()).isEqualByComparingTo("100");
    }

    @Test
    void grossMargin_usesTheHostsCosts_andIsAbsentWithoutThem() {
        KpiBook costed = KpiBook.builder().orderCosts(OrderCosts.perUnit(Map.of("SKU-1", new BigDecimal("30"))))
                .build();
        feed(costed, order("O1", "A", "2026-03-01", "100", null, new OrderLine("SKU-1", 2, new BigDecimal("100"))));
        feed(costed, order("O2", "A", "2026-03-01", "50", null, new OrderLine("SKU-2", 1, new BigDecimal("50"))));
        feed(costed, order("O3", "A", "2026-04-01", "50", null, new OrderLine("SKU-2", 1, new BigDecimal("50"))));

        KpiRow march = only(costed, Scope.everything(), Granularity.MONTH, "2026-03");
        assertThat(value(march, Kpi.GROSS_PROFIT)).as("100 - 2 x 30").isEqualByComparingTo("40");
        assertThat(value(march, Kpi.GROSS_MARGIN)).isEqualByComparingTo("0.4");
        assertThat(value(march, Kpi.REVENUE)).isEqualByComparingTo("150");
        KpiRow april = only(costed, Scope.everything(), Granularity.MONTH, "2026-04");
        assertThat(april.get(Kpi.GROSS_MARGIN).isPresent()).isFalse();
        assertThat(april.get(Kpi.GROSS_PROFIT).isPresent()).isFalse();
    }

    @Test
    void periods_areDaysIsoWeeksMonthsAndQuartersInTheBusinessZone() {
        // Sunday 2026-03-01 16:30 UTC is Monday 2026-03-02 00:30 in Shanghai: ISO week 10
        feed(book, lead("L1", "2026-03-01T16:30:00Z", "WEBSITE", null));

        assertThat(only(book, Scope.everything(), Granularity.DAY, "2026-03-02").period().label())
                .isEqualTo("2026-03-02");
        assertThat(only(book, Scope.everything(), Granularity.WEEK, "2026-03-02").period().label())
                .isEqualTo("2026-W10");
        assertThat(only(book, Scope.everything(), Granularity.QUARTER, "2026-03-02").period().label())
                .isEqualTo("2026-Q1");
        assertThat(book.kpis(Scope.everything(), KpiQuery.of(Granularity.DAY, LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 1)))).as("a day without facts is absent").isEmpty();
        assertThat(book.span(Scope.everything())).contains(List.of(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 2)));
    }

    @Test
    void aDuplicateOrRejectedEvent_countsNothing_andAResultForManyEventsIsRefused() {
        book.record(lead("L1", "2026-03-02", "WEBSITE", null), new BatchResult(List.of(), List.of(), 0, 1));

        assertThat(book.kpis(Scope.everything(), KpiQuery.of(Granularity.MONTH, LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 1)))).isEmpty();
        assertThatThrownBy(() -> book.record(lead("L1", "2026-03-02", "WEBSITE", null),
                new BatchResult(List.of(), List.of(), 2, 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one event at a time");
    }

    @Test
    void aTimeOutsideTheBooksRange_isRefusedBeforeAnythingIsCounted() {
        assertThatThrownBy(() -> feed(book, lead("L1", "2026-03-02", "WEBSITE", null),
                stage("L1", "1850-01-01", null, Stage.LEAD)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1850-01-01");

        feed(book, lead("L2", "2026-03-02", "WEBSITE", null));
        assertThat(value(month("2026-03"), Kpi.LEADS)).as("L1 was not counted, L2 was").isEqualByComparingTo("1");
    }

    @Test
    void aCustomerCapturedAfterItsFirstOrder_takesItsPlaceInTheBaseToTheChannel() {
        feed(book, order("O1", "A", "2026-01-10", "100"), stage("A", "2026-01-10", null, Stage.CUSTOMER));
        feed(book, lead("A", "2026-01-20", "WECHAT", null));
        time(book, stage("A", "2026-02-20", Stage.CUSTOMER, Stage.DORMANT));

        List<KpiRow> february = book.kpis(Scope.everything(), KpiQuery.of(Granularity.MONTH,
                LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 1)).by(Dimension.CHANNEL).only(Kpi.CHURN_RATE));
        assertThat(february).extracting(KpiRow::value).containsExactly("WECHAT");
        assertThat(february.get(0).get(Kpi.CHURN_RATE).value()).isEqualByComparingTo("1");
    }
}
