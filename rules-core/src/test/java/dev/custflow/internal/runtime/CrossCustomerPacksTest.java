package dev.custflow.internal.runtime;

import dev.custflow.internal.profile.CustomerRecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custflow.RulePack;
import dev.custflow.RuleSource;
import dev.custflow.event.ClockTick;
import dev.custflow.internal.index.Emitted;
import dev.custflow.model.Customer;
import dev.custflow.settings.Settings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The engine's calls to the cross-customer packs, with recording packs instead of real ones (no Drools). */
class CrossCustomerPacksTest {
    private static final Instant T0 = Instant.parse("2024-03-01T10:00:00Z");

    private final List<String> log = new ArrayList<>();

    /** A pack that writes every call into the log and answers as it is told. */
    private class Recording implements CrossCustomerPack {
        final String name;
        final List<Long> due = new ArrayList<>();
        boolean workDue;
        boolean alone;
        boolean follow;

        Recording(String name, long... dueTimes) {
            this.name = name;
            Arrays.stream(dueTimes).sorted().forEach(due::add);
        }

        @Override
        public String resolve(String customerId) {
            log.add(name + " resolve " + customerId);
            return customerId + "/" + name;
        }

        @Override
        public boolean hasWorkDue(long clock, long t) {
            log.add(name + " workDue");
            return workDue;
        }

        @Override
        public long nextDue() {
            return due.isEmpty() ? Long.MAX_VALUE : due.get(0);
        }

        @Override
        public void runDue(PackContext ctx) {
            log.add(name + " runs " + due.remove(0));
        }

        @Override
        public boolean captures(Step step) {
            log.add(name + " captures?");
            return alone;
        }

        @Override
        public Step onCapture(Step step, List<Object> facts, PackContext ctx) {
            facts.add(name + "-fact");
            return step.routedTo(step.customerId() + "+" + name, 0);
        }

        @Override
        public void openCapture() {
            log.add(name + " open");
        }

        @Override
        public void closeCapture() {
            log.add(name + " close");
        }

        @Override
        public boolean onEvent(Step step) {
            log.add(name + " event");
            return follow;
        }

        @Override
        public void afterEvent(PackContext ctx) {
            log.add(name + " after");
        }

        @Override
        public void writeParts(Map<String, byte[]> parts, Set<String> removed) {
            parts.put(name + ".0", new byte[] {1});
            removed.add(name + ".old");
        }

        @Override
        public void restoreParts(Map<String, byte[]> stored) {
            log.add(name + " restores " + stored.containsKey(name + ".0"));
        }
    }

    /** A pack that does nothing but what every pack does by default. */
    private static final class Quiet implements CrossCustomerPack {
    }

    private static Step step(String customer) {
        return new Step(1, new ClockTick("t", T0), customer, 0, T0.toEpochMilli(), true, List.of(), List.of());
    }

    @Test
    void noPacks_resolveKeepsTheId_andNothingIsDueOrCaptured() {
        CrossCustomerPacks none = new CrossCustomerPacks(List.of());

        assertThat(none.resolve("c-1")).isEqualTo("c-1");
        assertThat(none.hasWorkDue(0, 10)).isFalse();
        assertThat(none.onClockStep(0, 10)).isEmpty();
        assertThat(none.captures(step("c-1"))).isFalse();
        assertThat(none.onEvent(step("c-1"))).isFalse();
    }

    @Test
    void aPackThatOverridesNothing_changesNothing() {
        CrossCustomerPacks quiet = new CrossCustomerPacks(List.of(new Quiet()));
        List<Object> facts = new ArrayList<>();
        Step s = step("c-1");

        assertThat(quiet.resolve("c-1")).isEqualTo("c-1");
        assertThat(quiet.onCapture(s, facts, null)).isSameAs(s);
        assertThat(facts).isEmpty();
        assertThat(quiet.onClockStep(0, 10)).isEmpty();
    }

    @Test
    void resolve_passesTheIdThroughEveryPackInOrder() {
        CrossCustomerPacks packs = new CrossCustomerPacks(List.of(new Recording("a"), new Recording("b")));

        assertThat(packs.resolve("c-1")).isEqualTo("c-1/a/b");
    }

    @Test
    void hasWorkDue_asksEveryPack_evenAfterOneSaidYes() {
        Recording a = new Recording("a");
        a.workDue = true;
        CrossCustomerPacks packs = new CrossCustomerPacks(List.of(a, new Recording("b")));

        assertThat(packs.hasWorkDue(0, 10)).isTrue();
        assertThat(log).containsExactly("a workDue", "b workDue"); // b may note what the step passes
    }

    @Test
    void runDue_runsTimedWorkEarliestFirst_acrossPacks_upToTheLimit() {
        Recording a = new Recording("a", 5, 30);
        Recording b = new Recording("b", 3, 10, 21);
        CrossCustomerPacks packs = new CrossCustomerPacks(List.of(a, b));

        packs.runDue(20, null);

        assertThat(log).containsExactly("b runs 3", "a runs 5", "b runs 10");
        assertThat(a.nextDue()).isEqualTo(30);
        assertThat(b.nextDue()).isEqualTo(21);
    }

    @Test
    void runDue_atEqualTimes_theEarlierPackInTheListGoesFirst() {
        CrossCustomerPacks packs = new CrossCustomerPacks(List.of(new Recording("rfm", 7), new Recording("desk", 7)));

        packs.runDue(7, null);

        assertThat(log).containsExactly("rfm runs 7", "desk runs 7");
    }

    @Test
    void runDue_asksAgainAfterEachPiece_soWorkThatSchedulesWorkWithinTheLimitRunsToo() {
        Recording chain = new Recording("desk", 4) {
            @Override
            public void runDue(PackContext ctx) {
                long at = due.remove(0);
                log.add("desk runs " + at);
                if (at < 12) {
                    due.add(at + 4); // a first breach schedules the second
                }
            }
        };
        CrossCustomerPacks packs = new CrossCustomerPacks(List.of(chain));

        packs.runDue(10, null);

        assertThat(log).containsExactly("desk runs 4", "desk runs 8");
        assertThat(chain.nextDue()).isEqualTo(12);
    }

    @Test
    void onClockStep_collectsThePartitionWorkOfThePacksThatHaveSome_inOrder() {
        PartitionWork first = (p, position, clock) -> { };
        PartitionWork second = (p, position, clock) -> { };
        CrossCustomerPack none = new Quiet();
        CrossCustomerPack one = new CrossCustomerPack() {
            @Override
            public PartitionWork onClockStep(long from, long to) {
                return first;
            }
        };
        CrossCustomerPack two = new CrossCustomerPack() {
            @Override
            public PartitionWork onClockStep(long from, long to) {
                return second;
            }
        };

        assertThat(new CrossCustomerPacks(List.of(none, one, two)).onClockStep(0, 1)).containsExactly(first, second);
    }

    @Test
    void captures_asksEveryPack_andOnCaptureHandsTheStepOnInOrder() {
        Recording a = new Recording("a");
        a.alone = true;
        Recording b = new Recording("b");
        CrossCustomerPacks packs = new CrossCustomerPacks(List.of(a, b));
        List<Object> facts = new ArrayList<>();

        boolean alone = packs.captures(step("lead"));
        Step s = packs.onCapture(step("lead"), facts, null);

        assertThat(alone).isTrue();
        assertThat(log).containsExactly("a captures?", "b captures?");
        assertThat(s.customerId()).isEqualTo("lead+a+b");
        assertThat(facts).containsExactly("a-fact", "b-fact");
    }

    @Test
    void runCaptured_opensInOrder_andClosesInReverse_evenWhenTheEvaluationFails() {
        CrossCustomerPacks packs = new CrossCustomerPacks(List.of(new Recording("a"), new Recording("b")));

        assertThatThrownBy(() -> packs.runCaptured(() -> {
            log.add("evaluate");
            throw new IllegalStateException("a rule failed");
        })).hasMessage("a rule failed");

        assertThat(log).containsExactly("a open", "b open", "evaluate", "b close", "a close");
    }

    @Test
    void afterEvent_runsOnlyForThePacksThatAskedAtTheLastEvent() {
        Recording a = new Recording("a");
        Recording b = new Recording("b");
        b.follow = true;
        CrossCustomerPacks packs = new CrossCustomerPacks(List.of(a, b));

        boolean follow = packs.onEvent(step("c-1"));
        packs.afterEvent(null);
        b.follow = false;
        boolean again = packs.onEvent(step("c-1"));
        packs.afterEvent(null);

        assertThat(follow).isTrue();
        assertThat(again).isFalse();
        assertThat(log).containsExactly("a event", "b event", "b after", "a event", "b event");
    }

    @Test
    void snapshotParts_everyPackWritesAndRestoresItsOwn() {
        CrossCustomerPacks packs = new CrossCustomerPacks(List.of(new Recording("a"), new Recording("b")));
        Map<String, byte[]> parts = new HashMap<>();
        Set<String> removed = new HashSet<>();

        packs.writeParts(parts, removed);
        packs.restoreParts(Map.of("b.0", new byte[] {1}));

        assertThat(parts).containsOnlyKeys("a.0", "b.0");
        assertThat(removed).containsExactlyInAnyOrder("a.old", "b.old");
        assertThat(log).containsExactly("a restores false", "b restores true");
    }

    @Test
    void merging_tellsEveryPack() {
        List<String> told = new ArrayList<>();
        CrossCustomerPack pack = new CrossCustomerPack() {
            @Override
            public void merging(String id, CustomerRecord merged, CustomerRecord survivor) {
                told.add(id + "->" + survivor.getId() + (merged == null ? " (no record)" : ""));
            }
        };
        CustomerRecord survivor = new CustomerRecord("lead-1", T0);

        new CrossCustomerPacks(List.of(pack, pack)).merging("lead-2", null, survivor);

        assertThat(told).containsExactly("lead-2->lead-1 (no record)", "lead-2->lead-1 (no record)");
    }

    @Test
    void afterRange_andEndCall_reachEveryPack() {
        List<String> told = new ArrayList<>();
        CrossCustomerPack pack = new CrossCustomerPack() {
            @Override
            public void afterRange(BatchPlan plan, List<Emitted> merged, PackContext ctx) {
                told.add("range of " + plan.size());
            }

            @Override
            public void endCall(PackContext ctx) {
                told.add("end");
            }
        };
        CrossCustomerPacks packs = new CrossCustomerPacks(List.of(pack));
        BatchPlan plan = new BatchPlan(1);
        plan.add(step("c-1"));

        packs.afterRange(plan, new ArrayList<>(), null);
        packs.endCall(null);

        assertThat(told).containsExactly("range of 1", "end");
    }

    // ---------------------------------------------------------------- which packs are on

    private static EngineConfig config(Settings settings, RulePack... packs) {
        List<RuleSource> builtIns = Arrays.stream(packs).map(p -> RuleSource.drl(p.resource(), "")).toList();
        return new EngineConfig(builtIns, List.of(), settings, null, actions -> { }, null, 1, 100, 100, 100,
                List.of(), r -> { }, null, null, null, java.util.Locale.ENGLISH);
    }

    @Test
    void of_switchesOnThePacksWhoseRulesAreSelected() {
        CrossCustomerPacks packs = CrossCustomerPacks.of(config(Settings.ofDefaults(), RulePack.values()),
                new Partition[0], new Erasure(null, null));

        assertThat(Stream.of(RfmWeeklyPack.class, AtRiskDigestsPack.class, DuplicateIndexPack.class,
                AssignmentDeskPack.class).map(packs::find).toList()).doesNotContainNull();
    }

    @Test
    void of_withoutThosePacks_hasNone() {
        CrossCustomerPacks packs = CrossCustomerPacks.of(config(Settings.ofDefaults(), RulePack.LIFECYCLE),
                new Partition[0], new Erasure(null, null));

        assertThat(Stream.of(RfmWeeklyPack.class, AtRiskDigestsPack.class, DuplicateIndexPack.class,
                AssignmentDeskPack.class).map(packs::find).toList()).containsOnlyNulls();
    }

    @Test
    void of_churnWithoutTheWeeklyDigest_hasNoDigests() {
        Settings noDigest = Settings.builder().set("churn.weeklyDigest", false).build();

        CrossCustomerPacks packs = CrossCustomerPacks.of(config(noDigest, RulePack.CHURN), new Partition[0],
                new Erasure(null, null));

        assertThat(packs.find(AtRiskDigestsPack.class)).isNull();
    }

    @Test
    void of_leadsMatchingOnNothing_hasNoDuplicateIndex() {
        Settings matchNothing = Settings.builder().set("intake.matchOn", List.of()).build();

        CrossCustomerPacks packs = CrossCustomerPacks.of(config(matchNothing, RulePack.LEADS), new Partition[0],
                new Erasure(null, null));

        assertThat(packs.find(DuplicateIndexPack.class)).isNull();
    }
}
