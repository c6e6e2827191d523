package dev.custflow.rules;

import static dev.custflow.testdata.Events.at;
import static dev.custflow.testdata.Events.tick;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.Custflow;
import dev.custflow.Engine;
import dev.custflow.Json;
import dev.custflow.RulePack;
import dev.custflow.event.LeadCaptured;
import dev.custflow.event.OwnerSet;
import dev.custflow.event.RepUpdated;
import dev.custflow.settings.Settings;
import dev.custflow.spi.CustomerStore;
import dev.custflow.spi.CustomerStores;
import dev.custflow.test.ExpectedAction;
import dev.custflow.test.RuleVerifier;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A person's hand-over (an OwnerSet event): the lead moves at once with the load, the audit names who decided, the new
 * rep gets the first-response time if nobody answered yet, and the automatic reassignment no longer takes the lead.
 */
class ManualOwnerTest {
    /** Leads go to the EAST team in turn: east1, then east2. */
    private static final Settings EAST_IN_TURN = Settings.builder().merge("""
            {"assignment": {"routes": [{"name": "east-turns", "strategy": "ROUND_ROBIN", "team": "EAST"}]}}""")
            .build();

    private static RepUpdated rep(String id, int capacity) {
        return new RepUpdated("rep:" + id, at("2024-01-01"), id, "Rep " + id, "EAST", null, List.of(), false,
                capacity, true);
    }

    private static List<RepUpdated> team() {
        return List.of(rep("east1", 10), rep("east2", 10), rep("east3", 10));
    }

    private static LeadCaptured lead(String id, String when) {
        return LeadCaptured.builder("lead:" + id, at(when), id, "WECHAT").phone("13812340000").build();
    }

    private static OwnerSet handOver(String lead, String rep, String when) {
        return new OwnerSet("owner:" + lead + ":" + rep, at(when), lead, rep, "m-li", "熟悉这个行业");
    }

    @Test
    void aManagerMovesALead_itIsReassigned_namingWhoDecided() {
        RuleVerifier.forPacks(EAST_IN_TURN, RulePack.ASSIGNMENT).given(team())
                .given(lead("L1", "2024-03-01T09:00:00Z"))
                .when(handOver("L1", "east3", "2024-03-01T09:02:00Z"))
                .thenExpectOnly(ExpectedAction.of("LEAD_REASSIGNED").with("customerId", "L1").with("repId", "east3")
                        .with("minutesLate", 2).with("rule", "manual: owner set by m-li")
                        .with("reason", "m-li moved it from east1 to east3: 熟悉这个行业; the rules leave it with east3"));
    }

    @Test
    void theNewRep_getsTheFirstResponseTime_andTheLeadIsNotTakenFromThemAutomatically() {
        // without the hand-over east1 would be escalated at 09:05 and the lead reassigned at 09:35
        RuleVerifier.forPacks(EAST_IN_TURN, RulePack.ASSIGNMENT).given(team())
                .given(lead("L1", "2024-03-01T09:00:00Z"), handOver("L1", "east3", "2024-03-01T09:02:00Z"))
                .when(tick("2024-03-01T12:00:00Z"))
                .thenExpectOnly(ExpectedAction.of("SLA_ESCALATED").with("repId", "east3").with("minutesLate", 5)
                        .with("at", "2024-03-01T09:07:00Z"));
    }

    @Test
    void aLeadWithoutARep_isAssignedByThePerson() {
        RuleVerifier.forPacks(EAST_IN_TURN, RulePack.ASSIGNMENT)
                .given(lead("L1", "2024-03-01T09:00:00Z")) // no rep known yet: the lead waits
                .when(handOver("L1", "east3", "2024-03-01T09:02:00Z"))
                .thenExpectOnly(ExpectedAction.of("LEAD_ASSIGNED").with("customerId", "L1").with("repId", "east3")
                        .with("strategy", "MANUAL").with("rule", "manual: owner set by m-li"));
    }

    @Test
    void theLoadMoves_fromTheRepWhoHadTheLead_toTheRepWhoHasItNow() {
        Settings oneEach = Settings.builder().merge("""
                {"assignment": {"routes": [{"name": "everyone", "strategy": "LEAST_LOADED"}]}}""").build();
        // a and b hold one lead each; the manager moves a's lead to b, so a has room for the next lead
        RuleVerifier.forPacks(oneEach, RulePack.ASSIGNMENT)
                .given(rep("a", 1), rep("b", 2))
                .given(lead("L1", "2024-03-01T09:00:00Z"), lead("L2", "2024-03-01T09:01:00Z"))
                .when(handOver("L1", "b", "2024-03-01T09:02:00Z"), lead("L3", "2024-03-01T09:03:00Z"))
                .thenExpect(ExpectedAction.of("LEAD_REASSIGNED").with("customerId", "L1").with("repId", "b"),
                        ExpectedAction.of("LEAD_ASSIGNED").with("customerId", "L3").with("repId", "a"));
    }

    @Test
    void theHandOver_survivesARestartFromTheStore() {
        CustomerStore store = CustomerStores.inMemory();
        try (Engine first = Custflow.builder().settings(EAST_IN_TURN).packs(RulePack.ASSIGNMENT).store(store).build()) {
            first.acceptAll(team());
            first.acceptAll(List.of(lead("L1", "2024-03-01T09:00:00Z"), handOver("L1", "east3", "2024-03-01T09:02:00Z"),
                    dev.custflow.event.InteractionLogged.of("call", at("2024-03-01T09:03:00Z"), "L1",
                            dev.custflow.model.InteractionKind.CALL, "east3")));
        }
        try (Engine restored = Custflow.builder().settings(EAST_IN_TURN).packs(RulePack.ASSIGNMENT).store(store)
                .build()) {
            assertThat(restored.customer("L1").orElseThrow().ownerId()).isEqualTo("east3");
            assertThat(restored.acceptAll(List.of(tick("2024-03-02T12:00:00Z"))).actions()).isEmpty();
        }
    }

    @Test
    void fromJson_repIdAndByAreRequired() {
        assertThat(Json.readEvent("""
                {"type":"OwnerSet","id":"o1","at":"2024-03-01T09:00:00Z","customerId":"L1","repId":"east3","by":"m-li"}
                """)).isInstanceOf(OwnerSet.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Json.readEvent("""
                {"type":"OwnerSet","id":"o1","at":"2024-03-01T09:00:00Z","customerId":"L1","by":"m-li"}"""))
                .hasMessageContaining("repId");
    }
}
