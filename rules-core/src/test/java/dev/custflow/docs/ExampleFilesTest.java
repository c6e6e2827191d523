package dev.custflow.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custflow.BatchResult;
import dev.custflow.Custflow;
import dev.custflow.Engine;
import dev.custflow.EventRejectedException;
import dev.custflow.Json;
import dev.custflow.Rejection;
import dev.custflow.event.Event;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The example event files of docs/examples do what README.md and their pages say: the actions, the counts
 * {@code bin/custflow replay} prints, and what the policy gate holds back, with the built-in packs and default
 * settings. A change to a built-in pack that changes them changes those pages too. (The command line's own tests,
 * in the cli module, check what replay does with any file, not these outputs.)
 */
class ExampleFilesTest {
    private static final Path EXAMPLES = Path.of("../docs/examples");

    /**
     * One file through the engine in one batch, as {@code replay} reads it: blank lines skipped, a line that is no
     * event rejected with its number.
     */
    private record Replay(List<JsonNode> actions, List<JsonNode> audit, List<Rejection> rejections, int accepted,
                          int duplicates) {
        static Replay of(Path file) throws IOException {
            List<Event> events = new ArrayList<>();
            List<Rejection> rejections = new ArrayList<>();
            long n = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    events.add(Json.readEvent(line, n));
                } catch (EventRejectedException e) {
                    rejections.add(Rejection.of(e));
                }
            }
            List<JsonNode> audit = new ArrayList<>();
            try (Engine e = Custflow.builder().auditLog(entry -> audit.add(Json.mapper().valueToTree(entry))).build()) {
                BatchResult r = e.acceptAll(events);
                rejections.addAll(r.rejections());
                List<JsonNode> actions = r.actions().stream().map(a -> tree(Json.write(a))).toList();
                return new Replay(actions, audit, rejections, r.accepted(), r.duplicates());
            }
        }

        private static JsonNode tree(String json) {
            try {
                return Json.mapper().readTree(json);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** @return the counts as replay's summary line words them */
        String summary() {
            return accepted + " events accepted, " + rejections.size() + " rejected, " + duplicates + " duplicates; "
                    + actions.size() + " actions";
        }
    }

    @Test
    void lifecycle_givesItsStageChanges_andRejectsTheTwoBadLines() throws IOException {
        Replay run = Replay.of(EXAMPLES.resolve("lifecycle.jsonl"));

        assertThat(run.actions()).filteredOn(a -> a.get("type").asText().equals("STAGE_CHANGED"))
                .extracting(a -> a.get("customerId").asText() + " -> " + a.get("to").asText())
                .containsExactly(
                        "L-1001 -> LEAD", "L-1001 -> CUSTOMER", "L-1001 -> LOYAL", "L-1001 -> ADVOCATE",
                        "C-2002 -> CUSTOMER", "L-1001 -> DORMANT", "C-2002 -> DORMANT");
        // the churn pack warns when time passes without an order, and clears when one comes
        assertThat(run.actions()).filteredOn(a -> a.get("type").asText().startsWith("CHURN"))
                .extracting(a -> a.get("customerId").asText() + " " + a.get("type").asText() + " "
                        + a.get("cause").asText())
                .containsExactly("L-1001 CHURN_WARNING NO_ORDER", "L-1001 CHURN_CLEARED NO_ORDER",
                        "L-1001 CHURN_WARNING NO_ORDER", "L-1001 CHURN_WARNING NO_ORDER_LONG",
                        "C-2002 CHURN_WARNING NO_ORDER", "C-2002 CHURN_WARNING NO_ORDER_LONG");
        assertThat(run.actions()).extracting(a -> a.get("type").asText()).contains("AT_RISK_DIGEST");
        // the scoring pack nurtures the lead (score 40, below the MQL threshold) until its first order; the
        // advocacy pack invites the big, loyal promoter to refer others; the marketing pack offers a
        // win-back gift after 180 days; both by SMS: the lead left a phone number
        assertThat(run.actions()).filteredOn(a -> a.get("type").asText().equals("MESSAGE_REQUESTED"))
                .extracting(a -> a.get("customerId").asText() + " " + a.get("channel").asText() + " "
                        + a.get("template").asText())
                .containsExactly("L-1001 SMS NURTURE", "L-1001 SMS NURTURE", "L-1001 SMS REFERRAL_INVITE",
                        "L-1001 SMS WIN_BACK");
        // and the reminders pack a follow-up: no rep had called the lead before its first order, 18 days on
        assertThat(run.actions()).filteredOn(a -> a.get("type").asText().equals("TASK_CREATED"))
                .extracting(a -> a.get("customerId").asText() + " " + a.get("kind").asText())
                .containsExactly("L-1001 FOLLOW_UP");
        // the assignment pack gives the lead to the rep of its region at once; nobody calls within 5 minutes
        assertThat(run.actions()).filteredOn(a -> a.get("type").asText().matches("LEAD_ASSIGNED|SLA_ESCALATED"))
                .extracting(a -> a.get("type").asText() + " " + a.get("repId").asText() + " " + a.get("at").asText())
                .containsExactly("LEAD_ASSIGNED r-zhang 2024-01-02T09:00:00Z", "SLA_ESCALATED r-zhang 2024-01-02T09:05:00Z");
        // the scoring pack scores the lead at capture from its profile
        assertThat(run.actions()).filteredOn(a -> a.get("type").asText().equals("LEAD_SCORED"))
                .extracting(a -> a.get("customerId").asText() + " " + a.get("score").asInt() + " "
                        + a.get("grade").asText())
                .containsExactly("L-1001 40 C");
        // and the segments pack: NEW on the first order, then the weekly RFM recompute moves them
        assertThat(run.actions()).filteredOn(a -> a.get("type").asText().equals("SEGMENT_CHANGED"))
                .extracting(a -> a.get("customerId").asText() + " " + a.get("segment").asText())
                .containsExactly("L-1001 NEW", "L-1001 HIGH_VALUE", "C-2002 NEW", "C-2002 POTENTIAL",
                        "L-1001 POTENTIAL");
        assertThat(run.actions()).allSatisfy(a -> {
            assertThat(a.get("rule").asText())
                    .containsPattern("^(lifecycle|scoring|churn|marketing|reminders|segments|advocacy|assignment): ");
            assertThat(a.get("reason").asText()).isNotBlank();
        });
        assertThat(run.rejections()).extracting(Rejection::message).satisfiesExactly(
                negative -> assertThat(negative).contains("line 5, OrderPlaced \"ev-4\"", "field 'amount' = -50",
                        "must not be negative"),
                notJson -> assertThat(notJson).contains("(line 7)", "malformed JSON"));
        // what README.md says replay prints
        assertThat(run.summary()).isEqualTo("7 events accepted, 2 rejected, 1 duplicates; 32 actions");
    }

    @Test
    void leads_mergesScoresAssignsAndEscalatesAsDocumented() throws IOException {
        Replay run = Replay.of(EXAMPLES.resolve("leads.jsonl"));

        assertThat(run.summary()).isEqualTo("21 events accepted, 0 rejected, 0 duplicates; 37 actions");
        assertThat(run.actions()).filteredOn(a -> a.get("type").asText().equals("LEADS_MERGED"))
                .extracting(a -> a.get("survivorId").asText() + " <- " + a.get("mergedId").asText() + " "
                        + a.get("matchedOn"))
                .containsExactly("L-102 <- L-103 [\"PHONE\"]");
        // L-104 is L-101's colleague: a lead of its own under L-101's account, not merged into L-101
        assertThat(run.actions()).filteredOn(a -> a.get("type").asText().equals("ACCOUNT_LINKED"))
                .extracting(a -> a.get("customerId").asText() + " " + a.get("accountKey").asText() + " "
                        + a.get("contacts").asInt() + " " + a.get("accountOwnerId").asText())
                .containsExactly("L-104 上海精工机械 2 r-sun");
        assertThat(run.actions()).filteredOn(a -> a.get("type").asText().equals("LEAD_SCORED")
                        && a.get("at").asText().startsWith("2024-05-06"))
                .extracting(a -> a.get("customerId").asText() + " " + a.get("score").asInt() + " " + a.get("grade").asText())
                .containsExactly("L-101 57 B", "L-102 26 C", "L-104 23 D", "L-106 52 B", "L-107 96 A");
        assertThat(run.actions()).filteredOn(a -> a.get("type").asText().matches("LEAD_ASSIGNED|LEAD_REASSIGNED"
                        + "|SLA_ESCALATED"))
                .extracting(a -> a.get("at").asText().substring(11, 16) + " " + a.get("type").asText() + " "
                        + a.get("customerId").asText() + " " + a.get("repId").asText()
                        + (a.has("strategy") ? " " + a.get("strategy").asText() : "")
                        + (a.has("minutesLate") ? " " + a.get("minutesLate").asInt() : ""))
                .containsExactly("01:00 LEAD_ASSIGNED L-101 r-sun KEY_ACCOUNT",
                        "02:00 LEAD_ASSIGNED L-102 r-chen REGION",
                        "02:05 SLA_ESCALATED L-102 r-chen 5",
                        "02:35 LEAD_REASSIGNED L-102 r-wang 35",
                        "03:00 LEAD_ASSIGNED L-104 r-chen ROUND_ROBIN",
                        "03:05 SLA_ESCALATED L-104 r-chen 5",
                        "03:35 LEAD_REASSIGNED L-104 r-liu 35",
                        "03:40 SLA_ESCALATED L-104 r-liu 5",
                        "04:00 LEAD_ASSIGNED L-106 r-liu REGION",
                        "05:00 LEAD_ASSIGNED L-107 r-chen SENIOR",
                        "05:05 SLA_ESCALATED L-107 r-chen 5",
                        "05:35 LEAD_REASSIGNED L-107 r-zhao 35",
                        "05:40 SLA_ESCALATED L-107 r-zhao 5");
        assertThat(run.actions()).filteredOn(a -> a.get("type").asText().equals("LEAD_DISQUALIFIED"))
                .extracting(a -> a.get("customerId").asText() + " " + a.get("cause").asText())
                .containsExactly("L-105 NO_CONTACT");
        assertThat(run.actions()).filteredOn(a -> a.get("type").asText().equals("OPPORTUNITY_CREATED"))
                .extracting(a -> a.get("customerId").asText() + " " + a.get("ownerId").asText())
                .containsExactly("L-106 r-liu");
        assertThat(run.actions()).filteredOn(a -> a.get("type").asText().equals("TASK_CREATED"))
                .extracting(a -> a.get("customerId").asText() + " " + a.get("kind").asText() + " " + a.get("repId").asText())
                .containsExactly("L-101 FOLLOW_UP r-sun", "L-102 FOLLOW_UP r-wang", "L-104 FOLLOW_UP r-liu",
                        "L-106 FOLLOW_UP r-liu", "L-107 FOLLOW_UP r-zhao");
    }

    @Test
    void retention_warnsRemindsSegmentsRewards_andHoldsBackWhatThePolicyForbids() throws IOException {
        Replay run = Replay.of(EXAMPLES.resolve("retention.jsonl"));

        assertThat(run.summary()).isEqualTo("38 events accepted, 0 rejected, 0 duplicates; 118 actions");
        // churn: one warning per customer and cause, each with its level; the complaints warning clears when
        // the complaints leave the 90-day window
        assertThat(run.actions()).filteredOn(a -> a.get("type").asText().startsWith("CHURN"))
                .extracting(a -> a.get("customerId").asText() + " " + a.get("type").asText().substring(6) + " "
                        + a.get("cause").asText() + (a.has("level") ? " " + a.get("level").asText() : ""))
                .containsExactly("C-3 WARNING NO_ORDER MEDIUM", "C-2 WARNING NO_ORDER MEDIUM",
                        "C-1 WARNING AMOUNT_FALLING MEDIUM", "C-1 WARNING COMPLAINTS HIGH",
                        "C-1 WARNING NO_ORDER MEDIUM", "C-1 WARNING INTERVAL_LENGTHENING MEDIUM",
                        "C-3 WARNING NO_ORDER_LONG HIGH", "C-2 WARNING NO_ORDER_LONG HIGH",
                        "C-4 WARNING LOW_SATISFACTION HIGH", "C-5 WARNING NO_ORDER MEDIUM",
                        "C-5 WARNING INTERVAL_LENGTHENING MEDIUM", "C-1 WARNING NO_ORDER_LONG HIGH",
                        "C-6 WARNING NO_ORDER MEDIUM", "C-1 CLEARED COMPLAINTS", "C-5 WARNING NO_ORDER_LONG HIGH");
        // reminders and service
        assertThat(run.actions()).filteredOn(a -> a.get("type").asText().equals("TASK_CREATED")
                        && !a.get("kind").asText().equals("FOLLOW_UP"))
                .extracting(a -> a.get("at").asText().substring(0, 10) + " " + a.get("customerId").asText() + " "
                        + a.get("kind").asText())
                .containsExactly("2024-02-04 C-5 REVISIT", "2024-02-08 C-1 REVISIT", "2024-02-24 C-1 REVISIT",
                        "2024-03-01 C-1 REVISIT",
                        // the complaint of Friday 1 March falls due after 9 and 18 working hours (Monday and
                        // Tuesday at 10:00); the stream has nothing on Monday, so both are raised on Tuesday
                        "2024-03-03 C-5 REVISIT", "2024-03-05 C-1 TICKET_TIMEOUT", "2024-03-05 C-1 ESCALATION",
                        "2024-03-20 C-5 REVISIT", "2024-04-20 C-5 REVISIT", "2024-05-01 C-4 RENEWAL");
        // messages that passed the gate; C-2 opted out of e-mail and hears nothing; the third campaign in a
        // week is over the cap; the lantern campaign, launched at 22:30 in Shanghai, goes out at 08:00
        assertThat(run.actions()).filteredOn(a -> a.get("type").asText().equals("MESSAGE_REQUESTED"))
                .extracting(a -> a.get("at").asText().substring(0, 16) + " " + a.get("customerId").asText() + " "
                        + a.get("template").asText() + (a.get("params").has("campaignId")
                        ? " " + a.get("params").get("campaignId").asText() : ""))
                .containsExactly("2024-01-10T02:00 C-5 NURTURE", "2024-01-12T02:00 C-1 ONBOARDING",
                        "2024-01-15T00:00 C-3 ONBOARDING", "2024-01-15T02:00 C-4 NURTURE",
                        "2024-01-22T00:00 C-5 ONBOARDING", "2024-01-29T02:00 C-1 CAMPAIGN SPRING-1",
                        "2024-01-29T02:00 C-5 CAMPAIGN SPRING-1", "2024-01-30T02:00 C-1 CAMPAIGN SPRING-2",
                        "2024-01-30T02:00 C-5 CAMPAIGN SPRING-2", "2024-02-09T00:00 C-1 CAMPAIGN LANTERN",
                        "2024-02-09T00:00 C-5 CAMPAIGN LANTERN", "2024-03-15T02:00 C-1 BIRTHDAY",
                        "2024-04-20T02:00 C-5 REFERRAL_INVITE", "2024-05-20T00:00 C-6 ONBOARDING",
                        "2024-07-08T00:00 C-3 WIN_BACK");
        // advocacy: the super user is invited with a personal code; the newcomer who came with it credits
        // the referrer on the first order only
        assertThat(run.actions()).filteredOn(a -> a.get("type").asText().equals("REFERRAL_REWARDED"))
                .extracting(a -> a.get("referrerId").asText() + " <- " + a.get("referredId").asText())
                .containsExactly("C-5 <- C-6");
        assertThat(run.actions()).filteredOn(a -> a.get("type").asText().equals("SEGMENT_CHANGED"))
                .extracting(a -> a.get("segment").asText())
                .contains("NEW", "HIGH_VALUE", "POTENTIAL", "SLEEPING", "LOST");
        // the audit trail says what the gate held back, and why
        assertThat(run.audit()).filteredOn(e -> !e.get("outcome").asText().equals("EMITTED")).extracting(e -> e.get("customerId").asText() + " " + e.get("outcome").asText() + " "
                        + e.get("note").asText().replaceAll(":.*", ""))
                .containsExactly("C-3 DEFERRED quiet hours 21", "C-2 SUPPRESSED customer opted out of EMAIL (doNotEmail)",
                        "C-5 DEFERRED quiet hours 21", "C-1 SUPPRESSED frequency cap", "C-5 SUPPRESSED frequency cap",
                        "C-1 DEFERRED quiet hours 21", "C-5 DEFERRED quiet hours 21",
                        "C-2 SUPPRESSED customer opted out of EMAIL (doNotEmail)", "C-6 DEFERRED quiet hours 21",
                        "C-3 DEFERRED quiet hours 21", "C-2 SUPPRESSED customer opted out of EMAIL (doNotEmail)");
    }

    @Test
    void fulfilment_givesEachFulfilmentActionOnItsDay_lateOnTheDayThePromisePasses() throws IOException {
        Replay run = Replay.of(EXAMPLES.resolve("fulfilment.jsonl"));

        assertThat(run.summary()).isEqualTo("26 events accepted, 0 rejected, 1 duplicates; 38 actions");
        // fulfilment.md lists these: the day (UTC; Shanghai is 8 hours ahead), the action and what it is about
        assertThat(run.actions()).filteredOn(a -> a.get("rule").asText().startsWith("fulfilment:"))
                .extracting(a -> a.get("at").asText() + " " + a.get("type").asText() + " "
                        + a.path("orderId").asText(a.path("repId").asText()) + detail(a))
                .containsExactly(
                        "2024-03-04T06:00:00Z INVOICE_REQUESTED SO-101",
                        "2024-03-04T06:00:00Z STOCK_CHECK_REQUESTED SO-101",
                        "2024-03-05T03:00:00Z PRODUCTION_REQUESTED SO-101 [PUMP-200 2, VALVE-7 40]",
                        "2024-03-08T02:00:00Z TASK_CREATED finance PAYMENT",
                        "2024-03-08T02:00:00Z TASK_CREATED r-zhou PAYMENT",
                        // promised for 15 March: late from 16 March 00:00 Shanghai (15 March 16:00 UTC), not at the
                        // tick one minute before; then every 3 days until delivered on 22 March
                        "2024-03-15T16:00:00Z DELIVERY_LATE SO-101 1",
                        "2024-03-18T16:00:00Z DELIVERY_LATE SO-101 4",
                        "2024-03-19T02:00:00Z SHIPMENT_REQUESTED SO-101",
                        "2024-03-20T02:00:00Z MESSAGE_REQUESTED  SHIPPING_NOTICE SF1234567890",
                        "2024-03-21T16:00:00Z DELIVERY_LATE SO-101 7",
                        // invoiced 4 March, 30 days' terms: due 3 April, overdue from 4 April 00:00 Shanghai, every 7 days
                        "2024-04-03T16:00:00Z TASK_CREATED finance PAYMENT",
                        "2024-04-03T16:00:00Z TASK_CREATED r-zhou PAYMENT",
                        "2024-04-10T16:00:00Z TASK_CREATED finance PAYMENT",
                        "2024-04-10T16:00:00Z TASK_CREATED r-zhou PAYMENT",
                        // the second order is cancelled the day after approval: never late, never chased
                        "2024-04-15T03:00:00Z INVOICE_REQUESTED SO-102",
                        "2024-04-15T03:00:00Z STOCK_CHECK_REQUESTED SO-102");
    }

    private static String detail(JsonNode a) {
        return switch (a.get("type").asText()) {
            case "DELIVERY_LATE" -> " " + a.get("daysLate").asText();
            case "TASK_CREATED" -> " " + a.get("kind").asText();
            case "MESSAGE_REQUESTED" -> " " + a.get("template").asText() + " " + a.get("params").get("trackingNo").asText();
            case "PRODUCTION_REQUESTED" -> " " + java.util.stream.StreamSupport.stream(a.get("lines").spliterator(), false)
                    .map(l -> l.get("sku").asText() + " " + l.get("quantity").asText()).toList();
            default -> "";
        };
    }
}
