package dev.custflow.persistence;

import static dev.custflow.testdata.Events.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.event.OrderLine;
import dev.custflow.event.OrderPlaced;
import dev.custflow.event.OrderStatusChanged;
import dev.custflow.event.PaymentReceived;
import dev.custflow.internal.profile.CustomerRecord;
import dev.custflow.internal.profile.OpenOrderRecord;
import dev.custflow.internal.runtime.Snapshots;
import dev.custflow.internal.snapshot.SnapshotOutput;
import dev.custflow.model.OpenOrder;
import dev.custflow.model.OrderItem;
import dev.custflow.model.OrderStatus;
import dev.custflow.model.OrderStep;
import dev.custflow.model.Times;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Customer snapshot format 3: the fulfilment state of the orders (lines, status timelines, the invoice and the
 * reminders reported, closed orders, on-time figures) survives a snapshot; a profile of format 2 loads without it.
 */
class CustomerFormat3Test {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static OrderPlaced order(String orderId, String when, int amount, String promised) {
        return new OrderPlaced("o:" + orderId, at(when), orderId, "C1", BigDecimal.valueOf(amount), null,
                List.of(new OrderLine("PUMP-200", 2, BigDecimal.valueOf(amount))), LocalDate.parse(promised));
    }

    private static OrderStatusChanged status(String orderId, OrderStatus s, String when) {
        return new OrderStatusChanged("s:" + orderId + s + when, at(when), orderId, s, null, null);
    }

    @Test
    void fulfilmentState_roundTrips_toTheSameBytes() {
        CustomerRecord c = new CustomerRecord("C1", at("2024-03-01"));
        c.apply(order("SO-1", "2024-03-01", 900, "2024-03-10"));
        c.apply(order("SO-2", "2024-03-02", 500, "2024-03-20"));
        c.apply(status("SO-1", OrderStatus.APPROVED, "2024-03-02"));
        c.apply(status("SO-1", OrderStatus.DELIVERED, "2024-03-09"));
        c.apply(status("SO-2", OrderStatus.APPROVED, "2024-03-03"));
        c.apply(new PaymentReceived("p1", at("2024-03-04"), "SO-2", BigDecimal.valueOf(200), null));
        OpenOrderRecord so2 = (OpenOrderRecord) c.trackedOrder("SO-2");
        so2.invoiced(at("2024-03-03").toEpochMilli());
        so2.lateNoticed(4);
        so2.overdueNoticed(8);

        byte[] bytes = Snapshots.customer(c);
        assertThat(bytes[0]).isEqualTo((byte) 3);
        CustomerRecord back = Snapshots.customer(bytes);
        assertThat(Snapshots.customer(back)).isEqualTo(bytes);

        OpenOrder open = back.trackedOrder("SO-2");
        assertThat(open.getLines()).containsExactly(new OrderItem("PUMP-200", 2));
        assertThat(open.getTimeline()).extracting(OrderStep::status)
                .containsExactly(OrderStatus.PLACED, OrderStatus.APPROVED);
        assertThat(open.getInvoicedAt()).isEqualTo(at("2024-03-03"));
        assertThat(open.getLateNoticeDays()).isEqualTo(4);
        assertThat(open.getOverdueNoticeDays()).isEqualTo(8);
        assertThat(open.getOutstanding()).isEqualByComparingTo("300.00");
        assertThat(back.getOpenOrders()).extracting(OpenOrder::getOrderId).containsExactly("SO-2");
        assertThat(back.getTrackedOrders()).extracting(OpenOrder::getOrderId).containsExactly("SO-2", "SO-1");
        assertThat(back.trackedOrder("SO-1").getTimeline()).extracting(OrderStep::status)
                .containsExactly(OrderStatus.PLACED, OrderStatus.APPROVED, OrderStatus.DELIVERED);
        assertThat(back.onTimeDeliveryRate(SHANGHAI)).isEqualTo(1.0);
        assertThat(back.getDeliveriesWithPromise()).isEqualTo(1);
    }

    @Test
    void format2_loadsWithoutTheFulfilmentState_itsOpenOrdersAtTheirLastStatus() {
        // format 3 appends, for a profile with orders, per open order: no lines, one step (PLACED when placed), no
        // invoice, no reminders; then no closed orders and no deliveries. Without them it is format 2.
        CustomerRecord c = new CustomerRecord("C1", at("2024-03-01"));
        c.apply(OrderPlaced.of("o:SO-1", at("2024-03-01"), "SO-1", "C1", BigDecimal.valueOf(900)));
        long placed = at("2024-03-01").toEpochMilli();
        SnapshotOutput tail = new SnapshotOutput(16);
        tail.writeVarInt(0);
        tail.writeVarInt(1);
        tail.writeVarInt(OrderStatus.PLACED.ordinal());
        tail.writeTime(placed, placed);
        tail.writeTime(Times.NEVER, placed);
        tail.writeVarInt(0);
        tail.writeVarInt(0);
        tail.writeVarInt(0);
        tail.writeVarInt(0);
        byte[] bytes = Snapshots.customer(c);
        byte[] format2 = Arrays.copyOf(bytes, bytes.length - tail.toByteArray().length);
        format2[0] = 2;
        CustomerRecord back = Snapshots.customer(format2);
        assertThat(back.getOrderCount()).isEqualTo(1);
        assertThat(back.openOrder("SO-1").getTimeline()).extracting(OrderStep::status)
                .containsExactly(OrderStatus.PLACED);
        assertThat(back.openOrder("SO-1").isInvoiced()).isFalse();
        assertThat(back.getDeliveriesWithPromise()).isZero();
        assertThat(Snapshots.customer(back)).isEqualTo(bytes);
    }
}
