package dev.custflow.internal.profile;

import static dev.custflow.testdata.Events.at;
import static dev.custflow.testdata.Events.lead;
import static dev.custflow.testdata.Events.order;
import static dev.custflow.testdata.Events.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.event.OrderLine;
import dev.custflow.event.OrderPlaced;
import dev.custflow.event.PaymentReceived;
import dev.custflow.event.SurveyAnswered;
import dev.custflow.internal.snapshot.SnapshotInput;
import dev.custflow.internal.snapshot.SnapshotOutput;
import dev.custflow.internal.snapshot.StateFormat;
import dev.custflow.model.OrderStatus;
import dev.custflow.model.Review;
import dev.custflow.model.Stage;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A profile keeps its parts in few objects (the order history in one array, one open order without a list, the rarely
 * set fields in parts allocated on first use), and still reads and writes the snapshot bytes the larger profile
 * wrote.
 */
class CompactProfileTest {

    /**
     * The snapshot of {@link #everyPart()} as the profile wrote it before it was made compact (format version 3):
     * the same events must give the same bytes, so stored snapshots load and are written back unchanged.
     */
    private static final String WRITTEN_BEFORE =
            "03433180da82c4986382c0eccf2684f485e1c60f0f2b38363133383030303030303030085745425349544502020282e0e5a4"
            + "010a636170747572652032830482f0c9e5050c6669727374206f726465720241067265702d3103c0ca0180e101808e0203e0"
            + "d403a4bc01807d03848e0682f0c9e5058290a9fa13829092e70e0003036f3182f0c9e505e0d403ffffffff0f00020000036f"
            + "338290a9fa13807dffffffff0f0002000001044b4954c0ab03000009ff82d0f4c31682f0c9e5056e82c0a796170662792d63"
            + "610661646d696e02425482c0a79617000000000100020000000001000200000002036f3282d0c69d0ca4bc01c6b4020682c0"
            + "cbc902a01f0001044b4954020300020582f0b2520682c0cbc902000000036f348280dccc14d08c01ffffffff0f0782f0b252"
            + "0000000200020782f0b25200000001c6b402829092e70e";

    /** A profile with every part this change touched: stage history, handling, survey, orders open and closed. */
    static CustomerRecord everyPart() {
        CustomerRecord c = new CustomerRecord("C1", at("2024-01-01"));
        c.now(at("2024-01-02"));
        c.apply(lead("C1", "2024-01-02", "WEBSITE"));
        c.moveTo(Stage.PROSPECT, at("2024-01-03"), "capture 2");
        c.setStageByPerson(Stage.PROSPECT, at("2024-01-04"), "quote accepted", "by-ca");
        c.now(at("2024-01-10"));
        c.apply(order("o1", "C1", "2024-01-10", 300));
        c.moveTo(Stage.CUSTOMER, at("2024-01-10"), "first order");
        c.apply(new OrderPlaced("o2", at("2024-01-20"), "o2", "C1", new BigDecimal("120.50"), null,
                List.of(new OrderLine("KIT", 2, null)), LocalDate.parse("2024-01-25")));
        c.apply(status("o2", OrderStatus.SHIPPED, "2024-01-21"));
        c.apply(status("o2", OrderStatus.DELIVERED, "2024-01-24"));
        c.apply(new PaymentReceived("p1", at("2024-01-22"), "o2", new BigDecimal("20"), "C1"));
        c.apply(order("o3", "C1", "2024-02-01", 80));
        c.apply(order("o4", "C1", "2024-02-02", 90));
        c.apply(status("o4", OrderStatus.CANCELLED, "2024-02-03"));
        c.apply(new SurveyAnswered("s1", at("2024-02-05"), "C1", 9, null, Review.GOOD));
        c.setScore(42, "B");
        c.scoreReported(at("2024-02-06").toEpochMilli());
        c.setScore(55, "A");
        c.ownerId("rep-1");
        c.ownerSince(at("2024-02-06").toEpochMilli());
        c.ownerSetBy("admin");
        c.loadCounted(true);
        c.indexSlot(7);
        c.dueAt(at("2024-03-01").toEpochMilli());
        return c;
    }

    private static byte[] snapshot(CustomerRecord c) {
        SnapshotOutput o = new SnapshotOutput(256);
        c.writeSnapshot(o);
        return o.toByteArray();
    }

    @Test
    void theSameEvents_writeTheBytesTheLargerProfileWrote_andReadBackToThem() {
        byte[] bytes = snapshot(everyPart());

        assertThat(HexFormat.of().formatHex(bytes)).isEqualTo(WRITTEN_BEFORE);
        CustomerRecord back = CustomerRecord.readSnapshot(new SnapshotInput(bytes), StateFormat.VERSION);
        assertThat(snapshot(back)).isEqualTo(bytes);
    }

    @Test
    void thePartsReadBack_throughTheCustomer() {
        CustomerRecord c = everyPart();
        CustomerRecord back = CustomerRecord.readSnapshot(new SnapshotInput(snapshot(c)), StateFormat.VERSION);

        for (CustomerRecord r : List.of(c, back)) {
            assertThat(r.getStageHistory()).extracting(h -> h.to()).containsExactly(Stage.PROSPECT, Stage.CUSTOMER);
            assertThat(r.getStageHistory().get(1).at()).isEqualTo(at("2024-01-10"));
            assertThat(r.getStageSetBy()).isEqualTo("by-ca");
            assertThat(r.getReportedGrade()).isEqualTo("B");
            assertThat(r.getReportedScore()).isEqualTo(42);
            assertThat(r.getScoreReportedAt()).isEqualTo(at("2024-02-06"));
            assertThat(r.getOwnerSetBy()).isEqualTo("admin");
            assertThat(r.ownerSinceMillis()).isEqualTo(at("2024-02-06").toEpochMilli());
            assertThat(r.getLastNps()).isEqualTo(9);
            assertThat(r.getLastCsat()).isEqualTo(-1);
            assertThat(r.getLastReview()).isEqualTo(Review.GOOD);
            assertThat(r.getOrderCount()).isEqualTo(3);
            assertThat(r.getOpenOrders()).extracting(o -> o.getOrderId()).containsExactly("o1", "o3");
            assertThat(r.getTrackedOrders()).extracting(o -> o.getOrderId()).containsExactly("o1", "o3", "o2", "o4");
            assertThat(r.openOrder("o1").getTimeline()).extracting(s -> s.status()).containsExactly(OrderStatus.PLACED);
            assertThat(r.trackedOrder("o2").reachedAt(OrderStatus.SHIPPED)).isEqualTo(at("2024-01-21"));
            assertThat(r.getDeliveriesWithPromise()).isEqualTo(1);
            assertThat(r.orderAmountFromEnd(0)).isEqualByComparingTo("80");
            assertThat(r.orderAmountFromEnd(2)).isEqualByComparingTo("300");
            assertThat(r.orderAmountFromEnd(3)).isNull();
            assertThat(r.isLoadCounted()).isTrue();
        }
        assertThat(c.indexSlot()).isEqualTo(7);
        assertThat(back.indexSlot()).isEqualTo(-1);
    }

    @Test
    void theIndexSlot_andTheOwnersLoad_areKeptApart() {
        CustomerRecord c = new CustomerRecord("C2", at("2024-01-01"));
        assertThat(c.indexSlot()).isEqualTo(-1);
        assertThat(c.isLoadCounted()).isFalse();

        c.indexSlot(0);
        c.loadCounted(true);
        assertThat(c.indexSlot()).isZero();
        c.indexSlot(-1);
        assertThat(c.isLoadCounted()).isTrue();
        c.indexSlot(1_000_000);
        c.loadCounted(false);
        assertThat(c.indexSlot()).isEqualTo(1_000_000);
        assertThat(c.isLoadCounted()).isFalse();
    }

    @Test
    void aLateOrder_landsInTimeOrder_andTheHistoryKeepsTheNewest() {
        CustomerRecord c = new CustomerRecord("C3", at("2020-01-01"));
        c.now(at("2024-01-01"));
        for (int i = 0; i < OrdersRecord.HISTORY_LIMIT + 2; i++) {
            c.apply(order("o" + i, "C3", LocalDate.parse("2023-01-01").plusDays(i).toString(), 100 + i));
        }
        c.apply(order("late", "C3", "2022-06-01", 7)); // older than the whole detailed history: not kept in it
        c.apply(order("mid", "C3", "2023-01-05", 5)); // lands between two orders of the history

        assertThat(c.getOrderCount()).isEqualTo(OrdersRecord.HISTORY_LIMIT + 4);
        assertThat(c.orderAmountFromEnd(0)).isEqualByComparingTo(String.valueOf(100 + OrdersRecord.HISTORY_LIMIT + 1));
        assertThat(c.orderAmountFromEnd(OrdersRecord.HISTORY_LIMIT - 1)).isEqualByComparingTo("103");
        assertThat(c.orderAmountFromEnd(OrdersRecord.HISTORY_LIMIT - 2)).isEqualByComparingTo("104");
        assertThat(c.orderAmountFromEnd(OrdersRecord.HISTORY_LIMIT - 3)).isEqualByComparingTo("5");
        assertThat(c.orderAmountFromEnd(OrdersRecord.HISTORY_LIMIT)).isNull();
    }
}
