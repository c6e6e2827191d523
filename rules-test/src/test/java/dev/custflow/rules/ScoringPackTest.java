package dev.custflow.rules;

import static dev.custflow.test.ExpectedAction.stageChanged;
import static dev.custflow.testdata.Events.at;
import static dev.custflow.testdata.Events.contact;
import static dev.custflow.testdata.Events.order;
import static dev.custflow.testdata.Events.profile;
import static dev.custflow.testdata.Events.tick;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.custflow.Custflow;
import dev.custflow.Engine;
import dev.custflow.Json;
import dev.custflow.RulePack;
import dev.custflow.action.Action;
import dev.custflow.action.LeadScored;
import dev.custflow.event.Event;
import dev.custflow.event.InteractionLogged;
import dev.custflow.event.LeadCaptured;
import dev.custflow.event.ProfileFields;
import dev.custflow.event.ProfileUpdated;
import dev.custflow.model.InteractionKind;
import dev.custflow.settings.InvalidSettingsException;
import dev.custflow.settings.Settings;
import dev.custflow.test.ExpectedAction;
import dev.custflow.test.RuleVerifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The scoring pack as docs/design/rules-catalog.md §3 words it: given events, then these LEAD_SCORED and tags and no others. */
class ScoringPackTest {

    /**
     * Every change of the score reported at once (a step of 1, no quiet period), for the scenarios about how the
     * score is computed; how often sales hears of it by default has its own scenarios (ScoreReportsTest).
     */
    private static final Settings EVERY_CHANGE = Settings.builder().set("scoring.reports.step", 1)
            .set("scoring.reports.everyDays", 0).build();

    private static RuleVerifier scoring() {
        return RuleVerifier.forPacks(EVERY_CHANGE, RulePack.SCORING);
    }

    private static RuleVerifier scoringAndLifecycle() {
        return RuleVerifier.forPacks(EVERY_CHANGE, RulePack.LIFECYCLE, RulePack.SCORING);
    }

    /** Nurture switched off, for scenarios about the score alone over weeks (nurture has its own below). */
    private static final Settings NO_NURTURE = Settings.from(EVERY_CHANGE).set("scoring.nurture.forDays", 0).build();

    private static LeadCaptured lead(String id, String when, String channel, String region, String industry,
                                     Integer size, String title) {
        return LeadCaptured.builder("lead:" + id, at(when), id, channel).phone("13800000000").region(region)
                .industry(industry).companySize(size).title(title).build();
    }

    /** A lead worth 40 fit points: referral 10, 制造业 15, 1,000 people 15. */
    private static LeadCaptured fit40(String id, String when) {
        return lead(id, when, "REFERRAL", null, "制造业", 1000, null);
    }

    private static InteractionLogged did(String id, InteractionKind kind, int count, String when) {
        return new InteractionLogged("ia:" + id + ":" + kind + "x" + count + "@" + when, at(when), id, kind, null,
                count, null, null);
    }

    private static InteractionLogged view(String id, int seconds, String when) {
        return new InteractionLogged("view:" + id + ":" + seconds + "@" + when, at(when), id, InteractionKind.PAGE_VIEW,
                null, null, seconds, null);
    }

    private static ExpectedAction scored(String id, int score, String grade, int fit, int behaviour) {
        return ExpectedAction.of("LEAD_SCORED").with("customerId", id).with("score", score).with("grade", grade)
                .with("fit", fit).with("behaviour", behaviour);
    }

    // ---------------------------------------------------------------- fit

    @Test
    void fit_pointsFromEveryTable_andTheReasonNamesThem() {
        scoring().when(lead("L1", "2024-01-01", "TRADE_SHOW", "华东", "制造业", 150, "采购经理"))
                .thenExpectOnly(scored("L1", 53, "B", 53, 0)
                        .with("rule", "scoring: a new lead's first score is reported")
                        .with("reason", "first score: fit 53 (region 华东 +10, industry 制造业 +15, size 150 +10, title 采购经理 +10, "
                                + "channel TRADE_SHOW +8) + behaviour 0 = 53, grade B"));
    }

    @Test
    void fit_sizeBands_theLargestBandReachedCounts() {
        scoring().when(lead("S1", "2024-01-01", "API", null, null, 19, null),
                        lead("S2", "2024-01-01", "API", null, null, 20, null),
                        lead("S3", "2024-01-01", "API", null, null, 199, null),
                        lead("S4", "2024-01-01", "API", null, null, 200, null),
                        lead("S5", "2024-01-01", "API", null, null, 5000, null))
                .thenExpectOnly(scored("S1", 0, "D", 0, 0).with("reason", "first score: fit 0 + behaviour 0 = 0, grade D"),
                        scored("S2", 5, "D", 5, 0), scored("S3", 10, "D", 10, 0), scored("S4", 12, "D", 12, 0),
                        scored("S5", 15, "D", 15, 0));
    }

    @Test
    void fit_titles_theLongestKeywordCounts_latinKeywordsAsWholeWords() {
        scoring().when(lead("T1", "2024-01-01", "API", null, null, null, "副总经理"),       // not 总经理 (15)
                        lead("T2", "2024-01-01", "API", null, null, null, "Director of Procurement"),
                        lead("T3", "2024-01-01", "API", null, null, null, "sales manager"),
                        lead("T4", "2024-01-01", "API", null, null, null, "Managers' assistant"), // not "Manager"
                        lead("T5", "2024-01-01", "WEBSITE", null, null, null, "学生"))
                .thenExpectOnly(scored("T1", 12, "D", 12, 0).with("reason", "first score: fit 12 (title 副总经理 +12) + behaviour 0 = 12, grade D"),
                        scored("T2", 10, "D", 10, 0).with("reason", "first score: fit 10 (title Procurement +10) + behaviour 0 = 10, grade D"),
                        scored("T3", 6, "D", 6, 0),
                        scored("T4", 0, "D", 0, 0),
                        scored("T5", 0, "D", 0, 0).with("reason",
                                "first score: fit 0 (title 学生 -10, channel WEBSITE +10) + behaviour 0 = 0, grade D"));
    }

    @Test
    void fit_negativePoints_theScoreIsCappedAtZero() {
        scoring().when(lead("T1", "2024-01-01", "ADS", null, null, null, "Student"))
                .thenExpectOnly(scored("T1", 0, "D", -7, 0).with("reason",
                        "first score: fit -7 (title Student -10, channel ADS +3) + behaviour 0 = 0 (capped to 0-100), grade D"));
    }

    @Test
    void fit_aProfileUpdateRescoresTheLead() {
        ProfileUpdated bigger = ProfileUpdated.of("p1", at("2024-01-05"), "L1",
                new ProfileFields(null, null, null, null, "华南", null, null, 1200, null, null, null, null, null, null,
                        null));
        scoring().given(fit40("L1", "2024-01-01"))
                .when(bigger)
                .thenExpectOnly(scored("L1", 50, "B", 50, 0).with("reason",
                        "reached the MQL threshold 50: grade C → B, score 40 → 50 (+10), reported 4 days ago: fit 50 (region 华南 +10, industry 制造业 +15, size 1200 +15, channel REFERRAL +10) "
                                + "+ behaviour 0 = 50, grade B"));
    }

    // ---------------------------------------------------------------- behaviour

    @Test
    void behaviour_pointsPerKindTimesCount_andTheTallyInTheReason() {
        scoring().given(lead("L1", "2024-01-01", "TRADE_SHOW", null, null, null, null))
                .when(did("L1", InteractionKind.PAGE_VIEW, 3, "2024-01-02"),
                        did("L1", InteractionKind.FORM_SUBMITTED, 1, "2024-01-02T09:01:00Z"),
                        did("L1", InteractionKind.EMAIL_OPENED, 1, "2024-01-02T09:02:00Z"),
                        did("L1", InteractionKind.EMAIL_CLICKED, 1, "2024-01-02T09:03:00Z"),
                        did("L1", InteractionKind.EVENT_ATTENDED, 1, "2024-01-02T09:04:00Z"),
                        did("L1", InteractionKind.CHAT, 1, "2024-01-02T09:05:00Z"))
                .thenExpectOnly(scored("L1", 11, "D", 8, 3),
                        scored("L1", 26, "C", 8, 18).with("reason", "grade D → C, score 11 → 26 (+15), reported earlier today: fit 8 (channel TRADE_SHOW +8) + behaviour 18 "
                                + "(page view ×3, form submitted ×1) = 26, grade C"),
                        scored("L1", 28, "C", 8, 20),
                        scored("L1", 33, "C", 8, 25),
                        scored("L1", 48, "C", 8, 40),
                        scored("L1", 53, "B", 8, 45));
    }

    @Test
    void behaviour_timeOnSite_aPointPerTwoMinutes_atMostTenPerPageView() {
        scoring().given(lead("L1", "2024-01-01", "TRADE_SHOW", null, null, null, null))
                .when(view("L1", 600, "2024-01-02"), view("L1", 7200, "2024-01-02T10:00:00Z"))
                .thenExpectOnly(scored("L1", 14, "D", 8, 6), scored("L1", 25, "C", 8, 17).with("reason",
                        "grade D → C, score 14 → 25 (+11), reported earlier today: fit 8 (channel TRADE_SHOW +8) + behaviour 17 (page view ×2, minutes on site ×130) = 25, "
                                + "grade C"));
    }

    @Test
    void behaviour_theRepsOwnContactsEarnNothing() {
        scoring().given(lead("L1", "2024-01-01", "TRADE_SHOW", null, null, null, null))
                .when(contact("L1", InteractionKind.CALL, "r1", "2024-01-02"),
                        contact("L1", InteractionKind.EMAIL_SENT, "r1", "2024-01-03"),
                        contact("L1", InteractionKind.VISIT, "r1", "2024-01-04"))
                .thenExpectNone();
    }

    @Test
    void behaviour_countsUpToMaxBehaviour_soEngagementAloneReachesBButNotA() {
        scoring().given(lead("L1", "2024-01-01", "TRADE_SHOW", null, null, null, null))
                .when(did("L1", InteractionKind.FORM_SUBMITTED, 5, "2024-01-02"))
                .thenExpectOnly(scored("L1", 68, "B", 8, 60).with("reason", "reached the MQL threshold 50: grade D → B, score 8 → 68 (+60), reported 1 day ago: fit 8 (channel TRADE_SHOW +8) + behaviour "
                        + "60 (form submitted ×5; 75, counted up to 60) = 68, grade B"));
    }

    @Test
    void behaviour_beforeTheLeadIsCaptured_countsOnceItIs() {
        scoring().when(did("L7", InteractionKind.PAGE_VIEW, 5, "2024-01-01"),
                        lead("L7", "2024-01-01T10:00:00Z", "TRADE_SHOW", null, null, null, null))
                .thenExpectOnly(scored("L7", 13, "D", 8, 5));
    }

    // ---------------------------------------------------------------- only on change

    @Test
    void onlyOnChange_aPageViewThatMovesNothing_emitsNothing() {
        // at the behaviour cap another page view changes neither score nor grade
        scoring().given(lead("L1", "2024-01-01", "TRADE_SHOW", null, null, null, null),
                        did("L1", InteractionKind.FORM_SUBMITTED, 5, "2024-01-02"))
                .when(did("L1", InteractionKind.PAGE_VIEW, 1, "2024-01-02T09:01:00Z"))
                .thenExpectNone();
    }

    @Test
    void onlyOnChange_aSecondPageViewNextMinuteThatAddsAPoint_isReported() {
        scoring().given(lead("L1", "2024-01-01", "TRADE_SHOW", null, null, null, null),
                        did("L1", InteractionKind.PAGE_VIEW, 1, "2024-01-02"))
                .when(did("L1", InteractionKind.PAGE_VIEW, 1, "2024-01-02T09:01:00Z"))
                .thenExpectOnly(scored("L1", 10, "D", 8, 2));
    }

    @Test
    void onlyOnChange_aLeadWithoutChannelOrContact_isNotScored() {
        scoring().when(profile("P1", "2024-01-01"),
                        LeadCaptured.builder("lead:L9", at("2024-01-01"), "L9", "TRADE_SHOW").name("王芳").build())
                .thenExpectNone();
    }

    // ---------------------------------------------------------------- decay

    @Test
    void decay_aLeadIdleForOneHalfLife_losesHalfItsBehaviourPoints() {
        scoring().given(fit40("L1", "2024-01-01"), did("L1", InteractionKind.FORM_SUBMITTED, 1, "2024-01-02"),
                        did("L1", InteractionKind.EMAIL_CLICKED, 1, "2024-01-02"))
                // 30 days later to the minute, an event with no points of its own shows the decayed score
                .when(contact("L1", InteractionKind.EMAIL_SENT, "r1", "2024-02-01"))
                .thenExpectOnly(scored("L1", 50, "B", 40, 10).with("reason", "score 60 → 50 (-10), still grade B, reported 30 days ago: fit 40 (industry 制造业 +15, size 1000 "
                        + "+15, channel REFERRAL +10) + behaviour 10 (form submitted ×1, email clicked ×1; last engaged "
                        + "30 days ago, points halve every 30 days) = 50, grade B"));
    }

    @Test
    void decay_theGradeDropFiresAtItsDueMinuteOnAClockTick() {
        // 60 = 40 fit + 20 behaviour on 2024-01-02 09:00; B needs 50, so behaviour must fall to 9 (9.5 rounds up):
        // 20 * 0.5^(d / 30 days) < 9.5 first at d = 46,401 minutes: 2024-02-03 14:21
        List<Event> history = List.of(fit40("L1", "2024-01-01"),
                did("L1", InteractionKind.FORM_SUBMITTED, 1, "2024-01-02"),
                did("L1", InteractionKind.EMAIL_CLICKED, 1, "2024-01-02"));
        scoring().given(history).whenClockAt(at("2024-02-03T14:20:00Z")).thenExpectNone();
        scoring().given(history).whenClockAt(at("2024-02-03T14:21:00Z"))
                .thenExpectOnly(scored("L1", 49, "C", 40, 9).with("at", "2024-02-03T14:21:00Z")
                        .with("rule", "scoring: a lead's grade or score moved since the last report")
                        .with("reason", "grade B → C, score 60 → 49 (-11), reported 32 days ago: fit 40 (industry 制造业 +15, size 1000 +15, channel REFERRAL +10) + behaviour 9 "
                                + "(form submitted ×1, email clicked ×1; last engaged 32 days ago, points halve every "
                                + "30 days) = 49, grade C"));
    }

    @Test
    void decay_withDailyTicks_theDropIsSeenOnTheFirstTickAfterIt_andNothingMoreIsDue() {
        // after C (49) the lead would fall to D below 25: never, as fit alone is 40
        List<Event> ticks = new ArrayList<>();
        for (int day = 3; day <= 28; day++) {
            ticks.add(tick(String.format("2024-02-%02d", day)));
        }
        RuleVerifier.forPacks(NO_NURTURE, RulePack.SCORING).given(fit40("L1", "2024-01-01"), did("L1", InteractionKind.FORM_SUBMITTED, 1, "2024-01-02"),
                        did("L1", InteractionKind.EMAIL_CLICKED, 1, "2024-01-02"))
                .when(ticks.toArray(Event[]::new))
                .thenExpectOnly(scored("L1", 49, "C", 40, 9).with("at", "2024-02-04T09:00:00Z"));
    }

    @Test
    void decay_aLeadKeptWarmByEngagement_isNotWokenForAnOldDueTime() {
        // each new point postpones the fall; the tick at the old due minute finds nothing to say
        scoring().given(fit40("L1", "2024-01-01"), did("L1", InteractionKind.FORM_SUBMITTED, 1, "2024-01-02"),
                        did("L1", InteractionKind.EMAIL_CLICKED, 1, "2024-01-02"),
                        did("L1", InteractionKind.FORM_SUBMITTED, 1, "2024-01-20"))
                .whenClockAt(at("2024-02-03T14:21:00Z"))
                .thenExpectNone();
    }

    @Test
    void decay_followsTheHalfLifeSetting() {
        Settings week = Settings.from(EVERY_CHANGE).set("scoring.halfLifeDays", 7).build();
        RuleVerifier.forPacks(week, RulePack.SCORING)
                .given(fit40("L1", "2024-01-01"), did("L1", InteractionKind.FORM_SUBMITTED, 1, "2024-01-02"),
                        did("L1", InteractionKind.EMAIL_CLICKED, 1, "2024-01-02"))
                .when(contact("L1", InteractionKind.EMAIL_SENT, "r1", "2024-01-09"))
                .thenExpectOnly(scored("L1", 50, "B", 40, 10));
    }

    // ---------------------------------------------------------------- settings

    @Test
    void settings_aDottedKeyChangesOneEntry_andKeepsTheRestOfTheTable() {
        Settings north = Settings.from(EVERY_CHANGE).set("scoring.regionPoints.华北", 20).build();
        assertThat(north.scoring().regionPoints()).containsEntry("华北", 20).containsEntry("华东", 10);
        // the entry's name is the rest of the key, dots included
        assertThat(Settings.builder().set("scoring.titlePoints.Sr. Manager", 8).build().scoring().titlePoints())
                .containsEntry("Sr. Manager", 8).containsEntry("CEO", 15);
        RuleVerifier.forPacks(north, RulePack.SCORING)
                .when(lead("N1", "2024-01-01", "API", "华北", null, null, null),
                        lead("E1", "2024-01-01", "API", "华东", null, null, null))
                .thenExpectOnly(scored("N1", 20, "D", 20, 0), scored("E1", 10, "D", 10, 0));
    }

    @Test
    void settings_aTableInASettingsFileReplacesTheDefaultTable() {
        Settings own = Settings.from(EVERY_CHANGE).merge("""
                {"scoring": {"channelPoints": {"PARTNER": 30}, "behaviourPoints": {"page_view": 4},
                             "companySizePoints": [{"from": 10, "points": 7}], "gradeB": 30}}""").build();
        assertThat(own.scoring().channelPoints()).isEqualTo(Map.of("PARTNER", 30));
        RuleVerifier.forPacks(own, RulePack.SCORING)
                .when(lead("P1", "2024-01-01", "partner", null, null, 50, null),
                        lead("W1", "2024-01-01", "WEBSITE", null, null, null, null),
                        did("W1", InteractionKind.FORM_SUBMITTED, 1, "2024-01-02"),
                        did("W1", InteractionKind.PAGE_VIEW, 2, "2024-01-02"))
                .thenExpectOnly(scored("P1", 37, "B", 37, 0), scored("W1", 0, "D", 0, 0),
                        scored("W1", 8, "D", 0, 8));
    }

    @Test
    void settings_everyDefaultIsAKey_andTheJsonRoundTrips() {
        Settings defaults = Settings.ofDefaults();
        assertThat(Settings.builder().merge(defaults.toJson()).build().scoring()).isEqualTo(defaults.scoring());
        assertThat(defaults.toJson()).contains("\"halfLifeDays\" : 30", "\"mqlThreshold\" : 50", "\"gradeA\" : 80",
                "\"华东\" : 10", "\"FORM_SUBMITTED\" : 15", "\"companySizeAbove\" : 100", "\"tag\" : \"high-quality\"");
    }

    @Test
    void settings_mistakesNameTheKey() {
        assertThatThrownBy(() -> Settings.builder().set("scoring.regionPoint.华东", 5))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("'scoring.regionPoint'").hasMessageContaining("Did you mean 'regionPoints'?");
        assertThatThrownBy(() -> Settings.builder().set("scoring.highQuality.tags", "vip"))
                .hasMessageContaining("'scoring.highQuality.tags'").hasMessageContaining("Did you mean 'tag'?");
        assertThatThrownBy(() -> Settings.builder().set("scoring.behaviourPoints.PAGEVIEW", 2))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("'scoring.behaviourPoints.PAGEVIEW'").hasMessageContaining("Did you mean 'PAGE_VIEW'?");
        assertThatThrownBy(() -> Settings.builder().set("scoring.behaviourPoints.CALL", -5))
                .hasMessageContaining("'scoring.behaviourPoints.CALL'").hasMessageContaining("between 0 and 100");
        assertThatThrownBy(() -> Settings.builder().set("scoring.regionPoints.华东", 500))
                .hasMessageContaining("'scoring.regionPoints.华东'").hasMessageContaining("between -100 and 100");
        assertThatThrownBy(() -> Settings.builder().set("scoring.gradeB", 85))
                .hasMessageContaining("'scoring.gradeB' = 85").hasMessageContaining("below scoring.gradeA (80)");
        assertThatThrownBy(() -> Settings.builder().set("scoring.halfLifeDays", 0))
                .hasMessageContaining("'scoring.halfLifeDays' = 0");
        assertThatThrownBy(() -> Settings.builder().merge("{\"scoring\": {\"companySizePoints\": [{\"from\": 10}]}}"))
                .hasMessageContaining("'scoring.companySizePoints'").hasMessageContaining("needs 'from' (employees) and 'points'");
        assertThatThrownBy(() -> Settings.builder().merge(
                        "{\"scoring\": {\"companySizePoints\": [{\"from\": 10, \"points\": 1}, {\"from\": 10, \"points\": 2}]}}"))
                .hasMessageContaining("two bands start at 10 employees");
        InvalidSettingsException e = (InvalidSettingsException) catchThrowable(
                () -> Settings.builder().set("scoring.industryPoints.制造业", null));
        assertThat(e.key()).isEqualTo("scoring.industryPoints.制造业");
    }

    // ---------------------------------------------------------------- host attributes

    /** A lead from the API channel (no default points) with the host's own attributes. */
    private static LeadCaptured withAttributes(String id, String when, Map<String, Object> attributes) {
        return LeadCaptured.builder("lead:" + id, at(when), id, "API").phone("13800000000").attributes(attributes)
                .build();
    }

    /** Settings as a calibration writes them: a start, a value table and bands, with negative entries. */
    private static Settings calibrated() {
        return Settings.from(EVERY_CHANGE).merge("""
                {"scoring": {"basePoints": 40,
                             "attributePoints": {"leadSource": {"Reference": 25, "Olark Chat": -12}},
                             "attributeBands": {"timeOnSiteSeconds": [{"from": 0, "points": -8},
                                                                      {"from": 600, "points": 20},
                                                                      {"from": 1800, "points": 15}]}}}""").build();
    }

    @Test
    void attributes_pointsByValue_ignoringCase_andTheReasonNamesThem() {
        RuleVerifier.forPacks(calibrated(), RulePack.SCORING)
                .when(withAttributes("A1", "2024-01-01", Map.of("leadSource", "reference")),
                        withAttributes("A2", "2024-01-01", Map.of("LEADSOURCE", "Olark Chat")),
                        withAttributes("A3", "2024-01-01", Map.of("leadSource", "Google")))
                .thenExpectOnly(scored("A1", 65, "B", 65, 0).with("reason",
                                "first score: fit 65 (base +40, leadSource reference +25) + behaviour 0 = 65, grade B"),
                        scored("A2", 28, "C", 28, 0).with("reason",
                                "first score: fit 28 (base +40, leadSource Olark Chat -12) + behaviour 0 = 28, grade C"),
                        scored("A3", 40, "C", 40, 0).with("reason", "first score: fit 40 (base +40) + behaviour 0 = 40, grade C"));
    }

    @Test
    void attributes_numberBands_theLargestBandReachedCounts_andNoNumberEarnsNothing() {
        RuleVerifier.forPacks(calibrated(), RulePack.SCORING)
                .when(withAttributes("B1", "2024-01-01", Map.of("timeOnSiteSeconds", 0)),
                        withAttributes("B2", "2024-01-01", Map.of("timeOnSiteSeconds", 599.5)),
                        withAttributes("B3", "2024-01-01", Map.of("timeOnSiteSeconds", "600")),
                        withAttributes("B4", "2024-01-01", Map.of("timeOnSiteSeconds", 4000)),
                        withAttributes("B5", "2024-01-01", Map.of("timeOnSiteSeconds", -3)),
                        withAttributes("B6", "2024-01-01", Map.of("timeOnSiteSeconds", "n/a")))
                .thenExpectOnly(scored("B1", 32, "C", 32, 0).with("reason",
                                "first score: fit 32 (base +40, timeOnSiteSeconds 0 -8) + behaviour 0 = 32, grade C"),
                        scored("B2", 32, "C", 32, 0),
                        scored("B3", 60, "B", 60, 0).with("reason",
                                "first score: fit 60 (base +40, timeOnSiteSeconds 600 +20) + behaviour 0 = 60, grade B"),
                        scored("B4", 55, "B", 55, 0),
                        scored("B5", 40, "C", 40, 0),  // below every band
                        scored("B6", 40, "C", 40, 0)); // not a number
    }

    @Test
    void attributes_addUpWithTheTables_andAProfileUpdateRescores() {
        ProfileUpdated longerVisit = ProfileUpdated.of("p1", at("2024-01-05"), "C1",
                new ProfileFields(null, null, null, null, null, null, null, null, null, null, null, null, null,
                        Map.of("timeOnSiteSeconds", 900), null));
        RuleVerifier.forPacks(calibrated(), RulePack.SCORING)
                .given(LeadCaptured.builder("lead:C1", at("2024-01-01"), "C1", "REFERRAL").phone("13800000000")
                        .industry("制造业").attributes(Map.of("leadSource", "Reference", "timeOnSiteSeconds", 30))
                        .build())
                .when(longerVisit)
                .thenExpectOnly(scored("C1", 100, "A", 110, 0).with("reason", "score 82 → 100 (+18), still grade A, reported 4 days ago: fit 110 (base +40, industry 制造业 +15, "
                        + "channel REFERRAL +10, leadSource Reference +25, timeOnSiteSeconds 900 +20) + behaviour 0 "
                        + "= 100 (capped to 0-100), grade A"));
    }

    @Test
    void attributes_readFromASettingsFile_sortedAndRoundTripped() {
        Settings s = calibrated();
        assertThat(s.scoring().attributeBands().get("timeOnSiteSeconds")).extracting(b -> b.from())
                .containsExactly(0.0, 600.0, 1800.0);
        assertThat(Settings.builder().merge(s.toJson()).build()).isEqualTo(s);
        assertThat(Settings.ofDefaults().scoring().attributePoints()).isEmpty();
        assertThat(Settings.ofDefaults().scoring().attributeBands()).isEmpty();
        assertThat(Settings.ofDefaults().scoring().basePoints()).isZero();
    }

    @Test
    void attributes_mistakesNameTheKey() {
        assertThatThrownBy(() -> Settings.builder().set("scoring.attributePoint", Map.of()))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("'scoring.attributePoint'").hasMessageContaining("Did you mean 'attributePoints'?");
        assertThatThrownBy(() -> Settings.builder().merge(
                        "{\"scoring\": {\"attributePoints\": {\"leadSource\": {\"Google\": 300}}}}"))
                .hasMessageContaining("'scoring.attributePoints.leadSource.Google' = 300")
                .hasMessageContaining("between -100 and 100");
        assertThatThrownBy(() -> Settings.builder().merge("{\"scoring\": {\"attributePoints\": {\"Industry\": {\"IT\": 5}}}}"))
                .hasMessageContaining("'scoring.attributePoints.Industry'")
                .hasMessageContaining("'Industry' is a profile field, not a free attribute: its points go in "
                        + "scoring.industryPoints");
        assertThatThrownBy(() -> Settings.builder().merge(
                        "{\"scoring\": {\"attributeBands\": {\"visits\": [{\"from\": 1, \"pionts\": 5}]}}}"))
                .hasMessageContaining("'scoring.attributeBands.visits[0].pionts'")
                .hasMessageContaining("unknown key. Did you mean 'points'?");
        assertThatThrownBy(() -> Settings.builder().merge(
                        "{\"scoring\": {\"attributeBands\": {\"visits\": [{\"from\": 1}]}}}"))
                .hasMessageContaining("'scoring.attributeBands.visits'")
                .hasMessageContaining("every band needs 'from' (a number) and 'points'");
        assertThatThrownBy(() -> Settings.builder().merge("{\"scoring\": {\"attributeBands\": {\"visits\": "
                        + "[{\"from\": 2.5, \"points\": 1}, {\"from\": 2.5, \"points\": 3}]}}}"))
                .hasMessageContaining("two bands start at 2.5");
        assertThatThrownBy(() -> Settings.builder().merge("{\"scoring\": {\"attributeBands\": {\"visits\": []}}}"))
                .hasMessageContaining("'scoring.attributeBands.visits'").hasMessageContaining("needs a list of bands");
        assertThatThrownBy(() -> Settings.builder().merge("{\"scoring\": {"
                        + "\"attributePoints\": {\"visits\": {\"many\": 5}},"
                        + "\"attributeBands\": {\"Visits\": [{\"from\": 1, \"points\": 5}]}}}"))
                .hasMessageContaining("'scoring.attributeBands.Visits'")
                .hasMessageContaining("in scoring.attributePoints too; score it by value or by bands, not both");
        assertThatThrownBy(() -> Settings.builder().set("scoring.basePoints", 101))
                .hasMessageContaining("'scoring.basePoints' = 101").hasMessageContaining("between -100 and 100");
    }

    // ---------------------------------------------------------------- lifecycle

    @Test
    void prospect_realScoringAndARepCall_makeAProspect() {
        scoringAndLifecycle().given(fit40("L1", "2024-01-01"), did("L1", InteractionKind.FORM_SUBMITTED, 1, "2024-01-02"))
                .when(contact("L1", InteractionKind.CALL, "r1", "2024-01-03"))
                .thenExpectOnly(stageChanged("L1", "LEAD", "PROSPECT")
                        .with("reason", "score 55 reached the MQL threshold of 50 and a rep has been in contact"));
    }

    @Test
    void prospect_pointsEarnedInTheSameEventAsTheRepContact_countBeforeTheLifecycleLooks() {
        // a chat with a rep earns 5 points and is a rep contact: scoring runs first, then the MQL test
        InteractionLogged chat = new InteractionLogged("chat1", at("2024-01-03"), "L1", InteractionKind.CHAT, "r1",
                null, null, null);
        scoringAndLifecycle().given(fit40("L1", "2024-01-01"), did("L1", InteractionKind.EMAIL_CLICKED, 1, "2024-01-02"))
                .when(chat)
                .thenExpectOnly(scored("L1", 50, "B", 40, 10), stageChanged("L1", "LEAD", "PROSPECT"));
    }

    @Test
    void prospect_aScoreThatDecayedBelowTheThreshold_beforeTheCall_staysALead() {
        // 55 on 2024-01-02; below 50 from 2024-01-22 03:31, seen when the call's clock step passes it
        RuleVerifier.forPacks(NO_NURTURE, RulePack.LIFECYCLE, RulePack.SCORING).given(fit40("L1", "2024-01-01"), did("L1", InteractionKind.FORM_SUBMITTED, 1, "2024-01-02"))
                .when(contact("L1", InteractionKind.CALL, "r1", "2024-03-02"))
                .thenExpectOnly(scored("L1", 44, "C", 40, 4).with("at", "2024-03-02T09:00:00Z"));
    }

    @Test
    void prospect_isStillScored_aCustomerNoLonger() {
        scoringAndLifecycle().given(fit40("L1", "2024-01-01"), did("L1", InteractionKind.FORM_SUBMITTED, 1, "2024-01-02"),
                        contact("L1", InteractionKind.CALL, "r1", "2024-01-03"))
                .when(did("L1", InteractionKind.FORM_SUBMITTED, 1, "2024-01-04"), order("o1", "L1", "2024-01-05", 500),
                        did("L1", InteractionKind.FORM_SUBMITTED, 1, "2024-01-06"))
                .thenExpectOnly(scored("L1", 69, "B", 40, 29), stageChanged("L1", "PROSPECT", "CUSTOMER"));
    }

    @Test
    void customer_afterTheFirstOrder_noGradeDropIsScheduled() {
        scoringAndLifecycle().given(fit40("L1", "2024-01-01"), did("L1", InteractionKind.FORM_SUBMITTED, 5, "2024-01-02"),
                        order("o1", "L1", "2024-01-03", 500))
                .whenClockAt(at("2024-05-01"))
                .thenExpectNone();
    }

    // ---------------------------------------------------------------- high quality

    @Test
    void highQuality_websiteLeadFromACompanyOver100_isTagged() {
        scoring().when(lead("H1", "2024-01-01", "WEBSITE", null, null, 150, null))
                .thenExpectOnly(scored("H1", 20, "D", 20, 0), ExpectedAction.of("TAG_ADDED").with("customerId", "H1")
                        .with("tag", "high-quality")
                        .with("rule", "scoring: website lead from a large company is high quality")
                        .with("reason", "came from WEBSITE and the company has 150 people (more than 100): route to "
                                + "the key-account team"));
    }

    @Test
    void highQuality_100PeopleOrAnotherChannel_isNot() {
        scoring().when(lead("H1", "2024-01-01", "WEBSITE", null, null, 100, null),
                        lead("H2", "2024-01-01", "TRADE_SHOW", null, null, 5000, null),
                        lead("H3", "2024-01-01", "WEBSITE", null, null, null, null))
                .thenExpectOnly(scored("H1", 20, "D", 20, 0), scored("H2", 23, "D", 23, 0), scored("H3", 10, "D", 10, 0));
    }

    @Test
    void highQuality_aSizeLearntLater_tagsThen_once() {
        ProfileUpdated size = ProfileUpdated.of("p1", at("2024-01-05"), "H1",
                new ProfileFields(null, null, null, null, null, null, null, 300, null, null, null, null, null, null,
                        null));
        ProfileUpdated again = ProfileUpdated.of("p2", at("2024-01-06"), "H1",
                new ProfileFields(null, null, null, null, null, null, null, 310, null, null, null, null, null, null,
                        null));
        scoring().given(lead("H1", "2024-01-01", "website", null, null, null, null))
                .when(size, again)
                .thenExpectOnly(scored("H1", 22, "D", 22, 0), ExpectedAction.of("TAG_ADDED").with("tag", "high-quality"));
    }

    @Test
    void highQuality_channelsSizeAndTagFromSettings() {
        Settings keyAccounts = Settings.from(EVERY_CHANGE).set("scoring.highQuality.channels", List.of("TRADE_SHOW"))
                .set("scoring.highQuality.companySizeAbove", 50).set("scoring.highQuality.tag", "key-account").build();
        RuleVerifier.forPacks(keyAccounts, RulePack.SCORING)
                .when(lead("H1", "2024-01-01", "TRADE_SHOW", null, null, 80, null),
                        lead("H2", "2024-01-01", "WEBSITE", null, null, 800, null))
                .thenExpect(ExpectedAction.of("TAG_ADDED").with("customerId", "H1").with("tag", "key-account")
                        .with("reason", "came from TRADE_SHOW and the company has 80 people (more than 50): route to "
                                + "the key-account team"));
        List<Action> all = RuleVerifier.forPacks(keyAccounts, RulePack.SCORING)
                .when(lead("H2", "2024-01-01", "WEBSITE", null, null, 800, null)).run();
        assertThat(all).noneMatch(a -> a.type().equals("TAG_ADDED"));
    }

    // ---------------------------------------------------------------- the engine

    @Test
    void engine_theDefaultBuilderRunsScoringWithLifecycle() {
        try (Engine e = Custflow.builder().build()) {
            List<Action> actions = e.accept(fit40("L1", "2024-01-01"));
            assertThat(actions).extracting(Action::type).contains("STAGE_CHANGED", "LEAD_SCORED");
            assertThat(e.customer("L1").orElseThrow().grade()).isEqualTo("C");
            assertThat(e.customer("L1").orElseThrow().score()).isEqualTo(40);
        }
    }

    @Test
    void engine_replayOverPartitionsGivesTheSameLeadScored_andItsJsonReadsBack() {
        List<Event> events = List.of(fit40("L1", "2024-01-01"),
                did("L1", InteractionKind.FORM_SUBMITTED, 1, "2024-01-02"), tick("2024-03-01"));
        List<Action> first = scoring().given(events).run();
        List<Action> again = RuleVerifier.forEngine(b -> b.packs(RulePack.SCORING).settings(EVERY_CHANGE).partitions(3))
                .given(events).run();
        assertThat(again).isEqualTo(first);
        assertThat(first).hasSize(3).allMatch(a -> a instanceof LeadScored); // qualified on day 1: never nurtured
        first.forEach(a -> assertThat(Json.readAction(Json.write(a))).isEqualTo(a));
    }

    // ---------------------------------------------------------------- nurture

    private static ExpectedAction nurtured(String id, int round, String at) {
        return ExpectedAction.of("MESSAGE_REQUESTED").with("customerId", id).with("template", "NURTURE")
                .with("channel", "EMAIL").with("params.round", round).with("at", at)
                .with("rule", "scoring: a lead below the MQL threshold is nurtured regularly");
    }

    private static LeadCaptured coldLead(String id, String when) { // fit 10 (WEBSITE), far below the MQL threshold
        return LeadCaptured.builder("lead:" + id, at(when), id, "WEBSITE").email(id + "@example.com").build();
    }

    @Test
    void nurture_aLeadBelowTheThreshold_getsAMessageEvery7Days_forTheFirst90Days_andNotTheDayBefore() {
        List<Event> ticks = new ArrayList<>();
        for (java.time.LocalDate d = java.time.LocalDate.parse("2024-01-02"); d.isBefore(java.time.LocalDate.parse(
                "2024-05-01")); d = d.plusDays(1)) {
            ticks.add(tick(d.toString()));
        }
        List<ExpectedAction> expected = new ArrayList<>();
        java.time.LocalDate captured = java.time.LocalDate.parse("2024-01-01");
        for (int round = 1; round * 7 <= 90; round++) { // days 7, 14, ... 84; nothing from day 91
            expected.add(nurtured("L1", round, captured.plusDays(round * 7L) + "T09:00:00Z"));
        }
        RuleVerifier.forPacks(RulePack.SCORING).given(coldLead("L1", "2024-01-01")).when(ticks.toArray(Event[]::new))
                .thenExpectOnly(expected.toArray(ExpectedAction[]::new));
        assertThat(expected).hasSize(12);
    }

    @Test
    void nurture_endsWhenTheLeadQualifies() {
        // day 7: nurtured; day 10: three forms lift it to 10 + 45 = 55, over the threshold: it leaves the pool,
        // and stays out when the points decay below the threshold again (grade C, 45, on day 21). Sales hears of
        // the MQL at once, and of grade C when the quiet period after that report has passed (day 28)
        RuleVerifier.forPacks(RulePack.SCORING).given(coldLead("L1", "2024-01-01"), tick("2024-01-08"))
                .when(did("L1", InteractionKind.FORM_SUBMITTED, 3, "2024-01-11"), tick("2024-01-15"),
                        tick("2024-01-22"), tick("2024-01-29"))
                .thenExpectOnly(scored("L1", 55, "B", 10, 45), scored("L1", 40, "C", 10, 30));
    }

    @Test
    void nurture_respectsTheOptOut_theGateSuppressesIt() {
        LeadCaptured optedOut = LeadCaptured.builder("lead:L1", at("2024-01-01"), "L1", "WEBSITE")
                .email("l1@example.com").doNotEmail(true).build();
        try (Engine engine = Custflow.builder().packs(RulePack.SCORING).build()) {
            engine.accept(optedOut);
            assertThat(engine.accept(tick("2024-01-08"))).isEmpty();
            assertThat(engine.auditTrail("L1")).anySatisfy(e -> {
                assertThat(e.rule()).isEqualTo("scoring: a lead below the MQL threshold is nurtured regularly");
                assertThat(e.outcome().name()).isEqualTo("SUPPRESSED");
                assertThat(e.note()).contains("opted out of EMAIL");
            });
        }
    }

    @Test
    void nurture_canBeSwitchedOffOrSpacedInSettings() {
        Settings fortnightly = Settings.builder().set("scoring.nurture.everyDays", 14).build();
        RuleVerifier.forPacks(fortnightly, RulePack.SCORING).given(coldLead("L1", "2024-01-01"), tick("2024-01-08"))
                .when(tick("2024-01-15"))
                .thenExpectOnly(nurtured("L1", 1, "2024-01-15T09:00:00Z"));
        RuleVerifier.forPacks(NO_NURTURE, RulePack.SCORING).given(coldLead("L1", "2024-01-01"))
                .when(tick("2024-01-08"), tick("2024-01-15")).thenExpectNone();
        assertThatThrownBy(() -> Settings.builder().set("scoring.nurture.everyDays", 0).build())
                .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("scoring.nurture.everyDays");
    }
}
