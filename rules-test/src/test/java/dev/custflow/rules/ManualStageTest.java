package dev.custflow.rules;

import static dev.custflow.test.ExpectedAction.stageChanged;
import static dev.custflow.testdata.Events.at;
import static dev.custflow.testdata.Events.lead;
import static dev.custflow.testdata.Events.order;
import static dev.custflow.testdata.Events.stageSet;
import static dev.custflow.testdata.Events.tick;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custflow.Custflow;
import dev.custflow.Engine;
import dev.custflow.EventRejectedException;
import dev.custflow.Json;
import dev.custflow.RulePack;
import dev.custflow.RuleSource;
import dev.custflow.action.Action;
import dev.custflow.action.StageChanged;
import dev.custflow.event.ProfileFields;
import dev.custflow.event.ProfileUpdated;
import dev.custflow.model.Stage;
import dev.custflow.spi.CustomerStore;
import dev.custflow.spi.CustomerStores;
import dev.custflow.test.RuleVerifier;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A person's decision on the stage (a StageSet event): applied at once, audited with who decided, and not undone by the
 * next automatic rule unless that rule says so ({@code actions.overruleStage}) or the person lets go ({@code pin:
 * false}).
 */
class ManualStageTest {
    private static RuleVerifier lifecycle() {
        return RuleVerifier.forPacks(RulePack.LIFECYCLE);
    }

    @Test
    void aManagerMarksACustomerLoyal_theStageMoves_namingWhoDecided() {
        lifecycle().given(order("o1", "C1", "2024-01-01", 100))
                .when(stageSet("C1", Stage.LOYAL, "m-li", "大客户, 年框合同", true, "2024-01-05"))
                .thenExpectOnly(stageChanged("C1", "CUSTOMER", "LOYAL")
                        .with("rule", "manual: stage set by m-li")
                        .with("reason", "m-li set the stage to LOYAL: 大客户, 年框合同; the rules leave it there until "
                                + "a person changes it"));
    }

    @Test
    void aStageKeptByAPerson_isNotUndoneByTheNextAutomaticRule() {
        // without the decision the customer would fall DORMANT after 180 days without an order
        lifecycle().given(order("o1", "C1", "2024-01-01", 100),
                        stageSet("C1", Stage.LOYAL, "m-li", null, true, "2024-01-05"))
                .whenClockAt(at("2024-07-15"))
                .thenExpectNone();
    }

    @Test
    void aDecisionWithoutPin_isSetOnce_andTheRulesMoveItAgain() {
        lifecycle().given(order("o1", "C1", "2024-01-01", 100),
                        stageSet("C1", Stage.LOYAL, "m-li", null, false, "2024-01-05"))
                .whenClockAt(at("2024-07-15"))
                .thenExpectOnly(stageChanged("C1", "LOYAL", "DORMANT"));
    }

    @Test
    void aLeadSetAsideByARep_staysDisqualified_whenContactDataArrives() {
        ProfileUpdated phone = ProfileUpdated.of("p:L1", at("2024-01-03"), "L1", new ProfileFields(null, null,
                "13800138002", null, null, null, null, null, null, null, null, null, null, null, null));
        lifecycle().given(lead("L1", "2024-01-01", "WEBSITE"),
                        stageSet("L1", Stage.DISQUALIFIED, "r-zhang", "没有预算", true, "2024-01-02"))
                .when(phone)
                .thenExpectNone();
    }

    @Test
    void aRuleThatSaysSo_overrulesThePerson_andTheStageIsTheRulesAgain() {
        RuleVerifier.forEngine(b -> b.packs(RulePack.LIFECYCLE).rules(RuleSource.drl("overrule.drl", """
                        package test;
                        import dev.custflow.model.Customer;
                        import dev.custflow.model.Stage;
                        global dev.custflow.rules.Actions actions;
                        // A large order proves the customer active, whatever a person set.
                        rule "test: a large order overrules a manual DORMANT"
                        when $c : Customer( stage == Stage.DORMANT, stageSetByPerson, lastOrderAmount >= 10000 )
                        then actions.overruleStage($c, Stage.CUSTOMER, "ordered " + $c.getLastOrderAmount());
                        end
                        """)))
                .given(order("o1", "C1", "2024-01-01", 100),
                        stageSet("C1", Stage.DORMANT, "m-li", null, true, "2024-01-05"))
                .when(order("o2", "C1", "2024-02-01", 20000))
                .thenExpectOnly(stageChanged("C1", "DORMANT", "CUSTOMER")
                        .with("rule", "test: a large order overrules a manual DORMANT"),
                        stageChanged("C1", "CUSTOMER", "LOYAL")); // the lifecycle pack moves it again at once
    }

    @Test
    void theDecision_isInTheProfile_andSurvivesARestartFromTheStore() {
        CustomerStore store = CustomerStores.inMemory();
        try (Engine first = Custflow.builder().packs(RulePack.LIFECYCLE).store(store).build()) {
            first.acceptAll(List.of(order("o1", "C1", "2024-01-01", 100),
                    stageSet("C1", Stage.LOYAL, "m-li", null, true, "2024-01-05")));
            assertThat(first.customer("C1").orElseThrow().stageSetBy()).isEqualTo("m-li");
        }
        try (Engine restored = Custflow.builder().packs(RulePack.LIFECYCLE).store(store).build()) {
            assertThat(restored.customer("C1").orElseThrow().stageSetBy()).isEqualTo("m-li");
            List<Action> later = restored.acceptAll(List.of(tick("2024-07-15"))).actions();
            assertThat(later).noneMatch(a -> a instanceof StageChanged);
        }
    }

    @Test
    void fromJson_theContractHoldsForStageSet() {
        var e = Json.readEvent("""
                {"type":"StageSet","id":"s1","at":"2024-01-05T09:00:00Z","customerId":"C1","stage":"LOYAL","by":"m-li"}""");
        assertThat(e).isInstanceOfSatisfying(dev.custflow.event.StageSet.class, s -> assertThat(s.pinned()).isTrue());
        assertThatThrownBy(() -> Json.readEvent("""
                {"type":"StageSet","id":"s1","at":"2024-01-05T09:00:00Z","customerId":"C1","stage":"LOYAL"}"""))
                .isInstanceOf(EventRejectedException.class).hasMessageContaining("by");
        assertThatThrownBy(() -> Json.readEvent("""
                {"type":"StageSet","id":"s1","at":"2024-01-05T09:00:00Z","customerId":"C1","stage":"GOLD","by":"m"}"""))
                .isInstanceOf(EventRejectedException.class).hasMessageContaining("stage");
    }

    @Test
    void aPhoneNumberInTheReason_isMasked() {
        List<Action> actions = lifecycle().given(order("o1", "C1", "2024-01-01", 100))
                .when(stageSet("C1", Stage.LOYAL, "m-li", "客户来电 13800138002 确认续约", true, "2024-01-05"))
                .run();
        assertThat(actions).singleElement().extracting(Action::reason).asString()
                .doesNotContain("13800138002").contains("138****8002");
    }
}
