package dev.custflow.rules;

import static dev.custflow.testdata.Events.at;
import static dev.custflow.testdata.Events.contact;
import static dev.custflow.testdata.Events.contract;
import static dev.custflow.testdata.Events.lead;
import static dev.custflow.testdata.Events.order;
import static dev.custflow.testdata.Events.resolved;
import static dev.custflow.testdata.Events.status;
import static dev.custflow.testdata.Events.ticket;
import static dev.custflow.testdata.Events.tick;
import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.Custflow;
import dev.custflow.Engine;
import dev.custflow.RulePack;
import dev.custflow.event.LeadCaptured;
import dev.custflow.event.ProfileFields;
import dev.custflow.event.ProfileUpdated;
import dev.custflow.model.InteractionKind;
import dev.custflow.model.OrderStatus;
import dev.custflow.model.TicketKind;
import dev.custflow.test.ExpectedAction;
import dev.custflow.test.RuleVerifier;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The reminders pack (docs/design/rules-catalog.md §8), each reminder on the day it falls due and once per cause.
 * Events are at 09:00 UTC (17:00 in Shanghai, the default business time zone).
 */
class RemindersPackTest {

    /** With the lifecycle pack: the follow-up is for leads and prospects, which the lifecycle makes. */
    private static RuleVerifier reminders() {
        return RuleVerifier.forPacks(RulePack.LIFECYCLE, RulePack.REMINDERS);
    }

    /** The reminders alone, where the lifecycle's own actions would only be noise. */
    private static RuleVerifier remindersOnly() {
        return RuleVerifier.forPacks(RulePack.REMINDERS);
    }

    private static ExpectedAction task(String customerId, String kind) {
        return ExpectedAction.of("TASK_CREATED").with("customerId", customerId).with("kind", kind);
    }

    private static LeadCaptured bornOn(String id, String birthday) {
        return LeadCaptured.builder("lead:" + id, at("2024-01-01"), id, "WEBSITE").email(id + "@example.com")
                .birthday(LocalDate.parse(birthday)).build();
    }

    @Test
    void reminders_followUp_aLeadNobodyContactedFor3Days() {
        reminders().given(lead("L1", "2024-01-01", "WEBSITE"))
                .whenClockAt(at("2024-01-04"))
                .thenExpectOnly(task("L1", "FOLLOW_UP").with("rule",
                                "reminders: follow up a lead nobody has contacted for a while")
                        .with("reason", "no rep has reached this LEAD for 3 days (follow up after 3)"));
    }

    @Test
    void reminders_followUp_theDayBefore_nothing_andOncePerSilence() {
        reminders().given(lead("L1", "2024-01-01", "WEBSITE"))
                .whenClockAt(at("2024-01-03T09:00:00Z"))
                .thenExpectNone();
        // reminded on the 4th; a call on the 5th; silent again: reminded on the 8th, not before
        reminders().given(lead("L1", "2024-01-01", "WEBSITE"), tick("2024-01-04"))
                .when(tick("2024-01-05T08:00:00Z"), contact("L1", InteractionKind.CALL, "r1", "2024-01-05"),
                        tick("2024-01-07"), tick("2024-01-08"))
                .thenExpectOnly(task("L1", "FOLLOW_UP").with("at", "2024-01-08T09:00:00Z"));
    }

    @Test
    void reminders_birthday_greetingOnTheDay_inTheBusinessTimeZone_withoutTheDateOfBirth() {
        // 2024-03-05 starts at 2024-03-04T16:00Z in Shanghai; 02:00Z is 10:00 there, outside quiet hours
        remindersOnly().given(bornOn("C1", "1990-03-05"))
                .whenClockAt(at("2024-03-05T02:00:00Z"))
                .thenExpectOnly(ExpectedAction.of("MESSAGE_REQUESTED").with("template", "BIRTHDAY")
                        .with("channel", "EMAIL").with("reason", "birthday today"));
        remindersOnly().given(bornOn("C1", "1990-03-05"))
                .whenClockAt(at("2024-03-04T02:00:00Z"))
                .thenExpectNone();
    }

    @Test
    void reminders_birthday_29February_isCelebratedOn28FebruaryInOtherYears() {
        remindersOnly().given(bornOn("C1", "2000-02-29"), tick("2025-01-10"))
                .whenClockAt(at("2025-02-28T02:00:00Z"))
                .thenExpectOnly(ExpectedAction.of("MESSAGE_REQUESTED").with("template", "BIRTHDAY"));
    }

    @Test
    void reminders_birthday_onceAYear_andForTheNewDateOnlyWhenItChanges() {
        ProfileUpdated moved = ProfileUpdated.of("moved", at("2024-02-01"), "C1", new ProfileFields(null, null, null,
                null, null, null, null, null, null, LocalDate.parse("1990-03-10"), null, null, null, null, null));
        remindersOnly().given(bornOn("C1", "1990-03-05"), moved)
                .when(tick("2024-03-05T02:00:00Z"), tick("2024-03-10T02:00:00Z"), tick("2024-03-10T05:00:00Z"))
                .thenExpectOnly(ExpectedAction.of("MESSAGE_REQUESTED").with("template", "BIRTHDAY")
                        .with("at", "2024-03-10T02:00:00Z"));
    }

    @Test
    void reminders_birthday_withoutAnyContactData_becomesATaskForTheOwner() {
        reminders().given(LeadCaptured.builder("lead:C1", at("2024-01-01"), "C1", "TRADE_SHOW")
                        .birthday(LocalDate.parse("1990-03-05")).build(), contact("C1", InteractionKind.CALL, "r1",
                        "2024-01-02"), tick("2024-01-06"))
                .whenClockAt(at("2024-03-05T02:00:00Z"))
                .thenExpectOnly(task("C1", "BIRTHDAY"));
    }

    @Test
    void reminders_contractRenewal_30DaysBeforeExpiry_forTheCurrentExpiryOnly() {
        remindersOnly().given(contract("K1", "C1", "2024-01-01", "2024-06-30"), tick("2024-03-01"))
                .whenClockAt(at("2024-05-31T02:00:00Z"))
                .thenExpectOnly(task("C1", "RENEWAL")
                        .with("reason", "contract K1 expires on 2024-06-30, in 30 days")
                        .with("dueAt", "2024-06-29T16:00:00Z"));
        remindersOnly().given(contract("K1", "C1", "2024-01-01", "2024-06-30"), tick("2024-03-01"))
                .whenClockAt(at("2024-05-30T02:00:00Z"))
                .thenExpectNone();
        // extended before the reminder: only the new expiry is reminded, a year later
        remindersOnly().given(contract("K1", "C1", "2024-01-01", "2024-06-30"),
                        contract("K1", "C1", "2024-04-01", "2025-06-30"))
                .when(tick("2024-06-01"), tick("2025-05-31T02:00:00Z"))
                .thenExpectOnly(task("C1", "RENEWAL").with("reason", "contract K1 expires on 2025-06-30, in 30 days"));
    }

    @Test
    void reminders_afterSalesRevisit_7DaysAfterDelivery() {
        reminders().given(order("o1", "C1", "2024-01-01", 100), status("o1", OrderStatus.DELIVERED, "2024-01-10"))
                .whenClockAt(at("2024-01-17"))
                .thenExpectOnly(task("C1", "REVISIT").with("reason", "delivered 7 days ago (revisit after 7)"));
    }

    @Test
    void reminders_revisitBeforeThePredictedRepurchase() {
        // every 30 days: the next order is expected on 03-31, the revisit is a week before
        List<dev.custflow.event.Event> rhythm = List.of(order("o1", "C1", "2024-01-01", 100),
                order("o2", "C1", "2024-01-31", 100), order("o3", "C1", "2024-03-01", 100));
        reminders().given(rhythm).whenClockAt(at("2024-03-23")).thenExpectNone();
        reminders().given(rhythm).whenClockAt(at("2024-03-24"))
                .thenExpectOnly(task("C1", "REVISIT").with("dueAt", "2024-03-31T09:00:00Z").with("reason",
                        "usually orders every 30 days: the next order is expected around 2024-03-31"));
    }

    @Test
    void reminders_ticketWithoutResponse_afterAnOfficeDay_andAComplaintIsEscalatedAfterTwo() {
        // opened on Tuesday at 17:00 in Shanghai: 1 working hour that day, then 8 on Wednesday, 9 more on Thursday
        reminders().given(order("o1", "C1", "2024-01-01", 100), ticket("t1", "C1", TicketKind.COMPLAINT, "2024-01-02"))
                .when(tick("2024-01-03T08:59:00Z"), tick("2024-01-03"), tick("2024-01-04"), tick("2024-01-05"))
                .thenExpectOnly(task("C1", "TICKET_TIMEOUT").with("at", "2024-01-03T09:00:00Z")
                                .with("reason", "COMPLAINT ticket t1 open for 9 working hours (answer within 9)"),
                        task("C1", "ESCALATION").with("at", "2024-01-04T09:00:00Z")
                                .with("reason", "complaint t1 still open after 18 working hours (escalate after 18)"));
    }

    @Test
    void reminders_aTicketOpenedOnFridayEvening_isNotLateOverTheWeekend() {
        // Friday 5 January 2024, 19:00 in Shanghai: the office is closed until Monday 09:00, due at 18:00
        reminders().given(order("o1", "C1", "2024-01-01", 100),
                        ticket("t1", "C1", TicketKind.INQUIRY, "2024-01-05T11:00:00Z"))
                .when(tick("2024-01-07T11:00:00Z"), tick("2024-01-08T09:59:00Z"), tick("2024-01-08T10:00:00Z"))
                .thenExpectOnly(task("C1", "TICKET_TIMEOUT").with("at", "2024-01-08T10:00:00Z")
                        .with("reason", "INQUIRY ticket t1 open for 9 working hours (answer within 9)"));
    }

    @Test
    void reminders_aTicketResolvedInTime_remindsNothing_andFirstContactResolutionIsRecorded() {
        reminders().given(order("o1", "C1", "2024-01-01", 100), ticket("t1", "C1", TicketKind.INQUIRY, "2024-01-02"),
                        resolved("t1", "2024-01-02T10:00:00Z"))
                .whenClockAt(at("2024-01-05"))
                .thenExpectNone();
        try (Engine e = Custflow.builder().build()) {
            e.acceptAll(List.of(order("o1", "C1", "2024-01-01", 100), ticket("t1", "C1", TicketKind.INQUIRY,
                    "2024-01-02"), resolved("t1", "2024-01-02T10:00:00Z")));
            assertThat(e.customer("C1").orElseThrow().firstContactResolutions()).isEqualTo(1);
        }
    }
}
