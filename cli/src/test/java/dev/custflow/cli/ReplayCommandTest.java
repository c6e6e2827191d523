package dev.custflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custflow.Json;
import dev.custflow.action.Action;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code custflow replay}: JSON Lines events in, JSON Lines actions out, bad lines reported with their number and
 * skipped. What the built-in packs make of the documented examples is checked in rules-core
 * ({@code dev.custflow.docs.ExampleFilesTest}); here only what the command does with them.
 */
class ReplayCommandTest {
    /** The hand-written example the README walks through (module dir is the working directory). */
    private static final Path EXAMPLE = Path.of("../docs/examples/lifecycle.jsonl");
    private static final Pattern SUMMARY = Pattern.compile(
            "custflow replay: (\\d+) events accepted, (\\d+) rejected, (\\d+) duplicates; (\\d+) actions in [0-9.]+ s");
    private static final String LEAD = """
            {"type":"LeadCaptured","id":"e1","at":"2024-01-02T09:00:00Z","leadId":"L-1","channel":"WEBSITE"}""";

    @TempDir
    Path dir;

    @Test
    void everyActionIsAJsonLine_andTheSummaryCountsWhatWasReadAndWritten() throws IOException {
        Run run = Run.of("replay", "--events", EXAMPLE.toString());

        assertThat(run.code).isZero();
        List<Action> actions = run.out.lines().map(Json::readAction).toList();
        assertThat(actions).isNotEmpty().allSatisfy(a -> assertThat(a.reason()).isNotBlank());
        long[] summary = summary(run.err);
        long lines = Files.readAllLines(EXAMPLE).stream().filter(l -> !l.isBlank()).count();
        assertThat(summary[0] + summary[1] + summary[2]).as("accepted + rejected + duplicates").isEqualTo(lines);
        assertThat(summary[1]).as("rejected").isEqualTo(run.err.lines().filter(l -> l.startsWith("The event")).count())
                .isEqualTo(2);
        assertThat(summary[2]).as("duplicates: ev-6 is sent twice").isEqualTo(1);
        assertThat(summary[3]).as("actions").isEqualTo(actions.size());
    }

    @Test
    void withMetrics_theMetersAgreeWithTheSummaryAndTheActions() {
        Run run = Run.of("replay", "--events", EXAMPLE.toString(), "--metrics");

        assertThat(run.code).isZero();
        long[] summary = summary(run.err);
        List<Action> actions = run.out.lines().map(Json::readAction).toList();
        assertThat(meter(run.err, "custflow.events{outcome=applied}")).isEqualTo(summary[0]);
        assertThat(meter(run.err, "custflow.events{outcome=duplicate}")).isEqualTo(summary[2]);
        for (String type : actions.stream().map(Action::type).distinct().toList()) {
            assertThat(meter(run.err, "custflow.actions{type=" + type + "}")).as(type)
                    .isEqualTo(actions.stream().filter(a -> a.type().equals(type)).count());
        }
        assertThat(run.err).contains("custflow.calls{kind=events} count=").contains("custflow.rule.firings{rule=");
    }

    private static long meter(String err, String id) {
        return err.lines().filter(l -> l.startsWith(id + " ")).map(l -> Long.parseLong(l.substring(id.length() + 1)))
                .findFirst().orElseThrow(() -> new AssertionError("no meter " + id + " in:\n" + err));
    }

    @Test
    void withLocaleZhCn_theReasonsAreChinese_andEveryOtherFieldIsAsInEnglish() {
        Run english = Run.of("replay", "--events", EXAMPLE.toString());
        Run chinese = Run.of("replay", "--events", EXAMPLE.toString(), "--locale", "zh-CN");

        assertThat(chinese.code).isZero();
        assertThat(chinese.actions()).hasSameSizeAs(english.actions()).isNotEmpty()
                .allSatisfy(a -> assertThat(a.get("reason").asText()).containsPattern("\\p{IsHan}"));
        assertThat(chinese.actions()).map(a -> ((com.fasterxml.jackson.databind.node.ObjectNode) a).without("reason"))
                .isEqualTo(english.actions().stream()
                        .map(a -> ((com.fasterxml.jackson.databind.node.ObjectNode) a).without("reason")).toList());
        assertThat(chinese.actions()).extracting(a -> a.get("reason").asText()).contains("首次下单，金额12800.00");
    }

    @Test
    void theLocaleGivenToCustflowItself_writesTheReasonsInChineseToo() {
        Run chinese = Run.of("--locale", "zh-CN", "replay", "--events", EXAMPLE.toString());

        assertThat(chinese.code).isZero();
        assertThat(chinese.actions()).isNotEmpty()
                .allSatisfy(a -> assertThat(a.get("reason").asText()).containsPattern("\\p{IsHan}"));
    }

    @Test
    void aLocaleReasonsAreNotWrittenIn_isAUsageError_namingTheTwoThatAre() {
        Run run = Run.of("replay", "--events", EXAMPLE.toString(), "--locale", "fr-FR");

        assertThat(run.code).isEqualTo(2);
        assertThat(run.err).contains("--locale: unknown locale 'fr-FR': choose zh-CN (简体中文) or en (English)");
        assertThat(run.out).isEmpty();
    }

    @Test
    void aBadLine_isReportedWithItsNumberAndReason_andTheLinesAfterItAreApplied() {
        Run run = Run.of("replay", "--events", EXAMPLE.toString());

        assertThat(run.err)
                .contains("The event (line 5, OrderPlaced \"ev-4\") was rejected: field 'amount' = -50",
                        "must not be negative")
                .contains("The event (line 7) was rejected: malformed JSON");
        // C-2002's orders come after both bad lines: it becomes a customer
        assertThat(run.actions()).extracting(a -> a.get("type").asText() + " " + a.path("customerId").asText() + " "
                + a.path("to").asText()).contains("STAGE_CHANGED C-2002 CUSTOMER");
    }

    @Test
    void rejections_areReportedInLineOrder_eachNamingItsOwnLine() throws IOException {
        String unknownOrder = """
                {"type":"OrderStatusChanged","id":"s-1","at":"2024-01-03T00:00:00Z","orderId":"%s","status":"SHIPPED"}""";
        Path events = Files.writeString(dir.resolve("mixed.jsonl"), String.join("\n", LEAD,
                unknownOrder.formatted("nobody-knows"), "not json", unknownOrder.formatted("nor-this-one"), "",
                """
                {"type":"OrderPlaced","id":"o-1","at":"2024-01-04T00:00:00Z","orderId":"o1","customerId":"L-1","amount":-1}""")
                + "\n");

        Run run = Run.of("replay", "--events", events.toString());

        assertThat(run.code).isZero();
        assertThat(run.err.lines().filter(l -> l.startsWith("The event"))).satisfiesExactly(
                l -> assertThat(l).startsWith("The event (line 2, OrderStatusChanged \"s-1\")").contains("nobody-knows"),
                l -> assertThat(l).startsWith("The event (line 3) was rejected: malformed JSON"),
                l -> assertThat(l).startsWith("The event (line 4, OrderStatusChanged \"s-1\")").contains("nor-this-one"),
                l -> assertThat(l).startsWith("The event (line 6, OrderPlaced \"o-1\")").contains("'amount' = -1"));
        assertThat(summary(run.err)).containsExactly(1, 4, 0, run.out.lines().count());
    }

    @Test
    void aSmallBatch_changesNothingButTheDeliveries() {
        Run whole = Run.of("replay", "--events", EXAMPLE.toString());
        Run oneByOne = Run.of("replay", "--events", EXAMPLE.toString(), "--batch", "1");

        assertThat(oneByOne.out).isEqualTo(whole.out);
        assertThat(oneByOne.err.replaceAll(" in [0-9.]+ s", "")).isEqualTo(whole.err.replaceAll(" in [0-9.]+ s", ""));
    }

    @Test
    void theSameInputGivesByteIdenticalOutputTwice() {
        assertThat(Run.of("replay", "--events", EXAMPLE.toString()).out)
                .isEqualTo(Run.of("replay", "--events", EXAMPLE.toString()).out);
    }

    @Test
    void readsStandardInput_writesTheActionsToAFile_andTheAuditTrailBesideThem() throws IOException {
        Path out = dir.resolve("actions.jsonl");
        Path audit = dir.resolve("audit.jsonl");
        Run run = Run.withInput(Files.readAllBytes(EXAMPLE),
                "replay", "--events", "-", "--out", out.toString(), "--audit", audit.toString(), "-q");

        assertThat(run.code).isZero();
        assertThat(run.out).isEmpty();
        assertThat(run.err).doesNotContain("events accepted"); // -q
        String onStdout = Run.of("replay", "--events", EXAMPLE.toString()).out;
        assertThat(Files.readString(out)).isEqualTo(onStdout);
        // every action written has its audit line, with its rule and reason (and so has what the gate held back)
        List<JsonNode> trail = Files.readAllLines(audit).stream().map(ReplayCommandTest::tree).toList();
        assertThat(trail).allSatisfy(e -> assertThat(e.get("rule").asText()).isNotBlank())
                .filteredOn(e -> e.get("outcome").asText().equals("EMITTED")).extracting(e -> e.get("actionId").asText())
                .containsExactlyElementsOf(onStdout.lines().map(l -> Json.readAction(l).id()).toList());
    }

    @Test
    void aSettingsFileChangesThresholdsWithoutTouchingRules() throws IOException {
        Path settings = Files.writeString(dir.resolve("settings.yaml"), "lifecycle:\n  dormantAfterDays: 250\n");

        Run plain = Run.of("replay", "--events", EXAMPLE.toString());
        Run run = Run.of("replay", "--events", EXAMPLE.toString(), "--settings", settings.toString());

        // 209 days without an order is dormant by default, no longer with the file; 182 neither
        assertThat(plain.actions()).extracting(a -> a.path("to").asText()).contains("DORMANT");
        assertThat(run.actions()).filteredOn(a -> a.get("type").asText().equals("STAGE_CHANGED"))
                .extracting(a -> a.get("to").asText()).doesNotContain("DORMANT");
    }

    @Test
    void aRulesFolderAddsRules_andReplacesABuiltInRuleOfTheSameName() throws IOException {
        // the built-in rule that makes a captured lead a LEAD, whatever it is called
        String builtIn = Run.of("replay", "--events", EXAMPLE.toString()).actions().stream()
                .filter(a -> a.get("type").asText().equals("STAGE_CHANGED") && a.get("to").asText().equals("LEAD"))
                .map(a -> a.get("rule").asText()).findFirst().orElseThrow();
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("vip.drl"), """
                package rules.custom
                import dev.custflow.model.*
                import dev.custflow.event.*
                global dev.custflow.rules.Actions actions

                // Replaces the built-in rule: here a lead from WeChat is tagged too.
                rule "%s"
                when
                    $c : Customer( stage == null )
                    LeadCaptured( $ch : channel )
                then
                    actions.changeStage($c, Stage.LEAD, "captured via " + $ch + " (custom rule)");
                    actions.addTag($c, "wechat", "came in through WeChat");
                end
                """.formatted(builtIn));

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
    void aMisspeltSettingIsReportedWithFileLineAndSuggestion() throws IOException {
        Path settings = Files.writeString(dir.resolve("settings.yaml"),
                "# thresholds\nlifecycle:\n  dormantAfterDay: 250\n");

        Run run = Run.of("replay", "--events", EXAMPLE.toString(), "--settings", settings.toString());

        assertThat(run.code).isEqualTo(2);
        assertThat(run.err).contains("settings.yaml:3", "lifecycle.dormantAfterDay", "dormantAfterDays");
        assertThat(run.out).isEmpty();
    }

    @Test
    void aBrokenRuleFileIsReportedWithFileLineAndColumnAndNothingRuns() throws IOException {
        Path rules = dir.resolve("rules");
        BrokenRules.writeInto(rules);

        Run run = Run.of("replay", "--events", EXAMPLE.toString(), "--rules", rules.toString());

        assertThat(run.code).isEqualTo(2);
        assertThat(run.err).contains(BrokenRules.ERROR_AT)
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

    /** @return accepted, rejected, duplicates and actions of the summary line on standard error */
    private static long[] summary(String err) {
        Matcher m = SUMMARY.matcher(err);
        assertThat(m.find()).as("a summary line in%n%s", err).isTrue();
        return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
                Long.parseLong(m.group(4))};
    }

    private static JsonNode tree(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new AssertionError("not a JSON line: " + json, e);
        }
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
