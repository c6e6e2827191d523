package dev.custflow.rules;

import static dev.custflow.test.ExpectedAction.leadDisqualified;
import static dev.custflow.test.ExpectedAction.stageChanged;
import static dev.custflow.testdata.Events.at;
import static dev.custflow.testdata.Events.contact;
import static dev.custflow.testdata.Events.contract;
import static dev.custflow.testdata.Events.lead;
import static dev.custflow.testdata.Events.nps;
import static dev.custflow.testdata.Events.order;
import static dev.custflow.testdata.Events.profile;
import static dev.custflow.testdata.Events.resolved;
import static dev.custflow.testdata.Events.ticket;
import static dev.custflow.testdata.Events.tick;
import static dev.custflow.testdata.Events.won;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.Custflow;
import dev.custflow.Engine;
import dev.custflow.RulePack;
import dev.custflow.action.Action;
import dev.custflow.action.StageChanged;
import dev.custflow.event.LeadCaptured;
import dev.custflow.event.ProfileFields;
import dev.custflow.event.ProfileUpdated;
import dev.custflow.model.CustomerProfile;
import dev.custflow.model.InvalidContact;
import dev.custflow.model.InteractionKind;
import dev.custflow.model.Stage;
import dev.custflow.model.StageChange;
import dev.custflow.model.TicketKind;
import dev.custflow.settings.Settings;
import dev.custflow.test.RuleVerifier;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lifecycle pack as docs/design/rules-catalog.md §1 words it: given events, then these stage changes and no others. */
class LifecyclePackTest {

    private static RuleVerifier lifecycle() {
        return RuleVerifier.forPacks(RulePack.LIFECYCLE);
    }

    @Test
    void lead_capturedFromAnyChannel_becomesLead() {
        lifecycle().given(lead("L1", "2024-01-01", "WECHAT"))
                .thenExpectOnly(stageChanged("L1", null, "LEAD").with("rule", "lifecycle: captured lead becomes LEAD")
                        .with("reason", "captured from channel WECHAT"));
    }

    @Test
    void lead_profileWithoutChannel_hasNoStage() {
        lifecycle().given(profile("P1", "2024-01-01")).thenExpectNone();
    }

    @Test
    void prospect_qualifiedLeadReachedByRep_becomesProspect() {
        Settings lowBar = Settings.builder().set("scoring.mqlThreshold", 1).build();
        // without scoring the score is 0: a threshold of 1 is never met ...
        RuleVerifier.forPacks(RulePack.LIFECYCLE)
                .given(lead("L1", "2024-01-01", "WEBSITE"), contact("L1", InteractionKind.CALL, "r1", "2024-01-02"))
                .thenExpectOnly(stageChanged("L1", null, "LEAD"));
        // ... while a lead whose score meets it becomes PROSPECT once a rep reached it
        RuleVerifier.forEngine(b -> b.packs(RulePack.LIFECYCLE).settings(lowBar)
                        .rules(dev.custflow.RuleSource.drl("score.drl", """
                                package test;
                                import dev.custflow.model.Customer;
                                global dev.custflow.rules.Actions actions;
                                rule "test: every captured lead scores 60"
                                when $c : Customer( score == 0, channel != null )
                                then actions.scoreLead($c, 60, "B", 60, 0, "test: every lead scores 60");
                                end
                                """)))
                .given(lead("L1", "2024-01-01", "WEBSITE"))
                .when(contact("L1", InteractionKind.CALL, "r1", "2024-01-02"))
                .thenExpectOnly(stageChanged("L1", "LEAD", "PROSPECT")
                        .with("reason", "score 60 reached the MQL threshold of 1 and a rep has been in contact"));
    }

    @Test
    void prospect_pageViewIsNotRepContact_staysLead() {
        Settings anyScore = Settings.builder().set("scoring.mqlThreshold", 1).build();
        RuleVerifier.forPacks(anyScore, RulePack.LIFECYCLE)
                .given(lead("L1", "2024-01-01", "WEBSITE"))
                .when(contact("L1", InteractionKind.PAGE_VIEW, null, "2024-01-02"))
                .thenExpectNone();
    }

    @Test
    void customer_firstOrder_makesLeadACustomer() {
        lifecycle().given(lead("L1", "2024-01-01", "WEBSITE"))
                .when(order("o1", "L1", "2024-01-05", 300))
                .thenExpectOnly(stageChanged("L1", "LEAD", "CUSTOMER").with("reason", "placed a first order of 300.00"));
    }

    @Test
    void customer_firstOrderOfUnknownCustomer_createsProfileAsCustomer() {
        lifecycle().given(order("o1", "C9", "2024-01-05", 120))
                .thenExpectOnly(stageChanged("C9", null, "CUSTOMER"));
    }

    @Test
    void customer_wonOpportunity_makesCustomer() {
        lifecycle().given(lead("L1", "2024-01-01", "TRADE_SHOW"))
                .when(won("opp1", "L1", "2024-02-01"))
                .thenExpectOnly(stageChanged("L1", "LEAD", "CUSTOMER").with("rule", "lifecycle: won opportunity makes a CUSTOMER"));
    }

    @Test
    void customer_signedContract_makesCustomer() {
        lifecycle().given(lead("L1", "2024-01-01", "API"))
                .when(contract("K1", "L1", "2024-02-01", "2025-01-31"))
                .thenExpectOnly(stageChanged("L1", "LEAD", "CUSTOMER").with("reason", "signed contract K1"));
    }

    @Test
    void loyal_twoOrdersWithin365Days_becomesLoyal() {
        lifecycle().given(order("o1", "C1", "2024-01-01", 100))
                .when(order("o2", "C1", "2024-05-30", 100))
                .thenExpectOnly(stageChanged("C1", "CUSTOMER", "LOYAL")
                        .with("reason", "2 orders in the last 365 days (at least 2 needed) and no open complaint"));
    }

    @Test
    void loyal_ordersMoreThan365DaysApart_isNoRepeatBuyer() {
        // the customer fell dormant in between and wakes up as a plain customer, not as loyal
        lifecycle().given(order("o1", "C1", "2023-01-01", 100))
                .when(order("o2", "C1", "2024-01-05", 100))
                .thenExpectOnly(stageChanged("C1", "CUSTOMER", "DORMANT"), stageChanged("C1", "DORMANT", "CUSTOMER"));
    }

    @Test
    void loyal_openComplaintHoldsItBack_untilResolved() {
        lifecycle().given(order("o1", "C1", "2024-01-01", 100), ticket("t1", "C1", TicketKind.COMPLAINT, "2024-01-10"))
                .when(order("o2", "C1", "2024-02-01", 100))
                .thenExpectNone();
        lifecycle().given(order("o1", "C1", "2024-01-01", 100), ticket("t1", "C1", TicketKind.COMPLAINT, "2024-01-10"),
                        order("o2", "C1", "2024-02-01", 100))
                .when(resolved("t1", "2024-02-03"))
                .thenExpectOnly(stageChanged("C1", "CUSTOMER", "LOYAL"));
    }

    @Test
    void advocate_loyalPromoter_becomesAdvocate() {
        lifecycle().given(order("o1", "C1", "2024-01-01", 100), order("o2", "C1", "2024-02-01", 100))
                .when(nps("C1", 9, "2024-02-10"))
                .thenExpectOnly(stageChanged("C1", "LOYAL", "ADVOCATE")
                        .with("reason", "loyal customer answered NPS 9 (promoters start at 9)"));
    }

    @Test
    void advocate_passiveNps_staysLoyal() {
        lifecycle().given(order("o1", "C1", "2024-01-01", 100), order("o2", "C1", "2024-02-01", 100))
                .when(nps("C1", 8, "2024-02-10"))
                .thenExpectNone();
    }

    @Test
    void advocate_promoterWhoIsNotLoyal_staysCustomer() {
        lifecycle().given(order("o1", "C1", "2024-01-01", 100))
                .when(nps("C1", 10, "2024-01-10"))
                .thenExpectNone();
    }

    @Test
    void dormant_noOrderFor180Days_firesOnTheTickThatDay() {
        lifecycle().given(order("o1", "C1", "2024-01-01", 100))
                .whenClockAt(at("2024-06-29")) // 180 days after 2024-01-01 09:00
                .thenExpectOnly(stageChanged("C1", "CUSTOMER", "DORMANT")
                        .with("reason", "no order for 180 days (the dormancy period is 180 days)")
                        .with("at", "2024-06-29T09:00:00Z"));
    }

    @Test
    void dormant_theDayBefore_nothingHappens() {
        lifecycle().given(order("o1", "C1", "2024-01-01", 100))
                .whenClockAt(at("2024-06-28T09:00:00Z"))
                .thenExpectNone();
    }

    @Test
    void dormant_firesFromALaterEventOfAnotherCustomer() {
        lifecycle().given(order("o1", "C1", "2024-01-01", 100))
                .when(order("o2", "C2", "2024-07-15", 50))
                .thenExpectOnly(stageChanged("C1", "CUSTOMER", "DORMANT").with("reason",
                                "no order for 196 days (the dormancy period is 180 days)"),
                        stageChanged("C2", null, "CUSTOMER"));
    }

    @Test
    void dormant_followsTheSetting() {
        Settings ninety = Settings.builder().set("lifecycle.dormantAfterDays", 90).build();
        RuleVerifier.forPacks(ninety, RulePack.LIFECYCLE)
                .given(order("o1", "C1", "2024-01-01", 100))
                .whenClockAt(at("2024-03-31"))
                .thenExpectOnly(stageChanged("C1", "CUSTOMER", "DORMANT"));
    }

    @Test
    void dormant_nextOrderWakesTheCustomer_andLoyaltyCascades() {
        lifecycle().given(order("o1", "C1", "2024-01-01", 100), tick("2024-08-01"))
                .when(order("o2", "C1", "2024-09-01", 80))
                .thenExpectOnly(stageChanged("C1", "DORMANT", "CUSTOMER"),
                        stageChanged("C1", "CUSTOMER", "LOYAL"));
    }

    @Test
    void dormant_anOrderBeforeTheDueDay_postponesIt() {
        lifecycle().given(order("o1", "C1", "2024-01-01", 100), order("o2", "C1", "2025-03-01", 100))
                .whenClockAt(at("2025-06-30"))
                .thenExpectNone();
    }

    @Test
    void history_everyTransitionIsKeptWithRuleAndTime() {
        try (Engine engine = Custflow.builder().packs(RulePack.LIFECYCLE).build()) {
            engine.acceptAll(List.of(lead("L1", "2024-01-01", "WEBSITE"), order("o1", "L1", "2024-01-02", 10),
                    order("o2", "L1", "2024-01-03", 10), tick("2024-12-31")));
            List<StageChange> history = engine.customer("L1").orElseThrow().stageHistory();
            assertThat(history).extracting(StageChange::to)
                    .containsExactly(Stage.LEAD, Stage.CUSTOMER, Stage.LOYAL, Stage.DORMANT);
            assertThat(history.get(0).from()).isNull();
            assertThat(history.get(2).rule()).isEqualTo("lifecycle: repeat buyer becomes LOYAL");
            // the engine saw it at the tick: with daily ticks that is the day it fell due
            assertThat(history.get(3).at()).isEqualTo(at("2024-12-31"));
        }
    }

    @Test
    void stageChanged_carriesRuleReasonAndStableId() {
        List<Action> first = lifecycle().given(order("o1", "C1", "2024-01-01", 100)).run();
        List<Action> again = lifecycle().given(order("o1", "C1", "2024-01-01", 100)).run();
        StageChanged a = (StageChanged) first.get(0);
        assertThat(a.rule()).isEqualTo("lifecycle: first order makes a CUSTOMER");
        assertThat(a.id()).isEqualTo(again.get(0).id());
        assertThat(a.at()).isEqualTo(at("2024-01-01"));
    }

    @Test
    void disqualified_aLeadWithNoWayToContactIt_withTheReason() {
        String rule = "lifecycle: a lead with no way to contact it is DISQUALIFIED";
        lifecycle().when(LeadCaptured.builder("lead:L9", at("2024-01-01"), "L9", "TRADE_SHOW").name("王芳").build())
                .thenExpectOnly(stageChanged("L9", null, "LEAD"),
                        stageChanged("L9", "LEAD", "DISQUALIFIED").with("rule", rule)
                                .with("reason", "no way to contact: no phone; no e-mail"),
                        leadDisqualified("L9", "NO_CONTACT").with("rule", rule)
                                .with("reason", "no way to contact: no phone; no e-mail"));
    }

    // ---------------------------------------------------------------- lead intake (docs/design/rules-catalog.md §2)

    @Test
    void intake_placeholderEmailAndPhone_areMissing_soTheLeadIsDisqualified() {
        lifecycle().when(LeadCaptured.builder("lead:L9", at("2024-01-01"), "L9", "WEBSITE").name("-")
                        .email("Select").phone("N/A").build())
                .thenExpectOnly(stageChanged("L9", null, "LEAD"), stageChanged("L9", "LEAD", "DISQUALIFIED"),
                        leadDisqualified("L9", "NO_CONTACT").with("reason", "no way to contact: no phone; no e-mail"));
    }

    @Test
    void intake_anInvalidPhone_isNamedMaskedInTheCause_andKeptOnTheProfile() {
        String reason = "no way to contact: phone '****45' is not a valid phone number (5 digits: a mobile number "
                + "has 11, starting with 13 to 19); no e-mail";
        lifecycle().when(LeadCaptured.builder("lead:L9", at("2024-01-01"), "L9", "WEBSITE").phone("12345").build())
                .thenExpectOnly(stageChanged("L9", null, "LEAD"),
                        stageChanged("L9", "LEAD", "DISQUALIFIED").with("reason", reason),
                        leadDisqualified("L9", "NO_CONTACT").with("reason", reason));
        CustomerProfile profile = profileAfter(LeadCaptured.builder("lead:L9", at("2024-01-01"), "L9", "WEBSITE")
                .phone("12345").email("abc@").build());
        assertThat(profile.phone()).isNull();
        assertThat(profile.invalidContacts()).containsExactly(
                new InvalidContact("phone", "12345",
                        "is not a valid phone number (5 digits: a mobile number has 11, starting with 13 to 19)"),
                new InvalidContact("email", "abc@", "is not a valid e-mail address (nothing after the '@')"));
        assertThat(profile.stage()).isEqualTo(Stage.DISQUALIFIED);
    }

    @Test
    void intake_plus86PhoneAndFullWidthEmail_makeALead_thatIsNotDisqualified() {
        LeadCaptured lead = LeadCaptured.builder("lead:L1", at("2024-01-01"), "L1", "WEBSITE")
                .name("　王　芳　").company("上海精工机械（集团）有限公司").phone("+86 138-1234-5678")
                .email("ｗａｎｇ．ｆａｎｇ＠ＥＸＡＭＰＬＥ．ｃｏｍ").build();
        lifecycle().when(lead).thenExpectOnly(stageChanged("L1", null, "LEAD"));
        CustomerProfile profile = profileAfter(lead);
        assertThat(profile).extracting(CustomerProfile::phone, CustomerProfile::email, CustomerProfile::name,
                CustomerProfile::company, CustomerProfile::companyKey)
                .containsExactly("+8613812345678", "wang.fang@example.com", "王 芳", "上海精工机械(集团)有限公司", "上海精工机械");
        assertThat(profile.invalidContacts()).isEmpty();
    }

    @Test
    void intake_anInvalidEmailBesideAValidPhone_isReported_butTheLeadCanBeCalled() {
        LeadCaptured lead = LeadCaptured.builder("lead:L1", at("2024-01-01"), "L1", "WEBSITE")
                .phone("021-6234 5678").email("a@b").build();
        lifecycle().when(lead).thenExpectOnly(stageChanged("L1", null, "LEAD"));
        CustomerProfile profile = profileAfter(lead);
        assertThat(profile.phone()).isEqualTo("+86-21-62345678");
        assertThat(profile.invalidContacts()).extracting(InvalidContact::describe)
                .containsExactly("e-mail 'a***@b' is not a valid e-mail address (the domain 'b' has no dot)");
    }

    @Test
    void intake_aCorrectedPhone_makesTheLeadALeadAgain() {
        lifecycle().given(LeadCaptured.builder("lead:L9", at("2024-01-01"), "L9", "WEBSITE").phone("12345").build())
                .when(ProfileUpdated.of("p1", at("2024-01-02"), "L9", phone("(+86) 138 0013 8000")))
                .thenExpectOnly(stageChanged("L9", "DISQUALIFIED", "LEAD").with("reason", "contact data arrived: phone"));
    }

    @Test
    void intake_anUpdateToAnInvalidPhone_replacesTheValidOne_andNamesIt() {
        lifecycle().given(lead("L1", "2024-01-01", "WEBSITE"))
                .when(ProfileUpdated.of("p1", at("2024-01-02"), "L1", phone("138-0000")))
                .thenExpectOnly(stageChanged("L1", "LEAD", "DISQUALIFIED"), leadDisqualified("L1", "NO_CONTACT")
                        .with("reason", "no way to contact: phone '****00' is not a valid phone number (7 digits: "
                                + "a mobile number has 11, starting with 13 to 19); no e-mail"));
    }

    @Test
    void intake_aPlaceholderInAnUpdate_changesNothing() {
        lifecycle().given(lead("L1", "2024-01-01", "WEBSITE"))
                .when(ProfileUpdated.of("p1", at("2024-01-02"), "L1", phone("无")))
                .thenExpectNone();
    }

    @Test
    void intake_theDefaultCountryCode_followsTheSetting() {
        LeadCaptured hongKong = LeadCaptured.builder("lead:H1", at("2024-01-01"), "H1", "WEBSITE")
                .phone("9123 4567").build();
        lifecycle().when(hongKong).thenExpectOnly(stageChanged("H1", null, "LEAD"),
                stageChanged("H1", "LEAD", "DISQUALIFIED"), leadDisqualified("H1", "NO_CONTACT").with("reason",
                        "no way to contact: phone '****67' is not a valid phone number (a landline number needs "
                                + "its area code, e.g. 021); no e-mail"));
        Settings hk = Settings.builder().set("intake.defaultCountryCode", "+852").build();
        RuleVerifier.forPacks(hk, RulePack.LIFECYCLE).when(hongKong).thenExpectOnly(stageChanged("H1", null, "LEAD"));
    }

    private static ProfileFields phone(String phone) {
        return new ProfileFields(null, null, phone, null, null, null, null, null, null, null, null, null, null, null,
                null);
    }

    private static CustomerProfile profileAfter(dev.custflow.event.Event... events) {
        try (Engine engine = Custflow.builder().packs(RulePack.LIFECYCLE).build()) {
            engine.acceptAll(List.of(events));
            return engine.customer(events[0].subjectId()).orElseThrow();
        }
    }

    @Test
    void disqualified_contactDataArrivingLater_makesItALeadAgain_andAnOrderACustomer() {
        dev.custflow.event.ProfileUpdated phone = dev.custflow.event.ProfileUpdated.of("p1", at("2024-01-05"), "L9",
                new dev.custflow.event.ProfileFields(null, null, "138 0013 8000", null, null, null, null, null, null,
                        null, null, null, null, null, null));
        lifecycle().given(dev.custflow.event.LeadCaptured.builder("lead:L9", at("2024-01-01"), "L9", "TRADE_SHOW")
                        .build())
                .when(phone, order("o1", "L9", "2024-02-01", 100))
                .thenExpectOnly(stageChanged("L9", "DISQUALIFIED", "LEAD").with("reason", "contact data arrived: phone"),
                        stageChanged("L9", "LEAD", "CUSTOMER"));
    }

    @Test
    void disqualified_aWechatLeadCanBeReachedThere() {
        lifecycle().when(dev.custflow.event.LeadCaptured.builder("lead:W1", at("2024-01-01"), "W1", "WECHAT").build())
                .thenExpectOnly(stageChanged("W1", null, "LEAD"));
    }
}
