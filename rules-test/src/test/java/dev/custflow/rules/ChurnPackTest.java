package dev.custflow.rules;

import static dev.custflow.testdata.Events.at;
import static dev.custflow.testdata.Events.contact;
import static dev.custflow.testdata.Events.lead;
import static dev.custflow.testdata.Events.nps;
import static dev.custflow.testdata.Events.order;
import static dev.custflow.testdata.Events.ticket;
import static dev.custflow.testdata.Events.tick;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.Custflow;
import dev.custflow.Engine;
import dev.custflow.RulePack;
import dev.custflow.RuleSource;
import dev.custflow.action.Action;
import dev.custflow.action.AtRiskDigest;
import dev.custflow.model.Level;
import dev.custflow.event.LeadCaptured;
import dev.custflow.event.SurveyAnswered;
import dev.custflow.model.ChurnCause;
import dev.custflow.model.InteractionKind;
import dev.custflow.model.TicketKind;
import dev.custflow.settings.ChurnSettings;
import dev.custflow.settings.Settings;
import dev.custflow.test.ExpectedAction;
import dev.custflow.test.RuleVerifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The churn pack (docs/design/rules-catalog.md §7), rule by rule as the catalog words it. Events are at 09:00 UTC. */
class ChurnPackTest {

    /** The weekly digest has its own tests; here it would list every warned customer again. */
    private static final Settings NO_DIGEST = Settings.builder().set("churn.weeklyDigest", false).build();

    private static RuleVerifier churn() {
        return RuleVerifier.forPacks(NO_DIGEST, RulePack.CHURN);
    }

    private static ExpectedAction warning(String customerId, String cause, String level) {
        return ExpectedAction.of("CHURN_WARNING").with("customerId", customerId).with("cause", cause)
                .with("level", level);
    }

    private static ExpectedAction cleared(String customerId, String cause) {
        return ExpectedAction.of("CHURN_CLEARED").with("customerId", customerId).with("cause", cause);
    }

    private static SurveyAnswered csat(String customerId, int csat, String when) {
        return new SurveyAnswered("csat:" + customerId + "@" + when, at(when), customerId, null, csat, null);
    }

    @Test
    void churn_noOrderFor30Days_warnsMedium_onTheDayItFallsDue() {
        churn().given(order("o1", "C1", "2024-01-01", 100))
                .whenClockAt(at("2024-01-31"))
                .thenExpectOnly(warning("C1", "NO_ORDER", "MEDIUM")
                        .with("rule", "churn: no order for a while")
                        .with("reason", "no order for 30 days (warning from 30 days)")
                        .with("at", "2024-01-31T09:00:00Z"));
    }

    @Test
    void churn_noOrder_theDayBefore_nothingHappens() {
        churn().given(order("o1", "C1", "2024-01-01", 100))
                .whenClockAt(at("2024-01-30T09:00:00Z"))
                .thenExpectNone();
    }

    @Test
    void churn_noOrderFor90Days_warnsHigh_besidesTheOpenMediumWarning() {
        churn().given(order("o1", "C1", "2024-01-01", 100), tick("2024-02-15"))
                .whenClockAt(at("2024-03-31"))
                .thenExpectOnly(warning("C1", "NO_ORDER_LONG", "HIGH")
                        .with("reason", "no order for 90 days (high risk from 90 days)"));
    }

    @Test
    void churn_aWarningIsRaisedOncePerCause_laterTicksAndEventsDoNotRepeatIt() {
        churn().given(order("o1", "C1", "2024-01-01", 100), tick("2024-02-01"))
                .when(tick("2024-02-05"), ticket("t1", "C1", TicketKind.INQUIRY, "2024-02-06"), tick("2024-02-20"))
                .thenExpectNone();
    }

    @Test
    void churn_theNextOrderClearsTheNoOrderWarnings_andTheCauseCanWarnAgain() {
        churn().given(order("o1", "C1", "2024-01-01", 100), tick("2024-04-01"))
                .when(order("o2", "C1", "2024-04-10", 100), tick("2024-05-10"))
                .thenExpectOnly(cleared("C1", "NO_ORDER").with("reason", "ordered again (100.00)"),
                        cleared("C1", "NO_ORDER_LONG"),
                        warning("C1", "NO_ORDER", "MEDIUM").with("at", "2024-05-10T09:00:00Z"));
    }

    @Test
    void churn_orderAmountFellOnTwoConsecutiveOrders_warns_andALargerOrderClears() {
        churn().given(order("o1", "C1", "2024-01-01", 100), order("o2", "C1", "2024-01-05", 80))
                .when(order("o3", "C1", "2024-01-09", 60), order("o4", "C1", "2024-01-12", 70))
                .thenExpectOnly(warning("C1", "AMOUNT_FALLING", "MEDIUM").with("reason",
                                "each of the last 2 orders was smaller than the one before (last 60.00, before 80.00)"),
                        cleared("C1", "AMOUNT_FALLING").with("reason", "the last order (70.00) did not continue the fall"));
    }

    @Test
    void churn_oneSmallerOrder_isNotYetATrend() {
        churn().given(order("o1", "C1", "2024-01-01", 100))
                .when(order("o2", "C1", "2024-01-05", 80), order("o3", "C1", "2024-01-09", 80))
                .thenExpectNone();
    }

    @Test
    void churn_twoComplaintsWithin90Days_warnHigh() {
        churn().given(order("o1", "C1", "2024-01-01", 100), ticket("t1", "C1", TicketKind.COMPLAINT, "2024-01-10"))
                .when(ticket("t2", "C1", TicketKind.COMPLAINT, "2024-01-25"))
                .thenExpectOnly(warning("C1", "COMPLAINTS", "HIGH")
                        .with("reason", "2 complaints in the last 90 days (warning from 2)"));
    }

    @Test
    void churn_complaints_clearWhenTheFirstLeavesTheWindow_notAMinuteBefore() {
        // orders keep coming (no other cause); complaints on 01-10 and 02-01
        List<dev.custflow.event.Event> history = List.of(order("o1", "C1", "2024-01-01", 100),
                ticket("t1", "C1", TicketKind.COMPLAINT, "2024-01-10"), order("o2", "C1", "2024-01-25", 100),
                ticket("t2", "C1", TicketKind.COMPLAINT, "2024-02-01"), order("o3", "C1", "2024-02-20", 100),
                order("o4", "C1", "2024-03-15", 100), order("o5", "C1", "2024-04-05", 100));
        churn().given(history).whenClockAt(at("2024-04-09T09:00:00Z")).thenExpectNone();
        churn().given(history)
                .whenClockAt(at("2024-04-09T09:01:00Z")) // 90 days after the first complaint
                .thenExpectOnly(cleared("C1", "COMPLAINTS")
                        .with("reason", "only 1 complaint(s) left in the last 90 days"));
    }

    @Test
    void churn_orderIntervalLengthening_warnsAfterOneAndAHalfUsualIntervals() {
        // orders every 10 days: more than 15 days without one is unusual for this customer
        RuleVerifier history = churn().given(order("o1", "C1", "2024-01-01", 100), order("o2", "C1", "2024-01-11", 100),
                order("o3", "C1", "2024-01-21", 100));
        history.whenClockAt(at("2024-02-05")).thenExpectNone(); // 15 days
        churn().given(order("o1", "C1", "2024-01-01", 100), order("o2", "C1", "2024-01-11", 100),
                        order("o3", "C1", "2024-01-21", 100))
                .whenClockAt(at("2024-02-06"))
                .thenExpectOnly(warning("C1", "INTERVAL_LENGTHENING", "MEDIUM").with("reason",
                        "no order for 16 days while this customer usually orders every 10 days (warning above 1.5 "
                                + "times that)"));
    }

    @Test
    void churn_intervalLengthening_needsThreeOrders() {
        churn().given(order("o1", "C1", "2024-01-01", 100), order("o2", "C1", "2024-01-03", 100))
                .whenClockAt(at("2024-01-20"))
                .thenExpectNone();
    }

    @Test
    void churn_twoReturnsOrExchangesWithin90Days_warnMedium() {
        churn().given(order("o1", "C1", "2024-01-01", 100), ticket("t1", "C1", TicketKind.RETURN, "2024-01-05"))
                .when(ticket("t2", "C1", TicketKind.EXCHANGE, "2024-01-25"))
                .thenExpectOnly(warning("C1", "RETURNS", "MEDIUM")
                        .with("reason", "2 returns or exchanges in the last 90 days (warning from 2)"));
    }

    @Test
    void churn_detractorNps_warnsHigh_andASatisfiedAnswerClears() {
        churn().given(order("o1", "C1", "2024-01-01", 100))
                .when(nps("C1", 5, "2024-01-05"), nps("C1", 9, "2024-01-20"))
                .thenExpectOnly(warning("C1", "LOW_SATISFACTION", "HIGH")
                                .with("reason", "answered NPS 5 (detractors up to NPS 6, unhappy up to CSAT 2)"),
                        cleared("C1", "LOW_SATISFACTION"));
    }

    @Test
    void churn_csatOfTwo_warns_butSevenIsNotADetractor() {
        churn().given(order("o1", "C1", "2024-01-01", 100))
                .when(csat("C1", 2, "2024-01-05"), nps("C2", 7, "2024-01-05"))
                .thenExpectOnly(warning("C1", "LOW_SATISFACTION", "HIGH")
                        .with("reason", "answered CSAT 2 (detractors up to NPS 6, unhappy up to CSAT 2)"));
    }

    @Test
    void churn_communicationDropped_afterWeeklyContact_warnsAfter60SilentDays() {
        List<dev.custflow.event.Event> weekly = new ArrayList<>();
        weekly.add(order("o1", "C1", "2024-02-19", 100));
        for (int week = 0; week < 8; week++) {
            weekly.add(contact("C1", InteractionKind.CALL, "r1", java.time.LocalDate.of(2024, 1, 1)
                    .plusWeeks(week).toString()));
        }
        // last contact 2024-02-19: silent from then on (the no-order causes are pushed out of the way)
        Settings ordersAside = Settings.from(NO_DIGEST).set("churn.noOrderDays", 300).set("churn.longNoOrderDays", 300)
                .build();
        RuleVerifier.forPacks(ordersAside, RulePack.CHURN).given(weekly).whenClockAt(at("2024-04-18"))
                .thenExpectNone(); // 59 days
        RuleVerifier.forPacks(ordersAside, RulePack.CHURN).given(weekly).whenClockAt(at("2024-04-19"))
                .thenExpectOnly(warning("C1", "CONTACT_DROPPED", "MEDIUM").with("reason",
                        "no interaction for 60 days after regular contact (at least 6 interactions in 8 weeks)"));
    }

    @Test
    void churn_communicationDropped_notForALeadThatNeverBought() {
        List<dev.custflow.event.Event> weekly = new ArrayList<>();
        for (int week = 0; week < 8; week++) {
            weekly.add(contact("L1", InteractionKind.CALL, "r1", java.time.LocalDate.of(2024, 1, 1)
                    .plusWeeks(week).toString()));
        }
        churn().given(weekly).whenClockAt(at("2024-06-01")).thenExpectNone();
    }

    @Test
    void churn_communicationDropped_notForOccasionalContact() {
        churn().given(contact("C1", InteractionKind.CALL, "r1", "2024-01-01"),
                        contact("C1", InteractionKind.CALL, "r1", "2024-02-01"))
                .whenClockAt(at("2024-06-01"))
                .thenExpectNone();
    }

    @Test
    void churn_thresholdsAndLevelsComeFromSettings() {
        Settings twoWeeks = Settings.from(NO_DIGEST).set("churn.noOrderDays", 14)
                .set("churn.levels", Map.of("NO_ORDER", "HIGH")).build();
        RuleVerifier.forPacks(twoWeeks, RulePack.CHURN)
                .given(order("o1", "C1", "2024-01-01", 100))
                .whenClockAt(at("2024-01-15"))
                .thenExpectOnly(warning("C1", "NO_ORDER", "HIGH").with("reason", "no order for 14 days (warning from 14 days)"));
    }

    @Test
    void churn_everyBuiltInCause_hasADefaultLevel_underTheNameSettingsAndActionsUse() {
        assertThat(ChurnSettings.DEFAULT_LEVELS.keySet())
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(ChurnCause.values()).map(Enum::name).toList());
        ChurnSettings churn = Settings.builder().set("churn.levels", Map.of("RETURNS", "HIGH")).build().churn();
        assertThat(churn.level(ChurnCause.RETURNS)).isEqualTo(Level.HIGH);
        assertThat(churn.level(ChurnCause.NO_ORDER)).isEqualTo(churn.level("NO_ORDER")).isEqualTo(Level.MEDIUM);
    }

    @Test
    void churn_aRuleOfYourOwn_readsABuiltInCauseByItsName_andWarnsWithACauseOfItsOwn() {
        RuleSource lapsed = RuleSource.drl("lapsed.drl", """
                package test.lapsed
                import dev.custflow.model.Customer
                import dev.custflow.model.Level
                global dev.custflow.rules.Actions actions
                rule "test: a long silence is tagged and warned of in our own words"
                when
                    $c : Customer( hasWarning("NO_ORDER_LONG"), !hasWarning("LAPSED") )
                then
                    actions.addTag($c, "lapsed", "the high-risk warning is open");
                    actions.warnChurn($c, "LAPSED", Level.LOW, "lapsed customer");
                end
                """);
        RuleVerifier.forEngine(b -> b.packs(RulePack.CHURN).settings(NO_DIGEST).rules(lapsed))
                .given(order("o1", "C1", "2024-01-01", 100), tick("2024-02-15"))
                .whenClockAt(at("2024-03-31"))
                .thenExpectOnly(warning("C1", "NO_ORDER_LONG", "HIGH"),
                        ExpectedAction.of("TAG_ADDED").with("customerId", "C1").with("tag", "lapsed"),
                        warning("C1", "LAPSED", "LOW"));
    }

    /**
     * Owners come from the assignment pack; here a test rule takes them from a profile attribute. No action sets an
     * owner directly and {@code Customer} is read-only, so the rule reaches the engine's record, which a host may
     * allow only by widening the sandbox ({@link #OWNERS_ALLOWED}).
     */
    private static final RuleSource OWNERS = RuleSource.drl("owners.drl", """
            package test.owners
            import dev.custflow.model.Customer
            rule "test: owner from the profile"
                salience 100
            when
                $c : Customer( ownerId == null, attribute("owner") != null )
            then
                ((dev.custflow.internal.profile.CustomerRecord) $c).ownerId($c.attribute("owner"));
            end
            """);
    private static final String OWNERS_ALLOWED = "dev.custflow.internal.profile.CustomerRecord";

    private static LeadCaptured ownedBy(String id, String owner) {
        return LeadCaptured.builder("lead:" + id, at("2024-01-01"), id, "WEB").phone("13800000000")
                .attributes(Map.of("owner", owner)).build();
    }

    @Test
    void churn_weeklyDigest_listsEachRepsAtRiskCustomers_highestRiskFirst() {
        List<Action> actions = new ArrayList<>();
        try (Engine e = Custflow.builder().packs(RulePack.CHURN).rules(OWNERS).allowInRules(OWNERS_ALLOWED)
                .actionSink(actions::addAll).build()) {
            e.acceptAll(List.of(ownedBy("A", "r1"), ownedBy("B", "r1"), ownedBy("C", "r2"), lead("D", "2024-01-01", "WEB"),
                    order("oa", "A", "2024-01-02", 100), order("ob", "B", "2024-01-02", 100),
                    order("oc", "C", "2024-01-02", 100), order("od", "D", "2024-01-02", 100),
                    nps("B", 3, "2024-01-03"),
                    // 2024-01-08 is a Monday; 08:00 in Shanghai is 00:00 UTC: nobody is at risk yet except B
                    tick("2024-01-09"),
                    // Monday 2024-02-05 08:00 Shanghai: all four have gone 30 days without an order
                    tick("2024-02-06")));
        }
        List<AtRiskDigest> digests = actions.stream().filter(a -> a instanceof AtRiskDigest).map(a -> (AtRiskDigest) a)
                .toList();
        assertThat(digests).extracting(d -> d.at() + " " + d.repId() + " " + d.customers().stream()
                        .map(c -> c.customerId() + ":" + c.level() + c.causes()).toList())
                .containsExactly(
                        "2024-01-09T09:00:00Z r1 [B:HIGH[LOW_SATISFACTION]]",
                        "2024-02-06T09:00:00Z null [D:MEDIUM[NO_ORDER]]",
                        "2024-02-06T09:00:00Z r1 [B:HIGH[LOW_SATISFACTION, NO_ORDER], A:MEDIUM[NO_ORDER]]",
                        "2024-02-06T09:00:00Z r2 [C:MEDIUM[NO_ORDER]]");
        assertThat(digests.get(2).rule()).isEqualTo("churn: weekly at-risk digest per rep");
        assertThat(digests.get(2).reason()).isEqualTo("2 customer(s) of r1 with open churn warnings, 1 at high risk");
        assertThat(digests.get(2).total()).isEqualTo(2);
        assertThat(digests).extracting(Action::id).doesNotHaveDuplicates();
    }

    @Test
    void churn_weeklyDigest_canBeSwitchedOff() {
        List<Action> actions = new ArrayList<>();
        try (Engine e = Custflow.builder().packs(RulePack.CHURN).settings(NO_DIGEST).actionSink(actions::addAll)
                .build()) {
            e.acceptAll(List.of(order("o1", "A", "2024-01-02", 100), tick("2024-03-06")));
        }
        assertThat(actions).extracting(Action::type).containsOnly("CHURN_WARNING");
    }

    @Test
    void churn_noDigestWhenThePackIsOff() {
        List<Action> actions = new ArrayList<>();
        try (Engine e = Custflow.builder().packs(RulePack.LIFECYCLE).actionSink(actions::addAll).build()) {
            e.acceptAll(List.of(order("o1", "A", "2024-01-02", 100), tick("2024-03-06")));
        }
        assertThat(actions).noneMatch(a -> a instanceof AtRiskDigest || a.type().startsWith("CHURN"));
    }

    // ---------------------------------------------------------------- silence bands (calibrate --churn writes them)

    /** One-time buyers: 20 and 60 days; 2 or more orders: 40 and 120 days, the long silence only MEDIUM. */
    private static final Settings BANDS = Settings.from(NO_DIGEST).merge("{\"churn\": {\"silenceBands\": ["
            + "{\"fromOrders\": 1, \"noOrderDays\": 20, \"longNoOrderDays\": 60},"
            + "{\"fromOrders\": 2, \"noOrderDays\": 40, \"longNoOrderDays\": 120, \"longLevel\": \"MEDIUM\"}],"
            + "\"offCauses\": [\"AMOUNT_FALLING\"]}}").build();

    private static RuleVerifier banded() {
        return RuleVerifier.forPacks(BANDS, RulePack.CHURN);
    }

    @Test
    void churn_oneTimeBuyerSilentForItsBandsLongThreshold_warnsOnThatDay_withTheBandInTheReason() {
        banded().given(order("o1", "C1", "2024-01-01", 100), tick("2024-01-25"))
                .whenClockAt(at("2024-03-01"))
                .thenExpectOnly(warning("C1", "NO_ORDER_LONG", "HIGH")
                        .with("rule", "churn: no order for a long time")
                        .with("reason", "no order for 60 days (high risk from 60 days for customers with 1 order)")
                        .with("at", "2024-03-01T09:00:00Z"));
    }

    @Test
    void churn_oneTimeBuyer_theDayBeforeItsBandsThreshold_nothingHappens() {
        banded().given(order("o1", "C1", "2024-01-01", 100), tick("2024-01-25"))
                .whenClockAt(at("2024-02-29T09:00:00Z"))
                .thenExpectNone();
    }

    @Test
    void churn_repeatBuyer_waitsForItsOwnBandsLongerSilence_atTheBandsLevel() {
        banded().given(order("o1", "C1", "2024-01-01", 100), order("o2", "C1", "2024-01-10", 50),
                        tick("2024-02-25"))
                .whenClockAt(at("2024-05-09"))
                .thenExpectOnly(warning("C1", "NO_ORDER_LONG", "MEDIUM")
                        .with("reason", "no order for 120 days (medium risk from 120 days for customers with 2 or more "
                                + "orders)")
                        .with("at", "2024-05-09T09:00:00Z"));
        banded().given(order("o1", "C1", "2024-01-01", 100), order("o2", "C1", "2024-01-10", 50),
                        tick("2024-02-25"))
                .whenClockAt(at("2024-05-08T09:00:00Z"))
                .thenExpectNone();
    }

    @Test
    void churn_repeatBuyer_noOrderForItsBandsShortSilence_warnsOnThatDay() {
        banded().given(order("o1", "C1", "2024-01-01", 100), order("o2", "C1", "2024-01-10", 50))
                .whenClockAt(at("2024-02-19"))
                .thenExpectOnly(warning("C1", "NO_ORDER", "MEDIUM")
                        .with("reason", "no order for 40 days (warning from 40 days for customers with 2 or more orders)")
                        .with("at", "2024-02-19T09:00:00Z"));
    }

    @Test
    void churn_aSecondOrder_clearsTheOneTimeBuyersWarnings_andTheNewBandApplies() {
        banded().given(order("o1", "C1", "2024-01-01", 100), tick("2024-03-02"))
                .when(order("o2", "C1", "2024-03-05", 100))
                .thenExpectOnly(cleared("C1", "NO_ORDER"), cleared("C1", "NO_ORDER_LONG"));
    }

    @Test
    void churn_aCauseSwitchedOff_neverWarns() {
        banded().given(order("o1", "C1", "2024-01-01", 100), order("o2", "C1", "2024-01-02", 80))
                .when(order("o3", "C1", "2024-01-03", 60))
                .thenExpectNone();
        churn().given(order("o1", "C1", "2024-01-01", 100), order("o2", "C1", "2024-01-02", 80))
                .when(order("o3", "C1", "2024-01-03", 60))
                .thenExpectOnly(warning("C1", "AMOUNT_FALLING", "MEDIUM"));
    }
}
