package dev.custflow.rules;

import static dev.custflow.testdata.Events.at;
import static dev.custflow.testdata.Events.tick;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.Custflow;
import dev.custflow.Engine;
import dev.custflow.RulePack;
import dev.custflow.action.Action;
import dev.custflow.action.LeadAssigned;
import dev.custflow.event.LeadCaptured;
import dev.custflow.event.OpportunityClosed;
import dev.custflow.event.RepUpdated;
import dev.custflow.model.Outcome;
import dev.custflow.settings.Settings;
import dev.custflow.spi.RepLoadBoard;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Engines that each hold part of the leads (one per Kafka Streams task) share rep load through a {@link RepLoadBoard}:
 * each counts what the others hold, so capacity and "least loaded" mean the rep's leads everywhere.
 */
class RepLoadBoardTest {
    private static final Settings LEAST_LOADED = Settings.builder().merge("""
            {"assignment": {"routes": [{"name": "everyone", "strategy": "LEAST_LOADED"}]}}""").build();

    /** A board in memory: counts by engine and rep, a version bumped at every change. */
    static final class SharedBoard {
        final Map<String, Map<String, Integer>> counts = new ConcurrentHashMap<>();
        long version;

        RepLoadBoard seat(String engine) {
            return new RepLoadBoard() {
                @Override
                public int heldElsewhere(String repId) {
                    int sum = 0;
                    for (var e : counts.entrySet()) {
                        if (!e.getKey().equals(engine)) {
                            sum += e.getValue().getOrDefault(repId, 0);
                        }
                    }
                    return sum;
                }

                @Override
                public void held(String repId, int count) {
                    counts.computeIfAbsent(engine, k -> new ConcurrentHashMap<>()).put(repId, count);
                    version++;
                }

                @Override
                public long version() {
                    return version;
                }
            };
        }
    }

    private final SharedBoard board = new SharedBoard();
    private final Engine east = engine(board.seat("task-0"));
    private final Engine west = engine(board.seat("task-1"));

    private static Engine engine(RepLoadBoard seat) {
        Engine e = Custflow.builder().packs(RulePack.LIFECYCLE, RulePack.ASSIGNMENT).settings(LEAST_LOADED)
                .repLoadBoard(seat).build();
        // customer-less events such as rep updates reach every engine (docs/kafka.md: broadcast to every partition)
        e.acceptAll(List.of(rep("ann", 2), rep("bob", 2)));
        return e;
    }

    @AfterEach
    void close() {
        east.close();
        west.close();
    }

    private static RepUpdated rep(String id, int capacity) {
        return new RepUpdated("rep:" + id, at("2024-01-01"), id, "Rep " + id, "SALES", null, List.of(), false,
                capacity, true);
    }

    private static LeadCaptured lead(String id, String when) {
        return LeadCaptured.builder("lead:" + id, at(when), id, "WECHAT").build();
    }

    private static List<LeadAssigned> assigned(List<Action> actions) {
        return actions.stream().filter(LeadAssigned.class::isInstance).map(LeadAssigned.class::cast).toList();
    }

    @Test
    void aRepsLeadsInAnotherEngine_countTowardItsLoad() {
        assertThat(assigned(east.accept(lead("L1", "2024-03-01T09:00:00Z")))).extracting(LeadAssigned::repId)
                .containsExactly("ann");
        // without the board the west engine would see ann empty and give her L2 (tie broken by rep id)
        List<LeadAssigned> second = assigned(west.accept(lead("L2", "2024-03-01T09:01:00Z")));
        assertThat(second).extracting(LeadAssigned::repId).containsExactly("bob");
        assertThat(second.get(0).reason()).contains("also considered ann (1 of 2 open)");
    }

    @Test
    void aRepFullAcrossEngines_isSkipped_andTheLeadWaitsUntilALeadIsReleasedElsewhere() {
        east.accept(lead("L1", "2024-03-01T09:00:00Z"));  // ann
        west.accept(lead("L2", "2024-03-01T09:01:00Z"));  // bob
        east.accept(lead("L3", "2024-03-01T09:02:00Z"));  // ann, 2 of 2
        west.accept(lead("L4", "2024-03-01T09:03:00Z"));  // bob, 2 of 2
        assertThat(assigned(east.accept(lead("L5", "2024-03-01T09:04:00Z")))).isEmpty();

        // west closes L2 (before any first-response deadline): bob has room again, and east offers its waiting
        // lead at its next event
        west.accept(new OpportunityClosed("won:L2", at("2024-03-01T09:04:20Z"), "L2", "OPP-2", Outcome.WON, null,
                null));
        List<LeadAssigned> offered = assigned(east.acceptAll(List.of(tick("2024-03-01T09:04:40Z"))).actions());
        assertThat(offered).extracting(LeadAssigned::customerId, LeadAssigned::repId).containsExactly(
                org.assertj.core.groups.Tuple.tuple("L5", "bob"));
    }
}
