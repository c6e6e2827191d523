package dev.custflow.connectors.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.custflow.action.Action;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/** The contracts have teeth: run against connectors that break one promise, exactly the matching tests fail. */
class ContractsCatchBrokenConnectorsTest {

    /** Writes in place, so a commit that fails half-way leaves its first half. */
    static class NotAtomic extends CustomerStoreContract<FakeCustomerStore> {
        @Override
        protected FakeCustomerStore newStore() {
            return new FakeCustomerStore(false, true);
        }

        @Override
        protected boolean failNextCommitMidway(FakeCustomerStore store) {
            store.failNextCommit();
            return true;
        }

        @Override
        protected int manyCustomers() {
            return 100;
        }
    }

    /** Takes any position, also one behind the stored one. */
    static class PositionGoesBack extends CustomerStoreContract<FakeCustomerStore> {
        @Override
        protected FakeCustomerStore newStore() {
            return new FakeCustomerStore(true, false);
        }

        @Override
        protected int manyCustomers() {
            return 100;
        }
    }

    /** Delivers each call backwards. */
    static class Reordering extends ActionSinkContract<RecordingActionSink> {
        @Override
        protected RecordingActionSink newSink() {
            return new RecordingActionSink(true);
        }

        @Override
        protected List<Action> received(RecordingActionSink sink) {
            return List.copyOf(sink.received);
        }
    }

    private static List<String> failed(Class<?> contract) {
        Events tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(contract)).execute().testEvents();
        return tests.failed().stream().map(Event::getTestDescriptor).map(d -> d.getDisplayName()).toList();
    }

    private static List<String> skipped(Class<?> contract) {
        Events tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(contract)).execute().testEvents();
        return tests.aborted().stream().map(Event::getTestDescriptor).map(d -> d.getDisplayName()).toList();
    }

    @Test
    void aStoreThatIsNotAtomic_failsTheHalfWayCommitTest_only() {
        assertThat(failed(NotAtomic.class))
                .containsExactly("aCommitThatFailsHalfWay_leavesNothingOfItBehind_andTheStoreGoesOn()");
    }

    @Test
    void aStoreWhosePositionGoesBack_failsThePositionTest_andSkipsWhatItCannotSimulate() {
        assertThat(failed(PositionGoesBack.class)).containsExactlyInAnyOrder(
                "thePosition_neverMovesBack_aCommitBehindTheStoredOneIsRejectedAndChangesNothing()",
                "aRefusedCommit_changesNoEngineStatePart()");
        assertThat(skipped(PositionGoesBack.class)).containsExactlyInAnyOrder(
                "aCommitThatFailsHalfWay_leavesNothingOfItBehind_andTheStoreGoesOn()",
                "aReopenedStore_holdsWhatWasCommitted()");
    }

    @Test
    void aSinkThatReorders_failsTheOrderTests() {
        assertThat(failed(Reordering.class)).contains("everyAction_arrives_inTheOrderDelivered()",
                "manyActionsInOneCall_allArriveEqual()");
        assertThat(skipped(Reordering.class))
                .containsExactly("aFailingDelivery_isAConnectorException_andDeliveringAgainLaterLosesNothing()");
    }
}
