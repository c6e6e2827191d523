package dev.custflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custflow.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code custflow replay}: JSON Lines events in, JSON Lines actions out, bad lines reported and skipped. */
class ReplayCommandTest {
    /** The hand-written example the README walks through (module dir is the working directory). */
    private static final Path EXAMPLE = Path.of("../docs/examples/lifecycle.jsonl");

    @TempDir
    Path dir;

    @Test
    void theDocumentedExampleGivesItsStageChangesAndReportsTheTwoBadLines() {
        Run run = Run.of("replay", "--events", EXAMPLE.toString());

        assertThat(run.code).isZero();
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
        assertThat(run.err)
                .contains("line 5, OrderPlaced \"ev-4\"", "field 'amount' = -50", "must not be negative")
                .contains("(line 7)", "malformed JSON")
                .contains("7 events accepted, 2 rejected, 1 duplicates; 32 actions");
    }

    /** The leads example of docs/examples/leads.md. */
    private static final Path LEADS = Path.of("../docs/examples/leads.jsonl");

    @Test
    void theLeadsExampleMergesScoresAssignsAndEscalatesAsDocumented() {
        Run run = Run.of("replay", "--events", LEADS.toString());

        assertThat(run.code).isZero();
        assertThat(run.err).contains("21 events accepted, 0 rejected, 0 duplicates; 31 actions");
        assertThat(run.actions()).filteredOn(a -> a.get("type").asText().equals("LEADS_MERGED"))
                .extracting(a -> a.get("survivorId").asText() + " <- " + a.get("mergedId").asText() + " "
                        + a.get("matchedOn"))
                .containsExactly("L-102 <- L-103 [\"PHONE\"]", "L-101 <- L-104 [\"COMPANY\"]");
        assertThat(run.actions()).filteredOn(a -> a.get("type").asText().equals("LEAD_SCORED")
                        && a.get("at").asText().startsWith("2024-05-06"))
                .extracting(a -> a.get("customerId").asText() + " " + a.get("score").asInt() + " " + a.get("grade").asText())
                .containsExactly("L-101 57 B", "L-102 26 C", "L-106 52 B", "L-107 96 A");
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
                .containsExactly("L-101 FOLLOW_UP r-sun", "L-102 FOLLOW_UP r-wang", "L-106 FOLLOW_UP r-liu",
                        "L-107 FOLLOW_UP r-zhao");
    }

    /** The retention example of docs/examples/retention.md. */
    private static final Path RETENTION = Path.of("../docs/examples/retention.jsonl");

    @Test
    void theRetentionExampleWarnsRemindsSegmentsRewardsAndHoldsBackWhatThePolicyForbids() throws IOException {
        Path audit = dir.resolve("audit.jsonl");
        Run run = Run.of("replay", "--events", RETENTION.toString(), "--audit", audit.toString());

        assertThat(run.code).isZero();
        assertThat(run.err).contains("38 events accepted, 0 rejected, 0 duplicates; 118 actions");
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
                        "2024-03-02 C-1 TICKET_TIMEOUT", "2024-03-03 C-1 ESCALATION", "2024-03-03 C-5 REVISIT",
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
        com.fasterxml.jackson.databind.ObjectMapper mapper = Json.mapper();
        List<JsonNode> gated = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(audit)) {
            JsonNode e = mapper.readTree(line);
            if (!e.get("outcome").asText().equals("EMITTED")) {
                gated.add(e);
            }
        }
        assertThat(gated).extracting(e -> e.get("customerId").asText() + " " + e.get("outcome").asText() + " "
                        + e.get("note").asText().replaceAll(":.*", ""))
                .containsExactly("C-3 DEFERRED quiet hours 21", "C-2 SUPPRESSED customer opted out of EMAIL (doNotEmail)",
                        "C-5 DEFERRED quiet hours 21", "C-1 SUPPRESSED frequency cap", "C-5 SUPPRESSED frequency cap",
                        "C-1 DEFERRED quiet hours 21", "C-5 DEFERRED quiet hours 21",
                        "C-2 SUPPRESSED customer opted out of EMAIL (doNotEmail)", "C-6 DEFERRED quiet hours 21",
                        "C-3 DEFERRED quiet hours 21", "C-2 SUPPRESSED customer opted out of EMAIL (doNotEmail)");
    }

    @Test
    void theSameInputGivesByteIdenticalOutputTwice() {
        assertThat(Run.of("replay", "--events", EXAMPLE.toString()).out)
                .isEqualTo(Run.of("replay", "--events", EXAMPLE.toString()).out);
    }

    @Test
    void readsStandardInputAndWritesToAFileAndAnAuditTrail() throws IOException {
        Path out = dir.resolve("actions.jsonl");
        Path audit = dir.resolve("audit.jsonl");
        Run run = Run.withInput(Files.readAllBytes(EXAMPLE),
                "replay", "--events", "-", "--out", out.toString(), "--audit", audit.toString(), "-q");

        assertThat(run.code).isZero();
        assertThat(run.out).isEmpty();
        assertThat(Files.readAllLines(out)).hasSize(32);
        // every action, plus the first nurture message and the win-back gift held for quiet hours (decided at
        // 00:00 Shanghai by the weekly recompute's wake-ups, sent at 08:00)
        assertThat(Files.readAllLines(audit)).hasSize(34)
                .allSatisfy(line -> assertThat(line).contains("\"rule\"", "\"reason\""))
                .filteredOn(line -> line.contains("DEFERRED")).satisfiesExactly(
                        nurture -> assertThat(nurture).contains("nurture", "quiet hours",
                                "\"until\":\"2024-01-15T00:00:00Z\""),
                        winBack -> assertThat(winBack).contains("win-back", "quiet hours",
                                "\"until\":\"2024-09-30T00:00:00Z\""));
        assertThat(run.err).doesNotContain("events accepted"); // -q
    }

    @Test
    void exitsWithOneWhenNoLineCouldBeProcessed() throws IOException {
        Path events = Files.writeString(dir.resolve("bad.jsonl"), "{\"type\":\"Nope\",\"id\":\"x\"}\nnot json\n");

        Run run = Run.of("replay", "--events", events.toString());

        assertThat(run.code).isEqualTo(1);
        assertThat(run.err).contains("(line 1", "(line 2)", "0 events accepted, 2 rejected");
    }

    @Test
    void aMissingEventsFileIsAUsageError() {
        Run run = Run.of("replay", "--events", dir.resolve("missing.jsonl").toString());

        assertThat(run.code).isEqualTo(2);
        assertThat(run.err).contains("no such file", "missing.jsonl");
    }

    @Test
    void aSettingsFileChangesThresholdsWithoutTouchingRules() throws IOException {
        Path settings = Files.writeString(dir.resolve("settings.yaml"), "lifecycle:\n  dormantAfterDays: 250\n");

        Run run = Run.of("replay", "--events", EXAMPLE.toString(), "--settings", settings.toString());

        // 209 days without an order is no longer dormant; 182 neither
        assertThat(run.actions()).filteredOn(a -> a.get("type").asText().equals("STAGE_CHANGED"))
                .extracting(a -> a.get("to").asText()).doesNotContain("DORMANT");
    }

    @Test
    void aMisspeltSettingIsReportedWithFileLineAndSuggestion() throws IOException {
        Path settings = Files.writeString(dir.resolve("settings.yaml"),
                "# thresholds\nlifecycle:\n  dormantAfterDay: 250\n");

        Run run = Run.of("replay", "--events", EXAMPLE.toString(), "--settings", settings.toString());

        assertThat(run.code).isEqualTo(2);
        assertThat(run.err).contains("settings.yaml:3", "lifecycle.dormantAfterDay", "dormantAfterDays");
        assertThat(run.out).isEmpty();
    }

    @Test
    void aRulesFolderAddsRulesAndReplacesABuiltInRuleOfTheSameName() throws IOException {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("vip.drl"), """
                package rules.custom
                import dev.custflow.model.*
                import dev.custflow.event.*
                global dev.custflow.rules.Actions actions

                // Replaces the built-in rule: here a lead from WeChat is tagged too.
                rule "lifecycle: captured lead becomes LEAD"
                when
                    $c : Customer( stage == null )
                    LeadCaptured( $ch : channel )
                then
                    actions.changeStage($c, Stage.LEAD, "captured via " + $ch + " (custom rule)");
                    actions.addTag($c, "wechat", "came in through WeChat");
                end
                """);

        Run run = Run.of("replay", "--events", EXAMPLE.toString(), "--rules", rules.toString());

        assertThat(run.err).doesNotContain("did not compile");
        assertThat(run.code).isZero();
        assertThat(run.actions()).filteredOn(a -> a.get("type").asText().equals("STAGE_CHANGED")
                        && a.get("to").asText().equals("LEAD"))
                .singleElement()
                .satisfies(a -> assertThat(a.get("reason").asText()).isEqualTo("captured via WECHAT (custom rule)"));
        assertThat(run.actions()).extracting(a -> a.get("type").asText()).contains("TAG_ADDED");
    }

    @Test
    void aBrokenRuleFileIsReportedWithFileLineAndColumnAndNothingRuns() throws IOException {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("broken.drl"), """
                package rules.custom
                import dev.custflow.model.*

                rule "typo"
                when
                    $c : Customer( stagee == Stage.LEAD )
                then
                end
                """);

        Run run = Run.of("replay", "--events", EXAMPLE.toString(), "--rules", rules.toString());

        assertThat(run.code).isEqualTo(2);
        assertThat(run.err).contains("broken.drl:6:20: error: Customer has no property or method 'stagee'; did you mean 'stage'?")
                .contains("the rules did not compile; nothing was replayed");
        assertThat(run.out).isEmpty();
    }

    @Test
    void aRulesFolderInChinese_isLoaded_andItsRulesAct() {
        Path examples = Path.of("../docs/examples/dsl");
        Set<String> chineseRules = Set.of("流失: 成交客户两个月未下单", "服务: 大客户一个月内两次投诉, 客户经理回访",
                "服务: 回访后第三次投诉, 有流失风险", "营销: 微信新客户送优惠券", "销售: 华东制造业优质线索转给销售");

        Run run = Run.of("replay", "--events", examples.resolve("events.jsonl").toString(), "--rules",
                examples.resolve("zh").toString());

        assertThat(run.code).isZero();
        assertThat(run.actions()).extracting(a -> a.get("rule").asText()).filteredOn(chineseRules::contains)
                .containsAll(chineseRules);
    }

    @Test
    void watchingTheRulesFolder_replaysLikeWithoutWatching() throws IOException {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("settings.yaml"), "lifecycle:\n  loyalMinOrders: 3\n");

        Run watched = Run.of("replay", "--events", EXAMPLE.toString(), "--rules", rules.toString(), "--watch");
        Run plain = Run.of("replay", "--events", EXAMPLE.toString(), "--rules", rules.toString());

        assertThat(watched.code).isZero();
        assertThat(watched.out).isEqualTo(plain.out);
        assertThat(watched.err).doesNotContain("reloaded", "not reloaded");
    }

    @Test
    void watchWithoutARulesFolder_isAUsageError() {
        Run run = Run.of("replay", "--events", EXAMPLE.toString(), "--watch");

        assertThat(run.code).isEqualTo(2);
        assertThat(run.err).contains("--watch needs --rules DIR");
        assertThat(run.out).isEmpty();
    }

    @Test
    void helpListsTheCommandsAndTheContract() {
        Run run = Run.of("--help");

        assertThat(run.code).isZero();
        assertThat(run.out).contains("replay", "help", "docs/events.md");
        assertThat(Run.of("replay", "--help").out).contains("--events", "--rules", "--settings", "--out");
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        Run run = Run.of("replay", "--event", "x");

        assertThat(run.code).isEqualTo(2);
        assertThat(run.err).contains("--event");
    }

    /** One run of the command line with captured output. */
    private record Run(int code, String out, String err) {
        static Run of(String... args) {
            return withInput(new byte[0], args);
        }

        static Run withInput(byte[] stdin, String... args) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            InputStream previous = System.in;
            System.setIn(new ByteArrayInputStream(stdin));
            try {
                int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
                return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
            } finally {
                System.setIn(previous);
            }
        }

        List<JsonNode> actions() {
            return out.lines().filter(l -> !l.isBlank()).map(l -> {
                try {
                    return Json.mapper().readTree(l);
                } catch (IOException e) {
                    throw new AssertionError("not a JSON line: " + l, e);
                }
            }).toList();
        }
    }
}
