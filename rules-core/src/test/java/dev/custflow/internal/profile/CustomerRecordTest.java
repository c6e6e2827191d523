package dev.custflow.internal.profile;

import static dev.custflow.testdata.Events.at;
import static dev.custflow.testdata.Events.contact;
import static dev.custflow.testdata.Events.contract;
import static dev.custflow.testdata.Events.lead;
import static dev.custflow.testdata.Events.nps;
import static dev.custflow.testdata.Events.order;
import static dev.custflow.testdata.Events.resolved;
import static dev.custflow.testdata.Events.status;
import static dev.custflow.testdata.Events.ticket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custflow.model.Channel;
import dev.custflow.model.Level;
import dev.custflow.event.BantUpdated;
import dev.custflow.event.ConsentChanged;
import dev.custflow.event.OpportunityClosed;
import dev.custflow.event.PaymentReceived;
import dev.custflow.internal.snapshot.SnapshotInput;
import dev.custflow.internal.snapshot.StateFormat;
import dev.custflow.internal.snapshot.SnapshotOutput;
import dev.custflow.model.InteractionKind;
import dev.custflow.model.OrderStatus;
import dev.custflow.model.Outcome;
import dev.custflow.model.Stage;
import dev.custflow.model.TicketKind;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The engine's record folds events, applies action changes and merges duplicates; read back through Customer. */
class CustomerRecordTest {

    private static CustomerRecord customer(String id) {
        CustomerRecord c = new CustomerRecord(id, at("2024-01-01"));
        c.now(at("2024-03-01"));
        return c;
    }

    @Test
    void rollBack_putsTheProfileBackAsTheCheckpointHadIt_keepingTheEnginesClock() {
        CustomerRecord c = customer("C1");
        c.apply(lead("C1", "2024-01-02", "WECHAT"));
        c.apply(order("o1", "C1", "2024-01-10", 300));
        c.moveTo(Stage.CUSTOMER, at("2024-01-10"), "first order");
        byte[] before = c.checkpoint();

        c.addTag("vip");
        c.moveTo(Stage.DORMANT, at("2024-03-01"), "half done");
        c.setScore(99, "A");
        c.ownerId("r-1");
        c.apply(order("o2", "C1", "2024-02-10", 200));
        c.rollBack(before);

        assertThat(c.checkpoint()).isEqualTo(before);
        assertThat(c.getTags()).doesNotContain("vip");
        assertThat(c.getStage()).isEqualTo(Stage.CUSTOMER);
        assertThat(c.getOrderCount()).isEqualTo(1);
        assertThat(c.getNow()).isEqualTo(at("2024-03-01"));
    }

    @Test
    void orderPlaced_countsTheOrder_andTracksItUntilDelivered() {
        CustomerRecord c = customer("C1");
        c.apply(order("o1", "C1", "2024-01-10", 300));
        c.apply(order("o2", "C1", "2024-02-10", 200));
        c.apply(new PaymentReceived("p1", at("2024-02-11"), "o2", new BigDecimal("50"), "C1"));
        assertThat(c.getOrderCount()).isEqualTo(2);
        assertThat(c.getTotalSpent()).isEqualByComparingTo("500.00");
        assertThat(c.getLastOrderAmount()).isEqualByComparingTo("200.00");
        assertThat(c.amountFellOn(1)).isTrue();
        assertThat(c.getDaysSinceLastOrder()).isEqualTo(20);
        assertThat(c.ordersWithinDays(30)).isEqualTo(1);
        assertThat(c.openOrder("o2").getPaid()).isEqualByComparingTo("50.00");

        c.apply(status("o1", OrderStatus.DELIVERED, "2024-01-15"));
        c.apply(status("o2", OrderStatus.RETURNED, "2024-02-20"));
        assertThat(c.getOpenOrders()).isEmpty();
        assertThat(c.getLastDeliveredAt()).isEqualTo(at("2024-01-15"));
        assertThat(c.getOrdersReturned()).isEqualTo(1);
        assertThat(c.returnsWithinDays(30)).isEqualTo(1);
    }

    @Test
    void leadCaptured_setsTheChannel_andALaterCaptureIsATouch() {
        CustomerRecord c = customer("L1");
        c.apply(lead("L1", "2024-01-01", "WEBSITE"));
        c.apply(dev.custflow.event.LeadCaptured.builder("lead:L1b", at("2024-01-05"), "L1", "WECHAT").build());
        assertThat(c.getChannel()).isEqualTo("WEBSITE");
        assertThat(c.getPhone()).isEqualTo("+8613800000000");
        assertThat(c.isOpenLead()).isTrue();
        assertThat(c.getChannelTouches()).extracting(t -> t.channel()).containsExactly("WEBSITE", "WECHAT");
    }

    @Test
    void serviceSurveysAndInteractions_foldIntoTheirWindows() {
        CustomerRecord c = customer("C1");
        c.apply(ticket("t1", "C1", TicketKind.COMPLAINT, "2024-02-01"));
        c.apply(ticket("t2", "C1", TicketKind.COMPLAINT, "2024-02-02"));
        c.apply(resolved("t1", "2024-02-03"));
        c.apply(nps("C1", 4, "2024-02-04"));
        c.apply(contact("C1", InteractionKind.CALL, "r1", "2024-02-05"));
        assertThat(c.getOpenComplaints()).isEqualTo(1);
        assertThat(c.complaintsWithinDays(90)).isEqualTo(2);
        assertThat(c.getFirstContactResolutions()).isEqualTo(1);
        assertThat(c.getLastNps()).isEqualTo(4);
        assertThat(c.isRepEngaged()).isTrue();
        assertThat(c.getDaysSinceLastContact()).isEqualTo(25);
    }

    @Test
    void aLostOpportunity_clearsBant_andConsentClosesAChannel() {
        CustomerRecord c = customer("L1");
        c.apply(new BantUpdated("b1", at("2024-01-02"), "L1", true, true, true, true, new BigDecimal("9000")));
        assertThat(c.isBantComplete()).isTrue();
        c.openOpportunity("OPP-1");
        c.apply(new OpportunityClosed("x", at("2024-01-09"), "L1", "OPP-1", Outcome.LOST, null, null));
        assertThat(c.isBantComplete()).isFalse();
        assertThat(c.getOpenOpportunityId()).isNull();
        assertThat(c.getOpportunitiesLost()).isEqualTo(1);
        assertThat(c.getBantAmount()).isEqualByComparingTo("9000.00");
        c.apply(new ConsentChanged("k1", at("2024-01-10"), "L1", Channel.SMS, true));
        c.apply(contract("K1", "L1", "2024-01-11", "2025-01-11"));
        assertThat(c.isOptedOut(Channel.SMS)).isTrue();
        assertThat(c.getContracts()).extracting(k -> k.contractId()).containsExactly("K1");
    }

    @Test
    void actionChanges_areReadBackThroughTheCustomer() {
        CustomerRecord c = customer("C1");
        c.moveTo(Stage.LEAD, at("2024-01-02"), "test: a");
        c.moveTo(Stage.CUSTOMER, at("2024-01-05"), "test: b");
        assertThat(c.addTag("vip")).isTrue();
        assertThat(c.addTag("vip")).isFalse();
        assertThat(c.openWarning("NO_ORDER", Level.HIGH)).isTrue();
        assertThat(c.note("ONBOARDING")).isTrue();
        c.setScore(70, "B");
        assertThat(c.getStage()).isEqualTo(Stage.CUSTOMER);
        assertThat(c.hasBeen(Stage.LEAD)).isTrue();
        assertThat(c.getStageHistory()).extracting(h -> h.rule()).containsExactly("test: a", "test: b");
        assertThat(c.getTags()).containsExactly("vip");
        assertThat(c.getRiskLevel()).isEqualTo(Level.HIGH);
        assertThat(c.noted("ONBOARDING")).isTrue();
        assertThat(c.getGrade()).isEqualTo("B");

        assertThat(c.closeWarning("NO_ORDER")).isTrue();
        assertThat(c.forget("ONBOARDING")).isTrue();
        assertThat(c.removeTag("vip")).isTrue();
        assertThat(c.isAtRisk()).isFalse();
        assertThat(c.noted("ONBOARDING")).isFalse();
        assertThat(c.getTags()).isEmpty();
    }

    @Test
    void behaviourPoints_decayByTheHalfLife() {
        CustomerRecord c = customer("L1");
        c.addBehaviour("page view", 3, 8, 30);
        assertThat(c.behaviourPoints(30)).isEqualTo(8);
        assertThat(c.getBehaviourTally()).containsEntry("page view", 3);
        c.now(at("2024-03-31"));
        assertThat(c.behaviourPoints(30)).isEqualTo(4);
        assertThat(c.behaviourFallsToAt(2, 30)).isAfter(at("2024-03-31"));
    }

    @Test
    void absorb_takesWhatTheSurvivorLacks_andKeepsWhatItHas() {
        CustomerRecord survivor = customer("L1");
        survivor.apply(lead("L1", "2024-01-01", "WEBSITE"));
        survivor.addTag("a");
        CustomerRecord duplicate = customer("L2");
        duplicate.apply(dev.custflow.event.LeadCaptured.builder("lead:L2", at("2024-01-03"), "L2", "WECHAT")
                .email("x@example.com").company("ACME").build());
        duplicate.addTag("b");
        duplicate.apply(contact("L2", InteractionKind.CALL, "r1", "2024-01-04"));
        survivor.absorb(duplicate, 30);
        assertThat(survivor.getEmail()).isEqualTo("x@example.com");
        assertThat(survivor.getCompany()).isEqualTo("ACME");
        assertThat(survivor.getPhone()).isEqualTo("+8613800000000");
        assertThat(survivor.getTags()).containsExactly("a", "b");
        assertThat(survivor.getInteractionCount()).isEqualTo(1);
        assertThat(survivor.getChannelTouches()).extracting(t -> t.leadId()).containsExactly("L1", "L2");
    }

    @Test
    void absorb_keepsEveryPhoneAndEmailTheDuplicateBrought_besideTheSurvivorsOwn() {
        CustomerRecord survivor = customer("L1");
        survivor.apply(dev.custflow.event.LeadCaptured.builder("lead:L1", at("2024-01-01"), "L1", "WEBSITE")
                .phone("13800000000").email("a@example.com").build());
        CustomerRecord duplicate = customer("L2");
        duplicate.apply(dev.custflow.event.LeadCaptured.builder("lead:L2", at("2024-01-03"), "L2", "WECHAT")
                .phone("13900000000").email("b@example.com").build());
        duplicate.apply(dev.custflow.event.LeadCaptured.builder("lead:L2b", at("2024-01-04"), "L2", "WECHAT")
                .phone("13700000000").email("a@example.com").build());
        assertThat(duplicate.getOtherPhones()).as("a repeated capture keeps its new number").containsExactly(
                "+8613700000000");
        survivor.absorb(duplicate, 30);
        assertThat(survivor.getPhone()).isEqualTo("+8613800000000");
        assertThat(survivor.getOtherPhones()).containsExactly("+8613900000000", "+8613700000000");
        assertThat(survivor.getEmail()).isEqualTo("a@example.com");
        assertThat(survivor.getOtherEmails()).containsExactly("b@example.com");
    }

    @Test
    void aCompanyName_givesTheAccountKey() {
        CustomerRecord c = customer("L1");
        c.apply(dev.custflow.event.LeadCaptured.builder("lead:L1", at("2024-01-01"), "L1", "WEBSITE")
                .company("深圳市华为技术有限公司").build());
        assertThat(c.getCompanyKey()).isEqualTo("深圳市华为技术");
        assertThat(c.getAccountKey()).isEqualTo("华为");
    }

    @Test
    void aSnapshot_keepsTheAccountKeyAndTheOtherContacts() {
        CustomerRecord c = customer("L1");
        c.apply(dev.custflow.event.LeadCaptured.builder("lead:L1", at("2024-01-01"), "L1", "WEBSITE")
                .company("华为技术有限公司").phone("13800000000").build());
        c.apply(dev.custflow.event.LeadCaptured.builder("lead:L1b", at("2024-01-02"), "L1", "WECHAT")
                .phone("13900000000").email("b@example.com").build());
        SnapshotOutput o = new SnapshotOutput(64);
        c.writeSnapshot(o);
        CustomerRecord back = CustomerRecord.readSnapshot(new SnapshotInput(o.toByteArray()), StateFormat.VERSION);
        assertThat(back.getAccountKey()).isEqualTo("华为");
        assertThat(back.getOtherPhones()).containsExactly("+8613900000000");
        assertThat(back.getEmail()).isEqualTo("b@example.com");
        assertThat(back.getOtherEmails()).isEmpty();
    }

    @Test
    void absorb_refusesAProfileWithOrders() {
        CustomerRecord buyer = customer("C2");
        buyer.apply(order("o1", "C2", "2024-01-02", 10));
        assertThatThrownBy(() -> customer("L1").absorb(buyer, 30)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("C2 has orders");
    }

    @Test
    void aSnapshot_readsBackToTheSameBytesAndBookkeeping() {
        CustomerRecord c = customer("C1");
        c.apply(lead("C1", "2024-01-01", "WEBSITE"));
        c.apply(order("o1", "C1", "2024-01-10", 300));
        c.openWarning("NO_ORDER", Level.LOW);
        c.dueAt(at("2024-04-01").toEpochMilli());
        c.loadCounted(true);
        SnapshotOutput o = new SnapshotOutput(64);
        c.writeSnapshot(o);
        byte[] bytes = o.toByteArray();
        CustomerRecord back = CustomerRecord.readSnapshot(new SnapshotInput(bytes), StateFormat.VERSION);
        SnapshotOutput again = new SnapshotOutput(64);
        back.writeSnapshot(again);
        assertThat(again.toByteArray()).isEqualTo(bytes);
        assertThat(back.dueAt()).isEqualTo(at("2024-04-01").toEpochMilli());
        assertThat(back.isLoadCounted()).isTrue();
        assertThat(back.indexSlot()).isEqualTo(-1);
        assertThat(back.getOrderCount()).isEqualTo(1);
        assertThat(back.hasWarning("NO_ORDER")).isTrue();
    }
}
