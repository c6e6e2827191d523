package dev.custflow.internal.runtime;

import static dev.custflow.testdata.Events.at;
import static dev.custflow.testdata.Events.lead;
import static dev.custflow.testdata.Events.rep;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.event.Event;
import dev.custflow.event.LeadCaptured;
import dev.custflow.internal.index.Emitted;
import dev.custflow.settings.Settings;
import java.lang.reflect.Proxy;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Where each built-in cross-customer pack cuts a batch, decided from the events and its own state alone (no
 * partitions, no Drools). 2024-03-01 is a Friday; the weekly moments fall on Monday 2024-03-04.
 */
class CrossCustomerPackCutsTest {
    private static final Settings UTC = Settings.builder().set("timeZone", "UTC").build();
    private static final long FRIDAY = at("2024-03-01").toEpochMilli();
    private static final long TUESDAY = at("2024-03-05").toEpochMilli();

    /** A context without partitions: enough for the hooks that find nothing to evaluate. */
    private static final PackContext EMPTY = (PackContext) Proxy.newProxyInstance(
            PackContext.class.getClassLoader(), new Class<?>[] {PackContext.class}, (proxy, method, args) ->
                    switch (args == null ? method.getName() : method.getName() + "(...)") {
                        case "partitions" -> new Partition[0];
                        case "clock" -> FRIDAY;
                        case "settings" -> UTC;
                        case "packs" -> new CrossCustomerPacks(List.of());
                        // finding a partition, moving the clock or delivering: nothing of it is expected
                        default -> throw new AssertionError("unexpected call: " + method.getName());
                    });

    private static Step step(Event e, String customerId) {
        return new Step(0, e, customerId, 0, e.at().toEpochMilli(), true, List.of(), List.of());
    }

    @Test
    void rfmRecompute_aStepPassingTheRecomputeTime_hasWorkDueAtTheBoundary() {
        RfmWeeklyPack rfm = new RfmWeeklyPack(UTC, new Partition[0]);

        boolean atFirstEvent = rfm.hasWorkDue(Long.MIN_VALUE, FRIDAY);
        boolean overTheWeekend = rfm.hasWorkDue(FRIDAY, TUESDAY);

        assertThat(atFirstEvent).isFalse();
        assertThat(overTheWeekend).isTrue();
        assertThat(rfm.nextDue()).isEqualTo(at("2024-03-04T00:00:00Z").toEpochMilli());
    }

    @Test
    void rfmRecompute_anEventNotAfterTheClock_hasNoWorkDue() {
        RfmWeeklyPack rfm = new RfmWeeklyPack(UTC, new Partition[0]);
        rfm.hasWorkDue(Long.MIN_VALUE, FRIDAY);

        assertThat(rfm.hasWorkDue(TUESDAY, FRIDAY)).isFalse();
        assertThat(rfm.nextDue()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void atRiskDigests_aClockStepPassingMonday0800_cutsEveryPartitionAtTheDigestTime() {
        AtRiskDigestsPack digests = new AtRiskDigestsPack(UTC);

        PartitionWork first = digests.onClockStep(Long.MIN_VALUE, FRIDAY);
        PartitionWork withinFriday = digests.onClockStep(FRIDAY, FRIDAY + 3_600_000L);
        PartitionWork overTheWeekend = digests.onClockStep(FRIDAY + 3_600_000L, TUESDAY);

        assertThat(first).isNull();
        assertThat(withinFriday).isNull();
        assertThat(overTheWeekend).isEqualTo(new AtRiskDigestsPack.Cut(at("2024-03-04T08:00:00Z").toEpochMilli()));
    }

    @Test
    void desk_beforeAnyRep_aCapturedLeadRunsWithTheRest() {
        AssignmentDeskPack desk = new AssignmentDeskPack(UTC.assignment(), null, new Partition[0]);

        assertThat(desk.captures(step(lead("l-1", "2024-03-01", "web"), "l-1"))).isFalse();
        assertThat(desk.onEvent(step(lead("l-1", "2024-03-01", "web"), "l-1"))).isFalse();
        assertThat(desk.hasWorkDue(Long.MIN_VALUE, FRIDAY)).isFalse();
    }

    @Test
    void desk_theFirstRepIsFollowedUp_laterRepsAreNot() {
        AssignmentDeskPack desk = new AssignmentDeskPack(UTC.assignment(), null, new Partition[0]);

        boolean first = desk.onEvent(step(rep("r-1", "EAST", "east", 5, "2024-03-01"), null));
        desk.afterEvent(EMPTY); // the backlog: no lead waits
        boolean second = desk.onEvent(step(rep("r-2", "EAST", "east", 5, "2024-03-01"), null));

        assertThat(first).isTrue();
        assertThat(second).isFalse();
    }

    @Test
    void desk_withARep_aCapturedLeadRunsAlone() {
        AssignmentDeskPack desk = new AssignmentDeskPack(UTC.assignment(), null, new Partition[0]);
        desk.onEvent(step(rep("r-1", "EAST", "east", 5, "2024-03-01"), null));
        desk.afterEvent(EMPTY);

        assertThat(desk.captures(step(lead("l-1", "2024-03-01", "web"), "l-1"))).isTrue();
    }

    @Test
    void duplicateIndex_aLeadMatchingAnEarlierLeadsPhone_runsAlone() {
        DuplicateIndexPack dedup = new DuplicateIndexPack(UTC.intake());
        LeadCaptured first = lead("l-1", "2024-03-01", "web");
        LeadCaptured second = lead("l-2", "2024-03-02", "fair"); // the same test phone number

        boolean firstAlone = dedup.captures(step(first, "l-1"));
        dedup.onEvent(step(first, "l-1")); // runs with the rest: claims its keys
        boolean secondAlone = dedup.captures(step(second, "l-2"));

        assertThat(firstAlone).isFalse();
        assertThat(secondAlone).isTrue();
        assertThat(dedup.resolve("l-2")).isEqualTo("l-2"); // merged only when the capture runs
    }

    @Test
    void duplicateIndex_aLeadNotClaimed_leavesTheNextOneAlone() {
        DuplicateIndexPack dedup = new DuplicateIndexPack(UTC.intake());
        dedup.captures(step(lead("l-1", "2024-03-01", "web"), "l-1")); // looked at, but its keys never claimed

        assertThat(dedup.captures(step(lead("l-2", "2024-03-02", "fair"), "l-2"))).isFalse();
    }

    @Test
    void referralCredits_anEventOfAReferredCustomer_orBringingACode_isFollowedUp_othersRunWithTheRest() {
        String code = new dev.custflow.internal.profile.CustomerRecord("VIP1", at("2024-01-01")).getOwnReferralCode();
        var referred = dev.custflow.testdata.Customers.lead("N1", at("2024-03-01"), b -> b.referralCode(code));
        var unreferred = dev.custflow.testdata.Customers.lead("N2", at("2024-03-01"));
        Event order = dev.custflow.testdata.Events.order("o-1", "N1", "2024-03-02", 100);
        Event withCode = LeadCaptured.builder("c-3", at("2024-03-02"), "N3", "WEBSITE").referralCode(code).build();
        Event blankCode = LeadCaptured.builder("c-4", at("2024-03-02"), "N4", "WEBSITE").referralCode(" ").build();

        assertThat(ReferralCreditsPack.mayRefer(order, referred)).isTrue();
        assertThat(ReferralCreditsPack.mayRefer(order, unreferred)).isFalse();
        assertThat(ReferralCreditsPack.mayRefer(withCode, null)).isTrue();
        assertThat(ReferralCreditsPack.mayRefer(blankCode, null)).isFalse();
        assertThat(new ReferralCreditsPack(new Partition[0]).onEvent(
                new Step(0, withCode, null, Step.BROADCAST, 0, false, List.of(), List.of()))).isFalse();
    }
}
