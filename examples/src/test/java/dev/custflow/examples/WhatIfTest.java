package dev.custflow.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custflow.Custflow;
import dev.custflow.EngineBuilder;
import dev.custflow.RulePack;
import dev.custflow.action.Action;
import dev.custflow.examples.WhatIfReport.Change;
import dev.custflow.examples.WhatIfReport.ChurnOutcome;
import dev.custflow.examples.WhatIfReport.OrderedAgain;
import dev.custflow.examples.WhatIfReport.SettingChange;
import dev.custflow.examples.internal.WhatIfText;
import dev.custflow.settings.Settings;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The what-if comparison on {@link WhatIfHistory}: the churn pack, "no order for a long time" lowered from 90 to
 * 60 days.
 */
class WhatIfTest {
    private static final String WARNING_RULE = "churn: no order for a long time";
    private static final String CLEAR_RULE = "churn: an order clears no order for a long time";

    private static WhatIfReport report;
    private static final RecordedProgress PROGRESS = new RecordedProgress();

    /** The churn pack alone, without the weekly digest, so every action is one the test names. */
    private static EngineBuilder churn(Settings settings) {
        return Custflow.builder().packs(RulePack.CHURN).settings(settings);
    }

    private static Settings noDigest() {
        return Settings.from(Settings.ofDefaults()).set("churn.weeklyDigest", false).build();
    }

    @BeforeAll
    static void run() {
        Settings lowered = Settings.from(noDigest()).set("churn.longNoOrderDays", 60).build();
        report = WhatIf.builder().base("churn pack", churn(noDigest())).proposed("60 days", churn(lowered))
                .withinDays(30).examples(2).progress(PROGRESS).build().run("five customers", WhatIfHistory.events());
    }

    @Test
    void progress_countsTheEventsOfBothReplays_upToTwiceTheHistory() {
        PROGRESS.assertRanTo(2L * WhatIfHistory.events().size());
    }

    @Test
    void loweringTheThreshold_addsFiveWarningsAndRemovesTwo_byCustomerRuleCauseAndDay() {
        Change warnings = report.change("CHURN_WARNING", WARNING_RULE);

        assertThat(warnings.added()).isEqualTo(5);   // A, B, C, E on 03-01, D on 06-30
        assertThat(warnings.removed()).isEqualTo(2); // A and E no longer on 03-31
        assertThat(warnings.base()).isEqualTo(2);
        assertThat(warnings.proposed()).isEqualTo(5);
    }

    @Test
    void theOrdersThatNowClearAWarning_areAddedClearings_andTheUnchangedClearingIsNot() {
        Change clearings = report.change("CHURN_CLEARED", CLEAR_RULE);

        assertThat(clearings.added()).isEqualTo(2);  // B on 03-11, C on 03-25
        assertThat(clearings.removed()).isZero();    // E's clearing on 04-10 happens in both
        assertThat(report.changes()).extracting(Change::rule).containsExactly(CLEAR_RULE, WARNING_RULE);
        assertThat(report.added()).isEqualTo(7);
        assertThat(report.removed()).isEqualTo(2);
        assertThat(report.customersAffected()).isEqualTo(5);
    }

    @Test
    void examples_areTheEarliest_withTheReasonsOfTheirRun() {
        Change warnings = report.change("CHURN_WARNING", WARNING_RULE);

        assertThat(warnings.addedExamples()).extracting(Action::customerId).containsExactly("A", "B");
        assertThat(warnings.addedExamples()).extracting(Action::at)
                .containsOnly(Instant.parse("2024-03-02T00:00:00Z")); // the tick after 60 days
        assertThat(warnings.addedExamples().get(0).reason())
                .isEqualTo("no order for 60 days (high risk from 60 days)");
        assertThat(warnings.removedExamples()).extracting(Action::customerId).containsExactly("A", "E");
        assertThat(warnings.removedExamples().get(1).reason())
                .isEqualTo("no order for 90 days (high risk from 90 days)");
    }

    @Test
    void churnOutcome_sharesOfWarningsFollowedByAnOrderWithin30Days() {
        ChurnOutcome o = report.churnOutcome("NO_ORDER_LONG");

        // added: A no, B yes (03-11), C yes (03-25), E no (04-10 is 40 days on), D too close to the end
        assertThat(o.added()).isEqualTo(new OrderedAgain(5, 4, 2));
        assertThat(o.added().share()).isEqualTo(0.5);
        // new (the base never warns in that stretch): B, C, D
        assertThat(o.addedNew()).isEqualTo(new OrderedAgain(3, 2, 2));
        assertThat(o.addedMoved()).isEqualTo(2);
        // removed: A never ordered again, E ordered on 04-10, 10 days after 03-31; both only moved
        assertThat(o.removed()).isEqualTo(new OrderedAgain(2, 2, 1));
        assertThat(o.removedOnly()).isEqualTo(new OrderedAgain(0, 0, 0));
        assertThat(report.churnOutcomes()).extracting(ChurnOutcome::cause).containsExactly("NO_ORDER_LONG");
    }

    @Test
    void summary_isTheIssuesSentence() {
        assertThat(WhatIfText.summary(report.churnOutcome("NO_ORDER_LONG"), 30)).isEqualTo(
                "NO_ORDER_LONG: the change adds 3 warnings, 100.0 % of them for customers who ordered again within 30 "
                        + "days; drops none; 2 warnings only move to another day.");
    }

    @Test
    void header_namesTheSettingThatDiffers_andTheEndOfTheHistory() {
        assertThat(report.settingsChanged()).containsExactly(new SettingChange("churn.longNoOrderDays", "90", "60"));
        assertThat(report.historyEnd()).isEqualTo(WhatIfHistory.END);
        assertThat(report.rulesAdded()).isEmpty();
        assertThat(report.rulesRemoved()).isEmpty();
        assertThat(report.toText()).contains("setting churn.longNoOrderDays: 90 -> 60",
                "What would change: 7 actions added, 2 removed, for 5 customers",
                "+ 2024-03-02 08:00  A            no order for 60 days (high risk from 60 days)");
    }

    @Test
    void json_carriesTheSameNumbers() throws Exception {
        var json = dev.custflow.Json.mapper().readTree(report.toJson());

        assertThat(json.at("/actions/added").asLong()).isEqualTo(7);
        assertThat(json.at("/actions/removed").asLong()).isEqualTo(2);
        assertThat(json.at("/churnOutcomes/0/addedNew/warnings").asLong()).isEqualTo(3);
        assertThat(json.at("/churnOutcomes/0/added/share").asDouble()).isEqualTo(0.5);
        assertThat(json.at("/changes/1/addedExamples/0/type").asText()).isEqualTo("CHURN_WARNING");
        assertThat(json.at("/changes/1/addedExamples/0/reason").asText())
                .isEqualTo("no order for 60 days (high risk from 60 days)");
    }

    @Test
    void theSameRulesTwice_changeNothing() {
        WhatIfReport same = WhatIf.builder().base("a", churn(noDigest())).proposed("b", churn(noDigest())).build()
                .run("five customers", WhatIfHistory.events());

        assertThat(same.changes()).isEmpty();
        assertThat(same.added()).isZero();
        assertThat(same.baseActions()).isEqualTo(same.proposedActions()).isPositive();
        assertThat(same.toText()).contains("nothing: both runs gave the same actions");
    }

    @Test
    void orderedBetween_countsOrdersAfterTheWarningUpToTheEndOfTheWindow() {
        long[] orders = {10, 20, 30};

        assertThat(WhatIf.orderedBetween(orders, 10, 15)).isFalse(); // the order at the warning's instant is not after
        assertThat(WhatIf.orderedBetween(orders, 10, 20)).isTrue();  // the window's end is included
        assertThat(WhatIf.orderedBetween(orders, 30, 99)).isFalse();
        assertThat(WhatIf.orderedBetween(null, 0, 99)).isFalse();
        assertThat(WhatIf.orderedBetween(orders, 0, 9)).isFalse();
    }

    @Test
    void nonsenseOptions_areRejectedAtOnce() {
        assertThatThrownBy(() -> WhatIf.builder().withinDays(0)).hasMessage("--within must be between 1 and 3,650, got 0");
        assertThatThrownBy(() -> WhatIf.builder().examples(-1)).hasMessage("--examples must be between 0 and 1,000, got -1");
        assertThatThrownBy(() -> WhatIf.builder().build()).hasMessageContaining("nothing to compare the base with");
    }
}
