package dev.custflow.rules;

import static dev.custflow.testdata.Events.at;
import static dev.custflow.testdata.Events.contact;
import static dev.custflow.testdata.Events.tick;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.RulePack;
import dev.custflow.action.Action;
import dev.custflow.action.LeadAssigned;
import dev.custflow.event.CustomerErased;
import dev.custflow.event.LeadCaptured;
import dev.custflow.event.OpportunityClosed;
import dev.custflow.event.RepUpdated;
import dev.custflow.model.InteractionKind;
import dev.custflow.model.Outcome;
import dev.custflow.settings.Settings;
import dev.custflow.test.ExpectedAction;
import dev.custflow.test.RuleVerifier;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The assignment pack (docs/design/rules-catalog.md §4): strategies chosen by the routing table in settings, reps away or full
 * skipped, every assignment explained; a first response within 5 minutes, else escalation, then reassignment.
 */
class AssignmentPackTest {
    private static final String ASSIGN = "assignment: a new lead gets a rep by the routing table";
    private static int leadNo;

    private static RuleVerifier assignment() {
        return RuleVerifier.forPacks(RulePack.SCORING, RulePack.ASSIGNMENT);
    }

    private static RepUpdated rep(String id, String team, String region, List<String> industries, boolean senior,
                                  int capacity) {
        return new RepUpdated("rep:" + id, at("2024-01-01"), id, "Rep " + id, team, region, industries, senior,
                capacity, true);
    }

    private static RepUpdated away(String id, String when) {
        return new RepUpdated("away:" + id + "@" + when, at(when), id, null, null, null, null, null, null, false);
    }

    private static LeadCaptured.Builder lead(String id, String when, String channel) {
        return LeadCaptured.builder("lead:" + id, at(when), id, channel).phone("1381234" + String.format("%04d",
                Math.abs(id.hashCode()) % 10_000));
    }

    private static ExpectedAction assigned(String lead, String rep, String strategy) {
        return ExpectedAction.of("LEAD_ASSIGNED").with("customerId", lead).with("repId", rep)
                .with("strategy", strategy);
    }

    private static List<RepUpdated> salesTeam() {
        return List.of(rep("east1", "EAST", "华东", List.of("制造业"), false, 10),
                rep("east2", "EAST", "华东", List.of("电子"), false, 10),
                rep("south1", "SOUTH", "华南", List.of(), false, 10),
                rep("senior1", "EAST", "华东", List.of(), true, 10),
                rep("ka1", "KEY_ACCOUNTS", null, List.of(), false, 5),
                rep("ka2", "KEY_ACCOUNTS", null, List.of(), false, 5));
    }

    @Test
    void aLeadFromTheRegion_goesToTheLeastLoadedRepOfTheRegion_withCandidatesAndReason() {
        List<Action> out = assignment().given(salesTeam())
                .given(lead("L1", "2024-03-01T09:00:00Z", "WECHAT").region("华东").build())
                .when(lead("L2", "2024-03-01T09:02:00Z", "WECHAT").region("华东").build())
                .thenExpect(assigned("L2", "east2", "REGION").with("rule", ASSIGN)
                        .with("candidates", List.of("east2", "senior1", "east1")));
        LeadAssigned a = out.stream().filter(LeadAssigned.class::isInstance).map(LeadAssigned.class::cast)
                .findFirst().orElseThrow();
        assertThat(a.reason()).isEqualTo("new grade D lead from WECHAT; route by-region (REGION): east2 has the "
                + "lightest load (0 of 10 open); also considered senior1 (0 of 10 open), east1 (1 of 10 open)");
    }

    @Test
    void aWebsiteLeadFromALargeCompany_isHighQuality_andGoesToTheKeyAccountTeam() {
        assignment().given(salesTeam())
                .when(lead("L1", "2024-03-01", "WEBSITE").region("华东").companySize(500).build())
                .thenExpect(assigned("L1", "ka1", "KEY_ACCOUNT").with("candidates", List.of("ka1", "ka2")));
    }

    @Test
    void aGradeALead_goesToASeniorRep() {
        Settings easyA = Settings.builder().merge("{\"scoring\": {\"gradeA\": 20, \"gradeB\": 15, \"gradeC\": 10}}")
                .build();
        RuleVerifier.forPacks(easyA, RulePack.SCORING, RulePack.ASSIGNMENT).given(salesTeam())
                .when(lead("L1", "2024-03-01", "TRADE_SHOW").region("华南").industry("制造业").title("总经理").build())
                .thenExpect(assigned("L1", "senior1", "SENIOR"));
    }

    @Test
    void byIndustry_whenTheRoutingTableSaysSo() {
        Settings byIndustry = Settings.builder().merge("""
                {"assignment": {"routes": [{"name": "industry", "strategy": "INDUSTRY"},
                                            {"name": "rest", "strategy": "LEAST_LOADED"}]}}""").build();
        RuleVerifier.forPacks(byIndustry, RulePack.ASSIGNMENT).given(salesTeam())
                .when(lead("L1", "2024-03-01", "WECHAT").industry("电子").build(),
                        lead("L2", "2024-03-01", "WECHAT").industry("化工").build())
                .thenExpectOnly(assigned("L1", "east2", "INDUSTRY"), assigned("L2", "east1", "LEAST_LOADED")
                        .with("candidates", List.of("east1", "ka1", "ka2", "senior1", "south1", "east2")));
    }

    @Test
    void roundRobin_takesTheTeamInTurn_skippingARepOnLeave() {
        Settings eastInTurn = Settings.builder().merge("""
                {"assignment": {"routes": [{"name": "east-turns", "strategy": "ROUND_ROBIN", "team": "EAST"}]}}""")
                .build();
        RuleVerifier.forPacks(eastInTurn, RulePack.ASSIGNMENT).given(salesTeam()).given(away("east2", "2024-02-01"))
                .when(lead("L1", "2024-03-01T09:00:00Z", "WECHAT").build(),
                        lead("L2", "2024-03-01T09:01:00Z", "WECHAT").build(),
                        lead("L3", "2024-03-01T09:02:00Z", "WECHAT").build())
                .thenExpectOnly(assigned("L1", "east1", "ROUND_ROBIN"), assigned("L2", "senior1", "ROUND_ROBIN"),
                        assigned("L3", "east1", "ROUND_ROBIN"));
    }

    /** One rep who can hold one lead: L1 has them, L2 waits. */
    private static RuleVerifier l2WaitsForTheOnlyRep() {
        Settings onlyOne = Settings.builder().merge("""
                {"assignment": {"routes": [{"name": "everyone", "strategy": "LEAST_LOADED"}]}}""").build();
        return RuleVerifier.forPacks(onlyOne, RulePack.LIFECYCLE, RulePack.ASSIGNMENT)
                .given(rep("solo", "EAST", null, List.of(), false, 1))
                .given(lead("L1", "2024-03-01", "WECHAT").build(), lead("L2", "2024-03-01T10:00:00Z", "WECHAT").build());
    }

    @Test
    void aFullRep_isSkipped_andALeadNobodyCanTake_waitsUntilCapacityFreesUp() {
        l2WaitsForTheOnlyRep()
                .when(new OpportunityClosed("won:L1", at("2024-03-02"), "L1", "OPP-1", Outcome.WON, null, null),
                        tick("2024-03-02T10:00:00Z"))
                .thenExpect(assigned("L2", "solo", "LEAST_LOADED")
                        .with("rule", "assignment: a waiting lead gets a rep when capacity frees up"));
    }

    @Test
    void anErasedLead_freesItsRep_forTheLeadThatWaits() {
        l2WaitsForTheOnlyRep()
                .when(new CustomerErased("erase:L1", at("2024-03-02"), "L1"), tick("2024-03-02T10:00:00Z"))
                .thenExpectOnly(assigned("L2", "solo", "LEAST_LOADED")
                        .with("rule", "assignment: a waiting lead gets a rep when capacity frees up"));
    }

    @Test
    void noFirstResponseWithin5Minutes_isEscalated_andAfter30MoreTheLeadIsReassigned() {
        Settings eastInTurn = Settings.builder().merge("""
                {"assignment": {"routes": [{"name": "east-turns", "strategy": "ROUND_ROBIN", "team": "EAST"}]}}""")
                .build();
        RuleVerifier.forPacks(eastInTurn, RulePack.ASSIGNMENT).given(salesTeam())
                .given(lead("L1", "2024-03-01T09:00:00Z", "WECHAT").build())
                .when(tick("2024-03-01T09:04:59Z"), tick("2024-03-01T09:05:00Z"), tick("2024-03-01T09:39:59Z"))
                .thenExpectOnly(ExpectedAction.of("SLA_ESCALATED").with("customerId", "L1").with("repId", "east1")
                                .with("minutesLate", 5).with("at", "2024-03-01T09:05:00Z")
                                .with("rule", "assignment: a missed first response is escalated to the team lead"),
                        ExpectedAction.of("LEAD_REASSIGNED").with("customerId", "L1").with("repId", "east2")
                                .with("minutesLate", 35).with("at", "2024-03-01T09:35:00Z")
                                .with("rule", "assignment: a second missed response reassigns the lead"));
    }

    @Test
    void aCallInTime_meetsTheSla_butAnEmailDoesNot() {
        RuleVerifier.forPacks(RulePack.ASSIGNMENT).given(salesTeam())
                .given(lead("L1", "2024-03-01T09:00:00Z", "WECHAT").build(),
                        contact("L1", InteractionKind.CALL, "south1", "2024-03-01T09:03:00Z"))
                .when(tick("2024-03-01T10:00:00Z"))
                .thenExpectNone();
        RuleVerifier.forPacks(RulePack.ASSIGNMENT).given(salesTeam())
                .given(lead("L1", "2024-03-01T09:00:00Z", "WECHAT").build(),
                        contact("L1", InteractionKind.EMAIL_SENT, "south1", "2024-03-01T09:03:00Z"))
                .when(tick("2024-03-01T09:06:00Z"))
                .thenExpectOnly(ExpectedAction.of("SLA_ESCALATED").with("customerId", "L1"));
    }

    @Test
    void noReps_noAssignment_andTheFirstRepGetsTheBacklog_oldestFirst() {
        RuleVerifier.forPacks(RulePack.ASSIGNMENT).when(lead("L1", "2024-03-01", "WECHAT").build()).thenExpectNone();
        RuleVerifier.forPacks(RulePack.ASSIGNMENT)
                .given(lead("L2", "2024-03-02", "WECHAT").build(), lead("L1", "2024-03-01", "WECHAT").build())
                .when(rep("solo", "EAST", null, List.of(), false, 10))
                .thenExpectOnly(assigned("L1", "solo", "ROUND_ROBIN")
                                .with("rule", "assignment: a waiting lead gets a rep when capacity frees up"),
                        assigned("L2", "solo", "ROUND_ROBIN"));
    }

    @Test
    void aLeadIsTakenFromANonRespondingRepOnlyOnce_thenTheEscalationStands() {
        Settings eastInTurn = Settings.builder().merge("""
                {"assignment": {"routes": [{"name": "east-turns", "strategy": "ROUND_ROBIN", "team": "EAST"}]}}""")
                .build();
        RuleVerifier.forPacks(eastInTurn, RulePack.ASSIGNMENT).given(salesTeam())
                .given(lead("L1", "2024-03-01T09:00:00Z", "WECHAT").build())
                .when(tick("2024-03-01T12:00:00Z"))
                .thenExpectOnly(ExpectedAction.of("SLA_ESCALATED").with("repId", "east1"),
                        ExpectedAction.of("LEAD_REASSIGNED").with("repId", "east2"),
                        ExpectedAction.of("SLA_ESCALATED").with("repId", "east2").with("minutesLate", 5)
                                .with("at", "2024-03-01T09:40:00Z"));
    }

    @Test
    void twoAssignedLeadsThatTurnOutToBeOnePerson_keepOneRep_andTheOtherRepsLoadIsFreed() {
        Settings oneEach = Settings.builder().merge("""
                {"assignment": {"routes": [{"name": "everyone", "strategy": "LEAST_LOADED"}]}}""").build();
        RuleVerifier.forPacks(oneEach, RulePack.LEADS, RulePack.ASSIGNMENT)
                .given(rep("a", "EAST", null, List.of(), false, 1), rep("b", "EAST", null, List.of(), false, 1))
                .given(LeadCaptured.builder("c1", at("2024-03-01T09:00:00Z"), "L1", "WEBSITE").phone("13812345678")
                                .build(),
                        contact("L1", InteractionKind.CALL, "a", "2024-03-01T09:01:00Z"),
                        LeadCaptured.builder("c2", at("2024-03-01T09:02:00Z"), "L2", "WECHAT")
                                .email("li@example.com").build(),
                        contact("L2", InteractionKind.CALL, "b", "2024-03-01T09:03:00Z"))
                // L3 shows L1 and L2 are one person: L2 joins L1 (a keeps it), b is free for L4
                .when(LeadCaptured.builder("c3", at("2024-03-01T09:04:00Z"), "L3", "BAIDU_ADS").phone("13812345678")
                                .email("li@example.com").build(),
                        LeadCaptured.builder("c4", at("2024-03-01T09:04:30Z"), "L4", "WEBSITE").phone("13900000000")
                                .build())
                .thenExpectOnly(ExpectedAction.of("LEADS_MERGED").with("survivorId", "L1").with("mergedId", "L3"),
                        ExpectedAction.of("LEADS_MERGED").with("survivorId", "L1").with("mergedId", "L2"),
                        assigned("L4", "b", "LEAST_LOADED"));
    }
}
