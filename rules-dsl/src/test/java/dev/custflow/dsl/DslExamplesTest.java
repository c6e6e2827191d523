package dev.custflow.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custflow.Custflow;
import dev.custflow.Engine;
import dev.custflow.Json;
import dev.custflow.action.Action;
import dev.custflow.event.Event;
import dev.custflow.test.Scenario;
import dev.custflow.test.ScenarioResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The business-language examples of docs/dsl.md (docs/examples/dsl): the same five rules in English
 * and in Chinese, loaded from a rules folder that has no .dsl of its own (the built-in DSL is used),
 * given the example's events, act exactly as written, the one language like the other.
 */
class DslExamplesTest {
    private static final Path EXAMPLES = Path.of("../docs/examples/dsl");
    private static final Path EVENTS = EXAMPLES.resolve("events.jsonl");
    private static final Set<String> ENGLISH_RULES = Set.of(
            "churn: a customer without an order for 60 days",
            "service: a big account complaining twice gets a care call",
            "service: a third complaint after the care call is a churn risk",
            "marketing: a new WeChat customer gets a coupon",
            "sales: a strong lead from East China manufacturing goes to the sales team");
    private static final Set<String> CHINESE_RULES = Set.of(
            "流失: 成交客户两个月未下单",
            "服务: 大客户一个月内两次投诉, 客户经理回访",
            "服务: 回访后第三次投诉, 有流失风险",
            "营销: 微信新客户送优惠券",
            "销售: 华东制造业优质线索转给销售");

    @Test
    void englishRules_givenTheExampleEvents_actExactlyAsWritten() {
        assertThat(actionsOfRules(EXAMPLES.resolve("en"), ENGLISH_RULES)).containsExactly(
                // a manufacturing lead from East China scores 45 at capture: straight to the sales team
                "2025-03-03T02:00:00Z L-1 STAGE_CHANGED to=PROSPECT"
                        + " | sales: a strong lead from East China manufacturing goes to the sales team"
                        + " | manufacturing lead from East China with a score of 30 or more",
                // the weekly RFM recompute (Monday 00:00 in Shanghai) makes the WeChat buyer NEW; the coupon
                // is held by the quiet hours until 08:00
                "2025-03-09T16:00:00Z L-2 TAG_ADDED tag=coupon-sent | marketing: a new WeChat customer gets a coupon"
                        + " | the welcome coupon goes out once",
                "2025-03-10T00:00:00Z L-2 MESSAGE_REQUESTED template=COUPON channel=WECHAT"
                        + " | marketing: a new WeChat customer gets a coupon | welcome coupon for a new WeChat customer",
                // two orders, 5,500 spent, the second complaint in a month: a care call, once
                "2025-03-25T02:00:00Z L-2 TASK_CREATED kind=CARE_CALL dueAt=2025-03-27T02:00:00Z"
                        + " | service: a big account complaining twice gets a care call"
                        + " | a big account complained twice in a month",
                "2025-03-25T02:00:00Z L-2 TAG_ADDED tag=care-called"
                        + " | service: a big account complaining twice gets a care call"
                        + " | the account manager calls after the second complaint",
                "2025-04-02T02:00:00Z L-2 CHURN_WARNING level=MEDIUM"
                        + " cause=service: a third complaint after the care call is a churn risk"
                        + " | service: a third complaint after the care call is a churn risk"
                        + " | a third complaint in a month after the care call",
                // 60 days after L-3's only order (2025-03-05T03:00Z), at the first tick after it: the time
                // sentence woke the customer, although nothing happened to it
                "2025-05-04T06:00:00Z L-3 CHURN_WARNING level=HIGH cause=churn: a customer without an order for 60 days"
                        + " | churn: a customer without an order for 60 days | no order for two months");
    }

    @Test
    void chineseRules_givenTheSameEvents_actLikeTheEnglishOnes() {
        assertThat(actionsOfRules(EXAMPLES.resolve("zh"), CHINESE_RULES)).containsExactly(
                "2025-03-03T02:00:00Z L-1 STAGE_CHANGED to=PROSPECT | 销售: 华东制造业优质线索转给销售"
                        + " | 华东制造业线索, 评分 30 分以上",
                "2025-03-09T16:00:00Z L-2 TAG_ADDED tag=已发券 | 营销: 微信新客户送优惠券 | 欢迎优惠券只发一次",
                "2025-03-10T00:00:00Z L-2 MESSAGE_REQUESTED template=COUPON channel=WECHAT | 营销: 微信新客户送优惠券"
                        + " | 微信新客户的欢迎优惠券",
                "2025-03-25T02:00:00Z L-2 TASK_CREATED kind=CARE_CALL dueAt=2025-03-27T02:00:00Z"
                        + " | 服务: 大客户一个月内两次投诉, 客户经理回访 | 大客户一个月内投诉两次",
                "2025-03-25T02:00:00Z L-2 TAG_ADDED tag=已回访 | 服务: 大客户一个月内两次投诉, 客户经理回访"
                        + " | 第二次投诉后客户经理回访",
                "2025-04-02T02:00:00Z L-2 CHURN_WARNING level=MEDIUM cause=服务: 回访后第三次投诉, 有流失风险"
                        + " | 服务: 回访后第三次投诉, 有流失风险 | 回访后一个月内第三次投诉",
                "2025-05-04T06:00:00Z L-3 CHURN_WARNING level=HIGH cause=流失: 成交客户两个月未下单"
                        + " | 流失: 成交客户两个月未下单 | 两个月未下单");
    }

    @Test
    void chineseWrittenTheNaturalWay_withoutSpacesAndWithChineseValues_actsLikeTheSpacedRules() {
        assertThat(actionsOfRules(EXAMPLES.resolve("zh-natural"), CHINESE_RULES))
                .containsExactlyElementsOf(actionsOfRules(EXAMPLES.resolve("zh"), CHINESE_RULES))
                .hasSize(7);
    }

    @Test
    void chineseWrittenTheNaturalWay_passesItsScenarios() {
        Path folder = EXAMPLES.resolve("zh-natural");
        RulesFolder rules = RulesFolder.load(folder);
        List<Scenario> scenarios = new ArrayList<>();
        rules.scenarioFiles().forEach(f -> scenarios.addAll(ScenarioFiles.read(f, folder.relativize(f).toString())));

        assertThat(scenarios).hasSize(3).allSatisfy(s -> {
            ScenarioResult r = s.run(null, b -> b.rules(rules.sources()));
            assertThat(r.passed()).as("%s %s%n%s", s.source(), s.name(), r.report("  ")).isTrue();
        });
    }

    @Test
    void lint_findsNothingWrongWithTheExamples() {
        for (String folder : List.of("en", "zh", "zh-natural")) {
            assertThat(Lint.check(EXAMPLES.resolve(folder))).extracting(Lint::format)
                    .noneMatch(m -> m.contains(": error: ") || m.contains(": warning: "));
        }
    }

    @Test
    void theRulesShownInTheReadmeAndInDocsDsl_areRulesOfTheExamples() throws IOException {
        String examples = Files.readString(EXAMPLES.resolve("en/retention.dslr"))
                + Files.readString(EXAMPLES.resolve("zh/留存.dslr"))
                + Files.readString(EXAMPLES.resolve("own-sentences/orders.dslr"));
        List<String> shown = new ArrayList<>();
        for (Path doc : List.of(Path.of("../README.md"), Path.of("../docs/dsl.md"))) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?ms)^((?:规则|rule) \".*?^(?:结束|end))$")
                    .matcher(Files.readString(doc));
            while (m.find()) {
                if (!m.group(1).contains("$c")) { // not the README's DRL rule
                    shown.add(m.group(1));
                }
            }
        }

        assertThat(shown).hasSize(4).allSatisfy(rule -> assertThat(examples).contains(rule));
    }

    /** Every action of the given rules, in order, as "at customer TYPE fields | rule | reason". */
    private static List<String> actionsOfRules(Path folder, Set<String> rules) {
        List<String> out = new ArrayList<>();
        try (Engine engine = Custflow.builder().rules(RulesFolder.load(folder).sources()).build()) {
            for (Event event : events()) {
                for (Action a : engine.accept(event)) {
                    if (rules.contains(a.rule())) {
                        out.add(describe(a));
                    }
                }
            }
        }
        return out;
    }

    private static List<Event> events() {
        try {
            return Files.readAllLines(EVENTS).stream().filter(l -> !l.isBlank()).map(Json::readEvent).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describe(Action a) {
        JsonNode json;
        try {
            json = Json.mapper().readTree(Json.write(a));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder s = new StringBuilder(a.at() + " " + a.customerId() + " " + json.get("type").asText());
        for (String field : List.of("to", "tag", "kind", "dueAt", "template", "channel", "level", "cause")) {
            if (json.hasNonNull(field)) {
                s.append(' ').append(field).append('=').append(json.get(field).asText());
            }
        }
        return s.append(" | ").append(a.rule()).append(" | ").append(a.reason()).toString();
    }
}
