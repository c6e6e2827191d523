package dev.custflow.internal.profile;

import static dev.custflow.testdata.Events.at;
import static dev.custflow.testdata.Events.order;
import static dev.custflow.testdata.Events.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.event.OrderStatusChanged;
import dev.custflow.event.PaymentReceived;
import dev.custflow.internal.snapshot.SnapshotInput;
import dev.custflow.internal.snapshot.SnapshotOutput;
import dev.custflow.internal.snapshot.StateFormat;
import dev.custflow.model.Customer;
import dev.custflow.model.CustomerHistory;
import dev.custflow.model.OrderStatus;
import dev.custflow.model.OrderStep;
import dev.custflow.model.Orders;
import dev.custflow.model.Stage;
import dev.custflow.model.StageChange;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a profile of the common kind holds in no object of its own (a first stage change, a single order, a placed
 * order's progress, deliveries before the first) reads as if it were held, and is written and read back the same.
 */
class ProfileStandInsTest {

    @Test
    void aFirstStageChange_holdsNoArray_andReadsAsTheChange() throws Exception {
        CustomerRecord c = new CustomerRecord("C1", at("2024-01-01"));
        c.moveTo(Stage.LEAD, at("2024-01-02"), "capture");

        assertThat(field(Customer.class, "hist", c)).isSameAs(field(Customer.class, "FIRST_STAGE", null));
        assertThat(c.getStageHistory()).containsExactly(new StageChange(null, Stage.LEAD, at("2024-01-02"), "capture"));
        assertThat(c.hasBeen(Stage.LEAD)).isTrue();
        assertThat(c.hasBeen(Stage.CUSTOMER)).isFalse();
        assertThat(roundTrip(c).getStageHistory()).isEqualTo(c.getStageHistory());

        c.moveTo(Stage.CUSTOMER, at("2024-01-05"), "first order");
        assertThat(c.getStageHistory()).containsExactly(
                new StageChange(null, Stage.LEAD, at("2024-01-02"), "capture"),
                new StageChange(Stage.LEAD, Stage.CUSTOMER, at("2024-01-05"), "first order"));
        assertThat(roundTrip(c).getStageHistory()).isEqualTo(c.getStageHistory());
    }

    @Test
    void aFirstChange_fromAStageTakenOverInAMerge_keepsWhereItCameFrom() {
        CustomerRecord survivor = new CustomerRecord("L1", at("2024-01-01"));
        CustomerRecord duplicate = new CustomerRecord("L2", at("2024-01-01"));
        duplicate.moveTo(Stage.LEAD, at("2024-01-02"), "capture");
        survivor.absorb(duplicate, 30); // the stage without its history

        survivor.moveTo(Stage.PROSPECT, at("2024-01-03"), "score");

        assertThat(survivor.getStageHistory())
                .containsExactly(new StageChange(Stage.LEAD, Stage.PROSPECT, at("2024-01-03"), "score"));
        assertThat(roundTrip(survivor).getStageHistory()).isEqualTo(survivor.getStageHistory());
    }

    @Test
    void aSingleOrder_isReadFromTheTotals_andAnEarlierOrAReversedOneKeepsTheHistoryExact() throws Exception {
        CustomerRecord c = new CustomerRecord("C1", at("2024-01-01"));
        c.now(at("2024-01-20"));
        c.apply(order("o1", "C1", "2024-01-10", 300));
        Object orders = field(CustomerHistory.class, "orders", c);
        assertThat(field(Orders.class, "history", orders)).isSameAs(field(Orders.class, "ONE_ORDER", null));
        assertThat(c.orderAmountFromEnd(0)).isEqualByComparingTo("300");
        assertThat(c.orderAmountFromEnd(1)).isNull();
        assertThat(roundTrip(c).orderAmountFromEnd(0)).isEqualByComparingTo("300");

        c.apply(order("o0", "C1", "2024-01-05", 100)); // placed before the one held: lands first
        assertThat(List.of(c.orderAmountFromEnd(0), c.orderAmountFromEnd(1)))
                .usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal(300), new BigDecimal(100));

        c.apply(status("o1", OrderStatus.CANCELLED, "2024-01-11")); // the newest leaves: the earlier one is all
        assertThat(c.getOrderCount()).isEqualTo(1);
        assertThat(c.orderAmountFromEnd(0)).isEqualByComparingTo("100");
        assertThat(c.orderAmountFromEnd(1)).isNull();
        CustomerRecord back = roundTrip(c);
        assertThat(back.orderAmountFromEnd(0)).isEqualByComparingTo("100");
        assertThat(snapshot(back)).isEqualTo(snapshot(c));
    }

    @Test
    void aPlacedOrder_readsItsProgressAsNone_untilPaymentStatusInvoiceAndNoticesCome() {
        CustomerRecord c = new CustomerRecord("C1", at("2024-01-01"));
        c.now(at("2024-01-20"));
        c.apply(order("o1", "C1", "2024-01-10", 300));
        OpenOrderRecord o = (OpenOrderRecord) c.openOrder("o1");
        assertThat(o.getPaid()).isEqualByComparingTo("0");
        assertThat(o.getStatusAt()).isEqualTo(at("2024-01-10"));
        assertThat(o.getTrackingNo()).isNull();
        assertThat(o.getTimeline()).containsExactly(new OrderStep(OrderStatus.PLACED, at("2024-01-10")));
        assertThat(o.getInvoicedAt()).isNull();
        assertThat(o.getLateNoticeDays()).isZero();

        c.apply(new PaymentReceived("p1", at("2024-01-11"), "o1", new BigDecimal("20"), "C1"));
        assertThat(o.getPaid()).isEqualByComparingTo("20");
        assertThat(o.getStatusAt()).isEqualTo(at("2024-01-10"));
        c.apply(new OrderStatusChanged("s1", at("2024-01-12"), "o1", OrderStatus.SHIPPED, "SF-1", "C1"));
        assertThat(o.getTimeline()).containsExactly(new OrderStep(OrderStatus.PLACED, at("2024-01-10")),
                new OrderStep(OrderStatus.SHIPPED, at("2024-01-12")));
        assertThat(o.getStatusAt()).isEqualTo(at("2024-01-12"));
        assertThat(o.getTrackingNo()).isEqualTo("SF-1");
        assertThat(o.invoiced(at("2024-01-13").toEpochMilli())).isTrue();
        assertThat(o.invoiced(at("2024-01-14").toEpochMilli())).isFalse();
        o.lateNoticed(3);
        o.lateNoticed(2);
        o.overdueNoticed(-1);

        CustomerRecord back = roundTrip(c);
        OpenOrderRecord b = (OpenOrderRecord) back.openOrder("o1");
        assertThat(b.getTimeline()).isEqualTo(o.getTimeline());
        assertThat(b.getPaid()).isEqualByComparingTo("20");
        assertThat(b.getInvoicedAt()).isEqualTo(at("2024-01-13"));
        assertThat(b.getLateNoticeDays()).isEqualTo(3);
        assertThat(b.getOverdueNoticeDays()).isZero();
        assertThat(snapshot(back)).isEqualTo(snapshot(c));
    }

    @Test
    void aDelivery_givesOnlyItsOwnHistoryTheDeliveryFigures() {
        CustomerRecord delivered = new CustomerRecord("C1", at("2024-01-01"));
        CustomerRecord waiting = new CustomerRecord("C2", at("2024-01-01"));
        for (CustomerRecord c : List.of(delivered, waiting)) {
            c.now(at("2024-01-20"));
            c.apply(order("o-" + c.getId(), c.getId(), "2024-01-10", 300));
        }

        delivered.apply(status("o-C1", OrderStatus.DELIVERED, "2024-01-12"));
        delivered.apply(status("o-C1", OrderStatus.RETURNED, "2024-01-15"));

        assertThat(delivered.getLastDeliveredAt()).isEqualTo(at("2024-01-12"));
        assertThat(delivered.getOrdersReturned()).isEqualTo(1);
        assertThat(waiting.getLastDeliveredAt()).isNull();
        assertThat(waiting.getOrdersReturned()).isZero();
        assertThat(waiting.getDeliveriesWithPromise()).isZero();
        CustomerRecord back = roundTrip(delivered);
        assertThat(back.getLastDeliveredAt()).isEqualTo(at("2024-01-12"));
        assertThat(back.getOrdersReturned()).isEqualTo(1);
        assertThat(snapshot(back)).isEqualTo(snapshot(delivered));
    }

    private static Object field(Class<?> owner, String name, Object of) throws Exception {
        Field f = owner.getDeclaredField(name);
        f.setAccessible(true);
        return f.get(of);
    }

    private static byte[] snapshot(CustomerRecord c) {
        SnapshotOutput o = new SnapshotOutput(256);
        c.writeSnapshot(o);
        return o.toByteArray();
    }

    private static CustomerRecord roundTrip(CustomerRecord c) {
        return CustomerRecord.readSnapshot(new SnapshotInput(snapshot(c)), StateFormat.VERSION);
    }
}
