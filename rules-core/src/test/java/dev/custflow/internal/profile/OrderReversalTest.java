package dev.custflow.internal.profile;

import static dev.custflow.testdata.Events.at;
import static dev.custflow.testdata.Events.order;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.event.OrderPlaced;
import dev.custflow.event.OrderStatusChanged;
import dev.custflow.model.OrderStatus;
import dev.custflow.model.OrderStep;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * A cancelled or returned order no longer counts as bought: what its OrderPlaced fed (order count, total, the history
 * the RFM scores and intervals read, and, once delivered, the on-time figures) is taken back, once.
 */
class OrderReversalTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static CustomerRecord customer() {
        CustomerRecord c = new CustomerRecord("C1", at("2024-01-01"));
        c.now(at("2024-04-01"));
        return c;
    }

    private static OrderStatusChanged status(String orderId, OrderStatus s, String when, String id) {
        return new OrderStatusChanged(id, at(when), orderId, s, null, null);
    }

    private static OrderPlaced promised(String orderId, String when, int amount, String promised) {
        return new OrderPlaced("o:" + orderId, at(when), orderId, "C1", BigDecimal.valueOf(amount), null, null,
                LocalDate.parse(promised));
    }

    @Test
    void cancelled_takesBackTheAmountAndTheOrder_andASecondCancelChangesNothing() {
        CustomerRecord c = customer();
        c.apply(order("o1", "C1", "2024-01-10", 300));
        c.apply(order("o2", "C1", "2024-02-10", 200));
        c.apply(status("o2", OrderStatus.CANCELLED, "2024-02-11", "cancel-1"));
        assertThat(c.getOrderCount()).isEqualTo(1);
        assertThat(c.getTotalSpent()).isEqualByComparingTo("300.00");
        assertThat(c.getLastOrderAt()).isEqualTo(at("2024-01-10"));
        assertThat(c.ordersWithinDays(365)).isEqualTo(1);
        byte[] once = c.checkpoint();

        c.apply(status("o2", OrderStatus.CANCELLED, "2024-02-12", "cancel-2"));
        c.apply(status("o2", OrderStatus.RETURNED, "2024-02-13", "return-1"));
        assertThat(c.getOrderCount()).isEqualTo(1);
        assertThat(c.getTotalSpent()).isEqualByComparingTo("300.00");
        assertThat(c.trackedOrder("o2").getTimeline()).extracting(OrderStep::status)
                .containsExactly(OrderStatus.PLACED, OrderStatus.CANCELLED);
        assertThat(c.getOwed()).isEqualByComparingTo("300.00");
        assertThat(c.getOrdersReturned()).isZero();
        assertThat(c.checkpoint()).isEqualTo(once);
    }

    @Test
    void returnedAfterDelivery_leavesTheOnTimeFigures() {
        CustomerRecord c = customer();
        c.apply(promised("o1", "2024-01-10", 300, "2024-01-20"));
        c.apply(promised("o2", "2024-02-10", 200, "2024-02-15"));
        c.apply(status("o1", OrderStatus.DELIVERED, "2024-01-19", "d1"));
        c.apply(status("o2", OrderStatus.DELIVERED, "2024-02-18", "d2"));
        assertThat(c.onTimeDeliveryRate(SHANGHAI)).isEqualTo(0.5);

        c.apply(status("o2", OrderStatus.RETURNED, "2024-02-25", "r2"));
        assertThat(c.onTimeDeliveryRate(SHANGHAI)).isEqualTo(1.0);
        assertThat(c.getDeliveriesWithPromise()).isEqualTo(1);
        assertThat(c.getOrderCount()).isEqualTo(1);
        assertThat(c.getTotalSpent()).isEqualByComparingTo("300.00");
        assertThat(c.getOrdersReturned()).isEqualTo(1);
    }

    @Test
    void onTime_isCountedByTheCalendarDayInTheBusinessTimeZone() {
        CustomerRecord c = customer();
        c.apply(promised("o1", "2024-01-10", 300, "2024-01-20"));
        // 20 January 16:30 UTC is already 21 January in Shanghai: a day late there
        c.apply(status("o1", OrderStatus.DELIVERED, "2024-01-20T16:30:00Z", "d1"));
        assertThat(c.onTimeDeliveryRate(SHANGHAI)).isZero();
        assertThat(c.onTimeDeliveryRate(ZoneId.of("UTC"))).isEqualTo(1.0);
    }

    @Test
    void aStatusSentAgain_addsNoStepToTheTimeline() {
        CustomerRecord c = customer();
        c.apply(order("o1", "C1", "2024-01-10", 300));
        c.apply(status("o1", OrderStatus.APPROVED, "2024-01-11", "a1"));
        c.apply(status("o1", OrderStatus.APPROVED, "2024-01-12", "a2"));
        assertThat(c.openOrder("o1").getTimeline()).extracting(OrderStep::status)
                .containsExactly(OrderStatus.PLACED, OrderStatus.APPROVED);
        assertThat(c.openOrder("o1").getStatusAt()).isEqualTo(at("2024-01-11"));
    }

    @Test
    void theProfile_showsEachTrackedOrder_withItsStatusTimeline() {
        CustomerRecord c = customer();
        c.apply(promised("o1", "2024-01-10", 300, "2024-01-20"));
        c.apply(new OrderStatusChanged("a1", at("2024-01-11"), "o1", OrderStatus.APPROVED, null, null));
        c.apply(new OrderStatusChanged("s1", at("2024-01-15"), "o1", OrderStatus.SHIPPED, "SF1", null));
        c.apply(order("o2", "C1", "2024-02-10", 200));
        c.apply(status("o2", OrderStatus.CANCELLED, "2024-02-11", "cancel-2"));

        java.util.List<dev.custflow.model.TrackedOrder> orders = dev.custflow.model.CustomerProfile.of(c).orders();

        assertThat(orders).extracting(o -> o.orderId() + " " + o.status() + " " + o.trackingNo() + " "
                        + o.timeline().stream().map(s -> s.status() + "@" + s.at().toString().substring(0, 10)).toList())
                .containsExactly("o1 SHIPPED SF1 [PLACED@2024-01-10, APPROVED@2024-01-11, SHIPPED@2024-01-15]",
                        "o2 CANCELLED null [PLACED@2024-02-10, CANCELLED@2024-02-11]");
        assertThat(orders.get(0).promisedDate()).isEqualTo(LocalDate.parse("2024-01-20"));
    }
}
