package dev.custflow.rules;

import static dev.custflow.testdata.Events.at;
import static dev.custflow.testdata.Events.tick;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.RulePack;
import dev.custflow.action.Action;
import dev.custflow.action.DeliveryLate;
import dev.custflow.action.ProductionRequested;
import dev.custflow.action.PurchaseRequested;
import dev.custflow.event.LeadCaptured;
import dev.custflow.event.OrderLine;
import dev.custflow.event.OrderPlaced;
import dev.custflow.event.OrderStatusChanged;
import dev.custflow.event.PaymentReceived;
import dev.custflow.model.OrderItem;
import dev.custflow.model.OrderStatus;
import dev.custflow.settings.Settings;
import dev.custflow.test.ExpectedAction;
import dev.custflow.test.RuleVerifier;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fulfilment pack (docs/design/rules-catalog.md §6): each department asked at the status that needs it, late
 * deliveries and overdue invoices on the exact day, in the business time zone (Asia/Shanghai: a day there starts at
 * 16:00 UTC the day before). Events are at 09:00 UTC unless they say otherwise.
 */
class FulfilmentPackTest {

    private static RuleVerifier fulfilment() {
        return RuleVerifier.forPacks(RulePack.FULFILMENT);
    }

    private static OrderPlaced order(String orderId, String when, int amount, String promised, OrderLine... lines) {
        return new OrderPlaced("order:" + orderId, at(when), orderId, "C1", BigDecimal.valueOf(amount), null,
                List.of(lines), promised == null ? null : LocalDate.parse(promised));
    }

    private static OrderStatusChanged status(String orderId, OrderStatus s, String when) {
        return new OrderStatusChanged("status:" + orderId + ":" + s + "@" + when, at(when), orderId, s,
                s == OrderStatus.SHIPPED ? "SF1234567890" : null, null);
    }

    private static PaymentReceived paid(String orderId, int amount, String when) {
        return new PaymentReceived("paid:" + orderId + "@" + when, at(when), orderId, BigDecimal.valueOf(amount),
                null);
    }

    private static OrderLine line(String sku, int quantity) {
        return new OrderLine(sku, quantity, BigDecimal.valueOf(100));
    }

    private static ExpectedAction late(int days, String when) {
        return ExpectedAction.of("DELIVERY_LATE").with("orderId", "SO-1").with("daysLate", String.valueOf(days))
                .with("at", when);
    }

    @Test
    void fulfilment_approvedOrder_isInvoicedAndStockChecked() {
        fulfilment().given(order("SO-1", "2024-03-01", 12800, null))
                .when(status("SO-1", OrderStatus.APPROVED, "2024-03-02"))
                .thenExpectOnly(ExpectedAction.of("INVOICE_REQUESTED").with("orderId", "SO-1")
                                .with("customerId", "C1").with("rule", "fulfilment: an approved order is invoiced")
                                .with("reason", "order SO-1 of 12800.00 was approved; payment is due within 30 days"),
                        ExpectedAction.of("STOCK_CHECK_REQUESTED").with("orderId", "SO-1"));
    }

    @Test
    void fulfilment_approvalSentTwice_asksOnce() {
        fulfilment().given(order("SO-1", "2024-03-01", 12800, null), status("SO-1", OrderStatus.APPROVED, "2024-03-02"))
                .when(status("SO-1", OrderStatus.APPROVED, "2024-03-03"))
                .thenExpectNone();
    }

    @Test
    void fulfilment_stockShort_splitsTheLinesBetweenProductionAndPurchasing_bySettings() {
        Settings s = Settings.builder().set("fulfilment.sourcing", java.util.Map.of("VALVE-*", "BOUGHT_IN",
                "PUMP-9", "BOUGHT_IN")).build();
        List<Action> out = RuleVerifier.forPacks(s, RulePack.FULFILMENT)
                .given(order("SO-1", "2024-03-01", 900, null, line("PUMP-1", 2), line("VALVE-7", 10), line("PUMP-9", 1)),
                        status("SO-1", OrderStatus.APPROVED, "2024-03-02"))
                .when(status("SO-1", OrderStatus.STOCK_SHORT, "2024-03-03"))
                .thenExpectOnly(ExpectedAction.of("PRODUCTION_REQUESTED").with("orderId", "SO-1"),
                        ExpectedAction.of("PURCHASE_REQUESTED").with("orderId", "SO-1"));
        assertThat(out).filteredOn(ProductionRequested.class::isInstance).singleElement()
                .extracting(a -> ((ProductionRequested) a).lines()).isEqualTo(List.of(new OrderItem("PUMP-1", 2)));
        assertThat(out).filteredOn(PurchaseRequested.class::isInstance).singleElement()
                .extracting(a -> ((PurchaseRequested) a).lines())
                .isEqualTo(List.of(new OrderItem("VALVE-7", 10), new OrderItem("PUMP-9", 1)));
    }

    @Test
    void fulfilment_stockShort_namingTheLinesShort_requestsOnlyTheQuantitiesMissing() {
        Settings s = Settings.builder().set("fulfilment.sourcing", java.util.Map.of("VALVE-*", "BOUGHT_IN")).build();
        OrderStatusChanged shortOf = new OrderStatusChanged("short:SO-1", at("2024-03-03"), "SO-1",
                OrderStatus.STOCK_SHORT, null, null, List.of(new OrderLine("PUMP-1", 1, null),
                new OrderLine("VALVE-7", 4, null)));
        List<Action> out = RuleVerifier.forPacks(s, RulePack.FULFILMENT)
                .given(order("SO-1", "2024-03-01", 900, null, line("PUMP-1", 2), line("VALVE-7", 10), line("PUMP-9", 1)),
                        status("SO-1", OrderStatus.APPROVED, "2024-03-02"))
                .when(shortOf)
                .thenExpectOnly(ExpectedAction.of("PRODUCTION_REQUESTED").with("orderId", "SO-1")
                                .with("reason", "order SO-1 is short of stock; 1 x PUMP-1 made to order"),
                        ExpectedAction.of("PURCHASE_REQUESTED").with("orderId", "SO-1"));
        assertThat(out).filteredOn(ProductionRequested.class::isInstance).singleElement()
                .extracting(a -> ((ProductionRequested) a).lines()).isEqualTo(List.of(new OrderItem("PUMP-1", 1)));
        assertThat(out).filteredOn(PurchaseRequested.class::isInstance).singleElement()
                .extracting(a -> ((PurchaseRequested) a).lines()).isEqualTo(List.of(new OrderItem("VALVE-7", 4)));
    }

    @Test
    void fulfilment_stockShort_ofBoughtInLinesAlone_asksPurchasingAlone() {
        Settings s = Settings.builder().set("fulfilment.sourcing", java.util.Map.of("VALVE-*", "BOUGHT_IN")).build();
        RuleVerifier.forPacks(s, RulePack.FULFILMENT)
                .given(order("SO-1", "2024-03-01", 900, null, line("PUMP-1", 2), line("VALVE-7", 10)))
                .when(new OrderStatusChanged("short:SO-1", at("2024-03-03"), "SO-1", OrderStatus.STOCK_SHORT, null,
                        null, List.of(new OrderLine("VALVE-7", null, null))))
                .thenExpectOnly(ExpectedAction.of("PURCHASE_REQUESTED").with("orderId", "SO-1")
                        .with("reason", "order SO-1 is short of stock; 1 x VALVE-7 bought in"));
    }

    @Test
    void fulfilment_stockShort_ofAnOrderWithoutLines_goesWhereTheDefaultSays() {
        fulfilment().given(order("SO-1", "2024-03-01", 900, null))
                .when(status("SO-1", OrderStatus.STOCK_SHORT, "2024-03-03"))
                .thenExpectOnly(ExpectedAction.of("PRODUCTION_REQUESTED").with("orderId", "SO-1"));
        RuleVerifier.forPacks(Settings.builder().set("fulfilment.defaultSourcing", "BOUGHT_IN").build(),
                        RulePack.FULFILMENT)
                .given(order("SO-1", "2024-03-01", 900, null))
                .when(status("SO-1", OrderStatus.STOCK_SHORT, "2024-03-03"))
                .thenExpectOnly(ExpectedAction.of("PURCHASE_REQUESTED").with("orderId", "SO-1"));
    }

    @Test
    void fulfilment_ready_isShipped() {
        fulfilment().given(order("SO-1", "2024-03-01", 900, null))
                .when(status("SO-1", OrderStatus.READY, "2024-03-05"))
                .thenExpectOnly(ExpectedAction.of("SHIPMENT_REQUESTED").with("orderId", "SO-1")
                        .with("rule", "fulfilment: a ready order is shipped"));
    }

    @Test
    void fulfilment_shipped_tellsTheCustomerTheTrackingNumber_asAServiceMessage() {
        LeadCaptured reachable = LeadCaptured.builder("lead:C1", at("2024-02-01"), "C1", "WEBSITE")
                .email("c1@example.com").build();
        // 02:00 UTC is 10:00 in Shanghai, outside quiet hours
        fulfilment().given(reachable, order("SO-1", "2024-03-01", 900, null))
                .when(status("SO-1", OrderStatus.SHIPPED, "2024-03-06T02:00:00Z"))
                .thenExpectOnly(ExpectedAction.of("MESSAGE_REQUESTED").with("template", "SHIPPING_NOTICE")
                        .with("channel", "EMAIL").with("params.trackingNo", "SF1234567890")
                        .with("params.orderId", "SO-1"));
    }

    @Test
    void fulfilment_late_onTheDayThePromisePasses_notTheDayBefore() {
        // promised for 10 March: late from 11 March 00:00 in Shanghai, 10 March 16:00 UTC
        fulfilment().given(order("SO-1", "2024-03-01", 900, "2024-03-10"))
                .when(tick("2024-03-10T15:59:00Z"))
                .thenExpectNone();
        fulfilment().given(order("SO-1", "2024-03-01", 900, "2024-03-10"))
                .whenClockAt(at("2024-03-10T16:00:00Z"))
                .thenExpectOnly(late(1, "2024-03-10T16:00:00Z").with("rule",
                        "fulfilment: an order past its promised date is late"));
    }

    @Test
    void fulfilment_late_thenOnTheCadence_andNoneAfterDelivery() {
        List<Action> out = fulfilment().given(order("SO-1", "2024-03-01", 900, "2024-03-10"))
                .when(tick("2024-03-11"), tick("2024-03-12"), tick("2024-03-13"), tick("2024-03-14"),
                        tick("2024-03-15"), status("SO-1", OrderStatus.DELIVERED, "2024-03-15T10:00:00Z"),
                        tick("2024-03-17"), tick("2024-03-20"))
                .run();
        // reported on days 1 and 4 (every 3 days by default), at the first tick of those days
        assertThat(out).hasSize(2).allMatch(DeliveryLate.class::isInstance);
        assertThat(out).extracting(a -> ((DeliveryLate) a).daysLate()).containsExactly(1, 4);
        assertThat(out).extracting(a -> a.at().toString())
                .containsExactly("2024-03-11T09:00:00Z", "2024-03-14T09:00:00Z");
    }

    @Test
    void fulfilment_overdueInvoice_chasedByFinanceAndTheOwner_onTheDayAfterTheTerms() {
        Settings s = Settings.builder().set("fulfilment.paymentTermsDays", 10).build();
        // invoiced on 2 March (Shanghai): due by 12 March, overdue from 13 March 00:00 Shanghai
        List<Action> none = RuleVerifier.forPacks(s, RulePack.FULFILMENT)
                .given(order("SO-1", "2024-03-01", 900, null), status("SO-1", OrderStatus.APPROVED, "2024-03-02"))
                .when(tick("2024-03-12T15:59:00Z")).run();
        assertThat(none).isEmpty();
        RuleVerifier.forPacks(s, RulePack.FULFILMENT)
                .given(order("SO-1", "2024-03-01", 900, null), status("SO-1", OrderStatus.APPROVED, "2024-03-02"))
                .when(tick("2024-03-12T16:00:00Z"))
                .thenExpectOnly(ExpectedAction.of("TASK_CREATED").with("kind", "PAYMENT").with("repId", "finance")
                        .with("at", "2024-03-12T16:00:00Z").with("reason",
                                "order SO-1 was due for payment on 2024-03-12 and is 1 day(s) overdue: 900.00 of "
                                        + "900.00 unpaid"));
    }

    @Test
    void fulfilment_overdueInvoice_paidInFull_isNotChased() {
        Settings s = Settings.builder().set("fulfilment.paymentTermsDays", 10).build();
        RuleVerifier.forPacks(s, RulePack.FULFILMENT)
                .given(order("SO-1", "2024-03-01", 900, null), status("SO-1", OrderStatus.APPROVED, "2024-03-02"),
                        paid("SO-1", 900, "2024-03-05"))
                .when(tick("2024-03-13"), tick("2024-03-30"))
                .thenExpectNone();
    }

    @Test
    void fulfilment_partialPayment_raisesAPaymentTask() {
        fulfilment().given(order("SO-1", "2024-03-01", 900, null))
                .when(paid("SO-1", 300, "2024-03-05"))
                .thenExpectOnly(ExpectedAction.of("TASK_CREATED").with("kind", "PAYMENT").with("repId", "finance")
                        .with("reason", "received 300 for order SO-1: 300.00 of 900.00 paid, 600.00 outstanding"));
    }

    @Test
    void fulfilment_orderAboveTheCreditLimit_needsApproval() {
        Settings s = Settings.builder().set("fulfilment.creditLimits", java.util.Map.of("C1", 1000)).build();
        RuleVerifier.forPacks(s, RulePack.FULFILMENT)
                .given(order("SO-1", "2024-03-01", 900, null))
                .when(order("SO-2", "2024-03-02", 200, null))
                .thenExpectOnly(ExpectedAction.of("TASK_CREATED").with("kind", "APPROVAL").with("repId", "finance")
                        .with("reason", "order SO-2 of 200 brings what the customer owes to 1100.00, above the "
                                + "credit limit of 1000"));
    }

    @Test
    void fulfilment_cancelledOrder_leavesTheRfmScores_andAnOnlyOrderCancelledLeavesNone() {
        // FIXED scale: F 2 from 2 orders; M 3 from 2,000, M 5 from 20,000 spent
        Settings s = Settings.builder().set("segments.mode", "FIXED").build();
        try (dev.custflow.Engine e = dev.custflow.Custflow.builder().settings(s).build()) {
            e.acceptAll(List.of(order("SO-1", "2024-03-01", 3_000, null), order("SO-2", "2024-03-02", 20_000, null)));
            assertThat(e.customer("C1").orElseThrow().rfm()).isEqualTo("525");

            e.accept(status("SO-2", OrderStatus.CANCELLED, "2024-03-03"));
            assertThat(e.customer("C1").orElseThrow().rfm()).as("one order of 3,000 left").isEqualTo("513");

            e.accept(status("SO-1", OrderStatus.RETURNED, "2024-03-04"));
            assertThat(e.customer("C1").orElseThrow().rfm()).as("no order left: no scores").isNull();
        }
    }

    @Test
    void fulfilment_aRuleOfYourOwn_readsTheOnTimeDeliveryRate() {
        dev.custflow.RuleSource poorDelivery = dev.custflow.RuleSource.drl("delivery.drl", """
                package test.delivery
                import dev.custflow.model.Customer
                global dev.custflow.settings.Settings settings
                global dev.custflow.rules.Actions actions
                rule "test: customers we often deliver late to are tagged"
                when
                    $c : Customer( deliveriesWithPromise >= 2, onTimeDeliveryRate(settings.timeZone) < 0.5,
                                   !hasTag("late-deliveries") )
                then
                    actions.addTag($c, "late-deliveries", "on time: " + $c.onTimeDeliveryRate(settings.timeZone())
                            + " of " + $c.getDeliveriesWithPromise());
                end
                """);
        RuleVerifier.forEngine(b -> b.packs(RulePack.FULFILMENT).rules(poorDelivery))
                .given(order("SO-1", "2024-03-01", 900, "2024-03-05"), status("SO-1", OrderStatus.DELIVERED,
                                "2024-03-05"),
                        order("SO-2", "2024-03-06", 900, "2024-03-10"))
                // SO-1 on time; SO-2 delivered on 12 March, two days after its promise: half on time, not yet < 0.5
                .when(status("SO-2", OrderStatus.DELIVERED, "2024-03-12"), order("SO-3", "2024-03-13", 900,
                        "2024-03-15"), status("SO-3", OrderStatus.SHIPPED, "2024-03-16"),
                        status("SO-3", OrderStatus.DELIVERED, "2024-03-17"))
                // SO-3 two days late too: one of three on time, and the rule tags the customer then, once (the late
                // orders were reported late at the first event after their promise, before their delivery)
                .thenExpectOnly(ExpectedAction.of("DELIVERY_LATE").with("orderId", "SO-2").with("daysLate", "2"),
                        ExpectedAction.of("DELIVERY_LATE").with("orderId", "SO-3").with("daysLate", "1"),
                        ExpectedAction.of("TAG_ADDED").with("tag", "late-deliveries")
                        .with("at", "2024-03-17T09:00:00Z").with("reason", "on time: 0.3333333333333333 of 3"));
    }

    @Test
    void fulfilment_cancelledOrder_isNoLongerLate() {
        fulfilment().given(order("SO-1", "2024-03-01", 900, "2024-03-10"),
                        status("SO-1", OrderStatus.CANCELLED, "2024-03-05"))
                .when(tick("2024-03-11"), tick("2024-03-20"))
                .thenExpectNone();
    }
}
