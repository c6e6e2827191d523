package dev.custflow;

import static dev.custflow.testdata.Events.at;
import static dev.custflow.testdata.Events.erased;
import static dev.custflow.testdata.Events.order;
import static dev.custflow.testdata.Events.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.action.Action;
import dev.custflow.action.ReferralRewarded;
import dev.custflow.action.StageChanged;
import dev.custflow.event.Event;
import dev.custflow.event.LeadCaptured;
import dev.custflow.internal.profile.CustomerRecord;
import dev.custflow.model.OrderStatus;
import dev.custflow.spi.AuditEntry;
import dev.custflow.spi.CustomerStore;
import dev.custflow.spi.CustomerStores;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A referral rewarded counts on the referrer's profile (docs/rules.md, "Referrals: the referrer's count"): given a
 * loyal customer and a friend who came with their code, the friend's first order credits them, and they are
 * evaluated again at once. VIP1 and N1 live in different partitions of four.
 */
class ReferralCreditsTest {
    private static final String ADVOCATE_RULE = "lifecycle: loyal referrer becomes ADVOCATE";

    /** @return the engine's own referral code of a customer ("R-...", it names them) */
    private static String codeOf(String id) {
        return new CustomerRecord(id, at("2024-01-01")).getOwnReferralCode();
    }

    private static LeadCaptured lead(String id, String when, String phone, String code) {
        return LeadCaptured.builder("lead:" + id, at(when), id, "WEBSITE").phone(phone).referralCode(code).build();
    }

    /** VIP1 LOYAL after two orders; N1 captured with VIP1's code, no order yet. */
    private static List<Event> loyalReferrerAndFriend() {
        return List.of(lead("VIP1", "2024-01-02", "13800000001", null), order("v1", "VIP1", "2024-02-01", 300),
                order("v2", "VIP1", "2024-03-01", 300), lead("N1", "2024-03-05", "13800000002", codeOf("VIP1")));
    }

    private static Engine engine(int partitions, CustomerStore store) {
        EngineBuilder b = Custflow.builder().partitions(partitions);
        return (store == null ? b : b.store(store)).build();
    }

    /** @return the referrals counted on the customer's stored profile (the last commit's snapshot) */
    private static int referralsCounted(CustomerStore store, String id) {
        AtomicReference<byte[]> bytes = new AtomicReference<>();
        store.forEachCustomer((key, b) -> {
            if (key.equals(id)) {
                bytes.set(b);
            }
        });
        return dev.custflow.internal.runtime.Snapshots.customer(bytes.get()).getReferralsRewarded();
    }

    private static List<String> referralsAndStages(List<Action> actions, String customerId) {
        return actions.stream().filter(a -> a.customerId() != null && a.customerId().equals(customerId))
                .filter(a -> a.type().startsWith("REFERRAL_") || a.type().equals("STAGE_CHANGED"))
                .map(a -> a instanceof StageChanged s ? s.type() + " " + s.from() + "->" + s.to() : a.type())
                .toList();
    }

    @ParameterizedTest(name = "{0} partition(s)")
    @ValueSource(ints = {1, 4})
    void aLoyalReferrer_becomesAdvocate_rightAfterTheirFriendsFirstOrder(int partitions) {
        assertThat(Math.floorMod("VIP1".hashCode(), 4)).isNotEqualTo(Math.floorMod("N1".hashCode(), 4));
        CustomerStore store = CustomerStores.inMemory();
        try (Engine e = engine(partitions, store)) {
            e.acceptAll(loyalReferrerAndFriend());

            List<Action> actions = e.accept(order("n1", "N1", "2024-04-01", 100));

            assertThat(referralsAndStages(actions, "VIP1")).containsExactly("REFERRAL_REWARDED",
                    "STAGE_CHANGED LOYAL->ADVOCATE");
            Action last = actions.get(actions.size() - 1);
            assertThat(last).as("the referrer is evaluated after everything the friend's order did")
                    .isInstanceOfSatisfying(StageChanged.class, s -> {
                        assertThat(s.customerId()).isEqualTo("VIP1");
                        assertThat(s.rule()).isEqualTo(ADVOCATE_RULE);
                        assertThat(s.reason()).isEqualTo("loyal customer made 1 successful referral(s)");
                    });
            String rewardId = actions.stream().filter(ReferralRewarded.class::isInstance).findFirst().orElseThrow()
                    .id();
            assertThat(e.auditTrail("VIP1")).filteredOn(a -> a.actionId().equals(last.id()))
                    .extracting(AuditEntry::cause).containsExactly("referral@" + rewardId);
            assertThat(e.customer("VIP1").orElseThrow().stage()).hasToString("ADVOCATE");
        }
        assertThat(referralsCounted(store, "VIP1")).isOne();
    }

    @Test
    void theSameEvents_giveTheSameActions_withFourPartitions_andAnyBatches() {
        List<Event> events = new ArrayList<>(loyalReferrerAndFriend());
        events.add(order("n1", "N1", "2024-04-01", 100));
        events.add(status("n1", OrderStatus.CANCELLED, "2024-04-02"));
        events.add(order("n2", "N1", "2024-04-03", 100));
        List<Action> once;
        try (Engine e = engine(1, null)) {
            once = e.acceptAll(events).actions();
        }
        List<Action> cut = new ArrayList<>();
        try (Engine e = engine(4, null)) {
            for (Event event : events) {
                cut.addAll(e.accept(event));
            }
        }
        assertThat(cut).isEqualTo(once);
        assertThat(referralsAndStages(once, "VIP1")).containsExactly("STAGE_CHANGED null->LEAD",
                "STAGE_CHANGED LEAD->CUSTOMER", "STAGE_CHANGED CUSTOMER->LOYAL", "REFERRAL_REWARDED",
                "STAGE_CHANGED LOYAL->ADVOCATE", "REFERRAL_REVERSED", "REFERRAL_REWARDED");
    }

    @Test
    void aReversedReferral_takesTheCountBack_andTheAdvocateStaysAdvocate() {
        CustomerStore store = CustomerStores.inMemory();
        try (Engine e = engine(4, store)) {
            e.acceptAll(loyalReferrerAndFriend());
            e.accept(order("n1", "N1", "2024-04-01", 100));

            List<Action> actions = e.accept(status("n1", OrderStatus.CANCELLED, "2024-04-02"));

            // a stage is not taken back for a reason that went away (an NPS that dropped, a referral reversed)
            assertThat(referralsAndStages(actions, "VIP1")).containsExactly("REFERRAL_REVERSED");
            assertThat(e.customer("VIP1").orElseThrow().stage()).hasToString("ADVOCATE");
        }
        assertThat(referralsCounted(store, "VIP1")).isZero();
    }

    @Test
    void theCount_survivesARestart_andIsTakenBackAfterIt() {
        CustomerStore store = CustomerStores.inMemory();
        try (Engine e = engine(4, store)) {
            e.acceptAll(loyalReferrerAndFriend());
            e.accept(order("n1", "N1", "2024-04-01", 100));
        }
        assertThat(referralsCounted(store, "VIP1")).isOne();
        try (Engine e = engine(2, store)) {
            List<Action> actions = e.accept(status("n1", OrderStatus.RETURNED, "2024-04-20"));

            assertThat(referralsAndStages(actions, "VIP1")).containsExactly("REFERRAL_REVERSED");
            assertThat(e.auditTrail("VIP1")).filteredOn(a -> a.actionType().equals("REFERRAL_REVERSED"))
                    .extracting(AuditEntry::note).containsOnlyNulls();
        }
        assertThat(referralsCounted(store, "VIP1")).isZero();
    }

    @Test
    void aReferrerWithoutAProfile_isNotCreated_andTheRewardGoesOutWithANote() {
        try (Engine e = engine(4, null)) {
            e.accept(lead("N2", "2024-03-05", "13800000003", codeOf("GHOST")));

            List<Action> actions = e.accept(order("n2", "N2", "2024-04-01", 100));

            assertThat(referralsAndStages(actions, "GHOST")).containsExactly("REFERRAL_REWARDED");
            assertThat(e.customer("GHOST")).isEmpty();
            assertThat(e.auditTrail("GHOST")).extracting(AuditEntry::outcome, AuditEntry::note).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(AuditEntry.Outcome.EMITTED,
                            "not counted: the referrer GHOST has no profile"));
        }
    }

    @Test
    void anErasedReferrer_isNotCreatedAgain_byTheirFriendsOrder() {
        try (Engine e = engine(4, null)) {
            e.acceptAll(loyalReferrerAndFriend());
            e.accept(erased("VIP1", "2024-03-20"));

            List<Action> actions = e.accept(order("n1", "N1", "2024-04-01", 100));

            assertThat(referralsAndStages(actions, "VIP1")).containsExactly("REFERRAL_REWARDED");
            assertThat(e.customer("VIP1")).isEmpty();
        }
    }

    /** A user's rule that rewards the referrer at a referred customer's first order, then perhaps fails. */
    private static Engine withUserReward(boolean fails) {
        String drl = """
                package user;
                import dev.custflow.model.Customer;
                global dev.custflow.rules.Actions actions;
                rule "user: a referred customer's first order rewards the referrer"
                when
                    $c : Customer( orderCount == 1, referrerId != null, referrerId != id )
                then
                    actions.rewardReferral($c, $c.getReferrerId(), "1 point", "first order");
                    if (%s) { throw new IllegalStateException("the points system is down"); }
                end
                """.formatted(fails);
        return Custflow.builder().partitions(4).packs(RulePack.LIFECYCLE)
                .rules(RuleSource.drl("user.drl", drl)).build();
    }

    @Test
    void aFiringThatFailed_countsNoReferral() {
        try (Engine e = withUserReward(true)) {
            e.acceptAll(loyalReferrerAndFriend());

            BatchResult r = e.acceptAll(List.of(order("n1", "N1", "2024-04-01", 100)));

            assertThat(r.rejections()).extracting(Rejection::problem)
                    .anyMatch(p -> p.contains("the points system is down"));
            assertThat(referralsAndStages(r.actions(), "VIP1")).isEmpty();
            assertThat(e.customer("VIP1").orElseThrow().stage()).hasToString("LOYAL");
        }
        try (Engine e = withUserReward(false)) {
            e.acceptAll(loyalReferrerAndFriend());

            List<Action> actions = e.accept(order("n1", "N1", "2024-04-01", 100));

            assertThat(referralsAndStages(actions, "VIP1")).containsExactly("REFERRAL_REWARDED",
                    "STAGE_CHANGED LOYAL->ADVOCATE");
        }
    }
}
