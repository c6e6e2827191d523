package dev.custflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.testdata.Bundles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code --locale zh-CN} (or {@code CUSTFLOW_LOCALE=zh-CN}): what the command line writes for people is in Chinese —
 * help, lint findings, scenario diffs, the demo report — with the same files, lines and numbers as in English.
 */
class ReadersLanguageTest {
    private static final Path EXAMPLE = Path.of("../docs/examples/scenarios");
    private static final List<String> CHINESE_HELP = List.of("lint", "test", "demo", "whatif", "calibrate", "forecast",
            "report", "export");

    @Test
    void help_isInChinese_whetherTheLocaleIsGivenBeforeOrAfterTheCommand() {
        String expected = "不运行规则，只检查规则文件夹";
        for (Main.Result r : List.of(Main.captureWith(null, "--locale", "zh-CN", "lint", "--help"),
                Main.captureWith(null, "lint", "--locale", "zh-CN", "--help"),
                Main.captureWith("zh-CN", "lint", "--help"))) {
            assertThat(r.code()).isZero();
            assertThat(r.out()).startsWith("用法： custflow lint").contains(expected, "规则文件夹",
                    "显示这段帮助并退出。", "退出码：").doesNotContain("Checks a rules folder");
        }
        Main.Result top = Main.captureWith(null, "--locale", "zh-CN", "--help");
        assertThat(top.out()).contains("面向 ERP 的客户生命周期规则", "命令：", "docs/guide.zh.md");
    }

    @Test
    void help_staysInEnglish_byDefault_andLocaleOnTheCommandLineWinsOverTheEnvironment() {
        assertThat(Main.captureWith(null, "lint", "--help").out()).startsWith("Usage: custflow lint")
                .contains("Checks a rules folder without running it", "--locale=zh-CN|en");
        assertThat(Main.captureWith("zh-CN", "--locale", "en", "demo", "--help").out())
                .contains("Simulates a company for a year").doesNotContain("模拟");
    }

    @Test
    void anUnknownLocale_isRefused_namingTheOnesThereAre() {
        Main.Result option = Main.captureWith(null, "lint", "--locale", "fr", EXAMPLE.toString());
        assertThat(option.code()).isEqualTo(2);
        assertThat(option.err()).contains("--locale: unknown locale 'fr': choose zh-CN (简体中文) or en (English)");
        Main.Result environment = Main.captureWith("klingon", "lint", EXAMPLE.toString());
        assertThat(environment.code()).isEqualTo(2);
        assertThat(environment.err()).isEqualTo("custflow: CUSTFLOW_LOCALE=klingon: unknown locale 'klingon': "
                + "choose zh-CN (简体中文) or en (English)\n");
    }

    @Test
    void lint_inChinese_namesFileAndLine_andSumsUpInChinese(@TempDir Path dir) throws IOException {
        BrokenRules.writeInto(dir);
        Main.Result r = Main.captureWith(null, "--locale", "zh-CN", "lint", dir.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains(BrokenRules.ERROR_AT.replace(": error: ", ": 错误: "))
                .endsWith("custflow lint：" + dir + "：1 个错误，0 个警告\n");
    }

    @Test
    void test_inChinese_showsTheFailingScenariosDiff(@TempDir Path dir) throws IOException {
        Path copy = copyExample(dir);
        Path edited = copy.resolve("scenarios/key-accounts.yaml");
        Files.writeString(edited, Files.readString(edited).replace("kind: CARE_CALL", "kind: FOLLOW_UP"));
        Main.Result r = Main.captureWith(null, "test", "--locale", "zh-CN", copy.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains(
                "失败  scenarios/key-accounts.yaml:13  a key account's complaint gets a care call the same day",
                "  缺少     TASK_CREATED customerId=C-1, kind=FOLLOW_UP, dueAt=2024-04-02T10:30:00Z",
                "最接近的： TASK_CREATED customerId=C-1, kind=CARE_CALL",
                "kind：期望 FOLLOW_UP，实际是 CARE_CALL", "触发了的规则：", "通过  scenarios/churn.json:3");
        long passed = r.out().lines().filter(l -> l.startsWith("通过  ")).count();
        assertThat(r.out()).endsWith("custflow test：" + copy + "：" + (passed + 1) + " 个场景，" + passed
                + " 个通过，1 个失败\n");
    }

    @Test
    void demoReport_inChinese_hasChineseHeadings_andTheSameNumbersAsInEnglish() {
        String[] demo = {"demo", "--customers", "200", "--seed", "7", "--days", "120", "--quiet"};
        Main.Result en = Main.captureWith(null, demo);
        Main.Result zh = Main.captureWith("zh-CN", demo);
        assertThat(zh.code()).as(zh.err()).isZero();
        assertThat(zh.out()).contains("各阶段客户数（共 ", "阶段转化（", "按类型和规则统计的动作（共 ", "最新示例（",
                "接受事件 ").doesNotContain("Customers per stage", "Actions by type and rule");
        assertThat(numbers(zh.out())).isEqualTo(numbers(en.out()));
    }

    @Test
    void whatif_inChinese_saysWhatWouldChange_withTheSameNumbersAndColumns() {
        String[] whatif = {"whatif", "--rules", "../docs/examples/guide", "--events",
                "../docs/examples/retention.jsonl", "-q"};
        Main.Result en = Main.captureWith(null, whatif);
        Main.Result zh = Main.captureWith("zh-CN", whatif);
        assertThat(zh.code()).as(zh.err()).isZero();
        assertThat(zh.out()).contains("会有什么变化：新增 7 个动作，减少 3 个，涉及 4 个客户", "类型 / 规则", "简而言之：",
                "示例（每条规则最早新增的 + 和减少的 -，附原因）").doesNotContain("What would change");
        assertThat(zh.out().replaceAll("[^0-9]+", " ")).isEqualTo(en.out().replaceAll("[^0-9]+", " "));
        // the counts of a rule stay in the column of the English report, whatever the language of the heading
        String rule = "    大客户: 三笔订单";
        assertThat(line(zh.out(), rule)).isEqualTo(line(en.out(), rule));
        Bundles.assertChineseMatchesEnglish("dev/custflow/examples/internal/whatif.properties");
    }

    private static String line(String text, String start) {
        return text.lines().filter(l -> l.startsWith(start)).findFirst().orElseThrow();
    }

    @Test
    void everyOptionOfTheTranslatedCommands_hasChineseHelp() {
        Bundles.assertChineseMatchesEnglish("dev/custflow/cli/messages.properties");
        Map<String, String> zh = Bundles.read("dev/custflow/cli/Help_zh_CN.properties");
        CommandLine root = Main.commandLine();
        assertHelp(root.getCommandSpec(), zh);
        CHINESE_HELP.forEach(name -> assertHelp(root.getSubcommands().get(name).getCommandSpec(), zh));
    }

    private static void assertHelp(CommandSpec command, Map<String, String> zh) {
        String prefix = command.qualifiedName(".") + ".";
        for (int k = 0; k < command.usageMessage().description().length; k++) {
            assertThat(zh).as(command.qualifiedName()).containsKey(prefix + "usage.description." + k);
        }
        for (OptionSpec o : command.options()) {
            String key = o.descriptionKey().isEmpty() ? o.longestName().replaceFirst("^-+", "") : o.descriptionKey();
            assertThat(zh.containsKey(prefix + key) || zh.containsKey(key))
                    .as("Chinese help for %s %s", command.qualifiedName(), o.longestName()).isTrue();
        }
        for (PositionalParamSpec p : command.positionalParameters()) {
            assertThat(zh).as(command.qualifiedName()).containsKey(prefix + p.paramLabel() + "[" + p.index() + "]");
        }
    }

    /** The report's numbers in order, but the run's timings (engine built in, events fed in, events/s). */
    private static List<String> numbers(String report) {
        List<String> out = new java.util.ArrayList<>();
        List<String> lines = report.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (i == 2) {
                continue; // the timings line
            }
            // sorted within a line: a reason's template may name its facts in another order in Chinese
            List<String> line = new java.util.ArrayList<>();
            Matcher m = Pattern.compile("\\d+(?:[,.]\\d+)*").matcher(lines.get(i));
            while (m.find()) {
                line.add(m.group());
            }
            line.sort(null);
            out.add(String.join(" ", line));
        }
        return out;
    }

    private static Path copyExample(Path dir) throws IOException {
        Path copy = dir.resolve("rules");
        try (Stream<Path> files = Files.walk(EXAMPLE)) {
            for (Path f : files.toList()) {
                Path target = copy.resolve(EXAMPLE.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        return copy;
    }
}
