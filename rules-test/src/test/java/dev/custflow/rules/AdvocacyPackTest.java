package dev.custflow.rules;

import static dev.custflow.testdata.Events.at;
import static dev.custflow.testdata.Events.nps;
import static dev.custflow.testdata.Events.order;
import static dev.custflow.testdata.Events.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.RulePack;
import dev.custflow.event.Event;
import dev.custflow.event.LeadCaptured;
import dev.custflow.model.OrderStatus;
import dev.custflow.settings.Settings;
import dev.custflow.test.ExpectedAction;
import dev.custflow.test.RuleVerifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The advocacy pack (docs/design/rules-catalog.md §11): super users invited with a personal code; referrals credited once. */
class AdvocacyPackTest {
    /** Fixed RFM thresholds: F 5 from 8 orders, M 5 from 20,000 spent. */
    private static RuleVerifier advocacy() {
        return RuleVerifier.forPacks(Settings.builder().set("segments.mode", "FIXED").build(), RulePack.ADVOCACY,
                RulePack.SEGMENTS);
    }

    /** VIP1's personal code, as the engine gives it. */
    private static final String VIP1_CODE = new dev.custflow.internal.profile.CustomerRecord("VIP1", at("2024-01-01"))
            .getOwnReferralCode();

    private static LeadCaptured lead(String id, String code) {
        return LeadCaptured.builder("lead:" + id, at("2024-01-01"), id, "WEBSITE").email(id + "@example.com")
                .referralCode(code).build();
    }

    private static List<Event> superUser(String id) {
        List<Event> events = new ArrayList<>();
        events.add(lead(id, null));
        for (int i = 1; i <= 8; i++) {
            events.add(order(id + "-o" + i, id, "2024-03-0" + i, 3_000));
        }
        return events;
    }

    @Test
    void advocacy_aSuperUserWhoRecommendsUs_becomesAdvocate_andGetsAPersonalCode_once() {
        advocacy().given(superUser("VIP1"))
                .when(nps("VIP1", 10, "2024-03-10"), nps("VIP1", 9, "2024-03-11"))
                .thenExpectOnly(ExpectedAction.stageChanged("VIP1", null, "ADVOCATE").with("reason",
                                "buys in the top fifth by frequency and spend, answered NPS 10 and made 0 complaint(s) "
                                        + "in 365 days"),
                        ExpectedAction.of("MESSAGE_REQUESTED").with("template", "REFERRAL_INVITE")
                                .with("params.referralCode", VIP1_CODE));
    }

    @Test
    void advocacy_aDetractorIsNoAdvocate_howeverMuchTheyBuy() {
        advocacy().given(superUser("VIP1")).when(nps("VIP1", 6, "2024-03-10")).thenExpectNone();
    }

    @Test
    void advocacy_aNewcomersFirstOrderThroughACode_creditsTheReferrerOnce() {
        List<dev.custflow.action.Action> actions = advocacy().given(lead("N1", VIP1_CODE))
                .when(order("n1", "N1", "2024-04-01", 100), order("n2", "N1", "2024-04-05", 100))
                .thenExpect(ExpectedAction.of("REFERRAL_REWARDED").with("referrerId", "VIP1").with("referredId", "N1")
                        .with("reward", "100 points")
                        .with("reason", "first order of N1, who came with the referral code " + VIP1_CODE + " of VIP1"));
        org.assertj.core.api.Assertions.assertThat(actions).filteredOn(a -> a.type().equals("REFERRAL_REWARDED"))
                .hasSize(1);
    }

    @Test
    void advocacy_withLifecycle_aLoyalReferrer_becomesAdvocate_atTheirFriendsFirstOrder_andStaysOneAfterAReturn() {
        java.util.function.Supplier<RuleVerifier> withLifecycle = () -> RuleVerifier.forPacks(
                Settings.builder().set("segments.mode", "FIXED").build(), RulePack.ADVOCACY, RulePack.SEGMENTS,
                RulePack.LIFECYCLE);
        List<Event> loyalReferrer = List.of(lead("VIP1", null), order("v1", "VIP1", "2024-02-01", 300),
                order("v2", "VIP1", "2024-03-01", 300), lead("N1", VIP1_CODE));

        withLifecycle.get().given(loyalReferrer).when(order("n1", "N1", "2024-04-01", 100))
                .thenExpect(ExpectedAction.of("REFERRAL_REWARDED").with("referrerId", "VIP1"),
                        ExpectedAction.stageChanged("VIP1", "LOYAL", "ADVOCATE")
                                .with("rule", "lifecycle: loyal referrer becomes ADVOCATE")
                                .with("reason", "loyal customer made 1 successful referral(s)"));
        List<dev.custflow.action.Action> afterReturn = withLifecycle.get().given(loyalReferrer)
                .given(order("n1", "N1", "2024-04-01", 100)).when(status("n1", OrderStatus.RETURNED, "2024-04-20"))
                .run();
        assertThat(afterReturn).filteredOn(a -> "VIP1".equals(a.customerId())).extracting(a -> a.type())
                .containsExactly("REFERRAL_REVERSED");
    }

    @Test
    void advocacy_theCreditedFirstOrderCancelled_takesTheCreditBack_once() {
        advocacy().given(lead("N1", VIP1_CODE), order("n1", "N1", "2024-04-01", 100))
                .when(status("n1", OrderStatus.CANCELLED, "2024-04-02"), new dev.custflow.event.OrderStatusChanged(
                        "cancelled again", at("2024-04-03"), "n1", OrderStatus.CANCELLED, null, null))
                .thenExpectOnly(ExpectedAction.of("REFERRAL_REVERSED").with("referrerId", "VIP1")
                        .with("referredId", "N1").with("reward", "100 points").with("orderId", "n1")
                        .with("rule", "advocacy: a referred newcomer's cancelled order takes the credit back")
                        .with("reason", "order n1 is CANCELLED: N1 has no order left that counts, so the credit of "
                                + "VIP1 for referring them is taken back"));
    }

    @Test
    void advocacy_aReturnAfterTheCreditWasTakenBack_andANewFirstOrder_creditsAgain() {
        List<dev.custflow.action.Action> actions = advocacy().given(lead("N1", VIP1_CODE),
                        order("n1", "N1", "2024-04-01", 100), status("n1", OrderStatus.DELIVERED, "2024-04-03"))
                .when(status("n1", OrderStatus.RETURNED, "2024-04-10"), order("n2", "N1", "2024-05-01", 200))
                .run();
        assertThat(actions).filteredOn(a -> a.type().startsWith("REFERRAL_")).extracting(a -> a.type() + " " + a.at())
                .containsExactly("REFERRAL_REVERSED 2024-04-10T09:00:00Z", "REFERRAL_REWARDED 2024-05-01T09:00:00Z");
    }

    @Test
    void advocacy_aCancelledOrder_whileAnotherStillCounts_leavesTheCredit() {
        List<dev.custflow.action.Action> actions = advocacy().given(lead("N1", VIP1_CODE),
                        order("n1", "N1", "2024-04-01", 100), order("n2", "N1", "2024-04-05", 100))
                .when(status("n1", OrderStatus.CANCELLED, "2024-04-06"), status("n2", OrderStatus.RETURNED, "2024-04-20"))
                .run();
        // the credited first order goes, but n2 still counts; when n2 is returned too, nothing counts: taken back
        assertThat(actions).filteredOn(a -> a.type().startsWith("REFERRAL_")).extracting(a -> a.type() + " " + a.at())
                .containsExactly("REFERRAL_REVERSED 2024-04-20T09:00:00Z");
    }

    @Test
    void advocacy_aCancelledOrderOfACustomerNobodyReferred_reversesNoCredit() {
        advocacy().given(lead("N1", null), order("n1", "N1", "2024-04-01", 100))
                .when(status("n1", OrderStatus.CANCELLED, "2024-04-02"))
                .thenExpectNone();
    }

    @Test
    void advocacy_neverForASelfReferral_norAMistypedCode() {
        String mistyped = VIP1_CODE.substring(0, VIP1_CODE.length() - 1)
                + (VIP1_CODE.endsWith("0") ? "1" : "0");
        List<dev.custflow.action.Action> actions = advocacy()
                .given(lead("VIP1", VIP1_CODE), lead("N2", mistyped), lead("N3", "HELLO"))
                .when(order("o1", "VIP1", "2024-04-01", 100), order("o2", "N2", "2024-04-01", 100),
                        order("o3", "N3", "2024-04-01", 100))
                .run();
        org.assertj.core.api.Assertions.assertThat(actions).isNotEmpty()
                .noneMatch(a -> a.type().equals("REFERRAL_REWARDED"));
    }

    @Test
    void advocacy_theCodeIsStableAndNamesItsCustomer() {
        org.assertj.core.api.Assertions.assertThat(VIP1_CODE).startsWith("R-")
                .isEqualTo(new dev.custflow.internal.profile.CustomerRecord("VIP1", at("2025-06-01")).getOwnReferralCode());
        dev.custflow.internal.profile.CustomerRecord newcomer =
                new dev.custflow.internal.profile.CustomerRecord("N1", at("2024-01-01"));
        newcomer.apply(lead("N1", VIP1_CODE.toLowerCase(java.util.Locale.ROOT)));
        org.assertj.core.api.Assertions.assertThat(newcomer.getReferrerId()).isEqualTo("VIP1");
    }
}
