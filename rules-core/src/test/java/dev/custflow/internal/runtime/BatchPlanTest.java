package dev.custflow.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custflow.EventRejectedException;
import dev.custflow.event.ClockTick;
import dev.custflow.event.Event;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The batch plan and its steps, without Drools. */
class BatchPlanTest {
    private static final Instant T0 = Instant.parse("2024-03-01T10:00:00Z");
    private static final Event TICK = new ClockTick("t1", T0);

    private static Step step(String customer, int partition) {
        return new Step(7, TICK, customer, partition, T0.toEpochMilli(), true, List.of(), List.of());
    }

    @Test
    void skippedStep_keepsLineAndEvent_andNoPartitionAppliesIt() {
        Step s = Step.skipped(new Input(12, TICK, null));

        assertThat(s.skipped()).isTrue();
        assertThat(s.line()).isEqualTo(12);
        assertThat(s.event()).isSameAs(TICK);
        assertThat(s.appliesOn(0)).isFalse();
        assertThat(s.appliesOn(1)).isFalse();
        assertThat(s.clockStep()).isFalse();
    }

    @Test
    void skippedStep_ofAnInputRejectedWhileRead_hasNoEvent() {
        EventRejectedException rejected = new EventRejectedException(3, "OrderPlaced", "o-1", "at", "yesterday", "not a time");

        Step s = Step.skipped(new Input(3, null, rejected));

        assertThat(s.event()).isNull();
        assertThat(s.skipped()).isTrue();
    }

    @Test
    void broadcastStep_appliesOnEveryPartition() {
        Step s = step(null, Step.BROADCAST);

        assertThat(s.skipped()).isFalse();
        assertThat(s.appliesOn(0)).isTrue();
        assertThat(s.appliesOn(5)).isTrue();
    }

    @Test
    void routedStep_appliesOnItsPartitionOnly() {
        Step s = step("c-1", 2);

        assertThat(s.appliesOn(2)).isTrue();
        assertThat(s.appliesOn(1)).isFalse();
    }

    @Test
    void partitionOf_isTheIdsHashModuloThePartitions_neverNegative() {
        String negative = "polygenelubricants"; // its hash code is Integer.MIN_VALUE
        assertThat(negative.hashCode()).isNegative();

        assertThat(Step.partitionOf(negative, 3)).isEqualTo(Math.floorMod(negative.hashCode(), 3)).isNotNegative();
        assertThat(Step.partitionOf("c-1", 1)).isZero();
    }

    @Test
    void routedTo_changesOnlyTheCustomerAndPartition() {
        Step s = step("lead-2", 1);

        Step merged = s.routedTo("lead-1", 0);

        assertThat(merged).isEqualTo(new Step(7, TICK, "lead-1", 0, T0.toEpochMilli(), true, List.of(), List.of()));
    }

    @Test
    void withFacts_keepsACopy_soLaterChangesToTheListDoNotReachTheStep() {
        List<Object> facts = new ArrayList<>(List.of("merge"));

        Step s = step("c-1", 0).withFacts(facts);
        facts.add("offer");

        assertThat(s.facts()).containsExactly("merge");
    }

    @Test
    void tick_isAStepNobodyApplies_atItsMoment() {
        Step s = Step.tick("sla@2024-03-01T10:00:00Z", T0.toEpochMilli());

        assertThat(s.skipped()).isTrue();
        assertThat(s.line()).isZero();
        assertThat(s.event()).isInstanceOf(ClockTick.class);
        assertThat(s.event().id()).isEqualTo("sla@2024-03-01T10:00:00Z");
        assertThat(s.event().at()).isEqualTo(T0);
    }

    @Test
    void plan_keepsStepsByPosition_andSetReplansAPosition() {
        BatchPlan plan = new BatchPlan(3);
        plan.add(step("a", 0));
        plan.add(step("b", 1));

        plan.set(1, plan.step(1).routedTo("a", 0));

        assertThat(plan.size()).isEqualTo(2);
        assertThat(plan.step(0).customerId()).isEqualTo("a");
        assertThat(plan.step(1).customerId()).isEqualTo("a");
        assertThat(plan.step(1).line()).isEqualTo(7);
    }

    @Test
    void plan_refusesAPositionNotPlannedYet() {
        BatchPlan plan = new BatchPlan(3);
        plan.add(step("a", 0));

        assertThatThrownBy(() -> plan.step(1)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("position 1 is not planned yet (1 are)");
        assertThatThrownBy(() -> plan.set(2, step("b", 0))).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void walk_passesOverSkippedPositions_withoutTouchingThePartition() {
        BatchPlan plan = new BatchPlan(2);
        plan.add(Step.skipped(new Input(1, TICK, null)));
        plan.add(Step.skipped(new Input(2, TICK, null)));

        assertThat(plan.walk(null, 0, 2)).isEmpty(); // a null partition would throw if the walk asked it anything
    }
}
