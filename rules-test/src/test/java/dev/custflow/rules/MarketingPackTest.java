package dev.custflow.rules;

import static dev.custflow.testdata.Events.at;
import static dev.custflow.testdata.Events.order;
import static dev.custflow.testdata.Events.tick;

import dev.custflow.RulePack;
import dev.custflow.event.LeadCaptured;
import dev.custflow.event.OrderLine;
import dev.custflow.event.OrderPlaced;
import dev.custflow.settings.Settings;
import dev.custflow.test.ExpectedAction;
import dev.custflow.test.RuleVerifier;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The marketing pack (docs/design/rules-catalog.md §10): each trigger once per cause. Events at 09:00 UTC (17:00 Shanghai). */
class MarketingPackTest {
    private static final Settings PAIRS = Settings.builder()
            .set("marketing.crossSell", List.of(Map.of("bought", "PRINTER", "offer", "TONER", "link", "https://shop/toner")))
            .set("marketing.recommendations", Map.of("jazz-fan", Map.of("product", "JAZZ-BOX")))
            .build();

    private static RuleVerifier marketing() {
        return RuleVerifier.forPacks(PAIRS, RulePack.MARKETING);
    }

    private static LeadCaptured customer(String id) {
        return LeadCaptured.builder("lead:" + id, at("2024-01-01"), id, "WEBSITE").email(id + "@example.com").build();
    }

    private static OrderPlaced bought(String orderId, String customerId, String when, String... skus) {
        return new OrderPlaced("order:" + orderId, at(when), orderId, customerId, BigDecimal.valueOf(100), null,
                java.util.Arrays.stream(skus).map(s -> new OrderLine(s, 1, null)).toList(), null);
    }

    private static ExpectedAction message(String customerId, String channel, String template) {
        return ExpectedAction.of("MESSAGE_REQUESTED").with("customerId", customerId).with("channel", channel)
                .with("template", template);
    }

    @Test
    void marketing_onboardingGuide_onDay7AfterTheFirstOrder() {
        marketing().given(customer("C1"), order("o1", "C1", "2024-03-01", 100))
                .whenClockAt(at("2024-03-08"))
                .thenExpectOnly(message("C1", "EMAIL", "ONBOARDING")
                        .with("rule", "marketing: onboarding guide soon after the first order")
                        .with("reason", "day 7 after the first order (the guide goes out on day 7)"));
    }

    @Test
    void marketing_onboarding_theDayBefore_nothing_andNeverTwice() {
        marketing().given(customer("C1"), order("o1", "C1", "2024-03-01", 100))
                .whenClockAt(at("2024-03-07"))
                .thenExpectNone();
        marketing().given(customer("C1"), order("o1", "C1", "2024-03-01", 100), tick("2024-03-08"))
                .when(order("o2", "C1", "2024-03-09", 100), tick("2024-03-10"))
                .thenExpectNone();
    }

    @Test
    void marketing_onboarding_notForACustomerWhoseFirstOrderIsOld() {
        marketing().given(customer("C1"), order("o1", "C1", "2024-01-01", 100))
                .when(order("o2", "C1", "2024-03-01", 100))
                .thenExpectNone();
    }

    @Test
    void marketing_winBackGift_after180DaysWithoutAnOrder_onceUntilTheNextOrder() {
        marketing().given(customer("C1"), order("o1", "C1", "2024-01-01", 100), tick("2024-01-20"))
                .whenClockAt(at("2024-06-29"))
                .thenExpectOnly(message("C1", "EMAIL", "WIN_BACK")
                        .with("reason", "no order for 180 days (win-back from 180 days)"));
        // after the next order, a second long sleep earns another gift
        marketing().given(customer("C1"), order("o1", "C1", "2024-01-01", 100), tick("2024-01-20"),
                        tick("2024-07-01"), order("o2", "C1", "2024-07-05", 100), tick("2024-08-01"))
                .whenClockAt(at("2025-01-01"))
                .thenExpectOnly(message("C1", "EMAIL", "WIN_BACK"));
    }

    @Test
    void marketing_winBack_theDayBefore_nothing() {
        marketing().given(customer("C1"), order("o1", "C1", "2024-01-01", 100), tick("2024-01-20"))
                .whenClockAt(at("2024-06-28"))
                .thenExpectNone();
    }

    @Test
    void marketing_crossSell_boughtAMoreThanSixMonthsAgoAndNeverB_hearsAboutB() {
        marketing().given(customer("C1"), bought("o1", "C1", "2024-01-01", "PRINTER"), tick("2024-01-10"),
                        bought("o2", "C1", "2024-05-01", "PAPER"))
                .whenClockAt(at("2024-06-29"))
                .thenExpectOnly(message("C1", "EMAIL", "CROSS_SELL")
                        .with("params.product", "TONER").with("params.link", "https://shop/toner")
                        .with("reason", "bought PRINTER 180 days ago and never TONER"));
    }

    @Test
    void marketing_crossSell_notWhenBWasBought_notBeforeSixMonths_notTwice() {
        marketing().given(customer("C1"), bought("o1", "C1", "2024-01-01", "PRINTER", "TONER"), tick("2024-01-10"),
                        order("o2", "C1", "2024-06-01", 100))
                .whenClockAt(at("2024-08-01"))
                .thenExpectNone();
        marketing().given(customer("C2"), bought("o1", "C2", "2024-01-01", "PRINTER"), tick("2024-01-10"))
                .whenClockAt(at("2024-06-28"))
                .thenExpectNone();
        marketing().given(customer("C3"), bought("o1", "C3", "2024-01-01", "PRINTER"), tick("2024-01-10"),
                        tick("2024-06-30"))
                .when(bought("o2", "C3", "2024-07-01", "PAPER"), tick("2024-07-02"))
                .thenExpectNone();
    }

    @Test
    void marketing_behaviourTag_recommendsItsProduct_once() {
        RuleVerifier.forEngine(b -> b.packs(RulePack.MARKETING).settings(PAIRS).rules(dev.custflow.RuleSource.drl(
                        "tags.drl", """
                                package test.tags
                                import dev.custflow.model.Customer
                                import dev.custflow.event.OrderPlaced
                                global dev.custflow.rules.Actions actions
                                rule "test: jazz buyers are tagged"
                                when
                                    $c : Customer( hasBought("JAZZ-CD") )
                                then
                                    actions.addTag($c, "jazz-fan", "bought jazz");
                                end
                                """)))
                .given(customer("C1"), order("o0", "C1", "2024-02-25", 10))
                .when(bought("o1", "C1", "2024-03-01", "JAZZ-CD"), bought("o2", "C1", "2024-03-02", "JAZZ-CD"))
                .thenExpectOnly(ExpectedAction.of("TAG_ADDED").with("tag", "jazz-fan"),
                        message("C1", "EMAIL", "RECOMMENDATION").with("params.product", "JAZZ-BOX")
                                .with("reason", "tagged 'jazz-fan', which recommends JAZZ-BOX"));
    }

    @Test
    void marketing_aCustomerWithoutContactData_getsNoMessage() {
        marketing().given(order("o1", "C9", "2024-03-01", 100))
                .whenClockAt(at("2024-03-08"))
                .thenExpectNone();
    }

    @Test
    void marketing_channelsAreTriedInTheOrderOfTheSettings() {
        Settings smsFirst = Settings.from(PAIRS).set("marketing.channels", List.of("SMS", "EMAIL")).build();
        RuleVerifier.forPacks(smsFirst, RulePack.MARKETING)
                .given(LeadCaptured.builder("lead:C1", at("2024-01-01"), "C1", "WEB").email("a@b.c").phone("13800000000")
                        .build(), order("o1", "C1", "2024-03-01", 100))
                .whenClockAt(at("2024-03-08"))
                .thenExpectOnly(message("C1", "SMS", "ONBOARDING"));
    }

    /** Segments come from the segments pack (fixed thresholds here, so no weekly recompute is needed). */
    private static RuleVerifier withSegments() {
        return RuleVerifier.forPacks(Settings.from(PAIRS).set("segments.mode", "FIXED").build(), RulePack.MARKETING,
                RulePack.SEGMENTS);
    }

    /** Five orders of 3,000 in five days: a HIGH_VALUE customer (RFM 544 with the fixed thresholds). */
    private static List<dev.custflow.event.Event> highValue(String id) {
        List<dev.custflow.event.Event> events = new java.util.ArrayList<>();
        events.add(customer(id));
        for (int i = 1; i <= 5; i++) {
            events.add(order(id + "-o" + i, id, "2024-03-0" + i, 3_000));
        }
        return events;
    }

    @Test
    void marketing_goodReviewFromAHighValueCustomer_earnsACouponAndACareCall_once() {
        withSegments().given(highValue("C1"))
                .when(new dev.custflow.event.SurveyAnswered("s1", at("2024-03-06"), "C1", null, null,
                                dev.custflow.model.Review.GOOD),
                        order("C1-o6", "C1", "2024-03-07", 3_000))
                .thenExpectOnly(message("C1", "EMAIL", "COUPON").with("params.percent", "10")
                                .with("reason", "high-value customer gave a GOOD review 0 days ago"),
                        ExpectedAction.of("TASK_CREATED").with("kind", "CARE_CALL"));
    }

    @Test
    void marketing_goodReviewFromACustomerWhoIsNotHighValue_earnsNothing() {
        withSegments().given(customer("C1"), order("o1", "C1", "2024-03-01", 100))
                .when(new dev.custflow.event.SurveyAnswered("s1", at("2024-03-06"), "C1", null, null,
                        dev.custflow.model.Review.GOOD))
                .thenExpectNone();
    }

    @Test
    void marketing_aCampaignReachesEveryCustomerOfItsSegment_onItsChannel() {
        List<dev.custflow.event.Event> given = new java.util.ArrayList<>(highValue("C1"));
        given.add(customer("C2"));
        given.add(order("C2-o1", "C2", "2024-03-05", 100)); // NEW
        withSegments().given(given)
                .when(new dev.custflow.event.CampaignLaunched("camp1", at("2024-03-06"), "SPRING", "HIGH_VALUE",
                        "Spring for our best", "EMAIL"))
                .thenExpectOnly(message("C1", "EMAIL", "CAMPAIGN").with("params.campaignId", "SPRING")
                        .with("reason", "campaign SPRING for segment HIGH_VALUE (高价值客户)"));
    }

    @Test
    void marketing_aCampaignWithAnUnknownChannel_isRejectedNamingIt() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new dev.custflow.event.CampaignLaunched("c",
                        at("2024-03-06"), "SPRING", "HIGH_VALUE", null, "FAX"))
                .hasMessageContaining("channel").hasMessageContaining("FAX");
    }
}
