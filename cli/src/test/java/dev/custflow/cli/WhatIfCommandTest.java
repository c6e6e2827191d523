package dev.custflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.custflow.Json;
import dev.custflow.event.Event;
import dev.custflow.examples.TestData;
import dev.custflow.examples.WhatIfHistory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code custflow whatif} through the command line's own entry point, as bin/custflow runs it. */
class WhatIfCommandTest {
    @TempDir
    Path dir;

    private Path events;
    private Path lowered;

    @BeforeEach
    void files() throws IOException {
        List<String> lines = new ArrayList<>();
        for (Event e : WhatIfHistory.events()) {
            lines.add(Json.write(e));
        }
        events = Files.write(dir.resolve("history.jsonl"), lines, StandardCharsets.UTF_8);
        lowered = Files.createDirectories(dir.resolve("lowered"));
        Files.writeString(lowered.resolve("settings.yaml"), "churn:\n  longNoOrderDays: 60\n");
    }

    @Test
    void whatif_isACommandOfTheCli() {
        assertThat(Main.capture("--help").out()).containsPattern("whatif +A dry run of a rule change");
    }

    @Test
    void whatif_withAFolderLoweringTheThreshold_printsWhatWouldChange() {
        Main.Result run = Main.capture("whatif", "--rules", lowered.toString(), "--events", events.toString());

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Custflow what-if: events from " + events)
                .contains("base:     built-in rules, default settings",
                        "proposed: rules folder " + lowered + " on the built-in rules",
                        "setting churn.longNoOrderDays: 90 -> 60",
                        "NO_ORDER_LONG: the change adds 3 warnings, 100.0 % of them for customers who ordered again "
                                + "within 30 days; drops none; 2 warnings only move to another day.")
                .containsPattern("churn: no order for a long time +2 +5 +\\+5 +-2");
        assertThat(run.err()).contains("custflow whatif: 195 events replayed twice");
    }

    @Test
    void json_isOneObjectWithTheSameNumbers() throws IOException {
        Main.Result run = Main.capture("whatif", "--rules", lowered.toString(), "--events", events.toString(), "--json",
                "--within", "45", "-q");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        JsonNode json = Json.mapper().readTree(run.out());
        assertThat(json.at("/withinDays").asInt()).isEqualTo(45);
        assertThat(json.at("/settingsChanged/0/key").asText()).isEqualTo("churn.longNoOrderDays");
        // within 45 days E's 04-10 order follows its 03-01 warning too
        assertThat(json.at("/churnOutcomes/0/added/orderedWithin").asLong()).isEqualTo(3);
    }

    @Test
    void aBaseFolder_isTheRulesInUse() throws IOException {
        Path base = Files.createDirectories(dir.resolve("base"));
        Files.writeString(base.resolve("settings.yaml"), "churn:\n  longNoOrderDays: 60\n");

        Main.Result run = Main.capture("whatif", "--base", base.toString(), "--rules", lowered.toString(), "--events",
                events.toString(), "-q");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("base:     rules folder " + base, "nothing: both runs gave the same actions");
    }

    @Test
    void withoutAFolder_orWithoutAHistory_itIsAUsageError() {
        Main.Result noRules = Main.capture("whatif", "--events", events.toString());
        Main.Result noHistory = Main.capture("whatif", "--rules", lowered.toString());
        Main.Result both = Main.capture("whatif", "--rules", lowered.toString(), "--events", events.toString(),
                "--cdnow", dir.toString());

        assertThat(noRules.code()).isEqualTo(2);
        assertThat(noRules.err()).contains("custflow whatif: give the change to try with --rules DIR");
        assertThat(noHistory.code()).isEqualTo(2);
        assertThat(noHistory.err()).contains("give the history with --events FILE or --cdnow PATH");
        assertThat(both.code()).isEqualTo(2);
        assertThat(noRules.out() + noHistory.out() + both.out()).isEmpty();
    }

    @Test
    void aMissingFolder_isReportedAndExitsWithTwo() {
        Main.Result run = Main.capture("whatif", "--rules", dir.resolve("nope").toString(), "--events",
                events.toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("custflow whatif: not a folder of rules: " + dir.resolve("nope"));
        assertThat(run.out()).isEmpty();
    }

    @Test
    void rulesThatDoNotCompile_areListedAndExitWithTwo() throws IOException {
        BrokenRules.writeInto(lowered);

        Main.Result run = Main.capture("whatif", "--rules", lowered.toString(), "--events", events.toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains(BrokenRules.ERROR_AT, "custflow whatif: the rules did not compile; nothing was compared");
    }

    @Test
    void aBadSetting_isReportedWithItsFileAndExitsWithTwo() throws IOException {
        Files.writeString(lowered.resolve("settings.yaml"), "churn:\n  longNoOrderDay: 60\n");

        Main.Result run = Main.capture("whatif", "--rules", lowered.toString(), "--events", events.toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("settings.yaml", "longNoOrderDay", "Did you mean 'longNoOrderDays'?");
    }

    @Test
    void aMissingEventsFile_exitsWithTwo_namingIt() {
        Main.Result run = Main.capture("whatif", "--rules", lowered.toString(), "--events", dir.resolve("x.jsonl")
                .toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("custflow whatif: no such file: " + dir.resolve("x.jsonl"));
    }

    @Test
    void badLines_areReportedWithTheirLine_andTheRestIsCompared() throws IOException {
        Path withBad = Files.writeString(dir.resolve("bad.jsonl"), "not json\n"
                + Files.readString(events, StandardCharsets.UTF_8));

        Main.Result run = Main.capture("whatif", "--rules", lowered.toString(), "--events", withBad.toString());

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.err()).contains("The event (line 1)", "(1 lines unreadable)");
        assertThat(run.out()).contains("NO_ORDER_LONG: the change adds 3 warnings");
    }

    @Test
    void aByteOrderMark_isIgnored_andALineOfInvalidUtf8_isReportedAlone() throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        bytes.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, (byte) 0xC3, 0x28, '\n'});
        bytes.writeBytes(Files.readAllBytes(events));
        Path withBad = Files.write(dir.resolve("bad.jsonl"), bytes.toByteArray());

        Main.Result run = Main.capture("whatif", "--rules", lowered.toString(), "--events", withBad.toString());

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.err()).contains("The event (line 1) was rejected: the line is not valid UTF-8 at byte 1 (0xC3)",
                "(1 lines unreadable)");
        assertThat(run.out()).contains("NO_ORDER_LONG: the change adds 3 warnings");
    }

    @Test
    void onlyUnreadableLines_exitWithOne() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.jsonl"), "not json\n");

        Main.Result run = Main.capture("whatif", "--rules", lowered.toString(), "--events", bad.toString());

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("no event could be read");
    }

    @Test
    void theCdnowFixture_runsAsAHistory() {
        Main.Result run = Main.capture("whatif", "--rules", lowered.toString(), "--cdnow",
                TestData.CDNOW_FIXTURE.getParent().toString(), "-q");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Custflow what-if: CDNOW purchase history: 22 purchases by 7 customers")
                .contains("churn: no order for a long time");
    }

    @Test
    void whatif_churnSweep_printsPrecisionRecallAndWarningsPerWeek_perValue() {
        // at the end of 03-31: A and E silent 90 days, B 20, C 6; only A never orders again (base rate 25 %)
        Main.Result run = Main.capture("whatif", "--events", events.toString(), "--churn-sweep",
                "longNoOrderDays=60..100/20", "--cutoff", "2024-03-31", "-q");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Churn threshold sweep: churn.longNoOrderDays from 60 to 100 by 20, "
                        + "warnings of NO_ORDER_LONG")
                .contains("clock stopped at the end of 2024-03-31", "outcome to the end of 2024-05-25",
                        "4 customers, 25.0 % did not order again")
                // 60 days: A, B, C and E warned (B and C cleared by their next order), A and E open at the end
                .containsPattern("\\s60\\s+0\\.3\\s+2\\s+50\\.0 %\\s+100\\.0 %\\s+2\\.00")
                // 80 days: C's 84-day pause still warns; B's 70 days no longer does
                .containsPattern("\\s80\\s+0\\.2\\s+2\\s+50\\.0 %\\s+100\\.0 %\\s+2\\.00")
                .containsPattern("\\s100\\s+0\\.0\\s+0\\s+0\\.0 %\\s+0\\.0 %\\s+0\\.00");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void whatif_churnSweep_inChinese_hasChineseHeadings_andTheSameFigures() {
        String[] args = {"whatif", "--events", events.toString(), "--churn-sweep", "longNoOrderDays=60..100/20",
                "--cutoff", "2024-03-31", "-q"};
        Main.Result en = Main.capture(args);
        Main.Result zh = Main.captureWith("zh-CN", args);

        assertThat(zh.code()).as(zh.err()).isZero();
        assertThat(zh.out()).startsWith("流失阈值扫描：churn.longNoOrderDays 从 60 到 100，步长 20")
                .contains("每周预警", "精确率", "召回率", "提升度", "共 4 个客户，25.0 % 之后没有再下单")
                .containsPattern("\\s60\\s+0\\.3\\s+2\\s+50\\.0 %\\s+100\\.0 %\\s+2\\.00");
        // the figures' lines are the same in both languages, column for column
        assertThat(zh.out().lines().filter(l -> l.matches("\\s+\\d+\\s+\\d.*")))
                .containsExactlyElementsOf(en.out().lines().filter(l -> l.matches("\\s+\\d+\\s+\\d.*")).toList());
    }

    @Test
    void whatif_churnSweep_badForms_exitWithTwo_sayingTheForm() {
        Main.Result bad = Main.capture("whatif", "--events", events.toString(), "--churn-sweep", "longNoOrderDays=30");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("write KEY=FROM..TO/STEP, e.g. longNoOrderDays=30..180/15");
        Main.Result key = Main.capture("whatif", "--events", events.toString(), "--churn-sweep", "returns=1..3");
        assertThat(key.code()).isEqualTo(2);
        assertThat(key.err()).contains("cannot move 'returns'; it moves fallingOrders, intervalMinOrders, "
                + "longNoOrderDays, noOrderDays");
        Main.Result late = Main.capture("whatif", "--events", events.toString(), "--churn-sweep",
                "longNoOrderDays=30..40/10", "--cutoff", "2024-06-01");
        assertThat(late.code()).isEqualTo(2);
        assertThat(late.err()).contains("the cutoff 2024-06-01 leaves no future");
    }
}
