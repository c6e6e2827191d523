package dev.custflow.internal.packs;

import static dev.custflow.testdata.Events.at;
import static dev.custflow.testdata.Events.order;
import static dev.custflow.testdata.Events.rep;
import static dev.custflow.testdata.Events.resolved;
import static dev.custflow.testdata.Events.status;
import static dev.custflow.testdata.Events.ticket;
import static dev.custflow.testdata.Events.tick;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custflow.EventRejectedException;
import dev.custflow.event.CampaignLaunched;
import dev.custflow.event.Event;
import dev.custflow.event.OrderPlaced;
import dev.custflow.event.OrderStatusChanged;
import dev.custflow.event.PaymentReceived;
import dev.custflow.event.TicketResolved;
import dev.custflow.internal.snapshot.SnapshotInput;
import dev.custflow.internal.snapshot.SnapshotOutput;
import dev.custflow.model.OrderStatus;
import dev.custflow.model.TicketKind;
import dev.custflow.testdata.Events;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The router: duplicates, the customer of order and ticket follow-ups, and the partition of every event. */
class RouterTest {

    private static Router.Route customer(String id) {
        return new Router.Route(id, false);
    }

    @Test
    void route_anEventNamingItsCustomer_goesToThatCustomer() {
        Router router = new Router(100, 100);
        assertThat(router.route(Events.lead("L1", "2024-01-01", "WEBSITE"))).isEqualTo(customer("L1"));
        assertThat(router.route(order("o1", "C1", "2024-01-01", 100))).isEqualTo(customer("C1"));
    }

    @Test
    void route_repsCampaignsAndTicks_goToEveryPartition() {
        Router router = new Router(100, 100);
        Router.Route all = new Router.Route(null, true);
        assertThat(router.route(rep("r1", "T", "华东", 5, "2024-01-01"))).isEqualTo(all);
        assertThat(router.route(new CampaignLaunched("camp1", at("2024-01-01"), "spring", "HIGH_VALUE", null, null)))
                .isEqualTo(all);
        assertThat(router.route(tick("2024-01-02"))).isEqualTo(all);
    }

    @Test
    void isDuplicate_onlyOnceAnEventWasRouted() {
        Router router = new Router(100, 100);
        Event e = order("o1", "C1", "2024-01-01", 100);
        assertThat(router.isDuplicate(e)).isFalse();
        assertThat(router.isDuplicate(e)).isFalse(); // asking does not remember
        router.route(e);
        assertThat(router.isDuplicate(e)).isTrue();
    }

    @Test
    void isDuplicate_forgetsIdsBeyondTheWindow() {
        Router router = new Router(2, 100);
        Event first = tick("2024-01-01");
        router.route(first);
        router.route(tick("2024-01-02"));
        router.route(tick("2024-01-03"));
        assertThat(router.isDuplicate(first)).isFalse();
    }

    @Test
    void route_followUpsWithoutCustomer_goToTheOwnerOfTheOrderOrTicket() {
        Router router = new Router(100, 100);
        router.route(order("o1", "C1", "2024-01-01", 100));
        router.route(ticket("t1", "C2", TicketKind.COMPLAINT, "2024-01-01"));
        assertThat(router.route(status("o1", OrderStatus.SHIPPED, "2024-01-02"))).isEqualTo(customer("C1"));
        assertThat(router.route(new PaymentReceived("pay1", at("2024-01-02"), "o1", BigDecimal.TEN, null)))
                .isEqualTo(customer("C1"));
        assertThat(router.route(resolved("t1", "2024-01-03"))).isEqualTo(customer("C2"));
    }

    @Test
    void route_aFollowUpNamingItsCustomer_needsNoMemoryOfTheOrder() {
        Router router = new Router(100, 100);
        OrderStatusChanged e = new OrderStatusChanged("s1", at("2024-01-02"), "old-order", OrderStatus.DELIVERED, null,
                "C1");
        assertThat(router.route(e)).isEqualTo(customer("C1"));
    }

    @Test
    void route_aFollowUpOfAnUnknownOrder_isRejected_andNotRemembered() {
        Router router = new Router(100, 100);
        Event e = status("o9", OrderStatus.SHIPPED, "2024-01-02");
        assertThatThrownBy(() -> router.route(e)).isInstanceOfSatisfying(EventRejectedException.class, x -> {
            assertThat(x.field()).isEqualTo("orderId");
            assertThat(x.value()).isEqualTo("o9");
            assertThat(x.getMessage()).contains("unknown order").contains("Send its customerId with the event");
        });
        assertThat(router.isDuplicate(e)).isFalse(); // a rejected event changes nothing
    }

    @Test
    void route_aFollowUpNamingAnotherCustomerThanTheOwner_isRejected() {
        Router router = new Router(100, 100);
        router.route(ticket("t1", "C1", TicketKind.REPAIR, "2024-01-01"));
        TicketResolved e = new TicketResolved("r1", at("2024-01-02"), "t1", true, "C2");
        assertThatThrownBy(() -> router.route(e)).isInstanceOfSatisfying(EventRejectedException.class, x -> {
            assertThat(x.field()).isEqualTo("customerId");
            assertThat(x.getMessage()).contains("this ticket belongs to customer C1");
        });
    }

    @Test
    void route_anOrderPlacedTwice_isRejected_namingWhoHasIt() {
        Router router = new Router(100, 100);
        router.route(order("o1", "C1", "2024-01-01", 100));
        assertThatThrownBy(() -> router.route(OrderPlaced.of("again", at("2024-01-05"), "o1", "C1", BigDecimal.ONE)))
                .isInstanceOf(EventRejectedException.class).hasMessageContaining("already placed");
        assertThatThrownBy(() -> router.route(OrderPlaced.of("other", at("2024-01-05"), "o1", "C2", BigDecimal.ONE)))
                .isInstanceOf(EventRejectedException.class).hasMessageContaining("already belongs to customer C1");
    }

    @Test
    void route_forgetsTheOwnersOfOrdersBeyondTheIndexSize() {
        Router router = new Router(100, 1);
        router.route(order("o1", "C1", "2024-01-01", 100));
        router.route(order("o2", "C2", "2024-01-01", 100));
        assertThatThrownBy(() -> router.route(status("o1", OrderStatus.SHIPPED, "2024-01-02")))
                .isInstanceOf(EventRejectedException.class).hasMessageContaining("too long ago to be remembered");
        assertThat(router.route(status("o2", OrderStatus.SHIPPED, "2024-01-02"))).isEqualTo(customer("C2"));
    }

    @Test
    void writePartsThenRestore_remembersEventIdsAndOwners() {
        Router before = new Router(100, 100);
        Event seen = order("o1", "C1", "2024-01-01", 100);
        before.route(seen);
        before.route(ticket("t1", "C2", TicketKind.INQUIRY, "2024-01-01"));
        Map<String, byte[]> parts = new HashMap<>();
        before.writeParts(parts, new HashSet<>());
        SnapshotOutput header = new SnapshotOutput(32);
        before.writeHeader(header);

        Router after = new Router(100, 100);
        after.restore(new SnapshotInput(header.toByteArray()), parts);
        assertThat(after.isDuplicate(seen)).isTrue();
        assertThat(after.route(status("o1", OrderStatus.SHIPPED, "2024-01-02"))).isEqualTo(customer("C1"));
        assertThat(after.route(resolved("t1", "2024-01-02"))).isEqualTo(customer("C2"));
    }

    @Test
    void read_formatVersion1_eventIdsThenOrderAndTicketOwners() {
        SnapshotOutput v1 = new SnapshotOutput(32);
        v1.writeVarInt(0); // no event ids
        v1.writeVarInt(1);
        v1.writeString("o1");
        v1.writeString("C1");
        v1.writeVarInt(1);
        v1.writeString("t1");
        v1.writeString("C2");
        Router router = new Router(100, 100);
        router.read(new SnapshotInput(v1.toByteArray()));
        assertThat(router.route(status("o1", OrderStatus.SHIPPED, "2024-01-02"))).isEqualTo(customer("C1"));
        assertThat(router.route(resolved("t1", "2024-01-02"))).isEqualTo(customer("C2"));
    }
}
