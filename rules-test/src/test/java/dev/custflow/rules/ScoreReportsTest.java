package dev.custflow.rules;

import static dev.custflow.testdata.Events.at;
import static dev.custflow.testdata.Events.tick;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custflow.RulePack;
import dev.custflow.action.Action;
import dev.custflow.event.Event;
import dev.custflow.event.InteractionLogged;
import dev.custflow.event.LeadCaptured;
import dev.custflow.model.InteractionKind;
import dev.custflow.settings.InvalidSettingsException;
import dev.custflow.settings.Settings;
import dev.custflow.test.ExpectedAction;
import dev.custflow.test.RuleVerifier;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How often sales hears of a lead's score (settings.scoring.reports): the first score at capture, reaching the MQL
 * threshold at once, and otherwise a new grade or a move of a step, at most once per quiet period, what changed
 * meanwhile coming as one report of the latest state. The profile's score stays exact all the while.
 */
class ScoreReportsTest {

    /** Nurture off: these scenarios are about LEAD_SCORED alone. */
    private static final Settings DEFAULTS = Settings.builder().set("scoring.nurture.forDays", 0).build();
    /** The step alone: no quiet period. */
    private static final Settings STEP_ONLY = Settings.from(DEFAULTS).set("scoring.reports.everyDays", 0).build();

    private static RuleVerifier scoring(Settings settings) {
        return RuleVerifier.forPacks(settings, RulePack.SCORING);
    }

    /** 25 fit points, grade C: website 10, 华东 10, 20 people 5. */
    private static LeadCaptured fit25(String id, String when) {
        return LeadCaptured.builder("lead:" + id, at(when), id, "WEBSITE").phone("13800000000").region("华东")
                .companySize(20).build();
    }

    /** 40 fit points, grade C: referral 10, 制造业 15, 1,000 people 15. */
    private static LeadCaptured fit40(String id, String when) {
        return LeadCaptured.builder("lead:" + id, at(when), id, "REFERRAL").phone("13800000000").industry("制造业")
                .companySize(1000).build();
    }

    private static InteractionLogged did(String id, InteractionKind kind, String when) {
        return new InteractionLogged("ia:" + id + ":" + kind + "@" + when, at(when), id, kind, null, null, null, null);
    }

    private static ExpectedAction scored(String id, int score, String grade) {
        return ExpectedAction.of("LEAD_SCORED").with("customerId", id).with("score", score).with("grade", grade);
    }

    @Test
    void capture_theFirstScoreIsReportedAtOnce() {
        scoring(DEFAULTS).when(fit25("L1", "2024-01-01"))
                .thenExpectOnly(scored("L1", 25, "C").with("rule", "scoring: a new lead's first score is reported")
                        .with("reason", "first score: fit 25 (region 华东 +10, size 20 +5, channel WEBSITE +10) "
                                + "+ behaviour 0 = 25, grade C"));
    }

    @Test
    void step_movesWithinTheGradeAreReportedOnceTheyAddUpToTheStep() {
        // 25 -> 26 -> 31 (+6 since the report: not yet) -> 36 (+11: reported); the profile follows every point
        List<Action> actions = scoring(STEP_ONLY).given(fit25("L1", "2024-01-01"))
                .when(did("L1", InteractionKind.PAGE_VIEW, "2024-01-02"), did("L1", InteractionKind.CHAT, "2024-01-02T10:00:00Z"),
                        did("L1", InteractionKind.EMAIL_CLICKED, "2024-01-02T11:00:00Z"))
                .thenExpectOnly(scored("L1", 36, "C").with("rule", "scoring: a lead's grade or score moved since the "
                        + "last report").with("reason", "score 25 → 36 (+11), still grade C, reported 1 day ago: fit 25 "
                        + "(region 华东 +10, size 20 +5, channel WEBSITE +10) + behaviour 11 (page view ×1, chat ×1, "
                        + "email clicked ×1) = 36, grade C"));
        assertThat(actions).hasSize(1);
    }

    @Test
    void step_aSmallerStepReportsMoreOften() {
        Settings five = Settings.from(STEP_ONLY).set("scoring.reports.step", 5).build();
        scoring(five).given(fit25("L1", "2024-01-01"))
                .when(did("L1", InteractionKind.PAGE_VIEW, "2024-01-02"), did("L1", InteractionKind.CHAT, "2024-01-02T10:00:00Z"),
                        did("L1", InteractionKind.EMAIL_CLICKED, "2024-01-02T11:00:00Z"))
                .thenExpectOnly(scored("L1", 31, "C"), scored("L1", 36, "C"));
    }

    @Test
    void gradeChange_isReportedThoughTheScoreMovedLessThanAStep() {
        // 40 fit + 15 for the form = 55, grade B (reported at once: MQL); the form's points decay below B (49) on
        // 2024-01-21, a move of 6: the new grade is news, and the quiet period after the MQL report has passed
        scoring(DEFAULTS).given(fit40("L1", "2024-01-01"), did("L1", InteractionKind.FORM_SUBMITTED, "2024-01-02"))
                .whenClockAt(at("2024-01-25T00:00:00Z"))
                .thenExpectOnly(scored("L1", 49, "C").with("rule", "scoring: a lead's grade or score moved since the "
                        + "last report"));
    }

    @Test
    void mql_reachingTheThresholdIsReportedAtOnce_evenInTheQuietPeriod() {
        scoring(DEFAULTS).given(fit40("L1", "2024-01-01"))
                .when(did("L1", InteractionKind.FORM_SUBMITTED, "2024-01-03"))
                .thenExpectOnly(scored("L1", 55, "B").with("at", "2024-01-03T09:00:00Z")
                        .with("rule", "scoring: a lead reaching the MQL threshold is reported at once")
                        .with("reason", "reached the MQL threshold 50: grade C → B, score 40 → 55 (+15), reported "
                                + "2 days ago: fit 40 (industry 制造业 +15, size 1000 +15, channel REFERRAL +10) + "
                                + "behaviour 15 (form submitted ×1) = 55, grade B"));
    }

    @Test
    void quietPeriod_changesWithinItComeAsOneReportOfTheLatestState_whenItEnds() {
        // captured and reported on 01-01; three engagements within the 16 days move it 15 points: held, then
        // reported once when the quiet period ends (the due-time index wakes the lead then), as it is then
        List<Event> scene = List.of(fit25("L1", "2024-01-01"), did("L1", InteractionKind.EMAIL_CLICKED, "2024-01-03"),
                did("L1", InteractionKind.CHAT, "2024-01-05"), did("L1", InteractionKind.EMAIL_CLICKED, "2024-01-08"));
        scoring(DEFAULTS).given(scene.get(0)).when(scene.subList(1, 4).toArray(Event[]::new)).thenExpectNone();
        scoring(DEFAULTS).given(scene).whenClockAt(at("2024-01-17T08:59:00Z")).thenExpectNone();
        scoring(DEFAULTS).given(scene).whenClockAt(at("2024-01-17T09:00:00Z"))
                .thenExpectOnly(scored("L1", 36, "C").with("at", "2024-01-17T09:00:00Z")
                        .with("rule", "scoring: a lead's grade or score moved since the last report"));
    }

    @Test
    void quietPeriod_aHotLeadClimbingFromDToA_getsAtMostThreeReportsInItsFirstMonth() {
        // a lead that engages every other day for a month: from 8 points to the behaviour cap
        List<Event> month = new ArrayList<>();
        month.add(LeadCaptured.builder("lead:H1", at("2024-03-01"), "H1", "TRADE_SHOW").phone("13800000000").build());
        for (int day = 2; day <= 31; day += 2) {
            month.add(did("H1", day % 4 == 0 ? InteractionKind.FORM_SUBMITTED : InteractionKind.CHAT,
                    String.format("2024-03-%02d", day)));
        }
        List<Action> actions = scoring(DEFAULTS).when(month.toArray(Event[]::new)).run();
        List<Instant> reports = actions.stream().filter(a -> a.type().equals("LEAD_SCORED")).map(Action::at).toList();
        assertThat(reports).hasSizeBetween(2, 3);
        for (int i = 1; i < reports.size(); i++) { // the MQL alert may come early; the others keep the quiet period
            Duration gap = Duration.between(reports.get(i - 1), reports.get(i));
            assertThat(gap.toDays() >= 16 || actions.get(i).rule().contains("MQL")).as("gap %s", gap).isTrue();
        }
    }

    @Test
    void settings_reportsAreChecked() {
        assertThat(Settings.ofDefaults().scoring().reports().step()).isEqualTo(10);
        assertThat(Settings.ofDefaults().scoring().reports().everyDays()).isEqualTo(16);
        assertThatThrownBy(() -> Settings.builder().set("scoring.reports.step", 0).build())
                .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("scoring.reports.step");
        assertThatThrownBy(() -> Settings.builder().set("scoring.reports.everyDays", -1).build())
                .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("scoring.reports.everyDays");
        assertThatThrownBy(() -> Settings.builder().set("scoring.report.step", 5))
                .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("reports");
    }

    @Test
    void tick_aDailyTickWithinTheQuietPeriodReportsNothing() {
        scoring(DEFAULTS).given(fit40("L1", "2024-01-01"), did("L1", InteractionKind.FORM_SUBMITTED, "2024-01-02"))
                .when(tick("2024-01-05"), tick("2024-01-06"), tick("2024-01-07"))
                .thenExpectNone();
    }
}
