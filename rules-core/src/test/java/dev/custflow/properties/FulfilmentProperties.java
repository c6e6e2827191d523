package dev.custflow.properties;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.event.Event;
import dev.custflow.event.OrderLine;
import dev.custflow.event.OrderPlaced;
import dev.custflow.event.OrderStatusChanged;
import dev.custflow.event.PaymentReceived;
import dev.custflow.model.OrderStatus;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Invariants of the fulfilment pack for any order history: a status or payment delivered twice, or a status resent
 * under a new id, changes nothing; a replay gives the same actions, whatever the partitions.
 */
class FulfilmentProperties {

    @Provide
    Arbitrary<List<Event>> histories() {
        return EngineArbitraries.fulfilmentStreams(80);
    }

    @Property(tries = 40)
    void aStatusOrPaymentDeliveredTwice_changesNothing(@ForAll("histories") List<Event> events,
                                                       @ForAll @IntRange(max = 1000) int a,
                                                       @ForAll @IntRange(max = 1000) int b) {
        List<Integer> followUps = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i) instanceof OrderStatusChanged || events.get(i) instanceof PaymentReceived) {
                followUps.add(i);
            }
        }
        if (followUps.isEmpty()) {
            return;
        }
        int from = followUps.get(a % followUps.size());
        int to = from + 1 + b % (events.size() - from);
        List<Event> withDuplicate = new ArrayList<>(events);
        withDuplicate.add(to, events.get(from));
        assertThat(EngineProperties.run(withDuplicate, 1, 9)).isEqualTo(EngineProperties.run(events, 1, 9));
    }

    /**
     * Found by the property below: an order approved after it shipped (a correction), the approval sent again at the
     * same instant. The second approval once asked the warehouse for a second stock check.
     */
    @Example
    void anApprovalResentAtTheSameInstant_asksForNoSecondStockCheck() {
        java.time.Instant placed = java.time.Instant.parse("2024-01-01T19:34:34.968Z");
        java.time.Instant approved = java.time.Instant.parse("2024-01-06T01:36:49.636Z");
        List<Event> events = List.of(
                new OrderPlaced("f0", placed, "o0", "C0", new BigDecimal("2673.93"), null,
                        List.of(new OrderLine("PUMP-1", 17, new BigDecimal("95.86"))),
                        java.time.LocalDate.parse("2024-01-13")),
                new OrderStatusChanged("f1", java.time.Instant.parse("2024-01-02T04:38:09.590Z"), "o0",
                        OrderStatus.SHIPPED, "SF677", null),
                new OrderStatusChanged("f3", approved, "o0", OrderStatus.APPROVED, null, null));
        List<Event> resent = new ArrayList<>(events);
        resent.add(new OrderStatusChanged("f3-again", approved, "o0", OrderStatus.APPROVED, null, null));

        List<String> once = EngineProperties.run(events, 1, 9).actions();
        assertThat(once).filteredOn(a -> a.contains("STOCK_CHECK_REQUESTED")).hasSize(1);
        assertThat(EngineProperties.run(resent, 1, 9).actions()).isEqualTo(once);
    }

    @Property(tries = 40)
    void aStatusResentUnderANewId_changesNoAction(@ForAll("histories") List<Event> events,
                                                  @ForAll @IntRange(max = 1000) int a) {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i) instanceof OrderStatusChanged) {
                statuses.add(i);
            }
        }
        if (statuses.isEmpty()) {
            return;
        }
        int at = statuses.get(a % statuses.size());
        OrderStatusChanged s = (OrderStatusChanged) events.get(at);
        List<Event> resent = new ArrayList<>(events);
        // the host sends it again at the same moment as the event that follows it, so the clock moves the same
        Event next = at + 1 < events.size() ? events.get(at + 1) : s;
        resent.add(at + 1, new OrderStatusChanged(s.id() + "-again", next.at(), s.orderId(), s.status(),
                s.trackingNo(), s.customerId()));
        assertThat(EngineProperties.run(resent, 1, 9).actions()).isEqualTo(EngineProperties.run(events, 1, 9).actions());
    }

    @Property(tries = 30)
    void aReplay_givesTheSameActions_whateverThePartitions(@ForAll("histories") List<Event> events) {
        EngineProperties.Outcome once = EngineProperties.run(events, 1, events.size());
        assertThat(EngineProperties.run(events, 1, events.size())).isEqualTo(once);
        assertThat(EngineProperties.run(events, 3, 11).actions()).isEqualTo(once.actions());
    }
}
