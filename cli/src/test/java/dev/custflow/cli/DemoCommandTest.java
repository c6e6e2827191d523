package dev.custflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.custflow.examples.CdnowHistory;
import dev.custflow.examples.SyntheticLeads;
import dev.custflow.examples.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code custflow demo} through the command line's own entry point, as bin/custflow runs it. */
class DemoCommandTest {
    @TempDir
    Path dir;

    @Test
    void demo_isACommandOfTheCli() {
        Main.Result run = Main.capture("--help");

        assertThat(run.out()).containsPattern("demo +Simulates a company for a year");
    }

    @Test
    void demo_simulatesTheCompanyAsked_andPrintsTheReport() {
        Main.Result run = Main.capture("demo", "--customers", "200", "--seed", "7", "--days", "200", "--quiet");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out())
                .startsWith("Custflow demo: simulated company: 200 leads, 2025-01-01 to 2025-07-19, seed 7")
                .contains("Customers per stage", "成交客户", "Stage conversion", "Actions by type and rule",
                        "Latest examples")
                .contains(" 0 rejected");
        assertThat(run.err()).isEmpty(); // no progress bar without a terminal
    }

    @Test
    void demo_withCdnowAndCutoff_measuresTheChurnRulesAgainstWhatHappenedNext() {
        Main.Result run = Main.capture("demo", "--cdnow", TestData.CDNOW_FIXTURE.getParent().toString(), "--cutoff",
                "1997-03-31", "--quiet");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("Churn rules against what happened next",
                "Clock stopped at the end of 1997-03-31", "| warning (cause) | flagged | of them churned | precision");
    }

    @Test
    void demo_cutoffWithoutCdnow_isAUsageError() {
        Main.Result run = Main.capture("demo", "--customers", "50", "--days", "30", "--cutoff", "1997-09-30",
                "--quiet");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("--cutoff needs --cdnow");
    }

    @Test
    void demo_withCdnow_runsThePurchaseHistory() {
        Main.Result run = Main.capture("demo", "--cdnow", TestData.CDNOW_FIXTURE.getParent().toString(), "--until",
                "1998-12-31",
                "--partitions", "2");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Custflow demo: CDNOW purchase history: 22 purchases by 7 customers")
                .contains("1 partitions".replace("1", "2"))
                .containsPattern("DORMANT +沉睡客户 +7 +100\\.0%");
    }

    @Test
    void demo_withLeads_runsThemAndMeasuresTheScoresAgainstWhoConverted() throws IOException {
        SyntheticLeads.write(dir, 300, 11);

        Main.Result run = Main.capture("demo", "--leads", dir.toString(), "--quiet");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Custflow demo: leads from Leads.csv: 300 leads")
                .contains("LEAD_SCORED", "Lead scores against who converted: leads from Leads.csv: 300 leads")
                .containsPattern("AUC +0\\.\\d{3}").contains("scored            300 of 300 leads");
    }

    @Test
    void demo_cdnowAndLeads_isAUsageError() {
        Main.Result run = Main.capture("demo", "--cdnow", dir.toString(), "--leads", dir.toString(), "--quiet");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("give --cdnow or --leads, not both");
    }

    @Test
    void aMissingCdnowFile_exitsWithTwo_namingIt() {
        Main.Result run = Main.capture("demo", "--cdnow", dir.toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("custflow demo: no such file: " + dir.resolve(CdnowHistory.FILE_NAME));
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aMalformedCdnowFile_exitsWithTwo_namingTheLine() throws IOException {
        Path file = Files.writeString(dir.resolve("CDNOW_master.txt"), " 00001 19970101  1   11.77\n 00002 x\n");

        Main.Result run = Main.capture("demo", "--cdnow", file.toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("custflow demo: " + file + ":2: expected 4 columns");
    }

    @Test
    void nonsenseSizes_exitWithTwo() {
        Main.Result run = Main.capture("demo", "--customers", "0");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("customers must be between 1 and 10,000,000, got 0");
    }

    @Test
    void rulesThatDoNotCompile_exitWithTwo_withTheirErrors() throws IOException {
        Path rules = dir.resolve("rules");
        BrokenRules.writeInto(rules);

        Main.Result run = Main.capture("demo", "--customers", "10", "--rules", rules.toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains(BrokenRules.ERROR_AT, "custflow demo: the rules did not compile; nothing was run");
    }
}
