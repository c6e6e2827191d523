package dev.custflow.policy;

import static dev.custflow.testdata.Events.at;
import static dev.custflow.testdata.Events.lead;
import static dev.custflow.testdata.Events.order;
import static dev.custflow.testdata.Events.ticket;
import static dev.custflow.testdata.Events.tick;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.Custflow;
import dev.custflow.Engine;
import dev.custflow.EventRejectedException;
import dev.custflow.Json;
import dev.custflow.RuleSource;
import dev.custflow.action.Action;
import dev.custflow.model.Channel;
import dev.custflow.action.MessageRequested;
import dev.custflow.event.ConsentChanged;
import dev.custflow.event.Event;
import dev.custflow.event.LeadCaptured;
import dev.custflow.model.TicketKind;
import dev.custflow.settings.Settings;
import dev.custflow.spi.AuditEntry;
import dev.custflow.spi.AuditEntry.Outcome;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The policy gate: opt-outs, the marketing frequency cap and quiet hours apply to every message
 * any rule requests, without the rule saying so; what the gate holds or drops is in the audit trail.
 * Quiet hours are 21:00-08:00 Asia/Shanghai (13:00-00:00 UTC) by default.
 */
class PolicyGateTest {
    /** Every order asks for a coupon by e-mail (marketing) and a shipping notice by SMS (service). */
    static final RuleSource MESSAGES = RuleSource.drl("messages.drl", """
            package test.policy
            import dev.custflow.model.*
            import dev.custflow.event.*
            import dev.custflow.action.*
            global dev.custflow.rules.Actions actions

            rule "test: an order earns a coupon"
            when
                $c : Customer()
                OrderPlaced( $o : orderId )
            then
                actions.requestMessage($c, Channel.EMAIL, Template.COUPON, java.util.Map.of("order", $o), "ordered " + $o);
            end

            rule "test: an order gets a shipping notice"
            when
                $c : Customer()
                OrderPlaced( $o : orderId )
            then
                actions.requestMessage($c, Channel.SMS, Template.SHIPPING_NOTICE, java.util.Map.of(), "ordered " + $o);
            end

            rule "test: a complaint gets a care call"
            when
                $c : Customer()
                TicketOpened( kind == TicketKind.COMPLAINT )
            then
                actions.createTask($c, TaskKind.CARE_CALL, null, "complained");
            end
            """);

    private final List<Action> actions = new ArrayList<>();
    private final List<AuditEntry> audit = new ArrayList<>();

    private Engine engine(Settings settings) {
        return Custflow.builder().packs().rules(MESSAGES).settings(settings)
                .actionSink(actions::addAll).auditLog(audit::add).build();
    }

    private Engine engine() {
        return engine(Settings.ofDefaults());
    }

    private List<String> sent() {
        return actions.stream().filter(a -> a instanceof MessageRequested).map(a -> {
            MessageRequested m = (MessageRequested) a;
            return m.customerId() + " " + m.channel() + " " + m.template() + " @" + m.at();
        }).toList();
    }

    private List<String> audited(Outcome outcome) {
        return audit.stream().filter(e -> e.outcome() == outcome)
                .map(e -> e.customerId() + " " + e.actionType() + ": " + e.note()
                        + (e.until() == null ? "" : " until " + e.until())).toList();
    }

    private static LeadCaptured leadWith(String id, String when, boolean doNotEmail, boolean doNotCall, String zone) {
        return LeadCaptured.builder("lead:" + id, at(when), id, "WEBSITE").phone("13800000000")
                .doNotEmail(doNotEmail).doNotCall(doNotCall).timeZone(zone).build();
    }

    private static ConsentChanged consent(String customerId, Channel channel, boolean optedOut, String when) {
        return new ConsentChanged("consent:" + customerId + ":" + channel + "@" + when, at(when), customerId, channel,
                optedOut);
    }

    @Test
    void optOut_doNotEmail_suppressesTheCouponButNotTheSms() {
        try (Engine e = engine()) {
            e.acceptAll(List.of(leadWith("L1", "2024-03-01", true, false, null), order("o1", "L1", "2024-03-02", 100)));
        }
        assertThat(sent()).containsExactly("L1 SMS SHIPPING_NOTICE @2024-03-02T09:00:00Z");
        assertThat(audited(Outcome.SUPPRESSED))
                .containsExactly("L1 MESSAGE_REQUESTED: customer opted out of EMAIL (doNotEmail)");
    }

    @Test
    void optOut_consentChangedPerChannel_holdsThatChannelUntilOptedBackIn() {
        try (Engine e = engine()) {
            e.acceptAll(List.of(lead("L1", "2024-03-01", "WEBSITE"), consent("L1", Channel.SMS, true, "2024-03-01"),
                    order("o1", "L1", "2024-03-02", 100),
                    consent("L1", Channel.SMS, false, "2024-03-20"), order("o2", "L1", "2024-03-21", 100)));
        }
        assertThat(sent()).containsExactly(
                "L1 EMAIL COUPON @2024-03-02T09:00:00Z",
                "L1 EMAIL COUPON @2024-03-21T09:00:00Z",
                "L1 SMS SHIPPING_NOTICE @2024-03-21T09:00:00Z");
        assertThat(audited(Outcome.SUPPRESSED)).containsExactly("L1 MESSAGE_REQUESTED: customer opted out of SMS");
    }

    @Test
    void cap_thirdMarketingMessageWithinSevenDays_isSuppressed_serviceMessagesAreExempt() {
        try (Engine e = engine()) {
            e.acceptAll(List.of(lead("L1", "2024-03-01", "WEBSITE"),
                    order("o1", "L1", "2024-03-02", 100), order("o2", "L1", "2024-03-04", 100),
                    order("o3", "L1", "2024-03-06", 100),
                    // seven days after the first coupon the window has room again
                    order("o4", "L1", "2024-03-09T09:00:01Z", 100)));
        }
        assertThat(sent()).filteredOn(s -> s.contains("COUPON")).containsExactly(
                "L1 EMAIL COUPON @2024-03-02T09:00:00Z", "L1 EMAIL COUPON @2024-03-04T09:00:00Z",
                "L1 EMAIL COUPON @2024-03-09T09:00:01Z");
        assertThat(sent()).filteredOn(s -> s.contains("SHIPPING_NOTICE")).hasSize(4);
        assertThat(audited(Outcome.SUPPRESSED)).containsExactly(
                "L1 MESSAGE_REQUESTED: frequency cap: 2 marketing messages in the last 7 days (at most 2)");
    }

    @Test
    void cap_isASetting() {
        try (Engine e = engine(Settings.builder().set("policy.marketingCap", 1).build())) {
            e.acceptAll(List.of(lead("L1", "2024-03-01", "WEBSITE"),
                    order("o1", "L1", "2024-03-02", 100), order("o2", "L1", "2024-03-04", 100)));
        }
        assertThat(sent()).filteredOn(s -> s.contains("COUPON")).hasSize(1);
    }

    @Test
    void quietHours_messageAt22hShanghai_isHeldUntil08h_andSentOnceWhenTimePasses() {
        try (Engine e = engine()) {
            e.acceptAll(List.of(lead("L1", "2024-03-01", "WEBSITE"), order("o1", "L1", "2024-03-02T14:00:00Z", 100)));
            assertThat(sent()).isEmpty();
            assertThat(audited(Outcome.DEFERRED)).containsExactly(
                    "L1 MESSAGE_REQUESTED: quiet hours 21:00-08:00 (Asia/Shanghai): held until they end until 2024-03-03T00:00:00Z",
                    "L1 MESSAGE_REQUESTED: quiet hours 21:00-08:00 (Asia/Shanghai): held until they end until 2024-03-03T00:00:00Z");

            e.accept(tick("2024-03-02T23:59:00Z")); // 07:59 in Shanghai: still quiet
            assertThat(sent()).isEmpty();

            e.accept(tick("2024-03-03T06:00:00Z"));
            e.accept(tick("2024-03-04T06:00:00Z"));
        }
        assertThat(sent()).containsExactly(
                "L1 EMAIL COUPON @2024-03-03T00:00:00Z", "L1 SMS SHIPPING_NOTICE @2024-03-03T00:00:00Z");
        assertThat(actions).extracting(Action::id).doesNotHaveDuplicates();
        assertThat(audit).filteredOn(a -> a.outcome() == Outcome.EMITTED).extracting(AuditEntry::actionId)
                .containsExactlyElementsOf(audit.stream().filter(a -> a.outcome() == Outcome.DEFERRED)
                        .map(AuditEntry::actionId).toList()); // the same messages, same ids
    }

    @Test
    void quietHours_areCountedInTheCustomersOwnTimeZone() {
        try (Engine e = engine()) {
            // 14:00 UTC is 22:00 in Shanghai but 15:00 in Berlin
            e.acceptAll(List.of(leadWith("L1", "2024-03-01", false, false, "Europe/Berlin"),
                    order("o1", "L1", "2024-03-02T14:00:00Z", 100)));
        }
        assertThat(sent()).hasSize(2);
        assertThat(audited(Outcome.DEFERRED)).isEmpty();
    }

    @Test
    void quietHours_aCustomerWhoOptsOutWhileAMessageIsHeld_neverGetsIt() {
        try (Engine e = engine()) {
            e.acceptAll(List.of(lead("L1", "2024-03-01", "WEBSITE"), order("o1", "L1", "2024-03-02T14:00:00Z", 100),
                    consent("L1", Channel.EMAIL, true, "2024-03-02T15:00:00Z"), tick("2024-03-03T06:00:00Z")));
        }
        assertThat(sent()).containsExactly("L1 SMS SHIPPING_NOTICE @2024-03-03T00:00:00Z");
        assertThat(audited(Outcome.SUPPRESSED)).containsExactly(
                "L1 MESSAGE_REQUESTED: customer opted out of EMAIL while the message was held");
    }

    @Test
    void quietHours_switchedOffWhenStartEqualsEnd() {
        Settings noQuiet = Settings.builder().set("policy.quietHoursStart", "00:00").set("policy.quietHoursEnd", "00:00")
                .build();
        try (Engine e = engine(noQuiet)) {
            e.acceptAll(List.of(lead("L1", "2024-03-01", "WEBSITE"), order("o1", "L1", "2024-03-02T14:00:00Z", 100)));
        }
        assertThat(sent()).hasSize(2);
    }

    @Test
    void callTask_forACustomerWhoAskedNotToBeCalled_isSuppressed() {
        try (Engine e = engine()) {
            e.acceptAll(List.of(leadWith("L1", "2024-03-01", false, true, null),
                    ticket("t1", "L1", TicketKind.COMPLAINT, "2024-03-02"),
                    lead("L2", "2024-03-01", "WEBSITE"), ticket("t2", "L2", TicketKind.COMPLAINT, "2024-03-02")));
        }
        assertThat(actions).extracting(a -> a.type() + " " + a.customerId()).containsExactly("TASK_CREATED L2");
        assertThat(audited(Outcome.SUPPRESSED)).containsExactly("L1 TASK_CREATED: customer opted out of CALL (doNotCall)");
    }

    @Test
    void anUnknownTimeZoneIsRejectedNamingTheField() {
        Executable parse = () -> Json.readEvent("""
                {"type":"LeadCaptured","id":"e1","at":"2024-03-01T00:00:00Z","leadId":"L1","channel":"WEB","timeZone":"Mars/Olympus"}""");
        EventRejectedException ex = org.junit.jupiter.api.Assertions.assertThrows(EventRejectedException.class, parse);
        assertThat(ex.getMessage()).contains("timeZone", "Mars/Olympus", "IANA");
    }

    @Test
    void consentChanged_isPartOfTheJsonContract() {
        Event e = Json.readEvent("""
                {"type":"ConsentChanged","id":"c1","at":"2024-03-01T00:00:00Z","customerId":"L1","channel":"WECHAT","optedOut":true}""");
        assertThat(e).isEqualTo(new ConsentChanged("c1", at("2024-03-01T00:00:00Z"), "L1", Channel.WECHAT, true));
    }
}
