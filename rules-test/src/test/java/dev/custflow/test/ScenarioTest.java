package dev.custflow.test;

import static dev.custflow.test.ExpectedAction.stageChanged;
import static dev.custflow.testdata.Events.at;
import static dev.custflow.testdata.Events.lead;
import static dev.custflow.testdata.Events.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custflow.RulePack;
import dev.custflow.event.ConsentChanged;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The shared scenario runner behind RuleVerifier and {@code custflow test}. */
class ScenarioTest {

    private static ScenarioResult lifecycle(Scenario s) {
        return s.run(null, b -> b.packs(RulePack.LIFECYCLE));
    }

    @Test
    void givenOnly_checksTheActionsOfGiven() {
        ScenarioResult r = lifecycle(Scenario.builder("capture").given(List.of(lead("L1", "2024-01-01", "WECHAT")))
                .expect(stageChanged("L1", null, "LEAD")).build());
        assertThat(r.passed()).isTrue();
        assertThat(r.report("")).isEmpty();
        assertThat(r.rulesFired()).containsExactly("lifecycle: captured lead becomes LEAD");
    }

    @Test
    void advanceTo_checksOnlyTheActionsOfTheMove() {
        ScenarioResult r = lifecycle(Scenario.builder("dormant").given(List.of(order("o1", "C1", "2024-01-01", 100)))
                .advanceTo(at("2024-07-01")).expect(stageChanged("C1", "CUSTOMER", "DORMANT")).build());
        assertThat(r.passed()).as(r.report("")).isTrue();
        assertThat(r.actual()).hasSize(1);
    }

    @Test
    void aMissingAction_showsTheCustomerAsTheRulesSawIt_theSecondOrderMadeItLoyal() {
        // the trap: "a CUSTOMER with 2 orders" rarely matches, since the second order makes the customer LOYAL
        ScenarioResult r = lifecycle(Scenario.builder("two orders")
                .given(List.of(order("o1", "C1", "2024-01-01", 100)))
                .when(List.of(order("o2", "C1", "2024-02-01", 150)))
                .expect(ExpectedAction.of("TAG_ADDED").with("customerId", "C1").with("tag", "two-orders")).build());

        assertThat(r.passed()).isFalse();
        assertThat(r.customers()).singleElement().asString()
                .startsWith("C1: stage LOYAL 忠诚客户 (new -> CUSTOMER -> LOYAL), 2 orders, 250")
                .contains("last order 2024-02-01");
        assertThat(r.report("  ")).contains("the customers at the end, as the rules saw them",
                "  C1: stage LOYAL 忠诚客户");
    }

    @Test
    void wrongField_isReportedAsMismatchWithTheClosestAction() {
        ScenarioResult r = lifecycle(Scenario.builder("wrong").given(List.of(lead("L1", "2024-01-01", "WECHAT")))
                .expect(ExpectedAction.of("STAGE_CHANGED").with("customerId", "L1").with("to", "PROSPECT")).build());
        assertThat(r.passed()).isFalse();
        assertThat(r.mismatches()).singleElement().satisfies(m ->
                assertThat(m.differences()).containsExactly("to: expected PROSPECT, was LEAD"));
        assertThat(r.report("  ")).contains("  MISSING  STAGE_CHANGED customerId=L1, to=PROSPECT",
                "closest: STAGE_CHANGED customerId=L1, to=LEAD  [lifecycle: captured lead becomes LEAD]",
                "to: expected PROSPECT, was LEAD", "rules that fired:", "lifecycle: captured lead becomes LEAD");
    }

    @Test
    void unexpectedAction_failsUnlessOthersAreAllowed() {
        Scenario.Builder b = Scenario.builder("two").given(List.of(order("o1", "C1", "2024-01-01", 100),
                order("o2", "C1", "2024-02-01", 100)));
        ScenarioResult strict = lifecycle(b.expect(ExpectedAction.of("STAGE_CHANGED").with("to", "LOYAL")).build());
        assertThat(strict.passed()).isFalse();
        assertThat(strict.unexpected()).hasSize(1);
        assertThat(strict.report("")).contains("UNEXPECTED STAGE_CHANGED customerId=C1, to=CUSTOMER");
        assertThat(lifecycle(b.othersAllowed(true).build()).passed()).isTrue();
    }

    @Test
    void looseExpectation_doesNotStealTheActionAStrictOneNeeds() {
        // greedy matching would give the first STAGE_CHANGED to the loose expectation and fail the strict one
        ScenarioResult r = lifecycle(Scenario.builder("order").given(List.of(order("o1", "C1", "2024-01-01", 100),
                        order("o2", "C1", "2024-02-01", 100)))
                .expect(ExpectedAction.of("STAGE_CHANGED"), stageChanged("C1", null, "CUSTOMER")).build());
        assertThat(r.passed()).as(r.report("")).isTrue();
    }

    @Test
    void numbers_matchWhateverTheirScale() {
        ScenarioResult r = Scenario.builder("scored").given(List.of(lead("L1", "2024-01-01", "WECHAT")))
                .expect(ExpectedAction.of("LEAD_SCORED").with("score", new java.math.BigDecimal("5.0")))
                .build().run(null, b -> b.packs(RulePack.SCORING));
        assertThat(r.passed()).as(r.report("")).isTrue();
    }

    @Test
    void settingsOverride_appliesToThisScenarioOnly() {
        Scenario s = Scenario.builder("short dormancy").given(List.of(order("o1", "C1", "2024-01-01", 100)))
                .advanceTo(at("2024-02-01")).setting("lifecycle.dormantAfterDays", 30)
                .packs(Set.of(RulePack.LIFECYCLE)).expect(stageChanged("C1", "CUSTOMER", "DORMANT")).build();
        assertThat(s.run(null, b -> { }).passed()).isTrue();
    }

    @Test
    void messageHeldByTheGate_isShownFromTheAuditTrail() {
        ScenarioResult r = Scenario.builder("opted out")
                .given(List.of(lead("C1", "2023-12-01", "WEBSITE"), order("o1", "C1", "2024-01-01", 100),
                        new ConsentChanged("c1", at("2024-01-02"), "C1", dev.custflow.model.Channel.SMS, true)))
                .advanceTo(at("2024-07-01")).expect(ExpectedAction.of("MESSAGE_REQUESTED").with("template", "WIN_BACK"))
                .build().run(null, b -> b.packs(RulePack.MARKETING));
        assertThat(r.passed()).isFalse();
        assertThat(r.held()).isNotEmpty();
        assertThat(r.report("")).contains("held back by the policy gate", "SUPPRESSED MESSAGE_REQUESTED C1");
    }

    @Test
    void ruleVerifierFailure_printsTheSameReport() {
        assertThatThrownBy(() -> RuleVerifier.forPacks(RulePack.LIFECYCLE).given(lead("L1", "2024-01-01", "WECHAT"))
                .thenExpectOnly(stageChanged("L1", null, "CUSTOMER")))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("The actions differ from the scenario.")
                .hasMessageContaining("to: expected CUSTOMER, was LEAD");
    }
}
