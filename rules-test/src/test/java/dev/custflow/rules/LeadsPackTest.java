package dev.custflow.rules;

import static dev.custflow.testdata.Events.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.Custflow;
import dev.custflow.Engine;
import dev.custflow.RulePack;
import dev.custflow.event.InteractionLogged;
import dev.custflow.event.LeadCaptured;
import dev.custflow.event.OrderPlaced;
import dev.custflow.model.ChannelTouch;
import dev.custflow.model.CustomerProfile;
import dev.custflow.model.InteractionKind;
import dev.custflow.settings.Settings;
import dev.custflow.test.ExpectedAction;
import dev.custflow.test.RuleVerifier;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The leads pack (docs/design/rules-catalog.md §2, docs/rules.md "Accounts"): a lead with the same normalised
 * phone, e-mail, or name at the same company as a known lead or customer is merged into the earliest record, keeping
 * every channel touch, phone and e-mail; one LEADS_MERGED names the match. A colleague (the same company alone) is a
 * person of its own, linked to the account: ACCOUNT_LINKED.
 */
class LeadsPackTest {
    private static final String RULE = "leads: a duplicate lead is merged into the earliest record";

    private static RuleVerifier leads() {
        return RuleVerifier.forPacks(RulePack.LEADS);
    }

    private static LeadCaptured.Builder lead(String id, String when, String channel) {
        return LeadCaptured.builder("lead:" + id, at(when), id, channel);
    }

    private static ExpectedAction merged(String survivor, String merged, List<String> on) {
        return ExpectedAction.of("LEADS_MERGED").with("survivorId", survivor).with("mergedId", merged)
                .with("matchedOn", on).with("rule", RULE);
    }

    private static ExpectedAction linked(String lead, String account, int contacts) {
        return ExpectedAction.of("ACCOUNT_LINKED").with("customerId", lead).with("accountKey", account)
                .with("contacts", contacts).with("rule", "leads: a lead from a known company is linked to its account");
    }

    @Test
    void theSamePhoneWrittenDifferently_isOnePerson_mergedIntoTheEarlierLead() {
        leads().given(lead("L1", "2024-03-01", "WEBSITE").phone("138 1234 5678").build())
                .when(lead("L2", "2024-03-02", "WECHAT").phone("+86-13812345678").build())
                .thenExpectOnly(merged("L1", "L2", List.of("PHONE")).with("reason",
                        "lead L2 is the same person as L1: same phone 138****5678; kept the earlier record with 2 "
                                + "channel touches"));
    }

    @Test
    void theSameEmailInAnotherCase_isAMatchToo() {
        leads().given(lead("L1", "2024-03-01", "WEBSITE").email("Li.Wei@Example.com").build())
                .when(lead("L2", "2024-03-02", "TRADE_SHOW").email("li.wei@example.com ").build())
                .thenExpectOnly(merged("L1", "L2", List.of("EMAIL")).with("reason", "lead L2 is the same person as "
                        + "L1: same e-mail l***@example.com; kept the earlier record with 2 channel touches"));
    }

    @Test
    void theSameCompany_isNoMatch_theColleagueIsLinkedToTheAccount() {
        leads().given(lead("L1", "2024-03-01", "WEBSITE").name("周涛").company("上海精工机械有限公司")
                        .phone("13812345678").build())
                .when(lead("L2", "2024-03-02", "BAIDU_ADS").name("钱坤").company("上海精工机械公司")
                        .phone("13987654321").build())
                .thenExpectOnly(linked("L2", "上海精工机械", 2).with("reason", "lead L2 works at 上海精工机械公司, "
                        + "account 上海精工机械, which has 1 other known contact (none buying); a colleague, not the "
                        + "same person: kept as a lead of its own"));
    }

    @Test
    void huaweiAndHuaweiTechnologiesLimited_areOneAccount() {
        leads().given(lead("L1", "2024-03-01", "WEBSITE").company("华为").email("a@huawei.example").build(),
                        lead("L2", "2024-03-02", "WEBSITE").company("华为技术有限公司").email("b@huawei.example")
                                .build())
                .when(lead("L3", "2024-03-03", "TRADE_SHOW").company("深圳市华为技术有限公司").phone("13812345678")
                        .build())
                .thenExpectOnly(linked("L3", "华为", 3));
        leads().given(lead("L1", "2024-03-01", "WEBSITE").company("中国银行").email("a@boc.example").build())
                .when(lead("L2", "2024-03-02", "WEBSITE").company("中国建设银行").email("b@ccb.example").build())
                .thenExpectNone();
    }

    @Test
    void aKnownContactComingBack_isMerged_andNotLinkedAgain() {
        leads().given(lead("L1", "2024-03-01", "WEBSITE").company("华为").phone("13812345678").build(),
                        lead("L2", "2024-03-02", "WEBSITE").company("华为技术有限公司").phone("13987654321").build())
                .when(lead("L3", "2024-03-03", "WECHAT").company("华为").phone("139 8765 4321").build())
                .thenExpectOnly(merged("L2", "L3", List.of("PHONE")));
    }

    @Test
    void theSameNameAtTheSameCompany_isOnePerson() {
        leads().given(lead("L1", "2024-03-01", "WEBSITE").name("王伟").company("华为技术有限公司")
                        .phone("13812345678").build())
                .when(lead("L2", "2024-03-02", "TRADE_SHOW").name("王 伟").company("华为")
                        .email("wang.wei@huawei.example").build())
                .thenExpectOnly(merged("L1", "L2", List.of("NAME_COMPANY")).with("reason", "lead L2 is the same "
                        + "person as L1: same name at company 华为; kept the earlier record with 2 channel touches"));
    }

    @Test
    void aNewContactAtABuyingAccount_isTaggedExistingAccount() {
        leads().given(lead("C1", "2024-01-01", "WEBSITE").company("腾讯科技（深圳）有限公司").phone("13812345678")
                                .build(),
                        new OrderPlaced("o1", at("2024-02-01"), "o1", "C1", new BigDecimal("100"), null, null, null))
                .when(lead("L2", "2024-03-01", "TRADE_SHOW").company("腾讯").phone("13987654321").build())
                .thenExpectOnly(linked("L2", "腾讯", 2),
                        ExpectedAction.of("TAG_ADDED").with("customerId", "L2").with("tag", "existing-account")
                                .with("rule", "leads: a new contact at a buying account is tagged existing-account")
                                .with("reason", "account 腾讯 already buys through 1 other contact"));
    }

    @Test
    void theGuidesOwnAccountRule_readsTheAccountLink() {
        // the rule of docs/guide.md and docs/rules.md "Accounts", as written there
        RuleVerifier.forEngine(b -> b.packs(RulePack.LEADS).rules(dev.custflow.RuleSource.drl("committee.drl", """
                        package acme;
                        import dev.custflow.model.Customer;
                        import dev.custflow.rules.AccountLink;
                        global dev.custflow.rules.Actions actions;

                        rule "acme: a lead at an account with three or more contacts is a buying committee"
                        when
                            $a : AccountLink( contactCount >= 3 )
                            $c : Customer( id == $a.customerId )
                        then
                            actions.addTag($c, "buying-committee", "account " + $a.accountKey() + " has " + $a.contactCount() + " contacts");
                        end
                        """)))
                .given(lead("L1", "2024-03-01", "WEBSITE").company("华为").email("a@huawei.example").build(),
                        lead("L2", "2024-03-02", "WEBSITE").company("华为技术").email("b@huawei.example").build())
                .when(lead("L3", "2024-03-03", "WEBSITE").company("华为技术有限公司").email("c@huawei.example").build())
                .thenExpectOnly(linked("L3", "华为", 3), ExpectedAction.of("TAG_ADDED").with("customerId", "L3")
                        .with("tag", "buying-committee").with("reason", "account 华为 has 3 contacts"));
    }

    @Test
    void aColleaguesPhoneAndEmail_areHisOwn_andAMergedLeadsOtherPhoneIsKept() {
        try (Engine engine = Custflow.builder().packs(RulePack.LEADS).build()) {
            engine.accept(lead("A1", "2024-03-01", "WEBSITE").name("李娜").company("华为").phone("13812345678")
                    .email("li.na@huawei.example").build());
            engine.accept(lead("A5", "2024-03-02", "WEBSITE").name("张伟").company("华为技术有限公司")
                    .phone("13987654321").email("zhang.wei@huawei.example").build());
            engine.accept(lead("A6", "2024-03-03", "WECHAT").email("li.na@huawei.example").phone("13700001111")
                    .build());

            assertThat(engine.customerCount()).isEqualTo(2);
            CustomerProfile a5 = engine.customer("A5").orElseThrow();
            assertThat(a5.id()).isEqualTo("A5");
            assertThat(a5.phone()).isEqualTo("+8613987654321");
            assertThat(a5.email()).isEqualTo("zhang.wei@huawei.example");
            assertThat(a5.accountKey()).isEqualTo("华为");
            CustomerProfile a1 = engine.customer("A6").orElseThrow();
            assertThat(a1.id()).isEqualTo("A1");
            assertThat(a1.phone()).isEqualTo("+8613812345678");
            assertThat(a1.otherPhones()).containsExactly("+8613700001111");
            assertThat(a1.toString()).doesNotContain("13700001111");
        }
    }

    @Test
    void differentPeople_areNotMerged() {
        leads().given(lead("L1", "2024-03-01", "WEBSITE").phone("13812345678").email("a@example.com").build())
                .when(lead("L2", "2024-03-02", "WEBSITE").phone("13912345678").email("b@example.com").build())
                .thenExpectNone();
    }

    @Test
    void theMergedLead_keepsEveryChannelTouch_andItsIdLeadsToTheSurvivor() {
        try (Engine engine = Custflow.builder().packs(RulePack.LEADS).build()) {
            engine.accept(lead("L1", "2024-03-01", "WEBSITE").phone("13812345678").build());
            engine.accept(lead("L2", "2024-03-05", "WECHAT").phone("13812345678").email("li@example.com")
                    .city("上海").build());
            engine.accept(InteractionLogged.of("i1", at("2024-03-06"), "L2", InteractionKind.CALL, "r1"));

            CustomerProfile p = engine.customer("L1").orElseThrow();
            assertThat(p.channelTouches()).extracting(ChannelTouch::channel, ChannelTouch::leadId)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("WEBSITE", "L1"),
                            org.assertj.core.groups.Tuple.tuple("WECHAT", "L2"));
            assertThat(p.email()).as("the duplicate's new e-mail fills the survivor's gap").isEqualTo("li@example.com");
            assertThat(engine.auditTrail("L1")).isNotEmpty();
            assertThat(engine.customer("L2").orElseThrow().id()).isEqualTo("L1");
            assertThat(engine.customerCount()).isEqualTo(1);
        }
    }

    @Test
    void aLeadMatchingACustomer_joinsTheCustomer_whoStaysTheRecordEvenWhenAnOlderLeadMatchesToo() {
        leads().given(lead("L1", "2024-01-01", "WEBSITE").phone("13812345678").build(),
                        new OrderPlaced("o1", at("2024-02-01"), "o1", "C9", new BigDecimal("100"), null, null, null),
                        profile("C9", "2024-02-01", "c9@example.com"))
                .when(lead("L4", "2024-03-01", "WECHAT").phone("13812345678").email("C9@example.com").build())
                .thenExpectOnly(merged("C9", "L4", List.of("EMAIL")), merged("C9", "L1", List.of("PHONE")));
    }

    @Test
    void aLeadThatShowsTwoKnownLeadsAreOnePerson_mergesAllThreeIntoTheEarliest() {
        leads().given(lead("L1", "2024-03-01", "WEBSITE").phone("13812345678").build(),
                        lead("L2", "2024-03-02", "WECHAT").email("li@example.com").build())
                .when(lead("L3", "2024-03-03", "TRADE_SHOW").phone("13812345678").email("li@example.com").build())
                .thenExpectOnly(merged("L1", "L3", List.of("PHONE")), merged("L1", "L2", List.of("EMAIL")));
    }

    @Test
    void anEarlierLeadArrivingLate_becomesTheSurvivor() {
        leads().given(lead("L2", "2024-03-02", "WECHAT").phone("13812345678").build())
                .when(lead("L1", "2024-03-01", "WEBSITE").phone("13812345678").build())
                .thenExpectOnly(merged("L1", "L2", List.of("PHONE")));
    }

    @Test
    void matchingOnlyOnWhatSettingsSay_nameAndCompanyOff() {
        Settings phoneAndEmail = Settings.builder().set("intake.matchOn", List.of("PHONE", "EMAIL")).build();
        RuleVerifier.forPacks(phoneAndEmail, RulePack.LEADS)
                .given(lead("L1", "2024-03-01", "WEBSITE").name("Li Wei").company("Acme Co., Ltd.")
                        .phone("13812345678").build())
                .when(lead("L2", "2024-03-02", "WEBSITE").name("Li Wei").company("ACME").phone("13987654321").build())
                .thenExpectOnly(linked("L2", "acme", 2));
    }

    private static dev.custflow.event.ProfileUpdated profile(String id, String when, String email) {
        return new dev.custflow.event.ProfileUpdated("p:" + id + "@" + when, at(when), id, null, null, null, email,
                null, null, null, null, null, null, null, null, null, null, null);
    }
}
