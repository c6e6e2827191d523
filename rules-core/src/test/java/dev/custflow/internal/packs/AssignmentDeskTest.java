package dev.custflow.internal.packs;

import dev.custflow.internal.profile.CustomerRecord;

import static dev.custflow.testdata.Events.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custflow.event.RepUpdated;
import dev.custflow.internal.snapshot.SnapshotInput;
import dev.custflow.internal.snapshot.SnapshotOutput;
import dev.custflow.model.Customer;
import dev.custflow.model.InteractionKind;
import dev.custflow.settings.AssignmentSettings;
import dev.custflow.settings.AssignmentSettings.Route;
import dev.custflow.settings.AssignmentSettings.Strategy;
import dev.custflow.spi.RepLoadBoard;
import dev.custflow.testdata.Customers;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The assignment desk: the routing table, rep load and turns, the waiting line and first-response deadlines. */
class AssignmentDeskTest {
    private static final Instant T = at("2024-03-04T02:00:00Z");
    private static final long NOW = T.toEpochMilli();
    private static final long MINUTE = 60_000L;

    private static AssignmentSettings only(Strategy strategy) {
        return new AssignmentSettings(5, 30, 1, null, List.of(Route.always(strategy.name(), strategy)));
    }

    private static RepUpdated rep(String id, String team, String region, int capacity, boolean senior,
                                  boolean available) {
        return new RepUpdated("rep:" + id, T, id, id, team, region, List.of(), senior, capacity, available);
    }

    private static RepUpdated rep(String id, int capacity) {
        return rep(id, null, null, capacity, false, true);
    }

    private static AssignmentDesk desk(AssignmentSettings settings, RepUpdated... reps) {
        return desk(settings, null, reps);
    }

    private static AssignmentDesk desk(AssignmentSettings settings, RepLoadBoard board, RepUpdated... reps) {
        AssignmentDesk desk = new AssignmentDesk(settings, board);
        for (RepUpdated r : reps) {
            desk.repUpdated(r);
        }
        desk.open();
        return desk;
    }

    private static CustomerRecord lead(String id) {
        return Customers.lead(id, T);
    }

    @Test
    void assign_outsideLeadHandOut_isRefused() {
        AssignmentDesk desk = desk(only(Strategy.ROUND_ROBIN), rep("a", 5));
        desk.close();
        assertThatThrownBy(() -> desk.assign(lead("L1"), NOW)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("assignLead was called outside lead hand-out");
        assertThatThrownBy(() -> desk.reassign(lead("L1"), NOW)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("reassignLead");
    }

    @Test
    void assign_beforeAnyRepIsKnown_givesNothing_andQueuesNothing() {
        AssignmentDesk desk = desk(only(Strategy.ROUND_ROBIN));
        assertThat(desk.hasReps()).isFalse();
        assertThat(desk.assign(lead("L1"), NOW)).isNull();
        assertThat(desk.hasWaiting()).isFalse();
    }

    @Test
    void roundRobin_givesLeadsInTurnByRepId_andWraps() {
        AssignmentDesk desk = desk(only(Strategy.ROUND_ROBIN), rep("r2", 9), rep("r1", 9), rep("r3", 9));
        List<String> reps = List.of("L1", "L2", "L3", "L4").stream()
                .map(id -> desk.assign(lead(id), NOW).repId()).toList();
        assertThat(reps).containsExactly("r1", "r2", "r3", "r1");
        AssignmentDesk.Choice next = desk.assign(lead("L5"), NOW);
        assertThat(next.candidates()).containsExactly("r2", "r3", "r1");
        assertThat(next.explanation()).startsWith("route ROUND_ROBIN (ROUND_ROBIN): r2 is next in turn");
    }

    @Test
    void assign_givesTheLeadToTheRep_andCountsItTowardTheirLoad() {
        AssignmentDesk desk = desk(only(Strategy.LEAST_LOADED), rep("a", 5));
        CustomerRecord lead = assignedNow(desk, "L1");
        assertThat(lead.getOwnerId()).isEqualTo("a");
        assertThat(lead.isLoadCounted()).isTrue();
        assertThat(desk.loads()).containsEntry("a", 1);
    }

    @Test
    void leastLoaded_prefersTheLowestShareOfCapacity_thenFewestLeads_thenRepId() {
        AssignmentDesk desk = desk(only(Strategy.LEAST_LOADED), rep("b", 2), rep("a", 10));
        assertThat(desk.assign(lead("L1"), NOW).repId()).isEqualTo("a"); // both empty: by id
        AssignmentDesk.Choice second = desk.assign(lead("L2"), NOW);
        assertThat(second.repId()).isEqualTo("b"); // 0 of 2 beats 1 of 10
        assertThat(second.candidates()).containsExactly("b", "a");
        assertThat(second.explanation()).contains("b has the lightest load (0 of 2 open); also considered a (1 of 10 open)");
        assertThat(desk.assign(lead("L3"), NOW).repId()).isEqualTo("a"); // 1 of 10 beats 1 of 2
    }

    @Test
    void assign_skipsRepsAwayOrFull_andSaysSo() {
        AssignmentDesk desk = desk(only(Strategy.LEAST_LOADED), rep("a", 1), rep("b", null, null, 5, false, false),
                rep("c", 5));
        assertThat(desk.assign(lead("L1"), NOW).repId()).isEqualTo("a");
        AssignmentDesk.Choice c = desk.assign(lead("L2"), NOW);
        assertThat(c.repId()).isEqualTo("c");
        assertThat(c.explanation()).endsWith("c is the only one who can take it (0 of 5 open); skipped a (full: 1 of 1), b (away)");
    }

    @Test
    void routingTable_theFirstRouteThatAppliesAndHasRoom_wins() {
        AssignmentDesk desk = desk(AssignmentSettings.ofDefaults(),
                rep("ka", "KEY_ACCOUNTS", "华北", 1, false, true),
                rep("senior", "SALES", "华南", 5, true, true),
                rep("east", "SALES", "华东", 5, false, true));
        CustomerRecord quality = Customers.tagged(lead("L1"), "high-quality");
        CustomerRecord gradeA = Customers.scored(lead("L2"), 85, "A");
        CustomerRecord eastern = Customers.lead("L3", T, b -> b.region("华东"));
        CustomerRecord elsewhere = Customers.lead("L4", T, b -> b.region("西北"));
        assertThat(desk.assign(quality, NOW).route().name()).isEqualTo("key-accounts");
        assertThat(quality.getOwnerId()).isEqualTo("ka");
        assertThat(desk.assign(gradeA, NOW).repId()).isEqualTo("senior");
        assertThat(desk.assign(eastern, NOW).route().name()).isEqualTo("by-region");
        assertThat(eastern.getOwnerId()).isEqualTo("east");
        AssignmentDesk.Choice rr = desk.assign(elsewhere, NOW);
        assertThat(rr.route().name()).isEqualTo("round-robin");
        assertThat(rr.candidates()).containsExactly("east", "senior"); // ka is full
        // the key-account rep is full: the next high-quality lead falls through to the routes below
        CustomerRecord quality2 = Customers.tagged(Customers.lead("L5", T, b -> b.region("华东")), "high-quality");
        assertThat(desk.assign(quality2, NOW).route().name()).isEqualTo("by-region");
    }

    @Test
    void aLeadNobodyCanTake_waits_andIsOfferedAgainOnlyWhenCapacityChanged() {
        AssignmentDesk desk = desk(only(Strategy.LEAST_LOADED), rep("a", 1));
        desk.assign(lead("L1"), NOW);
        assertThat(desk.assign(lead("L2"), NOW)).isNull();
        assertThat(desk.hasWaiting()).isTrue();
        assertThat(desk.waitingToOffer()).containsExactly("L2"); // the rep arrived since the last offer
        assertThat(desk.waitingToOffer()).isEmpty(); // nothing changed since
        desk.release("a");
        assertThat(desk.waitingToOffer()).containsExactly("L2");
        assertThat(desk.assign(lead("L2"), NOW).repId()).isEqualTo("a");
        assertThat(desk.hasWaiting()).isFalse();
    }

    @Test
    void aLeadThatJoinsTheLine_isToldOnce_withItsRouteAndTheRepsThatAreFullOrAway() {
        AssignmentDesk desk = desk(only(Strategy.LEAST_LOADED), rep("a", 1), rep("b", null, null, 5, false, false));
        desk.assign(lead("L1"), NOW);
        assertThat(desk.joinedLine()).isFalse();
        assertThat(desk.assign(lead("L2"), NOW)).isNull();
        assertThat(desk.joinedLine()).isTrue();
        AssignmentDesk.Wait w = desk.whyWaiting(lead("L2"));
        assertThat(w.route()).isEqualTo("LEAST_LOADED");
        assertThat(w.explanation()).isEqualTo("route LEAST_LOADED: a (full: 1 of 1), b (away)");
        assertThat(desk.assign(lead("L2"), NOW)).isNull(); // offered again, still no room: in line already
        assertThat(desk.joinedLine()).isFalse();
        assertThat(desk.waitingLine()).containsExactly("L2");
    }

    @Test
    void whyWaiting_withoutARouteThatApplies_saysSo() {
        AssignmentSettings senior = new AssignmentSettings(5, 30, 1, null, List.of(
                new Route("seniors", Strategy.LEAST_LOADED, null, List.of(), List.of(), List.of(), null, 90, List.of(),
                        List.of())));
        AssignmentDesk desk = desk(senior, rep("a", 1));
        AssignmentDesk.Wait w = desk.whyWaiting(lead("L1"));
        assertThat(w.route()).isNull();
        assertThat(w.explanation()).isEqualTo("no route of the routing table applies to it");
    }

    @Test
    void aLeadBackWithItsRep_countsTowardTheirLoadAgain_evenAboveCapacity() {
        AssignmentDesk desk = desk(only(Strategy.LEAST_LOADED), rep("a", 1));
        desk.assign(lead("L1"), NOW);
        desk.release("a"); // L1 recycled
        desk.assign(lead("L2"), NOW);
        desk.reclaim("a"); // L1 engaged again: back with a
        assertThat(desk.loads()).containsEntry("a", 2);
        assertThat(desk.assign(lead("L3"), NOW)).isNull();
        desk.reclaim(null);
        assertThat(desk.loads()).containsEntry("a", 2);
    }

    @Test
    void capacityFreedByALeadClosed_offersTheWaitingLeadsOldestFirst() {
        AssignmentDesk desk = desk(only(Strategy.LEAST_LOADED), rep("a", 1));
        desk.assign(lead("L1"), NOW);
        desk.assign(lead("L2"), NOW);
        desk.assign(lead("L3"), NOW);
        desk.waitingToOffer();
        desk.release("a"); // L1 lost
        assertThat(desk.waitingToOffer()).containsExactly("L2", "L3");
        assertThat(desk.assign(lead("L2"), NOW).repId()).isEqualTo("a");
        assertThat(desk.assign(lead("L3"), NOW)).isNull();
        assertThat(desk.waitingLine()).containsExactly("L3");
    }

    @Test
    void release_ofARepWithoutOpenLeads_changesNothing() {
        AssignmentDesk desk = desk(only(Strategy.LEAST_LOADED), rep("a", 1));
        desk.assign(lead("L1"), NOW);
        desk.release("a");
        desk.release("a");
        desk.release(null);
        assertThat(desk.loads()).containsEntry("a", 0);
    }

    @Test
    void await_queuesALeadFromBeforeAnyRep_oldestFirst() {
        AssignmentDesk desk = desk(only(Strategy.ROUND_ROBIN));
        desk.await("L2");
        desk.await("L1");
        desk.await("L2");
        assertThat(desk.waitingToOffer()).containsExactly("L2", "L1");
        desk.dropWaiting("L2");
        desk.await("L3");
        assertThat(desk.waitingToOffer()).containsExactly("L1", "L3");
    }

    @Test
    void firstResponseDeadline_breachesTwice_thenCloses() {
        AssignmentDesk desk = desk(only(Strategy.ROUND_ROBIN), rep("a", 5));
        assertThat(desk.nextDeadline()).isEqualTo(Long.MAX_VALUE);
        desk.assign(lead("L1"), NOW);
        assertThat(desk.nextDeadline()).isEqualTo(NOW + 5 * MINUTE);
        AssignmentDesk.Deadline first = desk.pollDeadline();
        assertThat(first).isEqualTo(new AssignmentDesk.Deadline("L1", "a", NOW, NOW + 5 * MINUTE, false, 0));
        assertThat(desk.nextDeadline()).isEqualTo(NOW + 35 * MINUTE); // reassignAfterMinutes after the first
        AssignmentDesk.Deadline second = desk.pollDeadline();
        assertThat(second.second()).isTrue();
        assertThat(second.assignedAt()).isEqualTo(NOW);
        assertThat(desk.nextDeadline()).isEqualTo(Long.MAX_VALUE);
        assertThat(desk.pollDeadline()).isNull();
    }

    @Test
    void deadlines_comeInDueOrder_tiesInAssignmentOrder() {
        AssignmentDesk desk = desk(only(Strategy.ROUND_ROBIN), rep("a", 5), rep("b", 5));
        desk.assign(lead("L2"), NOW + MINUTE);
        desk.assign(lead("L1"), NOW);
        desk.assign(lead("L3"), NOW);
        assertThat(List.of(desk.pollDeadline().leadId(), desk.pollDeadline().leadId(), desk.pollDeadline().leadId()))
                .containsExactly("L1", "L3", "L2");
    }

    @Test
    void aResponseOfTheKindsThatCount_settlesTheDeadline() {
        AssignmentDesk desk = desk(only(Strategy.ROUND_ROBIN), rep("a", 5));
        desk.assign(lead("L1"), NOW);
        desk.interaction("L1", InteractionKind.EMAIL_OPENED); // the lead's own engagement is no response
        assertThat(desk.nextDeadline()).isEqualTo(NOW + 5 * MINUTE);
        desk.interaction("L1", InteractionKind.CALL);
        assertThat(desk.nextDeadline()).isEqualTo(Long.MAX_VALUE);
        assertThat(desk.pollDeadline()).isNull();
    }

    @Test
    void reassign_goesToSomeoneNotTriedBefore_andMovesTheLoad() {
        AssignmentDesk desk = desk(only(Strategy.ROUND_ROBIN), rep("a", 5), rep("b", 5));
        CustomerRecord lead = assignedNow(desk, "L1");
        AssignmentDesk.Choice c = desk.reassign(lead, NOW + 35 * MINUTE);
        assertThat(c.repId()).isEqualTo("b");
        assertThat(lead.getOwnerId()).isEqualTo("b");
        assertThat(desk.loads()).containsEntry("a", 0).containsEntry("b", 1);
        assertThat(desk.nextDeadline()).isEqualTo(NOW + 40 * MINUTE); // a new response window for b
        assertThat(desk.reassign(lead, NOW + 80 * MINUTE)).isNull(); // maxReassignments (1) reached
        assertThat(lead.getOwnerId()).isEqualTo("b");
    }

    @Test
    void reassign_withNobodyElseToTakeIt_leavesTheLead() {
        AssignmentDesk desk = desk(only(Strategy.ROUND_ROBIN), rep("a", 5));
        CustomerRecord lead = assignedNow(desk, "L1");
        assertThat(desk.reassign(lead, NOW)).isNull();
        assertThat(lead.getOwnerId()).isEqualTo("a");
        assertThat(desk.loads()).containsEntry("a", 1);
    }

    @Test
    void forget_dropsTheDeadlineAndTheWaitingPlaceOfAMergedLead() {
        AssignmentDesk desk = desk(only(Strategy.LEAST_LOADED), rep("a", 1));
        desk.assign(lead("L1"), NOW);
        desk.assign(lead("L2"), NOW); // waits
        desk.forget("L1");
        desk.forget("L2");
        assertThat(desk.nextDeadline()).isEqualTo(Long.MAX_VALUE);
        assertThat(desk.hasWaiting()).isFalse();
    }

    @Test
    void teamOf_namesTheRepsTeam() {
        AssignmentDesk desk = desk(only(Strategy.ROUND_ROBIN), rep("ka", "KEY_ACCOUNTS", null, 1, false, true));
        assertThat(desk.teamOf("ka")).isEqualTo("KEY_ACCOUNTS");
        assertThat(desk.teamOf("nobody")).isNull();
    }

    @Test
    void aRepLoadBoard_addsTheLeadsHeldInOtherEngines_andHearsThisOnesCounts() {
        Map<String, Integer> elsewhere = new HashMap<>(Map.of("a", 1));
        Map<String, Integer> published = new HashMap<>();
        long[] version = {0};
        RepLoadBoard board = new RepLoadBoard() {
            @Override
            public int heldElsewhere(String repId) {
                return elsewhere.getOrDefault(repId, 0);
            }

            @Override
            public void held(String repId, int count) {
                published.put(repId, count);
            }

            @Override
            public long version() {
                return version[0];
            }
        };
        AssignmentDesk desk = desk(only(Strategy.LEAST_LOADED), board, rep("a", 1));
        assertThat(desk.assign(lead("L1"), NOW)).isNull(); // a is full with the lead held elsewhere
        assertThat(desk.waitingToOffer()).containsExactly("L1");
        assertThat(desk.waitingToOffer()).isEmpty();
        elsewhere.put("a", 0);
        version[0]++; // the other engine released it
        assertThat(desk.waitingToOffer()).containsExactly("L1");
        assertThat(desk.assign(lead("L1"), NOW).repId()).isEqualTo("a");
        assertThat(published).containsEntry("a", 1);
    }

    @Test
    void writeThenRead_givesADeskThatEncodesAlike_andDecidesAlike() {
        AssignmentSettings settings = only(Strategy.ROUND_ROBIN);
        RepUpdated[] reps = {rep("a", 1), rep("b", 5), rep("c", 5)};
        AssignmentDesk before = desk(settings, reps);
        before.assign(lead("L1"), NOW); // a
        before.assign(lead("L2"), NOW + MINUTE); // b
        before.assign(lead("L3"), NOW + 2 * MINUTE); // c
        before.assign(lead("L4"), NOW + 3 * MINUTE); // a is full: b
        before.pollDeadline(); // L1's first breach: its second is open
        before.await("L0");
        SnapshotOutput out = new SnapshotOutput(64);
        before.write(out);

        AssignmentDesk after = desk(settings, reps);
        after.read(new SnapshotInput(out.toByteArray()));
        SnapshotOutput again = new SnapshotOutput(64);
        after.write(again);
        assertThat(again.toByteArray()).isEqualTo(out.toByteArray());
        assertThat(after.loads()).isEqualTo(before.loads());
        assertThat(after.nextDeadline()).isEqualTo(before.nextDeadline());
        assertThat(after.pollDeadline()).isEqualTo(before.pollDeadline());
        assertThat(after.waitingToOffer()).isEqualTo(before.waitingToOffer());
        assertThat(after.assign(lead("L5"), NOW)).isEqualTo(before.assign(lead("L5"), NOW));
    }

    /** @return a new lead, given out by the desk at {@code NOW} */
    private static CustomerRecord assignedNow(AssignmentDesk desk, String leadId) {
        CustomerRecord lead = lead(leadId);
        desk.assign(lead, NOW);
        return lead;
    }
}
