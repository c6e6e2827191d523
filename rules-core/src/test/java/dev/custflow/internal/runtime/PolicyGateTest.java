package dev.custflow.internal.runtime;

import dev.custflow.internal.profile.CustomerRecord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.model.Channel;
import dev.custflow.action.MessageRequested;
import dev.custflow.action.TaskCreated;
import dev.custflow.action.TaskKind;
import dev.custflow.action.Template;
import dev.custflow.model.Customer;
import dev.custflow.settings.PolicySettings;
import dev.custflow.settings.Settings;
import dev.custflow.spi.AuditEntry.Outcome;
import dev.custflow.testdata.Customers;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The policy gate on its own: opt-outs, the marketing frequency cap (2 in 7 days) and quiet hours (21:00-08:00
 * Asia/Shanghai, which is 13:00-00:00 UTC, by default). PolicyGateTest in dev.custflow.policy checks the same
 * through an engine and its audit trail.
 */
class PolicyGateTest {
    private static final PolicyGate GATE = new PolicyGate(Settings.ofDefaults());
    /** 10:00 in Shanghai on a Monday. */
    private static final Instant DAY = Instant.parse("2024-03-04T02:00:00Z");
    private static final long DAY_MILLIS = 86_400_000L;

    private static long t(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    private static MessageRequested message(CustomerRecord c, Channel channel, Template template) {
        return new MessageRequested("m-" + template, DAY, "test: a rule", "a reason", c.getId(), channel, template,
                Map.of());
    }

    private static TaskCreated task(CustomerRecord c, TaskKind kind) {
        return new TaskCreated("t-" + kind, DAY, "test: a rule", "a reason", c.getId(), null, kind, DAY);
    }

    private static CustomerRecord lead() {
        return Customers.lead("L1", DAY);
    }

    private static PolicyGate.Verdict check(CustomerRecord c, Channel channel, Template template, long now) {
        return GATE.check(c, message(c, channel, template), now);
    }

    @Test
    void aMessageToAChannelTheCustomerOptedOutOf_isSuppressed_namingTheFlag() {
        CustomerRecord c = Customers.lead("L1", DAY, b -> b.doNotEmail(true));
        long now = DAY.toEpochMilli();
        PolicyGate.Verdict v = check(c, Channel.EMAIL, Template.BIRTHDAY, now);
        assertThat(v.outcome()).isEqualTo(Outcome.SUPPRESSED);
        assertThat(v.note()).isEqualTo("customer opted out of EMAIL (doNotEmail)");
        assertThat(check(c, Channel.SMS, Template.BIRTHDAY, now)).isEqualTo(PolicyGate.Verdict.PASS);
    }

    @Test
    void doNotCall_coversSmsAndCalls() {
        CustomerRecord c = Customers.lead("L1", DAY, b -> b.doNotCall(true));
        long now = DAY.toEpochMilli();
        assertThat(check(c, Channel.SMS, Template.SHIPPING_NOTICE, now).note())
                .isEqualTo("customer opted out of SMS (doNotCall)");
        assertThat(check(c, Channel.CALL, Template.SHIPPING_NOTICE, now).outcome()).isEqualTo(Outcome.SUPPRESSED);
        assertThat(check(c, Channel.WECHAT, Template.SHIPPING_NOTICE, now).outcome()).isEqualTo(Outcome.EMITTED);
    }

    @Test
    void anOptOutOfOneChannel_byConsentChanged_suppressesThatChannelOnly() {
        CustomerRecord c = Customers.optedOut(lead(), Channel.WECHAT, DAY);
        long now = DAY.toEpochMilli();
        assertThat(check(c, Channel.WECHAT, Template.CAMPAIGN, now).note()).isEqualTo("customer opted out of WECHAT");
        assertThat(check(c, Channel.EMAIL, Template.CAMPAIGN, now).outcome()).isEqualTo(Outcome.EMITTED);
    }

    @Test
    void frequencyCap_twoMarketingMessagesIn7Days_theThirdIsSuppressed() {
        CustomerRecord c = lead();
        long day1 = DAY.toEpochMilli();
        assertThat(check(c, Channel.EMAIL, Template.COUPON, day1).outcome()).isEqualTo(Outcome.EMITTED);
        assertThat(check(c, Channel.EMAIL, Template.CROSS_SELL, day1 + DAY_MILLIS).outcome())
                .isEqualTo(Outcome.EMITTED);
        PolicyGate.Verdict third = check(c, Channel.EMAIL, Template.WIN_BACK, day1 + 2 * DAY_MILLIS);
        assertThat(third.outcome()).isEqualTo(Outcome.SUPPRESSED);
        assertThat(third.note()).isEqualTo("frequency cap: 2 marketing messages in the last 7 days (at most 2)");
        // a service message is not marketing: no cap
        assertThat(check(c, Channel.EMAIL, Template.BIRTHDAY, day1 + 2 * DAY_MILLIS).outcome())
                .isEqualTo(Outcome.EMITTED);
        // once the first send is more than 7 days old, there is room for one again
        assertThat(check(c, Channel.EMAIL, Template.WIN_BACK, day1 + 7 * DAY_MILLIS + 3_600_000L).outcome())
                .isEqualTo(Outcome.EMITTED);
        assertThat(check(c, Channel.EMAIL, Template.WIN_BACK, day1 + 7 * DAY_MILLIS + 7_200_000L).outcome())
                .isEqualTo(Outcome.SUPPRESSED);
    }

    @Test
    void quietHours_holdAMessageUntilTheyEnd_inTheBusinessZone() {
        CustomerRecord c = lead();
        long night = t("2024-03-04T14:00:00Z"); // 22:00 in Shanghai
        PolicyGate.Verdict v = check(c, Channel.SMS, Template.SHIPPING_NOTICE, night);
        assertThat(v.outcome()).isEqualTo(Outcome.DEFERRED);
        assertThat(v.until()).isEqualTo(t("2024-03-05T00:00:00Z")); // 08:00 the next morning
        assertThat(v.note()).isEqualTo("quiet hours 21:00-08:00 (Asia/Shanghai): held until they end");
        assertThat(c.getHeldMessages()).isEqualTo(1);
        assertThat(c.nextRelease()).isEqualTo(v.until());
    }

    @Test
    void quietHours_afterMidnight_endTheSameMorning() {
        assertThat(GATE.endOfQuietHours(lead(), t("2024-03-04T19:00:00Z"))) // 03:00 on 5 March in Shanghai
                .isEqualTo(t("2024-03-05T00:00:00Z"));
    }

    @Test
    void quietHours_startIsQuiet_endIsNot() {
        CustomerRecord c = lead();
        assertThat(GATE.endOfQuietHours(c, t("2024-03-04T12:59:00Z"))).isEqualTo(t("2024-03-04T12:59:00Z"));
        assertThat(GATE.endOfQuietHours(c, t("2024-03-04T13:00:00Z"))).isEqualTo(t("2024-03-05T00:00:00Z"));
        assertThat(GATE.endOfQuietHours(c, t("2024-03-05T00:00:00Z"))).isEqualTo(t("2024-03-05T00:00:00Z"));
    }

    @Test
    void quietHours_followTheCustomersOwnTimeZone() {
        CustomerRecord london = Customers.lead("L1", DAY, b -> b.timeZone("Europe/London"));
        PolicyGate.Verdict v = check(london, Channel.EMAIL, Template.BIRTHDAY, DAY.toEpochMilli()); // 02:00 in London
        assertThat(v.outcome()).isEqualTo(Outcome.DEFERRED);
        assertThat(v.until()).isEqualTo(t("2024-03-04T08:00:00Z"));
        assertThat(v.note()).contains("(Europe/London)");
    }

    @Test
    void aHeldMarketingMessage_countsTowardTheCap() {
        CustomerRecord c = lead();
        long night = t("2024-03-04T14:00:00Z");
        assertThat(check(c, Channel.EMAIL, Template.COUPON, night).outcome()).isEqualTo(Outcome.DEFERRED);
        assertThat(check(c, Channel.EMAIL, Template.CROSS_SELL, night + 1_800_000L).outcome())
                .isEqualTo(Outcome.DEFERRED);
        assertThat(check(c, Channel.EMAIL, Template.WIN_BACK, t("2024-03-05T02:00:00Z")).outcome())
                .isEqualTo(Outcome.SUPPRESSED);
    }

    @Test
    void checkRelease_aHeldMessageGoesOut_unlessTheCustomerOptedOutMeanwhile() {
        CustomerRecord c = lead();
        MessageRequested held = message(c, Channel.SMS, Template.SHIPPING_NOTICE);
        assertThat(GATE.checkRelease(c, held)).isEqualTo(PolicyGate.Verdict.PASS);
        Customers.optedOut(c, Channel.SMS, DAY);
        PolicyGate.Verdict v = GATE.checkRelease(c, held);
        assertThat(v.outcome()).isEqualTo(Outcome.SUPPRESSED);
        assertThat(v.note()).isEqualTo("customer opted out of SMS while the message was held");
    }

    @Test
    void callTasks_honourDoNotCall_otherTasksPass_andTasksKnowNoQuietHours() {
        CustomerRecord noCalls = Customers.lead("L1", DAY, b -> b.doNotCall(true));
        long night = t("2024-03-04T14:00:00Z");
        PolicyGate.Verdict v = GATE.check(noCalls, task(noCalls, TaskKind.CARE_CALL), night);
        assertThat(v.outcome()).isEqualTo(Outcome.SUPPRESSED);
        assertThat(v.note()).isEqualTo("customer opted out of CALL (doNotCall)");
        assertThat(GATE.check(noCalls, task(noCalls, TaskKind.FOLLOW_UP), night)).isEqualTo(PolicyGate.Verdict.PASS);
        CustomerRecord c = lead();
        assertThat(GATE.check(c, task(c, TaskKind.CARE_CALL), night)).isEqualTo(PolicyGate.Verdict.PASS);
    }

    @Test
    void quietHours_equalStartAndEnd_switchThemOff_andADaytimeWindowDoesNotWrap() {
        PolicyGate off = new PolicyGate(withPolicy(new PolicySettings(2, 7, null, LocalTime.of(9, 0),
                LocalTime.of(9, 0), null)));
        assertThat(off.endOfQuietHours(lead(), t("2024-03-04T14:00:00Z"))).isEqualTo(t("2024-03-04T14:00:00Z"));
        PolicyGate lunch = new PolicyGate(withPolicy(new PolicySettings(2, 7, null, LocalTime.of(12, 0),
                LocalTime.of(14, 0), null)));
        assertThat(lunch.endOfQuietHours(lead(), t("2024-03-04T04:30:00Z"))) // 12:30 in Shanghai
                .isEqualTo(t("2024-03-04T06:00:00Z"));
        assertThat(lunch.endOfQuietHours(lead(), t("2024-03-04T14:00:00Z"))).isEqualTo(t("2024-03-04T14:00:00Z"));
    }

    /** Settings with only the policy changed, built without the JSON binding of the settings builder. */
    private static Settings withPolicy(PolicySettings policy) {
        return new Settings(null, null, null, null, null, null, policy, null, null, null, null, null, null, null,
                null, null, null);
    }
}
