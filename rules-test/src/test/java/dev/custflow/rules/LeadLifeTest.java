package dev.custflow.rules;

import static dev.custflow.test.ExpectedAction.stageChanged;
import static dev.custflow.testdata.Events.at;
import static dev.custflow.testdata.Events.contact;
import static dev.custflow.testdata.Events.order;
import static dev.custflow.testdata.Events.tick;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.RulePack;
import dev.custflow.action.Action;
import dev.custflow.action.LeadClosed;
import dev.custflow.event.LeadCaptured;
import dev.custflow.event.LeadLost;
import dev.custflow.event.RepUpdated;
import dev.custflow.model.InteractionKind;
import dev.custflow.model.LossReason;
import dev.custflow.settings.Settings;
import dev.custflow.test.ExpectedAction;
import dev.custflow.test.RuleVerifier;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A lead's life ends (issue 17.1): won, lost on the host's word, or recycled to marketing after a quiet period; only
 * open leads weigh on a rep, and a lead waiting for a rep gets the capacity a closed lead frees at once.
 */
class LeadLifeTest {
    private static final String WAITING = "assignment: a waiting lead gets a rep when capacity frees up";
    private static final String RECYCLE = "lifecycle: a lead without engagement for the recycle period goes back to "
            + "NURTURE";

    /** One rep who can hold one lead; L1 (captured 1 March) has them, L2 (captured at 10:00 the same day) waits. */
    private static RuleVerifier l2WaitsForTheOnlyRep(Settings settings) {
        return RuleVerifier.forPacks(settings, RulePack.LIFECYCLE, RulePack.ASSIGNMENT)
                .given(new RepUpdated("rep:solo", at("2024-01-01"), "solo", "Solo", "EAST", null, List.of(), false, 1,
                        true))
                .given(lead("L1", "2024-03-01T00:00:00Z"), lead("L2", "2024-03-01T10:00:00Z"));
    }

    private static RuleVerifier l2WaitsForTheOnlyRep() {
        return l2WaitsForTheOnlyRep(Settings.builder().merge("""
                {"assignment": {"routes": [{"name": "everyone", "strategy": "LEAST_LOADED"}]}}""").build());
    }

    private static LeadCaptured lead(String id, String when) {
        return LeadCaptured.builder("lead:" + id + "@" + when, at(when), id, "WECHAT")
                .phone("1391234" + String.format("%04d", Math.abs(id.hashCode()) % 10_000)).build();
    }

    private static LeadLost lost(String id, String when, LossReason reason, String note) {
        return new LeadLost("lost:" + id, at(when), id, reason, note);
    }

    @Test
    void aLeadRecycledAndBackSeveralTimes_leavesItsRepsLoadAsItFoundIt_whateverTheBatches() {
        // L1 goes back to marketing three times and comes back twice: the rep's load goes 1, 0, 1, 0, 1, 0; L2 then
        // finds the rep with nothing open, whether the engine saw all of it in one call or event by event
        Settings everyone = Settings.builder().merge("""
                {"assignment": {"routes": [{"name": "everyone", "strategy": "LEAST_LOADED"}]}}""").build();
        List<dev.custflow.event.Event> story = List.of(
                new RepUpdated("rep:solo", at("2024-01-01"), "solo", "Solo", "EAST", null, List.of(), false, 3, true),
                lead("L1", "2024-03-04T02:00:00Z"),
                contact("L1", InteractionKind.PAGE_VIEW, null, "2024-04-10"),
                contact("L1", InteractionKind.PAGE_VIEW, null, "2024-05-20"),
                tick("2024-07-01"),
                lead("L2", "2024-07-01T02:00:00Z"));
        List<String> oneCall = assignmentReasons(everyone, story, story.size());
        List<String> eventByEvent = assignmentReasons(everyone, story, 1);

        assertThat(oneCall).isEqualTo(eventByEvent);
        assertThat(oneCall).last().asString().contains("(0 of 3 open)");
    }

    private static List<String> assignmentReasons(Settings settings, List<dev.custflow.event.Event> events,
                                                  int batch) {
        try (dev.custflow.Engine engine = dev.custflow.Custflow.builder().settings(settings)
                .packs(RulePack.LIFECYCLE, RulePack.ASSIGNMENT).build()) {
            List<Action> actions = new java.util.ArrayList<>();
            for (int i = 0; i < events.size(); i += batch) {
                actions.addAll(engine.acceptAll(events.subList(i, Math.min(events.size(), i + batch))).actions());
            }
            assertThat(actions).filteredOn(a -> a.rule().equals(RECYCLE) && a.type().equals("LEAD_RECYCLED"))
                    .hasSize(3);
            return actions.stream().filter(a -> a.type().equals("LEAD_ASSIGNED")).map(Action::reason).toList();
        }
    }

    @Test
    void aLeadThatFindsNoRepWithRoom_isToldToWait_withItsRoute() {
        RuleVerifier.forPacks(Settings.builder().merge("""
                        {"assignment": {"routes": [{"name": "everyone", "strategy": "LEAST_LOADED"}]}}""").build(),
                        RulePack.LIFECYCLE, RulePack.ASSIGNMENT)
                .given(new RepUpdated("rep:solo", at("2024-01-01"), "solo", "Solo", "EAST", null, List.of(), false, 1,
                        true), lead("L1", "2024-03-01T00:00:00Z"))
                .when(lead("L2", "2024-03-01T10:00:00Z"))
                .thenExpect(ExpectedAction.of("LEAD_WAITING").with("customerId", "L2").with("route", "everyone")
                        .with("reason", "new lead from WECHAT; waits for a rep: route everyone: solo (full: 1 of 1)"));
    }

    @Test
    void aLostLead_isClosedWithItsReason_andItsRepTakesTheWaitingLeadAtOnce() {
        List<Action> out = l2WaitsForTheOnlyRep()
                .when(lost("L1", "2024-03-02T09:00:00Z", LossReason.CHOSE_COMPETITOR, "bought elsewhere, call 13912345678"))
                .thenExpectOnly(stageChanged("L1", "LEAD", "LOST").with("rule",
                                "lifecycle: a lead the sales team gave up on is LOST"),
                        ExpectedAction.of("LEAD_CLOSED").with("customerId", "L1").with("repId", "solo")
                                .with("cause", "CHOSE_COMPETITOR"),
                        ExpectedAction.of("LEAD_ASSIGNED").with("customerId", "L2").with("repId", "solo")
                                .with("rule", WAITING).with("at", "2024-03-02T09:00:00Z"));
        LeadClosed closed = out.stream().filter(LeadClosed.class::isInstance).map(LeadClosed.class::cast).findFirst()
                .orElseThrow();
        assertThat(closed.reason()).startsWith("the sales team closed this lead as lost: CHOSE_COMPETITOR (选择了竞争对手), "
                + "rep solo; note: bought elsewhere, call ");
        assertThat(closed.note()).startsWith("bought elsewhere, call ").doesNotContain("13912345678");
    }

    @Test
    void aLeadWithoutEngagementForThirtyDays_isRecycled_andTheWaitingLeadGetsItsRep() {
        l2WaitsForTheOnlyRep()
                .when(tick("2024-03-30T23:59:00Z"), tick("2024-03-31T00:00:00Z"))
                .thenExpectOnly(stageChanged("L1", "LEAD", "NURTURE").with("rule", RECYCLE)
                                .with("at", "2024-03-31T00:00:00Z"),
                        ExpectedAction.of("LEAD_RECYCLED").with("customerId", "L1").with("repId", "solo")
                                .with("idleDays", 30).with("reason", "no interaction for 30 days (leads are recycled "
                                        + "to marketing after 30); rep solo gets it back when it engages again"),
                        ExpectedAction.of("LEAD_ASSIGNED").with("customerId", "L2").with("rule", WAITING)
                                .with("at", "2024-03-31T00:00:00Z"));
    }

    @Test
    void theRecyclePeriod_isASetting_andAnInteractionStartsItAgain() {
        Settings tenDays = Settings.builder().merge("""
                {"assignment": {"routes": [{"name": "everyone", "strategy": "LEAST_LOADED"}]},
                 "leads": {"recycleAfterDays": 10}}""").build();
        l2WaitsForTheOnlyRep(tenDays)
                .when(contact("L1", InteractionKind.PAGE_VIEW, null, "2024-03-05T12:00:00Z"),
                        tick("2024-03-15T11:59:00Z"), tick("2024-03-15T12:00:00Z"))
                .thenExpectOnly(stageChanged("L1", "LEAD", "NURTURE").with("at", "2024-03-15T12:00:00Z"),
                        ExpectedAction.of("LEAD_RECYCLED").with("idleDays", 10),
                        ExpectedAction.of("LEAD_ASSIGNED").with("customerId", "L2"));
    }

    @Test
    void aRecycledLeadThatEngagesAgain_isALeadAgain_backWithItsRep_whoseLoadCountsItAgain() {
        l2WaitsForTheOnlyRep()
                .given(lost("L2", "2024-03-02T09:00:00Z", LossReason.NO_BUDGET, null), tick("2024-04-01"))
                .when(contact("L1", InteractionKind.FORM_SUBMITTED, null, "2024-04-10T09:00:00Z"),
                        lead("L3", "2024-04-10T10:00:00Z"))
                .thenExpectOnly(stageChanged("L1", "NURTURE", "LEAD").with("rule",
                                "lifecycle: a recycled lead that engages again becomes LEAD again"),
                        stageChanged("L3", null, "LEAD"),
                        ExpectedAction.of("LEAD_WAITING").with("customerId", "L3"));
    }

    @Test
    void aLostLeadCapturedAgain_isALeadAgain_andAnOrderMakesALostLeadACustomer() {
        l2WaitsForTheOnlyRep()
                .given(lost("L1", "2024-03-02T09:00:00Z", LossReason.NO_NEED, null))
                .when(LeadCaptured.builder("again:L1", at("2024-05-01T09:00:00Z"), "L1", "WEBSITE")
                        .phone("13912340001").build())
                .thenExpect(stageChanged("L1", "LOST", "LEAD").with("rule",
                        "lifecycle: a lost lead captured again becomes LEAD again"));
        l2WaitsForTheOnlyRep()
                .given(lost("L1", "2024-03-02T09:00:00Z", LossReason.UNREACHABLE, null))
                .when(order("O1", "L1", "2024-05-01T09:00:00Z", 500))
                .thenExpect(stageChanged("L1", "LOST", "CUSTOMER")); // (and L2, with solo since, is recycled)
    }

    @Test
    void aCustomerCannotBeLost_andAWaitingLeadIsNotRecycled() {
        RuleVerifier.forPacks(RulePack.LIFECYCLE, RulePack.ASSIGNMENT)
                .given(lead("L1", "2024-03-01T00:00:00Z"), order("O1", "L1", "2024-03-02", 100))
                .when(lost("L1", "2024-03-03", LossReason.OTHER, "test"))
                .thenExpectNone();
        l2WaitsForTheOnlyRep()
                .given(lost("L1", "2024-03-02T09:00:00Z", LossReason.NO_BUDGET, null)) // L2 gets solo
                .when(lead("L3", "2024-03-02T10:00:00Z"), tick("2024-06-01"))
                .thenExpectOnly(stageChanged("L3", null, "LEAD"), ExpectedAction.of("LEAD_WAITING"),
                        ExpectedAction.of("SLA_ESCALATED").with("customerId", "L2"), // nobody called L2
                        stageChanged("L2", "LEAD", "NURTURE"), ExpectedAction.of("LEAD_RECYCLED"),
                        ExpectedAction.of("LEAD_ASSIGNED").with("customerId", "L3"));
    }
}
