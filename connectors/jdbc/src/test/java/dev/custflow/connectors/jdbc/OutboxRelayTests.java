package dev.custflow.connectors.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.action.Action;
import dev.custflow.connectors.testkit.SampleActions;
import dev.custflow.spi.StoreCommit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The outbox relay, once per database: at least once, in order per customer, several relays at once, takeover of a
 * dead relay's partitions, back-off while the sink is down. Lease expiry and back-off run on a fake clock.
 */
@org.junit.jupiter.api.extension.ExtendWith(PerClassDatabase.class)
abstract class OutboxRelayTests {
    private static final Duration LEASE = Duration.ofSeconds(10);

    /** @return a new database of the vendor this class runs on (TestDatabase.h2(), .postgres(), .mariadb()) */
    abstract TestDatabase openDatabase();

    /** @return the database of the test class */
    final TestDatabase db() {
        return PerClassDatabase.of(getClass(), this::openDatabase);
    }

    private final FakeClock clock = new FakeClock();
    private final List<OutboxRelay> relays = new ArrayList<>();
    private JdbcCustomerStore store;
    private long position;

    @BeforeEach
    void openStore() {
        store = db().store(TestDatabase.freshPrefix()).partitions(8).clock(clock).build();
    }

    @AfterEach
    void closeAll() {
        relays.forEach(OutboxRelay::close);
        store.close();
    }

    private OutboxRelay.Builder relay(String owner, Receiver receiver) {
        return OutboxRelay.builder(store, receiver).owner(owner).clock(clock).leaseDuration(LEASE)
                .pollInterval(Duration.ofMillis(50)).sleeper(clock::advance);
    }

    private OutboxRelay track(OutboxRelay relay) {
        relays.add(relay);
        return relay;
    }

    /** Commits, per customer, actions {@code from} to {@code from + count - 1}; customers interleaved in one batch. */
    private List<Action> commitActions(int customers, int from, int count) {
        List<Action> actions = new ArrayList<>();
        for (int n = from; n < from + count; n++) {
            for (int c = 0; c < customers; c++) {
                actions.add(SampleActions.action("C-" + c, n));
            }
        }
        position += count;
        store.commit(new StoreCommit(position, "evt-" + position, Map.of("state", new byte[] {1}), Set.of(), Map.of(), Set.of(),
                actions));
        return actions;
    }

    private static Map<String, List<Action>> byCustomer(List<Action> actions) {
        Map<String, List<Action>> out = new HashMap<>();
        for (Action a : actions) {
            out.computeIfAbsent(a.customerId(), k -> new ArrayList<>()).add(a);
        }
        return out;
    }

    @Test
    void aRelay_deliversEveryAction_inOrderPerCustomer_andMarksThemDelivered() {
        Receiver receiver = new Receiver();
        OutboxRelay relay = track(relay("r1", receiver).batchSize(7).build());
        List<Action> committed = new ArrayList<>(commitActions(10, 0, 5));
        committed.addAll(commitActions(10, 5, 5));

        assertThat(relay.drain()).isEqualTo(100);

        assertThat(receiver.received()).containsExactlyInAnyOrderElementsOf(committed);
        assertThat(byCustomer(receiver.received())).isEqualTo(byCustomer(committed));
        assertThat(store.pendingActions()).isZero();
        assertThat(relay.ownedPartitions()).hasSize(8);
        assertThat(relay.drain()).isZero(); // delivered once: a second pass finds nothing
    }

    @Test
    void threeRelaysOnOneOutbox_deliverEveryAction_withNoOrderInversionPerCustomer() throws InterruptedException {
        Receiver receiver = new Receiver();
        List<Action> committed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            // real clock and a long lease: nobody's lease expires during the test, so the outcome does not depend on
            // timing; each relay leases at most 3 of the 8 partitions so that all three work
            relays.add(OutboxRelay.builder(store, receiver).owner("relay-" + i).batchSize(25)
                    .leaseDuration(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(20)).maxPartitions(3)
                    .build().start());
        }
        for (int batch = 0; batch < 20; batch++) {
            committed.addAll(commitActions(40, batch * 3, 3)); // while the relays run
        }

        assertThat(receiver.awaitDistinct(committed.size(), Duration.ofSeconds(60))).as("all delivered").isTrue();
        List<Action> received = receiver.received();
        assertThat(SampleActions.withoutRepeats(received)).containsExactlyInAnyOrderElementsOf(committed);
        assertThat(SampleActions.orderInversions(received)).isZero();
        assertThat(relays).allSatisfy(r -> assertThat(r.ownedPartitions()).isNotEmpty().hasSizeLessThanOrEqualTo(3));
        relays.forEach(OutboxRelay::close);
        assertThat(store.pendingActions()).isZero();
    }

    @Test
    void aRelayThatStopsRenewing_isTakenOverWhenItsLeaseExpires_andNothingIsLost() {
        Receiver receiver = new Receiver();
        OutboxRelay dead = relay("dead", receiver).batchSize(2).build(); // not closed: it dies holding its leases
        OutboxRelay heir = track(relay("heir", receiver).build());
        List<Action> committed = commitActions(12, 0, 5);

        assertThat(dead.runOnce().delivered()).isPositive(); // one batch per partition, then it stops
        clock.advance(LEASE.dividedBy(2));
        assertThat(heir.runOnce().delivered()).isZero();     // the leases still hold
        assertThat(heir.ownedPartitions()).isEmpty();

        clock.advance(LEASE);
        heir.drain();
        assertThat(heir.ownedPartitions()).hasSize(8);
        assertThat(SampleActions.withoutRepeats(receiver.received())).containsExactlyInAnyOrderElementsOf(committed);
        assertThat(SampleActions.orderInversions(receiver.received())).isZero();
        assertThat(store.pendingActions()).isZero();

        commitActions(12, 5, 1);
        assertThat(dead.runOnce().delivered()).as("the old owner comes back: it owns nothing").isZero();
        assertThat(dead.ownedPartitions()).isEmpty();
        assertThat(heir.drain()).isEqualTo(12);
    }

    @Test
    void aRelayThatLosesItsLeaseWhileDelivering_marksNothing_andTheNewOwnerDeliversAgain() {
        Receiver receiver = new Receiver();
        OutboxRelay heir = track(relay("heir", receiver).build());
        int[] heirDelivered = {0};
        OutboxRelay slow = track(OutboxRelay.builder(store, actions -> {
            receiver.deliver(actions);
            if (heirDelivered[0] == 0) { // the slow relay hangs past its lease in the sink; the heir takes over
                clock.advance(LEASE.plusSeconds(1));
                heirDelivered[0] = (int) heir.drain();
            }
        }).owner("slow").clock(clock).leaseDuration(LEASE).build());
        List<Action> committed = commitActions(1, 0, 4);

        OutboxRelay.Pass pass = slow.runOnce();

        assertThat(pass.delivered()).as("its batch is not counted: the fence refused the marking").isZero();
        assertThat(slow.ownedPartitions()).isEmpty();
        assertThat(heirDelivered[0]).isEqualTo(4);
        assertThat(receiver.received()).hasSize(8); // delivered twice: at least once, receivers drop repeats
        assertThat(SampleActions.withoutRepeats(receiver.received())).containsExactlyElementsOf(committed);
        assertThat(store.pendingActions()).isZero();
    }

    @Test
    void aSinkThatIsDown_isRetriedWithAGrowingBackoff_andNothingIsDropped() {
        Receiver receiver = new Receiver();
        List<Duration> waits = new ArrayList<>();
        List<Long> pendingWhileDown = new ArrayList<>();
        OutboxRelay relay = track(relay("r1", receiver).backoff(Duration.ofMillis(100), Duration.ofMillis(500))
                .sleeper(d -> {
                    waits.add(d);
                    pendingWhileDown.add(store.pendingActions());
                    clock.advance(d);
                }).build());
        List<Action> committed = commitActions(5, 0, 4);
        receiver.failNext(5);

        assertThat(relay.drain()).isEqualTo(20);

        assertThat(waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400),
                Duration.ofMillis(500), Duration.ofMillis(500));
        assertThat(pendingWhileDown).containsOnly(20L);
        assertThat(byCustomer(receiver.received())).isEqualTo(byCustomer(committed));
        assertThat(store.pendingActions()).isZero();
    }

    @Test
    void aSinkDownLongerThanTheLease_keepsThePartitions_whenNoOtherRelayWantsThem() {
        Receiver receiver = new Receiver();
        OutboxRelay relay = track(relay("r1", receiver).backoff(Duration.ofSeconds(4), Duration.ofSeconds(30)).build());
        List<Action> committed = commitActions(3, 0, 2);
        receiver.failNext(4); // waits 4 + 8 + 16 + 30 s, well past the 10 s lease

        assertThat(relay.drain()).isEqualTo(6);
        assertThat(byCustomer(receiver.received())).isEqualTo(byCustomer(committed));
    }
}
