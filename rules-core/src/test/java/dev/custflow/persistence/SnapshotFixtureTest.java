package dev.custflow.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.BatchResult;
import dev.custflow.Custflow;
import dev.custflow.Engine;
import dev.custflow.action.Action;
import dev.custflow.model.Channel;
import dev.custflow.model.Level;
import dev.custflow.event.LeadCaptured;
import dev.custflow.event.OrderStatusChanged;
import dev.custflow.internal.runtime.DefaultEngine;
import dev.custflow.model.ChannelTouch;
import dev.custflow.internal.profile.CustomerRecord;
import dev.custflow.model.Customer;
import dev.custflow.model.CustomerProfile;
import dev.custflow.model.OpenOrder;
import dev.custflow.model.OpenTicket;
import dev.custflow.model.OrderStatus;
import dev.custflow.model.Stage;
import dev.custflow.model.TicketKind;
import dev.custflow.spi.CustomerStore;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Snapshots written by format version 1 (the committed {@code store-v1.bin}, see SnapshotFixtures) load in this
 * version: every field of the profiles is back, and the engine goes on with what its state remembered (event ids,
 * merged ids, order owners, de-duplication keys, rep loads). When the format changes, this file stays and a
 * {@code store-v<n>.bin} is added beside it, with a subclass that loads it: {@code store-v2.bin} (the engine state
 * in keyed parts) is loaded by SnapshotFixtureV2Test.
 */
class SnapshotFixtureTest {
    private Engine engine;
    private final Map<String, Customer> facts = new HashMap<>();

    /** @return the fixture file this class loads */
    String fixture() {
        return "store-v1.bin";
    }

    @BeforeEach
    void loadFixture() throws IOException {
        byte[] dump;
        try (InputStream in = Objects.requireNonNull(
                SnapshotFixtureTest.class.getResourceAsStream("/dev/custflow/snapshots/" + fixture()), fixture())) {
            dump = in.readAllBytes();
        }
        CustomerStore store = SnapshotFixtures.load(dump);
        engine = Custflow.builder().store(store).build();
        ((DefaultEngine) engine).forEachCustomerFact(c -> facts.put(c.getId(), c));
    }

    @Test
    void version1_restoresThePositionClockAndCustomers() {
        assertThat(engine.position()).isEqualTo(21);
        assertThat(engine.clock()).isEqualTo(Instant.parse("2025-03-27T15:00:00Z"));
        assertThat(facts.keySet()).containsExactlyInAnyOrder("L-1", "C-2", "L-3");
    }

    @Test
    void version1_restoresEveryPartOfARichProfile() {
        CustomerProfile p = engine.customer("L-1").orElseThrow();
        assertThat(p).extracting(CustomerProfile::name, CustomerProfile::company, CustomerProfile::companyKey,
                CustomerProfile::phone, CustomerProfile::email, CustomerProfile::channel, CustomerProfile::region,
                CustomerProfile::industry, CustomerProfile::stage)
                .containsExactly("王芳", "上海测试有限公司", "上海测试", "+8613800138000", "wang.fang@example.com", "WECHAT", "华东",
                        "制造", Stage.LOYAL);
        assertThat(p.stageHistory()).extracting(s -> s.to()).containsExactly(Stage.LEAD, Stage.CUSTOMER, Stage.LOYAL);
        assertThat(p.stageHistory().get(2).rule()).isEqualTo("lifecycle: repeat buyer becomes LOYAL");
        assertThat(p.score()).isEqualTo(38);
        assertThat(p.grade()).isEqualTo("C");
        assertThat(p.ownerId()).isEqualTo("r1");
        assertThat(p.tags()).containsExactly("frequent-buyer");
        assertThat(p.orderCount()).isEqualTo(2);
        assertThat(p.totalSpent()).isEqualByComparingTo("1580.00");
        assertThat(p).extracting(CustomerProfile::lastOrderAt, CustomerProfile::openComplaints,
                CustomerProfile::lastNps, CustomerProfile::createdAt)
                .containsExactly(Instant.parse("2025-03-05T01:00:00Z"), 1, 3, Instant.parse("2025-03-03T01:01:00Z"));
        assertThat(p.openWarnings()).containsExactly("LOW_SATISFACTION");
        assertThat(p.rfm()).isEqualTo("355");
        assertThat(p.segment()).hasToString("POTENTIAL");
        assertThat(p.channelTouches()).containsExactly(
                new ChannelTouch("WECHAT", Instant.parse("2025-03-03T01:01:00Z"), "L-1"),
                new ChannelTouch("WEBSITE", Instant.parse("2025-03-03T01:30:00Z"), "L-2"));

        Customer c = facts.get("L-1");
        assertThat(c.getAccountKey()).as("version 1 had no accounts: derived from the company name")
                .isEqualTo("上海测试");
        assertThat(c.getOtherPhones()).isEmpty();
        assertThat(c.getCity()).isEqualTo("上海");
        assertThat(c.getTitle()).isEqualTo("采购经理");
        assertThat(c.getCompanySize()).isEqualTo(200);
        assertThat(c.getBirthday()).isEqualTo(LocalDate.of(1990, 5, 20));
        assertThat(c.getTimeZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(c.getAttributes()).containsExactly(Map.entry("erpId", "A-1001"));
        assertThat(c.getBantAmount()).isEqualByComparingTo("50000.00");
        assertThat(c.getBehaviourTally()).containsExactly(Map.entry("page view", 1));
        assertThat(c.isOptedOut(Channel.SMS)).isTrue();
        assertThat(c.isOptedOut(Channel.EMAIL)).isFalse();
        assertThat(c.getRiskLevel()).isEqualTo(Level.HIGH);
        assertThat(c.hasBought("P-100")).isTrue();
        assertThat(c.hasBought("P-200")).isTrue();
        assertThat(c.getLastDeliveredAt()).isEqualTo(Instant.parse("2025-03-06T01:00:00Z"));
        assertThat(c.getContracts()).singleElement().satisfies(k -> {
            assertThat(k.contractId()).isEqualTo("K-1");
            assertThat(k.expiresOn()).isEqualTo(LocalDate.of(2026, 3, 1));
            assertThat(k.amount()).isEqualByComparingTo("10000.00");
        });
        OpenOrder so1 = c.getOpenOrders().get(0);
        assertThat(c.getOpenOrders()).hasSize(1);
        assertThat(so1.getOrderId()).isEqualTo("SO-1");
        assertThat(so1.getStatus()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(so1.getPaid()).isEqualByComparingTo("500.00");
        assertThat(so1.getAmount()).isEqualByComparingTo("1280.00");
        assertThat(so1.getTrackingNo()).isEqualTo("SF123");
        assertThat(so1.getPromisedDate()).isEqualTo(LocalDate.of(2025, 3, 10));
        OpenTicket t1 = c.getOpenTickets().get(0);
        assertThat(t1.getTicketId()).isEqualTo("T-1");
        assertThat(t1.getKind()).isEqualTo(TicketKind.COMPLAINT);
        assertThat(t1.getSeverity()).isEqualTo("HIGH");
        assertThat(((CustomerRecord) c).isLoadCounted()).isFalse(); // a customer no longer weighs on its rep
        assertThat(((CustomerRecord) c).dueAt()).isEqualTo(1743728400000L);
    }

    @Test
    void version1_restoresHeldMessagesInvalidContactsAndTheOwnersLoadFlag() {
        Customer lead = facts.get("L-3");
        assertThat(lead.getHeldMessages()).isEqualTo(1);
        assertThat(lead.getInvalidContacts()).singleElement().satisfies(bad -> {
            assertThat(bad.field()).isEqualTo("email");
            assertThat(bad.value()).isEqualTo("wang at example");
        });
        assertThat(lead.getOwnerId()).isEqualTo("r1");
        assertThat(((CustomerRecord) lead).isLoadCounted()).isTrue();
        assertThat(lead.nextRelease()).isGreaterThan(engine.clock().toEpochMilli());

        Customer small = facts.get("C-2");
        assertThat(small.getOrderCount()).isEqualTo(1);
        assertThat(small.getTotalSpent()).isEqualByComparingTo(new BigDecimal("99.00"));
        assertThat(small.getOpenOrders()).extracting(OpenOrder::getOrderId).containsExactly("SO-3");
    }

    @Test
    void version1_engineStateRemembersEventIdsMergesOrderOwnersAndKeys() {
        BatchResult repeat = engine.acceptAll(List.of(SnapshotFixtures.story().get(4))); // e05 again
        assertThat(repeat.duplicates()).isEqualTo(1);
        assertThat(engine.customer("L-2").orElseThrow().id()).isEqualTo("L-1"); // merged away, found by its old id

        BatchResult delivered = engine.acceptAll(List.of(new OrderStatusChanged("n1",
                Instant.parse("2025-03-28T02:00:00Z"), "SO-1", OrderStatus.DELIVERED, null, null)));
        assertThat(delivered.rejections()).isEmpty(); // the order's owner was remembered: no customerId needed
        assertThat(engine.customer("L-1").orElseThrow().orderCount()).isEqualTo(2);

        engine.acceptAll(List.of(LeadCaptured.builder("n2", Instant.parse("2025-03-28T03:00:00Z"), "L-4", "WEBSITE")
                .phone("+86 139 0013 9000").build()));
        assertThat(engine.customer("L-4").orElseThrow().id()).isEqualTo("L-3"); // the phone key was remembered
        assertThat(engine.position()).isEqualTo(24);
    }

    @Test
    void version1_deskRemembersTheRepsLoad() {
        // r1 holds L-3 (1 of 5), r2 nothing (0 of 3): a new lead goes to the lighter r2; had r1's load been
        // forgotten, the tie would go to r1 by id
        List<Action> actions = engine.accept(LeadCaptured.builder("n3", Instant.parse("2025-03-28T03:00:00Z"), "L-5",
                "WEBSITE").region("华东").phone("13700137000").build());
        assertThat(engine.customer("L-5").orElseThrow().ownerId()).isEqualTo("r2");
        assertThat(actions).anySatisfy(a -> assertThat(a.type()).isEqualTo("LEAD_ASSIGNED"));
        // and L-3's message held for quiet hours went out when they ended, with the id it was decided with
        assertThat(actions).anySatisfy(a -> {
            assertThat(a.type()).isEqualTo("MESSAGE_REQUESTED");
            assertThat(a.customerId()).isEqualTo("L-3");
            assertThat(a.at()).isEqualTo(Instant.parse("2025-03-28T00:00:00Z"));
        });
    }
}
