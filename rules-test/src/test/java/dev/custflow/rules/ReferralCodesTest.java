package dev.custflow.rules;

import static dev.custflow.testdata.Events.at;
import static dev.custflow.testdata.Events.erased;
import static dev.custflow.testdata.Events.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custflow.Custflow;
import dev.custflow.Engine;
import dev.custflow.EventRejectedException;
import dev.custflow.Json;
import dev.custflow.RulePack;
import dev.custflow.action.Action;
import dev.custflow.event.Event;
import dev.custflow.event.LeadCaptured;
import dev.custflow.event.ProfileFields;
import dev.custflow.event.ProfileUpdated;
import dev.custflow.event.ReferralCodeIssued;
import dev.custflow.test.ExpectedAction;
import dev.custflow.test.RuleVerifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Referral codes a host issues (ReferralCodeIssued): a lead that comes with one credits its customer at the first
 * order; a code nobody issued is reported (REFERRAL_CODE_UNKNOWN), with the issued code it is a near miss of.
 */
class ReferralCodesTest {

    private static RuleVerifier advocacy() {
        return RuleVerifier.forPacks(RulePack.ADVOCACY);
    }

    private static ReferralCodeIssued issued(String customerId, String code, String when) {
        return new ReferralCodeIssued("issue:" + code + "@" + when, at(when), customerId, code);
    }

    private static LeadCaptured lead(String id, String code, String when) {
        return LeadCaptured.builder("lead:" + id, at(when), id, "REFERRAL").email(id + "@example.com")
                .referralCode(code).build();
    }

    private static ExpectedAction rewarded(String referrerId, String referredId) {
        return ExpectedAction.of("REFERRAL_REWARDED").with("referrerId", referrerId).with("referredId", referredId)
                .with("reward", "100 points");
    }

    private static ExpectedAction unknown(String customerId, String code, String suggestion) {
        ExpectedAction a = ExpectedAction.of("REFERRAL_CODE_UNKNOWN").with("customerId", customerId).with("code", code);
        return suggestion == null ? a : a.with("suggestion", suggestion);
    }

    @Test
    void issuedCode_aLeadWithIt_creditsItsCustomerAtTheFirstOrder_once() {
        advocacy().given(issued("C1", "VIP-7K3QXM", "2024-01-01"), lead("N1", "VIP-7K3QXM", "2024-01-05"))
                .when(order("o1", "N1", "2024-02-01", 500), order("o2", "N1", "2024-03-01", 500))
                .thenExpectOnly(rewarded("C1", "N1").with("reason",
                        "first order of N1, who came with the referral code VIP-7K3QXM of C1"));
    }

    @Test
    void issuedCode_isMatchedIgnoringCaseAndSpaces() {
        advocacy().given(issued("C1", "VIP-7K3QXM", "2024-01-01"), lead("N1", " vip-7k3qxm ", "2024-01-05"))
                .when(order("o1", "N1", "2024-02-01", 500))
                .thenExpectOnly(rewarded("C1", "N1"));
    }

    @Test
    void unknownCode_isReported_notDropped_andCreditsNobody() {
        advocacy().when(lead("N1", "REF-cust-00807", "2024-01-05"), order("o1", "N1", "2024-02-01", 500))
                .thenExpectOnly(unknown("N1", "REF-cust-00807", null)
                        .with("rule", "advocacy: a referral code nobody issued is reported")
                        .with("reason", "came with the referral code REF-cust-00807, which was never issued to a "
                                + "customer: nobody will be credited for this referral until the code is corrected"));
    }

    @Test
    void mistypedCode_isReportedWithTheIssuedCodeItIsANearMissOf() {
        advocacy().given(issued("C1", "VIP-7K3QXM", "2024-01-01"), issued("C2", "VIP-P2W9HD", "2024-01-01"))
                .when(lead("N1", "VIP-7K3QXN", "2024-01-05"))
                .thenExpectOnly(unknown("N1", "VIP-7K3QXN", "VIP-7K3QXM").with("reason", "came with the referral "
                        + "code VIP-7K3QXN, which was never issued to a customer; it is one or two characters away "
                        + "from VIP-7K3QXM, maybe a typo"));
    }

    @Test
    void codeIssuedAfterTheLeadCame_doesNotCountForThatLead() {
        advocacy().when(lead("N1", "VIP-7K3QXM", "2024-01-05"), issued("C1", "VIP-7K3QXM", "2024-01-06"),
                        order("o1", "N1", "2024-02-01", 500))
                .thenExpectOnly(unknown("N1", "VIP-7K3QXM", null));
    }

    @Test
    void profileUpdate_withACorrectedCode_namesTheReferrer_andTheOrderCreditsThem() {
        ProfileUpdated corrected = new ProfileUpdated("fix:N1", at("2024-01-10"), "N1", null, null, null, null,
                null, null, null, null, null, null, null, null, "VIP-7K3QXM", null, null);
        advocacy().given(issued("C1", "VIP-7K3QXM", "2024-01-01"))
                .when(lead("N1", null, "2024-01-05"), corrected, order("o1", "N1", "2024-02-01", 500))
                .thenExpectOnly(rewarded("C1", "N1"));
    }

    @Test
    void unknownCode_isReportedOncePerCustomerAndCode() {
        ProfileUpdated again = ProfileUpdated.of("again:N1", at("2024-01-10"), "N1", new ProfileFields(null, null,
                null, null, null, null, null, null, null, null, null, null, "HELLO", null, null));
        advocacy().when(lead("N1", "HELLO", "2024-01-05"), again).thenExpectOnly(unknown("N1", "HELLO", null));
    }

    @Test
    void erasedReferrer_theirCodeNamesNobodyAnyMore() {
        advocacy().given(issued("C1", "VIP-7K3QXM", "2024-01-01"), erased("C1", "2024-01-02"))
                .when(lead("N1", "VIP-7K3QXM", "2024-01-05"))
                .thenExpectOnly(unknown("N1", "VIP-7K3QXM", null));
    }

    @Test
    void theEnginesOwnCodes_needNoIssuing() {
        String own = new dev.custflow.internal.profile.CustomerRecord("C1", at("2024-01-01")).getOwnReferralCode();
        advocacy().when(lead("N1", own, "2024-01-05"), order("o1", "N1", "2024-02-01", 500))
                .thenExpectOnly(rewarded("C1", "N1"));
    }

    @Test
    void engine_theSameActionsOverPartitionsAndBatchCuts_andTheJsonReadsBack() {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            events.add(issued("C" + i, "VIP-CODE" + (char) ('A' + i), "2024-01-01"));
        }
        for (int i = 0; i < 20; i++) {
            String code = i % 4 == 3 ? "VIP-C0DE" + (char) ('A' + i) : "VIP-CODE" + (char) ('A' + i);
            events.add(lead("N" + i, code, "2024-01-0" + (2 + i % 7)));
            events.add(order("o" + i, "N" + i, "2024-02-01", 100));
        }
        List<Action> one = RuleVerifier.forPacks(RulePack.ADVOCACY).when(events.toArray(Event[]::new)).run();
        List<Action> three = RuleVerifier.forEngine(b -> b.packs(RulePack.ADVOCACY).partitions(3))
                .when(events.toArray(Event[]::new)).run();
        assertThat(three).isEqualTo(one);
        assertThat(one).filteredOn(a -> a.type().equals("REFERRAL_REWARDED")).hasSize(15);
        assertThat(one).filteredOn(a -> a.type().equals("REFERRAL_CODE_UNKNOWN")).hasSize(5)
                .allSatisfy(a -> assertThat(((dev.custflow.action.ReferralCodeUnknown) a).suggestion()).isNotNull());
        one.forEach(a -> assertThat(Json.readAction(Json.write(a))).isEqualTo(a));
        try (Engine batched = Custflow.builder().packs(RulePack.ADVOCACY).partitions(2).build()) {
            List<Action> cut = new ArrayList<>();
            for (int from = 0; from < events.size(); from += 7) {
                cut.addAll(batched.acceptAll(events.subList(from, Math.min(events.size(), from + 7))).actions());
            }
            assertThat(cut).isEqualTo(one);
        }
        Event issuedJson = Json.readEvent("{\"type\": \"ReferralCodeIssued\", \"id\": \"e1\", "
                + "\"at\": \"2024-01-01T09:00:00Z\", \"customerId\": \"C1\", \"code\": \"VIP-7K3QXM\"}");
        assertThat(issuedJson).isEqualTo(new ReferralCodeIssued("e1", at("2024-01-01"), "C1", "VIP-7K3QXM"));
    }

    @Test
    void event_aCodeIsRequired_andTheErrorNamesIt() {
        assertThatThrownBy(() -> Json.readEvent("{\"type\": \"ReferralCodeIssued\", \"id\": \"e1\", "
                + "\"at\": \"2024-01-01T09:00:00Z\", \"customerId\": \"C1\"}"))
                .isInstanceOf(EventRejectedException.class).hasMessageContaining("code");
    }
}
