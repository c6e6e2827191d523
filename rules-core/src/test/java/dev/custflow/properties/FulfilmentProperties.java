package dev.custflow.properties;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.event.Event;
import dev.custflow.event.OrderStatusChanged;
import dev.custflow.event.PaymentReceived;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
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
