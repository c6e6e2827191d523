package dev.custflow.dsl;

import dev.custflow.RulePack;
import dev.custflow.event.ClockTick;
import dev.custflow.event.Event;
import dev.custflow.event.LeadCaptured;
import dev.custflow.event.OrderPlaced;
import dev.custflow.settings.Settings;
import dev.custflow.test.ExpectedAction;
import dev.custflow.test.RuleVerifier;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The decision tables shipped in docs/examples/tables (docs/decision-tables.md), each loaded as a rules folder in
 * both forms, the spreadsheet ({@code xlsx/}) and the CSV ({@code csv/}): given these events, exactly these actions.
 * Events at 09:00 UTC (17:00 in Shanghai, outside quiet hours).
 */
class DecisionTableExamplesTest {
    private static final Path TABLES = Path.of("../docs/examples/tables");

    private static Instant at(String day) {
        return Instant.parse(day + "T09:00:00Z");
    }

    private static RuleVerifier tables(String form, Settings settings, RulePack... packs) {
        return RuleVerifier.forEngine(b -> b.packs(packs).settings(settings).rulesFrom(TABLES.resolve(form)));
    }

    private static OrderPlaced order(String id, String customerId, String day, int amount) {
        return OrderPlaced.of("order:" + id, at(day), id, customerId, BigDecimal.valueOf(amount));
    }

    private static ClockTick tick(String day) {
        return new ClockTick("tick:" + day, at(day));
    }

    // ------------------------------------------------------------------ (a) lead qualification

    @ParameterizedTest
    @ValueSource(strings = {"csv", "xlsx"})
    void leads_aLargeManufacturerInEastChina_isTaggedKeyAccount_andTheScoreCountsItsFitOnce(String form) {
        LeadCaptured lead = LeadCaptured.builder("e1", at("2025-03-03"), "L1", "WEBSITE").email("wang@example.com")
                .region("华东").industry("制造业").companySize(250).title("采购经理").build();
        tables(form, Settings.ofDefaults(), RulePack.SCORING)
                .when(lead)
                .thenExpectOnly(
                        ExpectedAction.of("TAG_ADDED").with("customerId", "L1").with("tag", "key-account")
                                .with("rule", "Lead qualification_11")
                                .with("reason", "a manufacturer in 华东 with 200 people or more"),
                        // the points come from settings only: the table adds a tag, not points
                        ExpectedAction.of("LEAD_SCORED").with("score", 57).with("fit", 57)
                                .with("reason", "first score: fit 57 (region 华东 +10, industry 制造业 +15, size 250 +12, "
                                        + "title 采购经理 "
                                        + "+10, channel WEBSITE +10) + behaviour 0 = 57, grade B"),
                        ExpectedAction.of("TAG_ADDED").with("tag", "high-quality")
                                .with("rule", "scoring: website lead from a large company is high quality"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"csv", "xlsx"})
    void leads_everyRowThatMatches_addsItsTag_once(String form) {
        LeadCaptured buyer = LeadCaptured.builder("e1", at("2025-03-03"), "L2", "TRADE_SHOW").phone("13800138000")
                .industry("医药").companySize(1500).title("高级采购").build();
        LeadCaptured student = LeadCaptured.builder("e2", at("2025-03-03"), "L3", "WECHAT").title("学生").build();
        tables(form, Settings.ofDefaults())
                .when(buyer, student, LeadCaptured.builder("e3", at("2025-03-04"), "L2", "TRADE_SHOW").build())
                .thenExpectOnly(
                        ExpectedAction.of("TAG_ADDED").with("customerId", "L2").with("tag", "pharma-buyer")
                                .with("rule", "Lead qualification_12").with("reason", "a purchaser in pharmaceuticals"),
                        ExpectedAction.of("TAG_ADDED").with("customerId", "L2").with("tag", "enterprise")
                                .with("rule", "Lead qualification_13").with("reason", "a company of 1,000 people or more"),
                        ExpectedAction.of("TAG_ADDED").with("customerId", "L3").with("tag", "not-a-buyer")
                                .with("rule", "Lead qualification_14").with("reason", "a student: not a buyer"));
    }

    // ------------------------------------------------------------------ (b) churn thresholds per tier

    private static ExpectedAction warning(String cause, String level, String rule, String reason) {
        return ExpectedAction.of("CHURN_WARNING").with("customerId", "C1").with("cause", cause).with("level", level)
                .with("rule", rule).with("reason", reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"csv", "xlsx"})
    void churn_aRegularCustomer_isWarnedMediumAfter30DaysAndHighAfter60_onTheDayItFallsDue(String form) {
        List<Event> twoOrders = List.of(order("o1", "C1", "2024-01-01", 100), order("o2", "C1", "2024-01-10", 100));
        tables(form, Settings.ofDefaults())
                .given(twoOrders)
                .whenClockAt(at("2024-02-08"))
                .thenExpectNone();
        tables(form, Settings.ofDefaults())
                .given(twoOrders)
                .whenClockAt(at("2024-02-09"))
                .thenExpectOnly(warning("TIER_MEDIUM", "MEDIUM", "Churn by tier_13",
                        "no order for 30 days (regular customers: MEDIUM from 30 days)"));
        tables(form, Settings.ofDefaults())
                .given(twoOrders)
                .given(tick("2024-02-09"))
                .whenClockAt(at("2024-03-10"))
                .thenExpectOnly(warning("TIER_HIGH", "HIGH", "Churn by tier_14",
                        "no order for 60 days (regular customers: HIGH from 60 days)"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"csv", "xlsx"})
    void churn_aFirstTimeBuyer_getsMoreTime_andTheNextOrderClearsItsWarning(String form) {
        tables(form, Settings.ofDefaults())
                .given(order("o1", "C1", "2024-01-01", 100), tick("2024-02-01"))
                .whenClockAt(at("2024-03-01"))
                .thenExpectOnly(warning("TIER_MEDIUM", "MEDIUM", "Churn by tier_11",
                        "no order for 60 days (first-time customers: MEDIUM from 60 days)"));
        tables(form, Settings.ofDefaults())
                .given(order("o1", "C1", "2024-01-01", 100), tick("2024-03-01"))
                .when(order("o2", "C1", "2024-03-05", 250))
                .thenExpectOnly(ExpectedAction.of("CHURN_CLEARED").with("customerId", "C1").with("cause", "TIER_MEDIUM")
                        .with("rule", "Churn by tier_13").with("reason", "ordered again (250.00)"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"csv", "xlsx"})
    void churn_aKeyCustomer_isWarnedAfter14Days(String form) {
        List<Event> events = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            events.add(order("o" + i, "C1", "2024-01-0" + i, 100));
        }
        tables(form, Settings.ofDefaults())
                .given(events)
                .whenClockAt(at("2024-01-20"))
                .thenExpectOnly(warning("TIER_MEDIUM", "MEDIUM", "Churn by tier_15",
                        "no order for 14 days (key customers: MEDIUM from 14 days)"));
    }

    // ------------------------------------------------------------------ (c) marketing per segment

    private static final Settings FIXED_RFM = Settings.builder().set("segments.mode", "FIXED").build();

    private static LeadCaptured wechatCustomer(String id) {
        return LeadCaptured.builder("lead:" + id, at("2024-01-01"), id, "WECHAT").build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"csv", "xlsx"})
    void marketing_aNewCustomer_getsTheWelcomePackOnWeChat_once(String form) {
        tables(form, FIXED_RFM, RulePack.SEGMENTS)
                .given(wechatCustomer("C1"))
                .when(order("o1", "C1", "2024-01-02", 100), tick("2024-01-03"))
                .thenExpectOnly(
                        ExpectedAction.of("SEGMENT_CHANGED").with("customerId", "C1").with("segment", "NEW"),
                        ExpectedAction.of("TAG_ADDED").with("tag", "occasional-buyer"),
                        ExpectedAction.of("MESSAGE_REQUESTED").with("customerId", "C1").with("channel", "WECHAT")
                                .with("template", "ONBOARDING").with("params.offer", "新客礼包 welcome pack")
                                .with("rule", "Message per segment_11")
                                .with("reason", "entered segment NEW (新客户): 新客礼包 welcome pack"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"csv", "xlsx"})
    void marketing_aCustomerNotReachableOnTheRowsChannel_getsNoMessage(String form) {
        tables(form, FIXED_RFM, RulePack.SEGMENTS)
                .given(LeadCaptured.builder("lead:C2", at("2024-01-01"), "C2", "WEBSITE").email("c2@example.com").build())
                .when(order("o1", "C2", "2024-01-02", 100))
                .thenExpectOnly(
                        ExpectedAction.of("SEGMENT_CHANGED").with("customerId", "C2").with("segment", "NEW"),
                        ExpectedAction.of("TAG_ADDED").with("tag", "occasional-buyer"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"csv", "xlsx"})
    void marketing_aCustomerBecomingHighValue_getsTheVipCoupon(String form) {
        List<Event> orders = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            orders.add(order("o" + i, "C1", "2024-01-0" + (i + 1), 3_000));
        }
        tables(form, FIXED_RFM, RulePack.SEGMENTS)
                .given(wechatCustomer("C1"))
                .given(orders.subList(0, 4))
                .when(orders.get(4))
                .thenExpectOnly(
                        ExpectedAction.of("SEGMENT_CHANGED").with("segment", "HIGH_VALUE"),
                        ExpectedAction.of("TAG_ADDED").with("tag", "frequent-buyer"),
                        ExpectedAction.of("MESSAGE_REQUESTED").with("channel", "WECHAT").with("template", "COUPON")
                                .with("params.offer", "VIP coupon 15%").with("rule", "Message per segment_12")
                                .with("reason", "entered segment HIGH_VALUE (高价值客户): VIP coupon 15%"));
    }
}
